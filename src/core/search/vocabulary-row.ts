/**
 * The search vocabulary (index term → [the document's most frequent spelling, number of
 * documents]) as the content database stores it: one flat JSON array (term, spelling, count,
 * term, …), written by the content build and read back at every search's start.
 *
 * Why flat: JSON.parse of the same pairs as one object of 2,700 keys took ~9 ms in a fresh
 * process, and checking it ~6 ms more; an array of strings and numbers parses and checks in
 * about a millisecond. Constraint: the row may be damaged; anything that is not whole throws.
 */
import type { Vocabulary } from './documents';

export const vocabularyRow = (vocabulary: Vocabulary): string =>
  JSON.stringify(Object.entries(vocabulary).flatMap(([term, [spelling, count]]) => [term, spelling, count]));

export function vocabularyOf(text: string): Vocabulary {
  const flat: unknown = JSON.parse(text);
  if (!Array.isArray(flat) || flat.length % 3 !== 0) throw new Error('not a list of term, spelling, count');
  // No prototype: a term such as "constructor" or "__proto__" is a key like any other.
  const vocabulary = Object.create(null) as Vocabulary;
  for (let i = 0; i < flat.length; i += 3) {
    const term: unknown = flat[i];
    const spelling: unknown = flat[i + 1];
    const count: unknown = flat[i + 2];
    if (typeof term !== 'string' || typeof spelling !== 'string' || typeof count !== 'number') {
      throw new Error(`entry ${i / 3} is not [term, spelling, count]`);
    }
    vocabulary[term] = [spelling, count];
  }
  return vocabulary;
}
