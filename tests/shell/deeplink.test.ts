/** Deep links from the OS: only the two documented forms pass. */
import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv, parseDeepLinkUrl } from '../../src/main/deeplink';

describe('deep links', () => {
  it('accepts block and page links', () => {
    expect(parseDeepLinkUrl('recollection://block/c2.f3.po.1')).toEqual({ type: 'block', id: 'c2.f3.po.1' });
    expect(parseDeepLinkUrl('recollection://page/c2.f3/')).toEqual({ type: 'page', id: 'c2.f3' });
  });

  it('refuses anything else', () => {
    for (const bad of [
      'recollection://block/../../etc/passwd',
      'recollection://block/c2 f3',
      'recollection://run/calc.exe',
      'recollection://block/',
      'https://gfmd.org/pfp/ppd/215',
      'javascript:alert(1)',
      `recollection://block/${'a'.repeat(101)}`,
    ]) {
      expect(parseDeepLinkUrl(bad), bad).toBeNull();
    }
  });

  it('finds the link among command-line arguments', () => {
    expect(deepLinkFromArgv(['/opt/Recollection/recollection', '--no-sandbox', 'recollection://block/fn.54'])).toEqual({
      type: 'block',
      id: 'fn.54',
    });
    expect(deepLinkFromArgv(['/opt/Recollection/recollection'])).toBeNull();
  });
});
