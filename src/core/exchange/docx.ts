/**
 * Word brief (.docx) of brief-model.ts, in real Word styles so a ministry
 * template can restyle it: Title; Heading 1 per cluster (and for the
 * positions summary), Heading 2 per focus area, Heading 3 per entry; the
 * positions summary as a real table with a repeated header row; quotations in
 * the Quote style; notes in the Note style (bold, italics, lists and links as
 * Word runs and hyperlinks); citation and app link in their own styles. The
 * content build is in the file's properties, not in the body.
 *
 * Constraint: the file must always open. Characters that XML 1.0 forbids
 * (control characters, lone surrogates) are removed from every text
 * (xmlSafe), because a single one makes Word refuse the whole document.
 */
import {
  BorderStyle,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  PageNumber,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
  type IParagraphStyleOptions,
} from 'docx';
import { briefModelSteps, entryFields, LINK_LEAD, noteFields, SUMMARY_COLUMNS, SUMMARY_TITLE } from './brief-model';
import type { Brief, BriefEntry, BriefGroup } from './brief-model';
import { NOTE_STYLE, noteParagraphs, xmlSafe } from './docx-note';
import { part, runSteps, type Steps } from './progress';
import type { ExportEntry, ExportOptions } from './types';

export { xmlSafe };

/** Style ids a template can redefine (besides Title, Heading 1–3 and Hyperlink). */
export const STYLES = {
  quote: 'Quote',
  note: NOTE_STYLE,
  classification: 'Classification',
  citation: 'Citation',
  appLink: 'AppLink',
  meta: 'BriefMeta',
  tableText: 'TableText',
  header: 'Header',
  footer: 'Footer',
} as const;

/** A4 in twentieths of a point (Word's unit). */
const A4 = { width: 11_906, height: 16_838 } as const;

const PARAGRAPH_STYLES: IParagraphStyleOptions[] = [
  {
    id: STYLES.quote,
    name: 'Quote',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { italics: true },
    paragraph: { indent: { left: 567, right: 567 }, spacing: { before: 80, after: 80 } },
  },
  { id: STYLES.note, name: 'Note', basedOn: 'Normal', quickFormat: true, paragraph: { spacing: { after: 60 } } },
  {
    id: STYLES.classification,
    name: 'Classification',
    basedOn: 'Normal',
    quickFormat: true,
    run: { bold: true, allCaps: true, size: 20 },
  },
  { id: STYLES.citation, name: 'Citation', basedOn: 'Normal', quickFormat: true, run: { size: 20 } },
  { id: STYLES.appLink, name: 'App link', basedOn: 'Normal', run: { size: 16, color: '666666' } },
  { id: STYLES.meta, name: 'Brief meta', basedOn: 'Normal', run: { italics: true, size: 18, color: '555555' } },
  {
    id: STYLES.tableText,
    name: 'Table text',
    basedOn: 'Normal',
    run: { size: 18 },
    paragraph: { spacing: { after: 0 } },
  },
  // Word's own style names for the header and footer, so a ministry template restyles them.
  { id: STYLES.header, name: 'header', basedOn: 'Normal', run: { size: 16, color: '444444' } },
  { id: STYLES.footer, name: 'footer', basedOn: 'Normal', run: { size: 16, color: '444444' } },
];

const one = (text: string): string => xmlSafe(text).replace(/\s*\n\s*/g, ' ');
const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

function heading(text: string, level: 1 | 2 | 3): Paragraph {
  return new Paragraph({ heading: HEADINGS[level - 1], children: [new TextRun(one(text))] });
}

/** Text in the Quote style, a line break between lines (a newline inside a run is not a break in Word). */
function quote(text: string): Paragraph {
  const runs = xmlSafe(text)
    .split(/\r\n|\r|\n/)
    .map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : undefined }));
  return new Paragraph({ style: STYLES.quote, children: runs });
}

const BORDER = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
const cell = (text: string, width: number, bold = false): TableCell =>
  new TableCell({
    width: { size: width, type: WidthType.DXA },
    children: [new Paragraph({ style: STYLES.tableText, children: [new TextRun({ text: one(text), bold })] })],
  });

/** The text width of an A4 page with Word's default margins (2.54 cm each side), in twips. */
const TEXT_WIDTH = A4.width - 2 * 1440;
/** Shares of the width: the option's text widest, then the note; "Priority", "Medium" and "amendments" unbroken at the table's 9 pt. */
const SHARES = { Option: 15, Text: 28, Position: 17, Priority: 12, Note: 22 } as const;
const LAYER_SHARE = 11;

/** Column widths that fit the content (twips), summing to the text width. */
function summaryWidths(layers: number): number[] {
  const shares = [...SUMMARY_COLUMNS.map((c) => SHARES[c]), ...Array<number>(layers).fill(LAYER_SHARE)];
  const total = shares.reduce((a, b) => a + b, 0);
  return shares.map((s) => Math.floor((s / total) * TEXT_WIDTH));
}

function table(group: BriefGroup, layers: readonly string[]): Table {
  const widths = summaryWidths(layers.length);
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: [...SUMMARY_COLUMNS, ...layers].map((c, i) => cell(c, widths[i] ?? 0, true)),
  });
  const rows = group.rows.map(
    (r) =>
      new TableRow({
        cantSplit: true,
        children: [r.label, r.words, r.position, r.priority, r.note, ...r.delegation].map((c, i) =>
          cell(c, widths[i] ?? 0),
        ),
      }),
  );
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: {
      top: BORDER,
      bottom: BORDER,
      left: BORDER,
      right: BORDER,
      insideHorizontal: BORDER,
      insideVertical: BORDER,
    },
    rows: [header, ...rows],
  });
}

function entryParagraphs(entry: BriefEntry, level: 2 | 3, brief: Brief, group: BriefGroup): Paragraph[] {
  const out = [heading(entry.label, level)];
  if (entry.text) out.push(quote(entry.text));
  if (entry.citation) out.push(new Paragraph({ style: STYLES.citation, children: [new TextRun(one(entry.citation))] }));
  out.push(
    new Paragraph({
      style: STYLES.appLink,
      children: [
        new TextRun(`${LINK_LEAD} `),
        new ExternalHyperlink({
          link: entry.link,
          children: [new TextRun({ text: one(entry.link), style: 'Hyperlink' })],
        }),
      ],
    }),
  );
  for (const [name, value] of entryFields(entry, brief.layers, group.rows)) {
    out.push(new Paragraph({ children: [new TextRun({ text: `${name}: `, bold: true }), new TextRun(one(value))] }));
  }
  for (const n of entry.notes) {
    if (n.quote === null && n.note.trim() === '') continue;
    const what = n.quote === null ? 'Note' : n.note.trim() ? 'Highlight with note' : 'Highlight';
    const extra = noteFields(n);
    out.push(
      new Paragraph({
        keepNext: true,
        children: [new TextRun({ text: `${what}${extra.length ? ` (${one(extra.join('; '))})` : ''}:`, bold: true })],
      }),
    );
    if (n.quote !== null) out.push(quote(n.quote));
    if (n.note.trim() !== '') out.push(...noteParagraphs(n.note, 284));
  }
  return out;
}

/** The Word document of a brief, one step an entry (progress.ts); packDocx writes it. */
function* documentSteps(brief: Brief): Steps<Document> {
  let done = 0;
  const children: Array<Paragraph | Table> = [];
  if (brief.classification) {
    children.push(new Paragraph({ style: STYLES.classification, children: [new TextRun(one(brief.classification))] }));
  }
  children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(one(brief.title))] }));
  for (const h of brief.header) {
    children.push(
      new Paragraph({ children: [new TextRun({ text: `${h.name}: `, bold: true }), new TextRun(one(h.value))] }),
    );
  }
  children.push(new Paragraph({ style: STYLES.meta, children: [new TextRun(one(brief.summary))] }));
  const tables = brief.groups.filter((g) => g.rows.length);
  if (tables.length) {
    children.push(heading(SUMMARY_TITLE, 1));
    for (const g of tables) children.push(heading(g.title, 2), table(g, brief.layers), new Paragraph(''));
  }
  for (const group of brief.groups) {
    children.push(heading(group.title, 1));
    for (const area of group.areas) {
      if (area.title !== null) children.push(heading(area.title, 2));
      for (const e of area.entries) {
        children.push(...entryParagraphs(e, area.title !== null ? 3 : 2, brief, group));
        yield ++done / brief.count;
      }
    }
  }
  if (brief.count === 0) children.push(new Paragraph('No notes, bookmarks or positions to export.'));
  const build = xmlSafe(brief.contentBuildId);
  return new Document({
    title: one(brief.title),
    subject: brief.classification ? one(brief.classification) : undefined,
    creator: 'Recollection',
    description: `Content build ${build}`,
    keywords: 'Recollection brief',
    customProperties: [
      { name: 'RecollectionContentBuild', value: build },
      { name: 'RecollectionGenerated', value: xmlSafe(brief.generated) },
    ],
    styles: { paragraphStyles: PARAGRAPH_STYLES },
    sections: [
      {
        properties: { page: { size: A4 } },
        headers: { default: runningHeader(brief) },
        footers: { default: runningFooter(brief) },
        children,
      },
    ],
  });
}

/** The marking line, when the brief has a classification (none without one). */
const marking = (brief: Brief): Paragraph[] =>
  brief.classification
    ? [new Paragraph({ style: STYLES.classification, children: [new TextRun(one(brief.classification))] })]
    : [];

/** On every page, top: the marking, then the brief's title and date. */
function runningHeader(brief: Brief): Header {
  const date = brief.header.find((h) => h.name === 'Date')?.value;
  const line = date ? `${brief.title} · ${date}` : brief.title;
  return new Header({
    children: [...marking(brief), new Paragraph({ style: STYLES.header, children: [new TextRun(one(line))] })],
  });
}

/** On every page, bottom: "Page X of Y" (Word's PAGE and NUMPAGES fields), then the marking. */
function runningFooter(brief: Brief): Footer {
  return new Footer({
    children: [
      new Paragraph({
        style: STYLES.footer,
        children: [new TextRun({ children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES] })],
      }),
      ...marking(brief),
    ],
  });
}

export async function exportDocx(entries: readonly ExportEntry[], options: ExportOptions): Promise<Uint8Array> {
  return packDocx(runSteps(docxSteps(entries, options)));
}

/** The Word document in steps (progress.ts): the entries merged, then an entry at a time. */
export function* docxSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<Document> {
  const brief = yield* part(briefModelSteps(entries, options), 0, 0.5);
  return yield* part(documentSteps(brief), 0.5, 1);
}

/** Packs the document into the .docx file's bytes (the docx library's zip: not interruptible). */
export async function packDocx(document: Document): Promise<Uint8Array> {
  const buffer = await Packer.toBuffer(document);
  // A plain Uint8Array (not a Node Buffer) so it crosses IPC and structured clone unchanged.
  return new Uint8Array(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength));
}
