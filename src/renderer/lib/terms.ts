/**
 * Find the search result's matched terms in a block's plain text, so the words
 * stay highlighted after opening a result.
 *
 * Constraint: the search index folds case, diacritics and British/American
 * spellings; the reader must fold the same way, or "labour" would not be marked
 * for the term "labor". Both sides go through `fold`, so it only has to be
 * consistent with itself, not identical to the index's folding.
 */

/** Words, keeping codes like 10.7 or 12(a)-style tokens and hyphenated words whole. */
const WORD = /[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu;

const SPELLINGS: Array<[RegExp, string]> = [
  [/isation(s?)$/, 'ization$1'],
  [/is(e|es|ed|ing)$/, 'iz$1'],
  [/our(s?)$/, 'or$1'],
  [/ourer(s?)$/, 'orer$1'],
  [/programme(s?)$/, 'program$1'],
  [/centre(s?)$/, 'center$1'],
  [/lled$/, 'led'],
];

export function fold(word: string): string {
  let w = word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/’/g, "'");
  for (const [re, to] of SPELLINGS) w = w.replace(re, to);
  return w;
}

/** [start, end) ranges of words in `text` that match one of `terms` (after folding). */
export function termRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  if (terms.length === 0) return [];
  const wanted = new Set(terms.map(fold).filter((t) => t.length > 0));
  const out: Array<[number, number]> = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0];
    const start = m.index;
    if (wanted.has(fold(word))) {
      out.push([start, start + word.length]);
      continue;
    }
    // "migrants'" or "SDG-10.7": also try the parts of a compound word.
    if (/[.'’-]/.test(word)) {
      let offset = 0;
      for (const part of word.split(/([.'’-])/)) {
        if (part.length > 1 && wanted.has(fold(part))) out.push([start + offset, start + offset + part.length]);
        offset += part.length;
      }
    }
  }
  return out;
}
