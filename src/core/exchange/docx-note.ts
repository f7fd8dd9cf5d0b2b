/**
 * A user's Markdown note as Word paragraphs: bold, italics and strikethrough
 * as run formatting, code in a monospace font, bullet and numbered lists as
 * indented list paragraphs, links as real hyperlinks (http, https and
 * recollection: only, as everywhere a note is shown; src/shared/markdown/note.ts).
 *
 * Constraint: nothing of the note becomes markup or a field code: every text
 * goes into a run's text (escaped by the docx library) after xmlSafe, and the
 * paragraphs take the "Note" style, so a template can restyle notes at once.
 */
import { ExternalHyperlink, Paragraph, TextRun, type ParagraphChild } from 'docx';
import { noteTokens, type NoteToken } from '../../shared/markdown/note';

/** Remove what XML 1.0 cannot carry: C0 controls other than tab/newline/return, U+FFFE/FFFF, lone surrogates. */
export function xmlSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

export const NOTE_STYLE = 'Note';
const INDENT = 360; // twentieths of a point per list level

interface Format {
  bold: boolean;
  italics: boolean;
  strike: boolean;
}

/** Runs of one inline token's children. */
function runs(children: readonly NoteToken[]): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const f: Format = { bold: false, italics: false, strike: false };
  let link: { href: string; runs: TextRun[] } | null = null;
  const push = (run: TextRun): void => {
    if (link) link.runs.push(run);
    else out.push(run);
  };
  const text = (t: string, extra: { font?: string } = {}): TextRun =>
    new TextRun({ text: xmlSafe(t), ...f, ...extra, ...(link ? { style: 'Hyperlink' } : {}) });
  for (const c of children) {
    if (c.type === 'strong_open' || c.type === 'strong_close') f.bold = c.nesting === 1;
    else if (c.type === 'em_open' || c.type === 'em_close') f.italics = c.nesting === 1;
    else if (c.type === 's_open' || c.type === 's_close') f.strike = c.nesting === 1;
    else if (c.type === 'link_open') link = { href: c.attrGet('href') ?? '', runs: [] };
    else if (c.type === 'link_close' && link) {
      out.push(new ExternalHyperlink({ link: link.href, children: link.runs }));
      link = null;
    } else if (c.type === 'text') push(text(c.content));
    else if (c.type === 'code_inline') push(text(c.content, { font: 'Consolas' }));
    else if (c.type === 'softbreak') push(text(' '));
    else if (c.type === 'hardbreak') push(new TextRun({ text: '', break: 1 }));
  }
  return out;
}

/** The note as paragraphs in the "Note" style, lists indented with a bullet or number. */
export function noteParagraphs(note: string, baseIndent = 0): Paragraph[] {
  const out: Paragraph[] = [];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let marker: string | null = null;
  const para = (children: ParagraphChild[]): void => {
    const depth = lists.length;
    const indent = baseIndent + depth * INDENT;
    out.push(
      new Paragraph({
        style: NOTE_STYLE,
        indent: depth ? { left: indent, hanging: INDENT } : baseIndent ? { left: baseIndent } : undefined,
        children: marker !== null ? [new TextRun({ text: `${marker}\t` }), ...children] : children,
      }),
    );
    marker = null;
  };
  // Cleaned first: markdown-it would turn a NUL into U+FFFD, which Word shows as a box.
  for (const t of noteTokens(xmlSafe(note))) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open')
      lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
    else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
    else if (t.type === 'list_item_open') {
      const list = lists[lists.length - 1];
      marker = list?.ordered ? `${list.n++}.` : '•';
    } else if (t.type === 'inline') para(runs(t.children ?? []));
    else if (t.type === 'fence' || t.type === 'code_block') {
      const lines = xmlSafe(t.content.replace(/\n$/, '')).split('\n');
      para(lines.map((line, i) => new TextRun({ text: line, font: 'Consolas', break: i > 0 ? 1 : undefined })));
    }
  }
  return out;
}
