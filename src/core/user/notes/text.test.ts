/** Folding with an offset map, query terms and word-prefix hits (notes filter and search). */
import { describe, expect, it } from 'vitest';
import { fold, foldWithMap, queryTerms, wordEnd, wordPrefixHits } from './text';

describe('text folding', () => {
  it('folds case and diacritics and maps folded offsets back to the original', () => {
    const original = 'Côte d’Ivoire — ÉMIGRÉS';
    const { text, map } = foldWithMap(original);
    expect(text).toBe('cote d’ivoire — emigres');
    const i = text.indexOf('emigres');
    expect(original.slice(map[i], map[i + 'emigres'.length])).toBe('ÉMIGRÉS');
    expect(fold('Ñandú')).toBe('nandu');
  });

  it('keeps offsets right across characters outside the basic plane', () => {
    const original = '𝐀 note about remittances';
    const { text, map } = foldWithMap(original);
    const i = text.indexOf('remittances');
    expect(original.slice(map[i], map[i + 11])).toBe('remittances');
  });

  it('splits queries into words, keeping SDG codes and inner apostrophes', () => {
    expect(queryTerms('SDG 10.7, migrant’s  RIGHTS rights')).toEqual(['sdg', '10.7', 'migrant’s', 'rights']);
    expect(queryTerms('  ,;  ')).toEqual([]);
  });

  it('finds word prefixes only at word starts', () => {
    const f = fold('Remittances and transremittance, remit!');
    expect(wordPrefixHits(f, 'remit')).toEqual([0, 33]);
    expect(f.slice(33, wordEnd(f, 33))).toBe('remit');
  });
});
