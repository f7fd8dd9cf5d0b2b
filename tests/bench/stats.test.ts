/**
 * The benchmark's arithmetic against values computed by hand: percentiles,
 * summaries, success@k and MRR; plus the pieces whose mistakes would skew a
 * whole run without any error: the keystroke prefixes, the FTS5 query
 * syntax, and the synthetic corpus (sound, deterministic, and varied).
 * No timing is asserted anywhere (timings belong to `npm run bench`).
 */
import { describe, expect, it } from 'vitest';
import { modelProblems } from '../../src/core/content/validate';
import { ftsQuery, ftsTerms } from '../../scripts/bench/baselines';
import { JUDGED_QUERIES } from '../../scripts/bench/judged-queries';
import { keystrokePrefixes, LATENCY_QUERIES } from '../../scripts/bench/queries';
import {
  firstRelevantRank,
  meanReciprocalRank,
  percentile,
  seededRandom,
  successAt,
  summarize,
} from '../../scripts/bench/stats';
import { documentWords, syntheticModel } from '../../scripts/bench/synthetic';
import { testContent } from '../support/content';

describe('percentiles and summaries', () => {
  it('interpolates between the two closest ranks', () => {
    // position = p/100 × (n − 1): 0.5 × 3 = 1.5 → halfway between 2 and 3.
    expect(percentile([1, 2, 3, 4], 50)).toBe(2.5);
    // 0.95 × 4 = 3.8 → 40 + 0.8 × (50 − 40).
    expect(percentile([10, 20, 30, 40, 50], 95)).toBeCloseTo(48, 10);
    // 0.99 × 9 = 8.91 → 9 + 0.91 × (100 − 9): one outlier lifts p99 of ten samples a lot.
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 100], 99)).toBeCloseTo(91.81, 10);
    expect(percentile([7], 99)).toBe(7);
    expect(percentile([3, 9], 0)).toBe(3);
    expect(percentile([3, 9], 100)).toBe(9);
    expect(percentile([], 50)).toBeNaN();
  });

  it('summarizes unsorted samples without changing them', () => {
    const samples = [5, 1, 4, 2, 3];
    const s = summarize(samples);
    expect({ n: s.n, min: s.min, mean: s.mean, p50: s.p50, max: s.max }).toEqual({
      n: 5,
      min: 1,
      mean: 3,
      p50: 3,
      max: 5,
    });
    // 0.95 × 4 = 3.8 → 4.8; 0.99 × 4 = 3.96 → 4.96.
    expect(s.p95).toBeCloseTo(4.8, 10);
    expect(s.p99).toBeCloseTo(4.96, 10);
    expect(samples).toEqual([5, 1, 4, 2, 3]);
    expect(summarize([]).n).toBe(0);
    expect(summarize([]).p95).toBeNaN();
  });
});

describe('ranking measures', () => {
  it('finds the rank of the first relevant result', () => {
    expect(firstRelevantRank(['a', 'b', 'c'], ['c', 'x'])).toBe(3);
    expect(firstRelevantRank(['a', 'b', 'c'], ['b', 'c'])).toBe(2);
    expect(firstRelevantRank(['a', 'b'], ['z'])).toBeNull();
    expect(firstRelevantRank([], ['a'])).toBeNull();
  });

  it('computes success@k and MRR', () => {
    const ranks = [1, 3, null, 2];
    expect(successAt(ranks, 1)).toBe(0.25);
    expect(successAt(ranks, 3)).toBe(0.75);
    expect(successAt(ranks, 20)).toBe(0.75);
    // (1 + 1/3 + 0 + 1/2) / 4 = 11/24.
    expect(meanReciprocalRank(ranks)).toBeCloseTo(11 / 24, 12);
    expect(meanReciprocalRank([null, null])).toBe(0);
    expect(successAt([], 3)).toBeNaN();
  });
});

describe('query sets', () => {
  it('types a query keystroke by keystroke, trimmed, without repeats or the full query', () => {
    expect(keystrokePrefixes('labour mobility')).toEqual([
      'l',
      'la',
      'lab',
      'labo',
      'labou',
      'labour',
      'labour m',
      'labour mo',
      'labour mob',
      'labour mobi',
      'labour mobil',
      'labour mobili',
      'labour mobilit',
    ]);
    expect(keystrokePrefixes('a')).toEqual([]);
  });

  it('has at least 100 latency queries of every kind and 40 judged ones, without duplicates', () => {
    expect(LATENCY_QUERIES.length).toBeGreaterThanOrEqual(100);
    expect(new Set(LATENCY_QUERIES.map((q) => q.kind))).toEqual(
      new Set(['word', 'phrase', 'acronym', 'code', 'typo', 'spelling']),
    );
    expect(new Set(LATENCY_QUERIES.map((q) => q.q)).size).toBe(LATENCY_QUERIES.length);
    expect(JUDGED_QUERIES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(JUDGED_QUERIES.map((q) => q.q)).size).toBe(JUDGED_QUERIES.length);
  });

  it('names only blocks and footnotes of the real document in the judged set', () => {
    const { model } = testContent();
    // Identifier queries (a PfP number, "footnote 54") are answered by a footnote, `fn.<number>` in search.
    const ids = new Set([...model.blocks.map((b) => b.id), ...model.footnotes.map((f) => `fn.${f.number}`)]);
    const unknown = JUDGED_QUERIES.flatMap((j) => j.relevant.filter((id) => !ids.has(id)));
    expect(unknown).toEqual([]);
  });
});

describe('FTS5 query syntax', () => {
  it('quotes every term, keeps codes whole and makes the last term a prefix', () => {
    expect(ftsQuery('SDG 10.7', 'AND')).toBe('"SDG" "10.7"*');
    expect(ftsQuery('SDG 10.7', 'OR')).toBe('"SDG" OR "10.7"*');
    expect(ftsQuery('whole-of-government approach', 'AND')).toBe('"whole-of-government" "approach"*');
    expect(ftsTerms('say "hello" (AND) NOT')).toEqual(['"say"', '"hello"', '"AND"', '"NOT"']);
    expect(ftsQuery(' ?! ', 'AND')).toBeNull();
  });
});

describe('synthetic corpora', () => {
  const base = testContent().model;

  it('is a sound model, N times the document, copy 0 unchanged', () => {
    const m = syntheticModel(base, 3);
    expect(modelProblems(m)).toEqual([]);
    expect(m.blocks.length).toBe(3 * base.blocks.length);
    expect(m.sections.length).toBe(3 * base.sections.length);
    expect(m.blocks.slice(0, base.blocks.length)).toEqual(base.blocks);
    expect(syntheticModel(base, 1).blocks).toEqual(base.blocks);
  });

  it('is deterministic, and varies the text with the document’s own words', () => {
    const a = syntheticModel(base, 2);
    const b = syntheticModel(base, 2);
    expect(a).toEqual(b);
    const copy = a.blocks.slice(base.blocks.length);
    const changed = copy.filter((blk, i) => blk.text !== base.blocks[i].text).length;
    // 30% of words substituted: almost every block of more than a few words differs.
    expect(changed / copy.length).toBeGreaterThan(0.8);
    const vocabulary = new Set(documentWords(base));
    const copyWords = documentWords({ ...a, blocks: copy });
    const known = copyWords.filter((w) => vocabulary.has(w)).length / copyWords.length;
    // Mostly the document's words, plus a few invented ones (2%).
    expect(known).toBeGreaterThan(0.9);
    expect(known).toBeLessThan(1);
  });

  it('draws numbers in [0, 1) from a seed, the same for the same seed', () => {
    const xs = Array.from({ length: 1000 }, seededRandom(42));
    expect(xs).toEqual(Array.from({ length: 1000 }, seededRandom(42)));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(Array.from({ length: 5 }, seededRandom(43))).not.toEqual(xs.slice(0, 5));
  });
});
