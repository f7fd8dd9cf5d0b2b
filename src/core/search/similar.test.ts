/**
 * Edit distance and the nearest document word for "did you mean".
 */
import { describe, expect, it } from 'vitest';
import type { Vocabulary } from '../content/vocabulary-row';
import { useRealSearch } from '../../../tests/support/search';
import { allowedEdits, closestTerm, correctionCandidates, editDistance } from './similar';

describe('edit distance', () => {
  it('counts insertions, deletions, substitutions and swaps', () => {
    expect(editDistance('remitance', 'remittance', 3)).toBe(1);
    expect(editDistance('migarnt', 'migrant', 3)).toBe(1); // swapped letters count once
    expect(editDistance('xenofobia', 'xenophobia', 3)).toBe(2);
    expect(editDistance('same', 'same', 1)).toBe(0);
  });

  it('stops early past the cut-off', () => {
    expect(editDistance('abcdef', 'uvwxyz', 2)).toBe(3);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });
});

describe('closest term', () => {
  const vocab: Vocabulary = {
    remittance: ['remittances', 40],
    remit: ['remit', 1],
    iris: ['IRIS', 2],
    trafficking: ['trafficking', 30],
    '10.7': ['10.7', 4],
  };

  it('picks the nearest, then the most used, and returns the document spelling', () => {
    expect(closestTerm('remitance', vocab)).toBe('remittances');
    expect(closestTerm('trafficing', vocab)).toBe('trafficking');
    expect(closestTerm('irs', vocab)).toBe('IRIS'); // an acronym keeps its capitals
  });

  it('returns null when nothing is close', () => {
    expect(closestTerm('zzzzzz', vocab)).toBeNull();
  });
});

describe('closest term on the real vocabulary', () => {
  const real = useRealSearch();

  /** The plain scan the letter-count bound must agree with: every letters-only term, nearest, most used, then alphabetical. */
  function reference(term: string, vocab: Vocabulary): string | null {
    const max = allowedEdits(term.length);
    let best: [string, number, number] | null = null;
    for (const [t, [, df]] of Object.entries(vocab)) {
      if (!/^[a-z]+$/.test(t)) continue;
      const d = editDistance(term, t, max);
      if (d > max) continue;
      if (!best || d < best[1] || (d === best[1] && (df > best[2] || (df === best[2] && t < best[0]))))
        best = [t, d, df];
    }
    if (!best) return null;
    const s = vocab[best[0]][0];
    return s === s.toUpperCase() ? s : s.toLowerCase();
  }

  it('finds what a scan of every term finds, for misspellings of every kind', () => {
    const vocab = real.store.searchVocabulary().all();
    const candidates = correctionCandidates(vocab);
    const words = Object.keys(vocab).filter((t) => /^[a-z]{4,}$/.test(t));
    let seed = 7;
    const rnd = (n: number): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const typos: string[] = ['portabilty', 'huamn', 'xenofobia', 'remitances', 'zzzzzz', 'migarnts'];
    for (let i = 0; i < 150; i++) {
      const w = words[rnd(words.length)];
      const at = rnd(w.length - 1);
      const edits = [
        w.slice(0, at) + w.slice(at + 1),
        w.slice(0, at) + w[at + 1] + w[at] + w.slice(at + 2),
        w.slice(0, at) + 'q' + w.slice(at + 1),
        w.slice(0, at) + 'e' + w.slice(at),
      ];
      typos.push(edits[rnd(edits.length)]);
    }
    for (const t of typos) expect(closestTerm(t, vocab, candidates), t).toBe(reference(t, vocab));
  });
});
