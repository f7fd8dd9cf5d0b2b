/**
 * Rich text under editing: a plain string with inline marks and footnote references
 * anchored at UTF-16 offsets.
 *
 * Constraint kept: every edit (deleting markup, footnote digits, collapsing whitespace)
 * goes through `applyEdits`, which remaps every mark and reference offset, so offsets stay
 * exact whatever the cleaning rules remove. Pure functions, no mutation of inputs.
 */
import type { FootnoteRef, Mark } from '../../../shared/model';

export interface RichText {
  text: string;
  marks: Mark[];
  refs: FootnoteRef[];
}

/** Replace `text[start, end)` by `insert` (an empty insert is a deletion). */
export interface Edit {
  start: number;
  end: number;
  insert: string;
}

export function plain(text: string): RichText {
  return { text, marks: [], refs: [] };
}

/**
 * Map an offset of the old text to the new text. An offset inside a replaced range is
 * clamped into the replacement, so an anchor at the start of a deleted run stays put and an
 * anchor at its end moves to the end of the replacement.
 */
function mapOffset(offset: number, edits: readonly Edit[]): number {
  let shift = 0;
  for (const e of edits) {
    if (offset <= e.start) break;
    if (offset < e.end) return e.start + shift + Math.min(offset - e.start, e.insert.length);
    shift += e.insert.length - (e.end - e.start);
  }
  return offset + shift;
}

/** Apply non-overlapping edits (any order) and remap marks and refs; empty marks are dropped. */
export function applyEdits(rt: RichText, edits: readonly Edit[]): RichText {
  if (edits.length === 0) return rt;
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i].start < sorted[i - 1].end) throw new Error('applyEdits: overlapping edits');
  }
  let text = '';
  let cursor = 0;
  for (const e of sorted) {
    text += rt.text.slice(cursor, e.start) + e.insert;
    cursor = e.end;
  }
  text += rt.text.slice(cursor);
  const marks = rt.marks
    .map((m) => ({ ...m, start: mapOffset(m.start, sorted), end: mapOffset(m.end, sorted) }))
    .filter((m) => m.end > m.start);
  const refs = rt.refs.map((r) => ({ ...r, offset: mapOffset(r.offset, sorted) }));
  return { text, marks, refs };
}

/**
 * Whitespace rule: every run of whitespace becomes one plain space, and the text is trimmed.
 * Wrapped lines were already joined with spaces, so this also removes line-join artefacts.
 */
export function normaliseWhitespace(rt: RichText): RichText {
  const edits: Edit[] = [];
  for (const m of rt.text.matchAll(/\s+/g)) {
    const start = m.index;
    const end = start + m[0].length;
    const atEdge = start === 0 || end === rt.text.length;
    const insert = atEdge ? '' : ' ';
    if (m[0] !== insert) edits.push({ start, end, insert });
  }
  return applyEdits(rt, edits);
}
