import { describe, expect, it } from 'vitest';
import type { Vocabulary } from './vocabulary-row';
import { SortedVocabulary, vocabularyRow } from './vocabulary-row';

const vocabularyOf = (text: string): Vocabulary => SortedVocabulary.of(text).all();

describe('the stored vocabulary row', () => {
  it('reads back what was written, in order, with any term as a plain key', () => {
    const vocabulary: Vocabulary = { migration: ['migration', 120], remittances: ['Remittances', 14] };
    const hostile = JSON.stringify(['__proto__', 'x', 1, 'constructor', 'Constructor', 2]);
    expect(vocabularyOf(vocabularyRow(vocabulary))).toEqual(vocabulary);
    expect(Object.keys(vocabularyOf(vocabularyRow(vocabulary)))).toEqual(['migration', 'remittances']);
    const read = vocabularyOf(hostile);
    expect(Object.keys(read)).toEqual(['__proto__', 'constructor']);
    expect(read['constructor']).toEqual(['Constructor', 2]);
    expect(Object.getPrototypeOf(read)).toBeNull();
    expect('toString' in vocabularyOf('[]')).toBe(false);
  });

  it('finds every term by binary search, and no other', () => {
    const vocabulary: Vocabulary = {};
    for (const term of ['10', '2030', 'a', 'labour', 'migration', 'migrations', 'remittances', 'zone'])
      vocabulary[term] = [term.toUpperCase(), term.length];
    const sorted = SortedVocabulary.of(vocabularyRow(vocabulary));
    for (const [term, entry] of Object.entries(vocabulary)) expect(sorted.get(term), term).toEqual(entry);
    for (const absent of ['', '0', 'b', 'migrat', 'migrationss', 'zzz', 'constructor'])
      expect(sorted.get(absent)).toBeUndefined();
    expect(sorted.terms()).toEqual(Object.keys(vocabulary).sort());
    expect(sorted.all()).toEqual(vocabulary);
  });

  it('refuses a row that is not whole', () => {
    expect(() => SortedVocabulary.of(JSON.stringify(['b', 'B', 1, 'a', 'A', 1]))).toThrow(/out of order/);
    for (const damaged of ['{"migration":["migration",1]}', '["migration","migration"]', '["a","b","3"]', '[1,"b",3]'])
      expect(() => vocabularyOf(damaged), damaged).toThrow();
    expect(() => vocabularyOf('["a","b"')).toThrow();
  });
});
