/**
 * Nearest document word to a misspelt query word, for "did you mean".
 *
 * Constraint: deterministic and bounded: optimal-string-alignment distance
 * (a swap of two letters counts as one edit) with a cut-off, over the
 * document's vocabulary (a few thousand terms), ties broken by how many
 * documents use the word, then alphabetically.
 */
import type { Vocabulary } from '../content/vocabulary-row';

/** Edit distance with adjacent transpositions; returns max + 1 as soon as it exceeds `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      rowMin = Math.min(rowMin, v);
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

/** Edits allowed for a word of this length: 1 up to 5 letters, 2 up to 9, then 3. */
export function allowedEdits(length: number): number {
  return length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

/** Letters a–z counted per word, 26 a word: an edit changes at most two counts by one (a swap none). */
function letterCounts(word: string, into: Uint8Array, at: number): void {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) - 97;
    if (c >= 0 && c < 26 && into[at + c] < 255) into[at + c]++;
  }
}

/** Candidate words for corrections: the letters-only terms of the vocabulary, their document frequency and letter counts. */
export interface Candidates {
  terms: string[];
  df: number[];
  counts: Uint8Array;
}

export function correctionCandidates(vocabulary: Vocabulary): Candidates {
  const terms: string[] = [];
  const df: number[] = [];
  for (const [t, [, n]] of Object.entries(vocabulary)) {
    if (!/^[a-z]+$/.test(t)) continue;
    terms.push(t);
    df.push(n);
  }
  const counts = new Uint8Array(terms.length * 26);
  terms.forEach((t, i) => letterCounts(t, counts, i * 26));
  return { terms, df, counts };
}

/**
 * The document's spelling of the closest known term, or null when none is close enough.
 * On a large vocabulary most words are ruled out before the edit distance: half the
 * difference of their letter counts is a lower bound of it (a swap changes no count, any
 * other edit at most two), and so is the difference of lengths.
 */
export function closestTerm(
  term: string,
  vocabulary: Vocabulary,
  candidates: Candidates = correctionCandidates(vocabulary),
): string | null {
  const max = allowedEdits(term.length);
  const own = new Uint8Array(26);
  letterCounts(term, own, 0);
  const { terms, df: dfs, counts } = candidates;
  let best: { term: string; d: number; df: number } | null = null;
  for (let k = 0; k < terms.length; k++) {
    const candidate = terms[k];
    if (Math.abs(candidate.length - term.length) > max) continue;
    let diff = 0;
    for (let c = 0, at = k * 26; c < 26 && diff <= 2 * max; c++) diff += Math.abs(counts[at + c] - own[c]);
    if (diff > 2 * max) continue;
    const d = editDistance(term, candidate, max);
    if (d > max) continue;
    const df = dfs[k];
    if (!best || d < best.d || (d === best.d && (df > best.df || (df === best.df && candidate < best.term)))) {
      best = { term: candidate, d, df };
    }
  }
  if (!best) return null;
  const surface = vocabulary[best.term][0];
  return surface === surface.toUpperCase() ? surface : surface.toLowerCase();
}
