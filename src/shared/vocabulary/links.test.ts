/** Deep links: what the builder writes the parser reads back; nothing else passes. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits';
import { blockLink, deepLink, parseDeepLink, parseDeepLinkHash } from './links';

const idChar = fc.constantFrom(...'abcXYZ0189._:-');
const anyId = fc.string({ unit: idChar, minLength: 1, maxLength: LIMITS.idLength });
const anyType = fc.constantFrom('block' as const, 'page' as const);

describe('deep links', () => {
  it('round-trips every id of the contract alphabet, block and page', () => {
    fc.assert(
      fc.property(anyType, anyId, (type, id) => {
        expect(parseDeepLink(deepLink({ type, id }))).toEqual({ type, id });
        expect(parseDeepLinkHash(`#${type}/${id}`)).toEqual({ type, id });
      }),
    );
  });

  it('writes the forms exported briefs carry', () => {
    expect(blockLink('c2.f3.po.1')).toBe('recollection://block/c2.f3.po.1');
    expect(deepLink({ type: 'page', id: 'c2.f3' })).toBe('recollection://page/c2.f3');
  });

  it('accepts a trailing slash and percent-encoded id characters', () => {
    expect(parseDeepLink('recollection://page/c2.f3/')).toEqual({ type: 'page', id: 'c2.f3' });
    expect(parseDeepLink('recollection://block/fn%3A54')).toEqual({ type: 'block', id: 'fn:54' });
  });

  it('reads the hash forms a page is opened with', () => {
    expect(parseDeepLinkHash('#block/c3.f2.pa.1.2')).toEqual({ type: 'block', id: 'c3.f2.pa.1.2' });
    expect(parseDeepLinkHash('#/page/c2.f2')).toEqual({ type: 'page', id: 'c2.f2' });
  });

  it('refuses malformed links', () => {
    for (const bad of [
      '',
      'recollection://block/',
      'recollection://block/../../etc/passwd',
      'recollection://block/a%2Fb', // a slash smuggled in by an escape
      'recollection://block/a%20b',
      'recollection://block/c2 f3',
      'recollection://block/%E0%A4%A', // a malformed escape
      `recollection://block/${'a'.repeat(LIMITS.idLength + 1)}`,
      `recollection://block/${'%41'.repeat(200)}`,
      'recollection://run/calc.exe',
      'recollection://note/c2',
      'recollection:block/c2',
      ' recollection://block/c2',
      'RECOLLECTION://block/c2',
      'https://gfmd.org/pfp/ppd/215',
      'https://example.org/block/c2',
      'javascript:alert(1)',
      '#block/c2', // a hash is not a link from outside
    ]) {
      expect(parseDeepLink(bad), bad).toBeNull();
    }
    for (const bad of [null, undefined, 42, { type: 'block', id: 'c2' }, ['recollection://block/c2']]) {
      expect(parseDeepLink(bad)).toBeNull();
    }
  });

  it('refuses hashes that are not a place', () => {
    for (const bad of [
      '',
      '#',
      '#search/remittances',
      '#block/',
      '#block/a b',
      'recollection://block/c2',
      '#block/a/b',
    ]) {
      expect(parseDeepLinkHash(bad), bad).toBeNull();
    }
  });
});
