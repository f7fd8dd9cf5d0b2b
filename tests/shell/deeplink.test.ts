/** Deep links from the OS: only the two documented forms pass, found among the command-line arguments. */
import { describe, expect, it } from 'vitest';
import { deepLinkFromArgv } from '../../src/main/deeplink';

describe('deep links from the command line', () => {
  it('finds the link among command-line arguments', () => {
    expect(deepLinkFromArgv(['/opt/Recollection/recollection', '--no-sandbox', 'recollection://block/fn.54'])).toEqual({
      type: 'block',
      id: 'fn.54',
    });
    expect(deepLinkFromArgv(['/opt/Recollection/recollection'])).toBeNull();
  });

  it('takes the page form and ignores malformed links and hash forms', () => {
    expect(deepLinkFromArgv(['recollection://run/calc.exe', '#block/c2', 'recollection://page/c2.f3/'])).toEqual({
      type: 'page',
      id: 'c2.f3',
    });
    expect(deepLinkFromArgv(['recollection://block/../../etc/passwd', 'javascript:alert(1)'])).toBeNull();
  });
});
