/**
 * CSV export for spreadsheets: one row per note or bookmark, a fixed and
 * documented column set (docs/export-import.md), RFC 4180 quoting.
 *
 * Constraint: a cell can never run as a formula. Any cell starting with
 * = + - @ (or tab / carriage return, which some spreadsheets skip before
 * evaluating) gets a leading single quote, the OWASP-recommended defence;
 * the file starts with a UTF-8 byte-order mark so Excel reads accents and dashes right.
 */
import { stringify } from 'csv-stringify/sync';
import { toItem } from './brief';
import type { ExportEntry, ExportOptions } from './types';

export const CSV_COLUMNS = [
  'type',
  'id',
  'block_id',
  'label',
  'cluster',
  'focus_area',
  'quote',
  'position',
  'priority',
  'color',
  'tags',
  'note',
  'created',
  'modified',
  'anchor',
  'link',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];

/** Separator between tags in the `tags` cell. */
export const TAG_SEPARATOR = '; ';

/** Neutralise a cell a spreadsheet would evaluate. */
export function defuse(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

export function csvRecord(entry: ExportEntry, options: ExportOptions, index: number): Record<CsvColumn, string> {
  const item = toItem(entry, options, index);
  return {
    type: item.kind,
    id: item.id,
    block_id: item.targetId,
    label: entry.target?.label ?? '',
    cluster: entry.clusterTitle ?? '',
    focus_area: entry.focusAreaTitle ?? '',
    quote: item.quote ?? '',
    position: item.position ?? '',
    priority: item.priority ?? '',
    color: item.color ?? '',
    tags: item.tags.join(TAG_SEPARATOR),
    // A bookmark has no note; its own label is the only text the user wrote for it.
    note: item.kind === 'bookmark' ? (item.bookmarkLabel ?? '') : item.note,
    created: item.created,
    modified: item.modified,
    anchor: item.anchor,
    link: item.link,
  };
}

export function exportCsv(entries: readonly ExportEntry[], options: ExportOptions): string {
  const rows = entries.map((entry, i) => {
    const record = csvRecord(entry, options, i);
    return CSV_COLUMNS.map((column) => defuse(record[column]));
  });
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows', // CRLF, as RFC 4180 says
  });
}
