/**
 * Tokenizer of the search index and of queries, with offsets for snippets.
 *
 * Constraint: one scanner for indexing, querying and highlighting, so a word
 * highlighted in a snippet is exactly a word the index matched. Keeps codes
 * whole (`10.7`, `10.7.1`, `10.c`, `1,000`), skips URLs (footnote links are
 * not prose), and treats hyphenated compounds both ways: "multi-stakeholder"
 * is indexed as "multi", "stakeholder" and "multistakeholder", so a query for
 * "multistakeholder" or "multi-stakeholder" finds either spelling.
 */

export interface Token {
  text: string;
  /** [start, end) UTF-16 offsets into the scanned text. */
  start: number;
  end: number;
}

const URL_RE = /\b(?:https?:\/\/|www\.)[^\s<>"]+/giu;
const WORD_RE =
  /\d+(?:[.,]\d+)+(?:\.[a-zA-Z])?(?![\p{L}\p{N}])|\d+\.[a-zA-Z](?![\p{L}\p{N}])|[\p{L}\p{N}]+(?:['’][\p{L}\p{N}]+)*/gu;
const HYPHEN = /^[-‐‑]$/u;
const HAS_LETTER = /\p{L}/u;

/** Words of a text with their offsets, URLs skipped. */
export function scanWords(text: string): Token[] {
  const urls: Array<[number, number]> = [];
  for (const m of text.matchAll(URL_RE)) urls.push([m.index, m.index + m[0].length]);
  const out: Token[] = [];
  let u = 0;
  for (const m of text.matchAll(WORD_RE)) {
    const start = m.index;
    while (u < urls.length && urls[u][1] <= start) u++;
    if (u < urls.length && urls[u][0] <= start) continue;
    out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}

/** Chains of words joined by single hyphens ("whole-of-government"), as index ranges into `words`. */
function compounds(text: string, words: Token[]): Array<[number, number]> {
  const chains: Array<[number, number]> = [];
  let i = 0;
  while (i < words.length) {
    let j = i;
    while (
      j + 1 < words.length &&
      HYPHEN.test(text.slice(words[j].end, words[j + 1].start)) &&
      HAS_LETTER.test(words[j].text) &&
      HAS_LETTER.test(words[j + 1].text)
    ) {
      j++;
    }
    if (j > i) chains.push([i, j]);
    i = j + 1;
  }
  return chains;
}

function joined(words: Token[], [a, b]: [number, number]): Token {
  return {
    text: words
      .slice(a, b + 1)
      .map((w) => w.text)
      .join(''),
    start: words[a].start,
    end: words[b].end,
  };
}

const EDGE_WORDS = new Set(['the', 'a', 'an', 'of', 'and', 'to', 'in', 'on', 'for']);

/**
 * Every word plus every hyphenated compound joined, with offsets (index side
 * and snippets). A compound that starts or ends with a function word is also
 * indexed without it: "the-whole-of-Government" also as "wholeofgovernment".
 */
export function indexTokensWithOffsets(text: string): Token[] {
  const words = scanWords(text);
  const out = [...words];
  for (const [a, b] of compounds(text, words)) {
    out.push(joined(words, [a, b]));
    let x = a;
    let y = b;
    while (x < y && EDGE_WORDS.has(words[x].text.toLowerCase())) x++;
    while (y > x && EDGE_WORDS.has(words[y].text.toLowerCase())) y--;
    if (y > x && (x !== a || y !== b)) out.push(joined(words, [x, y]));
  }
  return out;
}

/** Tokenizer of the index. */
export function indexTokens(text: string): string[] {
  return indexTokensWithOffsets(text).map((t) => t.text);
}

/**
 * Tokenizer of queries, with the surface word each term came from: a
 * hyphenated compound counts once, joined, so "pre-departure" needs only the
 * joined form every spelling of it was indexed under.
 */
export function queryTokensWithOffsets(text: string): Token[] {
  const words = scanWords(text);
  const chains = compounds(text, words);
  const out: Token[] = [];
  let i = 0;
  for (const chain of chains) {
    while (i < chain[0]) out.push(words[i++]);
    out.push(joined(words, chain));
    i = chain[1] + 1;
  }
  while (i < words.length) out.push(words[i++]);
  return out;
}

export function queryTokens(text: string): string[] {
  return queryTokensWithOffsets(text).map((t) => t.text);
}
