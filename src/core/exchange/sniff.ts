/**
 * Says what an import file is, from its first bytes or its text, so that a
 * file the importer cannot read gets one sentence naming what it is and what
 * can be imported, instead of a JSON parse position ("invalid JSON at line 1,
 * column 2") that means nothing to a delegate who picked a CSV or a brief.
 *
 * Used by the file reader (import-file.ts: bytes, before any text decoding, so a
 * DOCX or PDF is named rather than called invalid UTF-8), the import handler
 * (text: the app's own channel, the CLI and the browser harness alike) and the
 * sealed-file reader (what a sealed file holds).
 *
 * Constraint: pure (no I/O, no Node API), cheap (looks at the start of the file
 * only), and never wrong in the direction that loses an import: anything that
 * starts like JSON is left to the JSON reader and its precise messages.
 */
import { CoreError } from '../../shared/contract/result';
import { CSV_COLUMNS } from './csv-columns';

export type FileKind =
  | 'json'
  | 'sealed'
  | 'age-binary'
  | 'csv-ours'
  | 'csv'
  | 'markdown-ours'
  | 'markdown'
  | 'html-ours'
  | 'html'
  | 'docx'
  | 'zip'
  | 'pdf'
  | 'binary'
  | 'text';

/** What the importer takes, said once for every sentence. */
export const IMPORTABLE =
  'Recollection imports its own JSON export (Web Annotation JSON), W3C Web Annotations in JSON-LD, ' +
  'and sealed .recollection files holding one of these.';

/** The armor line every sealed file holds (age's ASCII armor). */
export const AGE_ARMOR_BEGIN = '-----BEGIN AGE ENCRYPTED FILE-----';
const AGE_BINARY = 'age-encryption.org/v1\n';
/** How far into a file the sniffers look: enough for any header, cheap for a 20 MB file. */
const HEAD = 4096;

const startsWith = (bytes: Uint8Array, prefix: readonly number[]): boolean => prefix.every((b, i) => bytes[i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The kind of a file from its bytes, or null when it is text to be decoded and looked at as text. */
export function sniffBytes(bytes: Uint8Array): FileKind | null {
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    // A zip's first entry names are plain bytes; a Word file has [Content_Types].xml and word/.
    const head = new TextDecoder('latin1').decode(bytes.subarray(0, 64 * 1024));
    return head.includes('word/') ? 'docx' : 'zip';
  }
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, ascii(AGE_BINARY))) return 'age-binary';
  // A NUL byte is never in a UTF-8 export; UTF-16 text and every binary format have them early.
  if (bytes.subarray(0, HEAD).includes(0)) return 'binary';
  return null;
}

/** The first line of a text, without its line ending. */
const firstLine = (text: string): string => text.slice(0, text.search(/\r?\n|$/));

/** True when the first lines (two at least) split on one separator into the same number (≥ 2) of fields. */
function looksLikeCsv(head: string): boolean {
  // The last line of the head may be cut anywhere: only whole lines count.
  const lines = head
    .split(/\r?\n/)
    .slice(0, 6)
    .slice(0, -1)
    .filter((l) => l !== '');
  if (lines.length < 2) return false;
  return [',', ';', '\t'].some((sep) => {
    const counts = lines.map((l) => l.split(sep).length);
    const first = counts[0] ?? 0;
    // Quoted cells with line breaks may skew later rows: the header and one more row agreeing is enough.
    return first >= 2 && counts.filter((c) => c === first).length >= 2;
  });
}

const OURS = /recollection:\/\/|Recollection/;

/** The kind of a decoded text file. */
export function sniffText(text: string): FileKind {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const head = body.slice(0, HEAD);
  // Bytes read as text elsewhere (a browser's File.text()) keep their ASCII signatures and NULs.
  const binary = sniffBytes(new TextEncoder().encode(head));
  if (binary) return binary;
  const start = head.trimStart();
  if (start.startsWith('{') || start.startsWith('[') || start === '') return 'json';
  if (head.includes(AGE_ARMOR_BEGIN)) return 'sealed';
  if (/^<(!doctype html|html|head|body|meta|title)\b/i.test(start)) return OURS.test(head) ? 'html-ours' : 'html';
  if (firstLine(start) === CSV_COLUMNS.join(',')) return 'csv-ours';
  // Our Markdown brief opens with a comment naming it (its metadata line), then its headings.
  if (/^<!-- Recollection brief\b/.test(start)) return 'markdown-ours';
  if (/^#{1,6} \S/.test(start) || /^(---|\*\*\*)\r?\n/.test(start))
    return OURS.test(body.slice(0, 64 * 1024)) ? 'markdown-ours' : 'markdown';
  if (looksLikeCsv(head)) return 'csv';
  // A bare JSON value (42, "notes", null) is JSON, if not annotations: the JSON reader says so.
  if (/^("|-?\d|true\b|false\b|null\b)/.test(start)) return 'json';
  return 'text';
}

/** What each kind is, as the subject of a sentence. */
const WHAT: Record<Exclude<FileKind, 'json' | 'sealed'>, string> = {
  'age-binary': 'an age-encrypted file in binary form; sealed files are read in their text (armored) form',
  'csv-ours': 'a spreadsheet (CSV) exported by Recollection, for reading in a spreadsheet program',
  csv: 'a spreadsheet (CSV file)',
  'markdown-ours': 'a Markdown brief exported by Recollection, for reading and sharing',
  markdown: 'a Markdown document',
  'html-ours': 'a printable brief (HTML) exported by Recollection, for reading and printing',
  html: 'a web page (HTML)',
  docx: 'a Word document (DOCX), such as a brief exported by Recollection',
  zip: 'a ZIP archive',
  pdf: 'a PDF document',
  binary: 'a binary file, not text',
  text: 'a text file that is not an export Recollection can read',
};

/** One sentence naming what the file is (`subject`: "This file is", "notes.csv is"), and what can be imported. */
export function describeKind(kind: Exclude<FileKind, 'json' | 'sealed'>, subject = 'This file is'): string {
  return `${subject} ${WHAT[kind]}; it cannot be imported. ${IMPORTABLE}`;
}

/** Throws the sentence for a file the importer cannot read; returns for JSON and sealed files. */
export function refuseUnreadable(kind: FileKind, name?: string): void {
  if (kind === 'json' || kind === 'sealed') return;
  throw new CoreError('INVALID_ARGUMENT', describeKind(kind, name === undefined ? undefined : `${name} is`));
}
