/**
 * The search vocabulary (index term → [the document's most frequent spelling, number of
 * documents]) as the content database stores it: one flat JSON array (term, spelling, count,
 * term, …), written by the content build and read back at every search's start.
 *
 * Why flat, and looked up in place: JSON.parse of the same pairs as one object of 2,700 keys
 * took ~9 ms in a fresh process, and making any keyed object of them (2,700 new keys) ~7 ms;
 * the array parses and is checked in about a millisecond, and the terms, stored in code-unit
 * order, are found by binary search. Constraint: the row may be damaged; anything that is not
 * whole, or not in order, throws.
 */
/** Processed term → [most frequent surface form, number of documents]. */
export type Vocabulary = Record<string, [string, number]>;

/** The row, terms in code-unit order (an object lists integer-like keys such as "2030" first). */
export const vocabularyRow = (vocabulary: Vocabulary): string =>
  JSON.stringify(
    Object.entries(vocabulary)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .flatMap(([term, [spelling, count]]) => [term, spelling, count]),
  );

/** The vocabulary as the search service reads it: a term's entry, the terms in order, or all of it. */
export class SortedVocabulary {
  private made: Vocabulary | null = null;

  /** `flat` as checked by sortedVocabulary(): term, spelling, count, … with the terms in code-unit order. */
  private constructor(private readonly flat: ReadonlyArray<string | number>) {}

  static of(text: string): SortedVocabulary {
    const flat: unknown = JSON.parse(text);
    if (!Array.isArray(flat) || flat.length % 3 !== 0) throw new Error('not a list of term, spelling, count');
    let previous: string | null = null;
    for (let i = 0; i < flat.length; i += 3) {
      const term: unknown = flat[i];
      if (typeof term !== 'string' || typeof flat[i + 1] !== 'string' || typeof flat[i + 2] !== 'number') {
        throw new Error(`entry ${i / 3} is not [term, spelling, count]`);
      }
      if (previous !== null && !(previous < term)) throw new Error(`entry ${i / 3} is out of order`);
      previous = term;
    }
    return new SortedVocabulary(flat as Array<string | number>);
  }

  /** [the document's spelling, number of documents] of `term`, or undefined. */
  get(term: string): readonly [string, number] | undefined {
    let lo = 0;
    let hi = this.flat.length / 3 - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const t = this.flat[mid * 3] as string;
      if (t === term) return [this.flat[mid * 3 + 1] as string, this.flat[mid * 3 + 2] as number];
      if (t < term) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }

  /** Every term, in code-unit order. */
  terms(): string[] {
    const out: string[] = [];
    for (let i = 0; i < this.flat.length; i += 3) out.push(this.flat[i] as string);
    return out;
  }

  /** All of it as one object (made once, on the first call: did-you-mean's candidates). */
  all(): Vocabulary {
    if (this.made) return this.made;
    // No prototype: a term such as "constructor" or "__proto__" is a key like any other.
    const vocabulary = Object.create(null) as Vocabulary;
    for (let i = 0; i < this.flat.length; i += 3) {
      vocabulary[this.flat[i] as string] = [this.flat[i + 1] as string, this.flat[i + 2] as number];
    }
    return (this.made = vocabulary);
  }
}
