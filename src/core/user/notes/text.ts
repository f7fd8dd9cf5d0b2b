/**
 * Text folding for the notes filter and the notes search: case and diacritics
 * folded ("Côte" finds "cote"), with a map back to the original offsets so
 * highlights land on the text the user wrote.
 *
 * Spelling variants (labour/labor, organise/organize) are folded with the
 * document search's own rules (americanize in core/search/spelling.ts).
 *
 * Constraint: offsets are UTF-16 code units of the original string, like every
 * other offset in the contract.
 */
import { americanize } from '../../search/spelling';

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

const LETTERS = /^[a-z]+$/;
const WORDS = /[\p{L}\p{N}]+/gu;

/**
 * Offsets in `folded` where a word starts with `term`, spelling variants
 * folded as in document search (spelling.ts): "labour" finds "labor" and
 * "labourers", "organization" finds "organisation".
 */
export function wordPrefixHits(folded: string, term: string): number[] {
  const hits: number[] = [];
  for (let i = folded.indexOf(term); i !== -1; i = folded.indexOf(term, i + 1)) {
    if (!isWordChar(folded[i - 1])) hits.push(i);
  }
  if (!LETTERS.test(term) || term.length < 3) return hits;
  const us = americanize(term);
  const seen = new Set(hits);
  for (const m of folded.matchAll(WORDS)) {
    const w = m[0];
    // Cheap filter first: British and American spellings share their first two letters.
    if (seen.has(m.index) || w[0] !== term[0] || w[1] !== term[1] || !LETTERS.test(w)) continue;
    if (americanize(w).startsWith(us)) hits.push(m.index);
  }
  return hits.sort((a, b) => a - b);
}

/** End of the word that starts at `i` in `folded`. */
export function wordEnd(folded: string, i: number): number {
  let j = i;
  while (j < folded.length && isWordChar(folded[j])) j++;
  return j;
}
