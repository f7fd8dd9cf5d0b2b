/**
 * The English word list of did-you-mean (search/english.ts), stored by the
 * content build: it must answer as the Hunspell checkers it is made from
 * (nspell over dictionary-en and dictionary-en-gb, what the search asked at
 * run time before the list) on every word the benchmark's queries and the
 * document hold, and on misspellings; and a query whose words the document or
 * the thesaurus knows never reads it.
 */
import nspell from 'nspell';
import en from 'dictionary-en';
import gb from 'dictionary-en-gb';
import { describe, expect, it, vi } from 'vitest';
import { EnglishWords, englishWords } from '../../src/core/search/english';
import { SearchService } from '../../src/core/search/service';
import { queryTokens } from '../../src/core/search/tokenize';
import { JUDGED_QUERIES } from '../../scripts/bench/judged-queries';
import { LATENCY_QUERIES } from '../../scripts/bench/queries';
import { REAL_WORDS } from '../../scripts/bench/relevance';
import { useRealSearch } from '../support/search';

const engine = useRealSearch();

/** The check as it was made at run time: nspell, the word as typed, lower case, capitalised or in capitals. */
function hunspellSays(): (word: string) => boolean {
  const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  const checkers = [nspell(buf(en.aff), buf(en.dic)), nspell(buf(gb.aff), buf(gb.dic))];
  return (word) => {
    if (!/^[\p{L}'’-]+$/u.test(word) || word.length > 40) return false;
    const lower = word.toLowerCase();
    const forms = [word, lower, lower.charAt(0).toUpperCase() + lower.slice(1), word.toUpperCase()];
    return checkers.some((c) => forms.some((f) => c.correct(f)));
  };
}

const MISSPELT = ['remitances', 'xenofobia', 'campaing', 'migartion', 'refugess', 'labuor', 'inspecton', 'Sutherlnd'];

const APOSTROPHES = ["neighbour's", 'neighbour’s', "women's", 'women’s', "migrants'", 'xenofobia’s'];

describe('the stored English word list', () => {
  it('answers as the Hunspell dictionaries do on the queries, the document and misspellings', () => {
    const english = englishWords(engine.store.searchEnglish());
    const says = hunspellSays();
    const queries = [...LATENCY_QUERIES.map((q) => q.q), ...JUDGED_QUERIES.map((j) => j.q), ...REAL_WORDS];
    const vocabulary = Object.values(engine.store.searchVocabulary().all()).map(([spelling]) => spelling);
    const words = new Set([...queries.flatMap((q) => queryTokens(q)), ...vocabulary, ...MISSPELT, ...APOSTROPHES]);
    expect(words.size).toBeGreaterThan(2000);
    const differ = [...words].filter((w) => english.has(w) !== says(w));
    expect(differ).toEqual([]);
    for (const w of MISSPELT) expect(english.has(w), w).toBe(false);
    for (const w of ['inspection', 'Deportations', 'organisations', 'LABOUR', 'inception', 'neighbour’s'])
      expect(english.has(w), w).toBe(true);
  });

  it('finds the first and the last word, and nothing in an empty list', () => {
    const list = new EnglishWords(['apple', 'banana', 'cherry'].join('\n'));
    expect(['apple', 'Banana', 'CHERRY'].map((w) => list.has(w))).toEqual([true, true, true]);
    expect(['appl', 'bananas', 'aardvark', 'zebra', '', 'a-b1'].map((w) => list.has(w))).toEqual(Array(6).fill(false));
    expect(englishWords(null).has('apple')).toBe(false);
  });
});

describe('a query of words the document or the thesaurus knows', () => {
  it('never reads the English word list ("inspection" is a word of the thesaurus\'s "labour inspection")', () => {
    const search = new SearchService(engine.store);
    const read = vi.spyOn(engine.store, 'searchEnglish');
    try {
      for (const q of ['labour inspection', 'remittances', 'brain drain', 'deportation'])
        expect(search.query({ q }).didYouMean, q).toBeNull();
      expect(read).not.toHaveBeenCalled();
      // A word nobody knows does read it, once.
      expect(search.query({ q: 'remitances' }).didYouMean).toBe('remittances');
      search.query({ q: 'xenofobia' });
      expect(read).toHaveBeenCalledTimes(1);
    } finally {
      read.mockRestore();
    }
  });
});
