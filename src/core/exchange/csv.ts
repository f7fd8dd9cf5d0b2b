/**
 * CSV export for spreadsheets: one row per note or bookmark, a fixed and
 * documented column set (docs/export-import.md), RFC 4180 quoting.
 *
 * Constraint: a cell can never run as a formula. Any cell starting with
 * = + - @ (or tab / carriage return, which some spreadsheets skip before
 * evaluating) gets a leading single quote, the OWASP-recommended defence, and
 * so does every line inside a cell that starts that way (a spreadsheet that
 * splits a cell on its line breaks, or a reader that loses the quoting, would
 * otherwise see a formula there). Every cell holding a line break is quoted:
 * csv-stringify leaves a bare LF unquoted once `record_delimiter` is CRLF, and
 * Excel, LibreOffice and Python's csv module then split the row.
 * The file starts with a UTF-8 byte-order mark so Excel reads accents and dashes right.
 */
import { stringify } from 'csv-stringify/sync';
import { notePlainText } from '../../shared/markdown/note';
import { toItem } from './brief';
import { eachOf, part, runSteps, type Steps } from './progress';
import type { ExportEntry, ExportOptions } from './types';
import { CSV_COLUMNS, type CsvColumn } from './csv-columns';

/** Separator between tags in the `tags` cell. */
export const TAG_SEPARATOR = '; ';

/** Neutralise a cell a spreadsheet would evaluate: its start, and the start of each line in it. */
export function defuse(cell: string): string {
  const lines = cell.replace(/(\r\n|\n|\r)(?=[=+\-@\t])/g, "$1'");
  return /^[=+\-@\t\r]/.test(lines) ? `'${lines}` : lines;
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
    // A note reads as plain text in a spreadsheet (its Markdown markup removed; links keep their address).
    note: item.kind === 'bookmark' ? (item.bookmarkLabel ?? '') : notePlainText(item.note),
    created: item.created,
    modified: item.modified,
    anchor: item.anchor,
    link: item.link,
  };
}

export function exportCsv(entries: readonly ExportEntry[], options: ExportOptions): string {
  return runSteps(csvExportSteps(entries, options));
}

/** exportCsv in steps, one a row (progress.ts). */
export function* csvExportSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<string> {
  const rows: string[][] = [];
  yield* part(
    eachOf(entries, (entry, i) => {
      const record = csvRecord(entry, options, i);
      rows.push(CSV_COLUMNS.map((column) => defuse(record[column])));
    }),
    0,
    0.9,
  );
  return stringify(rows, {
    bom: true,
    header: true,
    columns: [...CSV_COLUMNS],
    record_delimiter: 'windows', // CRLF, as RFC 4180 says
    quoted_match: /[\r\n]/, // any line break, not only the record delimiter, means quotes
  });
}
