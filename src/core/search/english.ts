/**
 * "Is this an English word?" for did-you-mean: a query word that the
 * document does not hold but an English dictionary does ("Sutherland",
 * "deportation", "inception") is a real word, never rewritten into a
 * document word it merely looks like.
 *
 * The words are those of the Hunspell dictionaries of `dictionary-en`
 * (American) and `dictionary-en-gb` (British) with every inflection their
 * affix rules make, listed once at content build time (english-list.ts) and
 * stored in the content database as one sorted, newline-separated, lower-case
 * text. Constraint: a lookup costs no start-up: the text is searched in place
 * (binary search over its lines), never split into an array or a set, so a
 * command-line search that needs the dictionary pays one row read (~1 ms)
 * instead of building Hunspell checkers (~600 ms and 50 MB).
 */

/** Letters, apostrophes and hyphens only, as the dictionaries spell words. */
const WORD = /^[\p{L}'’-]+$/u;

/** A sorted word list (one lower-case word a line) and the lookup over it. */
export class EnglishWords {
  constructor(private readonly list: string) {}

  /** True when American or British English spells `word` so, whatever its case. */
  has(word: string): boolean {
    if (!WORD.test(word) || word.length > 40) return false;
    // The dictionaries' own input conversion (ICONV): a typographic apostrophe is the straight one.
    const want = word.toLowerCase().replace(/’/g, "'");
    const list = this.list;
    // Binary search over character offsets: each probe reads the line that holds `mid`.
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const start = list.lastIndexOf('\n', mid - 1) + 1;
      let end = list.indexOf('\n', start);
      if (end < 0) end = list.length;
      const line = list.slice(start, end);
      if (line === want) return true;
      if (line < want) lo = end + 1;
      else hi = start;
    }
    return false;
  }
}

/** The lookup for a stored list, or one that knows no word (a content database built without a dictionary). */
export function englishWords(list: string | null): EnglishWords {
  return new EnglishWords(list ?? '');
}
