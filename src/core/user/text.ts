/**
 * Text folding for the notes filter and the notes search: case and diacritics
 * folded ("Côte" finds "cote"), with a map back to the original offsets so
 * highlights land on the text the user wrote.
 *
 * Constraint: offsets are UTF-16 code units of the original string, like every
 * other offset in the contract.
 */

export interface Folded {
  text: string;
  /** `map[i]` is the offset in the original string of folded character i; `map[text.length]` = original length. */
  map: number[];
}

export function fold(s: string): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en');
}

export function foldWithMap(s: string): Folded {
  let text = '';
  const map: number[] = [];
  for (let i = 0; i < s.length;) {
    const cp = s.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const f = fold(ch);
    for (let k = 0; k < f.length; k++) map.push(i);
    text += f;
    i += ch.length;
  }
  map.push(s.length);
  return { text, map };
}

/** Words of a query: letters and digits, keeping inner dots and apostrophes ("10.7", "migrant's"). */
export function queryTerms(q: string): string[] {
  const terms = fold(q).match(/[\p{L}\p{N}]+(?:[.'’-][\p{L}\p{N}]+)*/gu) ?? [];
  return [...new Set(terms)];
}

const isWordChar = (c: string | undefined): boolean => !!c && /[\p{L}\p{N}]/u.test(c);

/** Offsets in `folded` where a word starts with `term`. */
export function wordPrefixHits(folded: string, term: string): number[] {
  const hits: number[] = [];
  for (let i = folded.indexOf(term); i !== -1; i = folded.indexOf(term, i + 1)) {
    if (!isWordChar(folded[i - 1])) hits.push(i);
  }
  return hits;
}

/** End of the word that starts at `i` in `folded`. */
export function wordEnd(folded: string, i: number): number {
  let j = i;
  while (j < folded.length && isWordChar(folded[j])) j++;
  return j;
}
