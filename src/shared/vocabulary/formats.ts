/**
 * The export formats, described once: the file extension and media type the
 * core gives the rendered file, the name the save dialog filters by, and the
 * words the export dialog offers.
 *
 * Constraint: one entry per format the contract names (`SAVE_FORMATS`), so a
 * new format does not compile until it is described; listed in the order the
 * export dialog shows them.
 */
import type { SaveFormat } from '../contract/values';

export interface FormatInfo {
  id: SaveFormat;
  /** Short name: the export dialog's choice and the save dialog's filter. */
  label: string;
  /** File name extension, without the dot. */
  extension: string;
  mime: string;
  /** What it is good for, shown under the label. */
  description: string;
}

export const FORMATS: Readonly<Record<SaveFormat, FormatInfo>> = {
  markdown: {
    id: 'markdown',
    label: 'Markdown brief',
    extension: 'md',
    mime: 'text/markdown; charset=utf-8',
    description: 'plain text with headings, for any editor',
  },
  docx: {
    id: 'docx',
    label: 'Word brief',
    extension: 'docx',
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    description: 'to edit in Word or LibreOffice',
  },
  html: {
    id: 'html',
    label: 'Printable page',
    extension: 'html',
    mime: 'text/html; charset=utf-8',
    description: 'to read or print in a browser',
  },
  pdf: {
    id: 'pdf',
    label: 'PDF of the printable page',
    extension: 'pdf',
    mime: 'application/pdf',
    description: 'to share as it prints; desktop app only',
  },
  csv: {
    id: 'csv',
    label: 'Spreadsheet',
    extension: 'csv',
    mime: 'text/csv; charset=utf-8',
    description: 'one row per note',
  },
  json: {
    id: 'json',
    label: 'Web Annotation JSON',
    extension: 'json',
    mime: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"',
    description: 'imports back into Recollection, so also a backup',
  },
};
