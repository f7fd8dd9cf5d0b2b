/**
 * Word brief (.docx): the same content as the Markdown brief, with real Word
 * headings (Title, Heading 1 per cluster, Heading 2 per focus area, Heading 3
 * per item) so the navigation pane and a table of contents work.
 *
 * Constraint: the file must always open. Characters that XML 1.0 forbids
 * (control characters, lone surrogates) are removed from every text, because a
 * single one makes Word refuse the whole document. The note is kept as the
 * user's Markdown text, line by line (not rendered).
 */
import { Document, ExternalHyperlink, HeadingLevel, Packer, Paragraph, TextRun } from 'docx';
import { briefSteps, itemFields, summaryLine, type Brief, type BriefItem } from './brief';
import { part, runSteps, type Steps } from './progress';
import type { ExportEntry, ExportOptions } from './types';

/** Remove what XML 1.0 cannot carry: C0 controls other than tab/newline/return, U+FFFE/FFFF, lone surrogates. */
export function xmlSafe(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g,
    '',
  );
}

/** Text runs with a line break between lines (a newline inside a run is not a break in Word). */
function lines(text: string, style: { italics?: boolean } = {}): TextRun[] {
  return xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined, ...style }));
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  return new Paragraph({
    heading: HEADINGS[level - 1],
    children: [new TextRun(xmlSafe(text).replace(/\s*\n\s*/g, ' '))],
  });
}

function itemParagraphs(item: BriefItem, level: 2 | 3): Paragraph[] {
  const out = [heading(item.label, level)];
  if (item.quote) {
    out.push(new Paragraph({ indent: { left: 567, right: 567 }, children: lines(item.quote, { italics: true }) }));
  }
  for (const [name, value] of itemFields(item)) {
    out.push(new Paragraph({ children: [new TextRun({ text: `${name}: `, bold: true }), ...lines(value)] }));
  }
  out.push(
    new Paragraph({
      children: [
        new TextRun({ text: 'Link: ', bold: true }),
        new ExternalHyperlink({ link: item.link, children: [new TextRun({ text: item.link, style: 'Hyperlink' })] }),
      ],
    }),
  );
  if (item.note.trim() !== '') {
    out.push(new Paragraph({ children: [new TextRun({ text: 'Note:', bold: true })] }));
    out.push(new Paragraph({ indent: { left: 567 }, children: lines(item.note) }));
  }
  return out;
}

/** The Word document of a brief, one step an item (progress.ts). */
function* documentSteps(brief: Brief): Steps<Document> {
  let done = 0;
  const title = xmlSafe(`Notes: ${brief.title}`);
  const children: Paragraph[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(title)] }),
    new Paragraph({ children: [new TextRun({ text: xmlSafe(summaryLine(brief)), italics: true })] }),
  ];
  for (const group of brief.groups) {
    children.push(heading(group.title, 1));
    for (const sub of group.subgroups) {
      if (sub.title !== null) children.push(heading(sub.title, 2));
      for (const item of sub.items) {
        children.push(...itemParagraphs(item, sub.title !== null ? 3 : 2));
        yield ++done / brief.count;
      }
    }
  }
  if (brief.count === 0) children.push(new Paragraph('No notes or bookmarks to export.'));
  return new Document({
    title,
    creator: 'Recollection',
    description: `Content build ${xmlSafe(brief.contentBuildId)}`,
    sections: [{ children }],
  });
}

export async function exportDocx(entries: readonly ExportEntry[], options: ExportOptions): Promise<Uint8Array> {
  return packDocx(runSteps(docxSteps(entries, options)));
}

/** The Word document in steps: the brief, then the paragraphs (progress.ts); packDocx writes it. */
export function* docxSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<Document> {
  const brief = yield* part(briefSteps(entries, options), 0, 0.5);
  return yield* part(documentSteps(brief), 0.5, 1);
}

/** The .docx file of a document (one uninterrupted step of the docx library). */
export async function packDocx(document: Document): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(document);
  // A plain Uint8Array (not a Node Buffer) so it crosses IPC and structured clone unchanged.
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
}
