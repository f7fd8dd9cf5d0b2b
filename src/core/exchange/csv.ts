/**
 * CSV export for spreadsheets: one row per note or bookmark, and one per option
 * marked only by a position, in reading order; a fixed and documented column
 * set (docs/export-import.md), RFC 4180 quoting, marks in words.
 *
 * Constraint: no cell can run as a formula, whatever separator the spreadsheet
 * reads the file with. The file is written with `,`, but a spreadsheet set to
 * `;` or tab (Excel's default in most of Europe) splits cells at those
 * characters inside a note, and some readers split at line breaks. So every
 * place a cell could start under any reading (the cell's start, a line break,
 * a `,`, `;` or tab, then any spaces and quote marks) that is followed by a
 * formula trigger (= + - @, and their full-width forms) gets a single quote
 * before the trigger (OWASP "CSV injection"). Every cell holding a line break
 * is quoted: csv-stringify leaves a bare LF unquoted once `record_delimiter` is
 * CRLF, and Excel, LibreOffice and Python's csv module then split the row.
 * The file starts with a UTF-8 byte-order mark so Excel reads accents and dashes right.
 */
import { stringify } from 'csv-stringify/sync';
import { notePlainText } from '../../shared/markdown/note';
import { COLOR_LABELS, POSITION_LABELS, PRIORITY_LABELS } from '../../shared/vocabulary/labels';
import { blockLink } from '../../shared/vocabulary/links';
import type { OptionPosition } from '../../shared/contract/types';
import { toItem } from './brief';
import { eachOf, part, runSteps, type Steps } from './progress';
import type { ExportEntry, ExportOptions, ExportPlace } from './types';
import { CSV_COLUMNS, type CsvColumn } from './csv-columns';

/** Separator between tags in the `tags` cell. */
export const TAG_SEPARATOR = '; ';

/** Where a reading may start a cell (any separator, any line break), then what some readers skip. */
const CELL_START = /(^|[\r\n,;\t])([ "]*)(?=[=+\-@\uFF1D\uFF0B\uFF0D\uFF20])/g;

/** Neutralise every place in a cell that a spreadsheet could read as the start of a formula. */
export function defuse(cell: string): string {
  return cell.replace(CELL_START, "$1$2'");
}

type Row = Record<CsvColumn, string>;

/** A note's plain text with bullets and rules no spreadsheet reads as a formula. */
const plain = (note: string): string => notePlainText(note, { bullet: '• ', rule: '—' });

export function csvRecord(entry: ExportEntry, options: ExportOptions, index: number, own?: OptionPosition): Row {
  const item = toItem(entry, options, index);
  // The option's own position is the truth (a note carries a copy of it); a bookmark shows none.
  const position = item.kind === 'annotation' ? (own ? own.position : item.position) : null;
  const priority = item.kind === 'annotation' ? (own ? own.priority : item.priority) : null;
  return {
    type: item.kind,
    id: item.id,
    block_id: item.targetId,
    label: entry.target?.label ?? '',
    cluster: entry.clusterTitle ?? '',
    focus_area: entry.focusAreaTitle ?? '',
    quote: item.quote ?? '',
    position: position ? POSITION_LABELS[position].label : '',
    priority: priority ? PRIORITY_LABELS[priority] : '',
    color: item.color ? COLOR_LABELS[item.color] : '',
    tags: item.tags.join(TAG_SEPARATOR),
    // A bookmark has no note; its own label is the only text the user wrote for it.
    // A note reads as plain text in a spreadsheet (its Markdown markup removed; links keep their address).
    note: item.kind === 'bookmark' ? (item.bookmarkLabel ?? '') : plain(item.note),
    created: item.created,
    modified: item.modified,
    anchor: item.anchor,
    link: item.link,
  };
}

/** The row of an option marked by its own position only (no note or bookmark on it). */
function positionRecord(place: ExportPlace, own: OptionPosition): Row {
  return {
    type: 'position',
    id: '',
    block_id: place.target.id,
    label: place.target.label,
    cluster: place.clusterTitle ?? '',
    focus_area: place.focusAreaTitle ?? '',
    quote: place.block?.text ?? place.target.excerpt,
    position: own.position ? POSITION_LABELS[own.position].label : '',
    priority: own.priority ? PRIORITY_LABELS[own.priority] : '',
    color: '',
    tags: '',
    note: '',
    created: '',
    modified: own.modified,
    anchor: 'attached',
    link: blockLink(place.target.id),
  };
}

export function exportCsv(entries: readonly ExportEntry[], options: ExportOptions): string {
  return runSteps(csvExportSteps(entries, options));
}

/** exportCsv in steps, one a row (progress.ts). */
export function* csvExportSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<string> {
  const order = options.order ?? {};
  const known = new Map((options.positions ?? []).map((p) => [p.targetId, p]));
  const ranked: Array<{ rank: number; orphan: boolean; row: Row }> = [];
  let last = -1;
  yield* part(
    eachOf(entries, (entry, i) => {
      const targetId = entry.annotation?.blockId ?? entry.bookmark?.targetId ?? '';
      const orphan = entry.target === null;
      // Without a known rank a row keeps its place after the one before it.
      const rank = order[targetId] ?? last;
      last = Math.max(last, rank);
      ranked.push({ rank, orphan, row: csvRecord(entry, options, i, orphan ? undefined : known.get(targetId)) });
    }),
    0,
    0.9,
  );
  for (const place of options.places ?? []) {
    const own = known.get(place.target.id);
    if (!own || (!own.position && !own.priority)) continue; // only a colleague's layer marks it
    ranked.push({ rank: order[place.target.id] ?? last, orphan: false, row: positionRecord(place, own) });
  }
  // Stable: equal ranks keep the order they came in; orphans last.
  ranked.sort((a, b) => Number(a.orphan) - Number(b.orphan) || a.rank - b.rank);
  return stringify(
    ranked.map(({ row }) => CSV_COLUMNS.map((column) => defuse(row[column]))),
    {
      bom: true,
      header: true,
      columns: [...CSV_COLUMNS],
      record_delimiter: 'windows', // CRLF, as RFC 4180 says
      quoted_match: /[\r\n]/, // any line break, not only the record delimiter, means quotes
    },
  );
}
