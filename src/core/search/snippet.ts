/**
 * Snippets: the ~240-character window of a block or footnote that shows the
 * most of the matched words, with [start, end) offsets of each matched word
 * (no HTML: the renderer marks them up itself, so text is never injected).
 *
 * Constraint: highlights come from the same tokenizer and term processing as
 * the index, so a highlighted word is always a word the search matched, and
 * every offset points inside the returned text.
 */
import type { Snippet } from '../../shared/contract/types';
import { normalizeTerm } from './spelling';
import { indexTokensWithOffsets } from './tokenize';

export const SNIPPET_WIDTH = 240;
/** Context kept before the first matched word of the window. */
const LEAD = 60;
const ELLIPSIS = '…';

export interface Span {
  start: number;
  end: number;
  /** The index term this word stands for. */
  term: string;
}

/**
 * Every word of a text with its offsets and index term, computed once per text:
 * the texts are the document's own (a few hundred blocks and footnotes), and
 * tokenizing and folding them again for every hit of every keystroke was most
 * of a query's time (see docs/performance.md).
 */
const wordCache = new Map<string, readonly Span[]>();
const WORD_CACHE_MAX = 4096;

function wordsOf(text: string): readonly Span[] {
  let words = wordCache.get(text);
  if (words === undefined) {
    const list: Span[] = [];
    for (const tok of indexTokensWithOffsets(text)) {
      const term = normalizeTerm(tok.text);
      if (term !== null) list.push({ start: tok.start, end: tok.end, term });
    }
    if (wordCache.size >= WORD_CACHE_MAX) wordCache.clear(); // bounded: larger corpora cycle through
    wordCache.set(text, list);
    words = list;
  }
  return words;
}

/** Words of `text` whose processed form is one of `terms`; a matched compound hides its matched parts. */
export function matchSpans(text: string, terms: ReadonlySet<string>): Span[] {
  if (terms.size === 0) return [];
  const spans: Span[] = [];
  for (const w of wordsOf(text)) if (terms.has(w.term)) spans.push({ ...w });
  // Longest first at each start, then drop spans inside an earlier kept one.
  spans.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Span[] = [];
  for (const s of spans) {
    const last = kept[kept.length - 1];
    if (last && s.start < last.end) continue;
    kept.push(s);
  }
  return kept;
}

/** Start of the window that holds the most distinct matched terms (then the most matches, then the earliest). */
function bestStart(text: string, spans: readonly Span[], width: number): number {
  let best = 0;
  let bestScore = -1;
  for (const anchor of spans) {
    const start = Math.max(0, Math.min(anchor.start - LEAD, text.length - width));
    const end = start + width;
    const inside = spans.filter((s) => s.start >= start && s.end <= end);
    const score = new Set(inside.map((s) => s.term)).size * 1000 + inside.length;
    if (score > bestScore) {
      bestScore = score;
      best = start;
    }
  }
  return best;
}

export function makeSnippet(text: string, spans: readonly Span[], width = SNIPPET_WIDTH): Snippet {
  if (text.length <= width) return { text, highlights: spans.map((s) => [s.start, s.end]) };
  let start = spans.length > 0 ? bestStart(text, spans, width) : 0;
  let end = Math.min(text.length, start + width);
  const inWindow = spans.filter((s) => s.start >= start && s.end <= end);
  const firstHit = inWindow.length > 0 ? inWindow[0].start : end;
  const lastHit = inWindow.length > 0 ? inWindow[inWindow.length - 1].end : start;
  // Cut at spaces, never through a word, and never cutting off a highlighted word.
  if (start > 0) {
    const space = text.indexOf(' ', start - 1);
    if (space >= 0 && space < firstHit) start = space + 1;
  }
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    if (space > start && space >= lastHit) end = space;
  }
  const body = text.slice(start, end);
  const lead = body.length - body.trimStart().length;
  const core = body.trim();
  const prefix = start > 0 ? ELLIPSIS : '';
  const suffix = end < text.length ? ELLIPSIS : '';
  const shift = prefix.length - start - lead;
  const highlights = spans
    .filter((s) => s.start >= start + lead && s.end <= start + lead + core.length)
    .map((s): [number, number] => [s.start + shift, s.end + shift]);
  return { text: `${prefix}${core}${suffix}`, highlights };
}
