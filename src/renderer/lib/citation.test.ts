import { describe, expect, it } from 'vitest';
import { blockLink, citation, parseDeepLink } from './citation';

describe('citation', () => {
  it('quotes the text and names the work and the label', () => {
    expect(citation('Protect women and men migrants.', 'Cluster 2 (2), Policy option 1')).toBe(
      '“Protect women and men migrants.” (GFMD Thematic Recollection 2007–2017, Cluster 2 (2), Policy option 1)',
    );
  });
});

describe('deep links', () => {
  it('round-trips a block link', () => {
    expect(parseDeepLink(blockLink('c2.f3.po.1'))).toEqual({ type: 'block', id: 'c2.f3.po.1' });
  });

  it('reads the hash forms the shell passes to the window', () => {
    expect(parseDeepLink('#block/c3.f2.pa.1.2')).toEqual({ type: 'block', id: 'c3.f2.pa.1.2' });
    expect(parseDeepLink('#/page/c2.f2')).toEqual({ type: 'page', id: 'c2.f2' });
  });

  it('refuses anything that is not an id', () => {
    expect(parseDeepLink('recollection://block/../../etc/passwd')).toBeNull();
    expect(parseDeepLink('recollection://block/a%20b')).toBeNull();
    expect(parseDeepLink('recollection://block/%E0%A4%A')).toBeNull();
    expect(parseDeepLink('https://example.org/block/c2')).toBeNull();
    expect(parseDeepLink('recollection://note/c2')).toBeNull();
    expect(parseDeepLink('')).toBeNull();
  });
});
