/**
 * Footnote markers in body text → `FootnoteRef`s, digits removed from the text.
 *
 * Constraint kept: real numbers in the text (years, "10.7", "para. 22(b)", "1,000",
 * "No. 86") are never taken for markers. Superscript digits always are markers; plain digits
 * only when they are exactly the next footnote number expected in reading order.
 */
import { SUP, superscriptToNumber } from './clean';
import { applyEdits, type Edit, type RichText } from './rich-text';

/** Reading-order state: the highest footnote number referenced so far. */
export interface MarkerState {
  lastRef: number;
}

export interface PlainMarker {
  number: number;
  /** The digits as printed (differs from `number` for a truncated marker). */
  printed: string;
  /** Up to 24 characters of text before the marker, for review. */
  context: string;
}

interface Candidate {
  start: number;
  end: number;
  /** Where the ref sits: after the last character before the marker (and its space). */
  anchor: number;
  digits: string;
  superscript: boolean;
  afterSentence: boolean;
}

/**
 * Superscript rule: any run of superscript digits, with the space the conversion sometimes
 * put before it ("organizations ¹⁰³").
 * Plain-digit rule: 1–3 digits glued to a word or punctuation ("surveys.82"), or after a space
 * following a word or punctuation ("language. 18", "Bali Process 155"), not part of a larger
 * number ("9,000", "10.7").
 */
function candidates(text: string): Candidate[] {
  const out: Candidate[] = [];
  for (const m of text.matchAll(new RegExp(`( ?)(${SUP}+)`, 'g'))) {
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      anchor: m.index,
      digits: m[2],
      superscript: true,
      afterSentence: false,
    });
  }
  const plainRe = /(?<=[A-Za-z.,;:"”’)\]])( ?)(\d{1,3})(?!\d|[.,:]\d)(?=$|[\s,;:.)])/g;
  for (const m of text.matchAll(plainRe)) {
    const before = text.slice(0, m.index);
    out.push({
      start: m.index,
      end: m.index + m[0].length,
      anchor: m.index,
      digits: m[2],
      superscript: false,
      afterSentence: m[1] === ' ' && /[.!?"”]$/.test(before),
    });
  }
  return out.sort((a, b) => a.start - b.start);
}

/**
 * Decide the footnote number of a plain-digit candidate, or undefined if it is ordinary text.
 * Truncated-marker rule: after a sentence end, two digits that are the tail of the expected
 * number stand for it ("…can be protected. 25 Sutherland…" is marker 125: its "1" was lost).
 */
function plainNumber(c: Candidate, state: MarkerState): number | undefined {
  const expected = state.lastRef + 1;
  if (Number(c.digits) === expected) return expected;
  if (c.afterSentence && c.digits.length >= 2 && String(expected).endsWith(c.digits)) return expected;
  return undefined;
}

/** Extract the markers of one block (blocks must be processed in reading order). */
export function extractMarkers(rt: RichText, state: MarkerState, found: PlainMarker[]): RichText {
  const edits: Edit[] = [];
  const refs = [...rt.refs];
  for (const c of candidates(rt.text)) {
    const n = c.superscript ? superscriptToNumber(c.digits) : plainNumber(c, state);
    if (n === undefined) continue;
    if (!c.superscript)
      found.push({ number: n, printed: c.digits, context: rt.text.slice(Math.max(0, c.start - 24), c.start) });
    edits.push({ start: c.start, end: c.end, insert: '' });
    refs.push({ offset: c.anchor, number: n });
    state.lastRef = Math.max(state.lastRef, n);
  }
  const out = applyEdits({ ...rt, refs }, edits);
  return { ...out, refs: [...out.refs].sort((a, b) => a.offset - b.offset) };
}
