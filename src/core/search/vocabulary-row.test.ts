import { describe, expect, it } from 'vitest';
import type { Vocabulary } from './documents';
import { vocabularyOf, vocabularyRow } from './vocabulary-row';

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

  it('refuses a row that is not whole', () => {
    for (const damaged of ['{"migration":["migration",1]}', '["migration","migration"]', '["a","b","3"]', '[1,"b",3]'])
      expect(() => vocabularyOf(damaged), damaged).toThrow();
    expect(() => vocabularyOf('["a","b"')).toThrow();
  });
});
