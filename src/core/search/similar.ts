/**
 * Nearest document word to a misspelt query word, for "did you mean".
 *
 * Constraint: deterministic and bounded: optimal-string-alignment distance
 * (a swap of two letters counts as one edit) with a cut-off, over the
 * document's vocabulary (a few thousand terms), ties broken by how many
 * documents use the word, then alphabetically.
 */
import type { Vocabulary } from './documents';

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

/** Candidate words for corrections: the letters-only terms of the vocabulary with their document frequency. */
export function correctionCandidates(vocabulary: Vocabulary): Array<[term: string, df: number]> {
  return Object.entries(vocabulary)
    .filter(([t]) => /^[a-z]+$/.test(t))
    .map(([t, [, df]]): [string, number] => [t, df]);
}

/** The document's spelling of the closest known term, or null when none is close enough. */
export function closestTerm(
  term: string,
  vocabulary: Vocabulary,
  candidates: ReadonlyArray<[string, number]> = correctionCandidates(vocabulary),
): string | null {
  const max = allowedEdits(term.length);
  let best: { term: string; d: number; df: number } | null = null;
  for (const [candidate, df] of candidates) {
    const d = editDistance(term, candidate, max);
    if (d > max) continue;
    if (!best || d < best.d || (d === best.d && (df > best.df || (df === best.df && candidate < best.term)))) {
      best = { term: candidate, d, df };
    }
  }
  if (!best) return null;
  const surface = vocabulary[best.term][0];
  return surface === surface.toUpperCase() ? surface : surface.toLowerCase();
}
