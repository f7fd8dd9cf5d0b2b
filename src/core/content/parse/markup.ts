/**
 * Inline markup of the conversion → marks: `**bold**`, `*italic*`, and the few HTML
 * fragments the conversion left (`<a href>`, `<u>`, a stray `</sup>`).
 *
 * Constraint kept: markup characters never reach the plain text; what they delimited is
 * kept as printed and carried as a mark over exactly that span.
 */
import type { Mark } from '../../../shared/model';
import { applyEdits, plain, type Edit, type RichText } from './rich-text';

/** Add marks (given in the current text's offsets) and delete the delimiters around them. */
function withDelimitersRemoved(rt: RichText, marks: Mark[], edits: Edit[]): RichText {
  return applyEdits({ ...rt, marks: [...rt.marks, ...marks] }, edits);
}

/**
 * HTML rule: `<a href="X">Y</a>` keeps the printed anchor text Y and becomes a link mark to X
 * (the attribute is what the PDF linked to, even where Y was garbled). `<u>…</u>` (underline is
 * not a mark type of the model) and a stray closing `</sup>` are dropped.
 */
function htmlToMarks(rt: RichText): RichText {
  const marks: Mark[] = [];
  const edits: Edit[] = [];
  for (const m of rt.text.matchAll(/<a href="([^"]*)">([^<]*)<\/a>/g)) {
    const start = m.index;
    const openLen = m[0].length - m[2].length - '</a>'.length;
    marks.push({ type: 'link', start: start + openLen, end: start + openLen + m[2].length, href: m[1] });
    edits.push({ start, end: start + openLen, insert: '' });
    edits.push({ start: start + m[0].length - 4, end: start + m[0].length, insert: '' });
  }
  for (const m of rt.text.matchAll(/<\/?u>|<\/sup>/g)) {
    edits.push({ start: m.index, end: m.index + m[0].length, insert: '' });
  }
  return withDelimitersRemoved(rt, marks, edits);
}

/** Emphasis rule: `delimiter…delimiter` → a mark of `type` over the inner text. */
function emphasisToMarks(rt: RichText, pattern: RegExp, type: 'bold' | 'italic', width: number): RichText {
  const marks: Mark[] = [];
  const edits: Edit[] = [];
  for (const m of rt.text.matchAll(pattern)) {
    const start = m.index;
    const end = start + m[0].length;
    marks.push({ type, start: start + width, end: end - width });
    edits.push({ start, end: start + width, insert: '' }, { start: end - width, end, insert: '' });
  }
  return withDelimitersRemoved(rt, marks, edits);
}

/** Parse one paragraph's raw text (lines already joined) into plain text with marks. */
export function parseMarkup(raw: string): RichText {
  let rt = htmlToMarks(plain(raw));
  rt = emphasisToMarks(rt, /\*\*(?!\s)(.+?)\*\*/g, 'bold', 2);
  rt = emphasisToMarks(rt, /\*(?![\s*])([^*]+?)\*/g, 'italic', 1);
  return rt;
}
