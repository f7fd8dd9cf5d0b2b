/**
 * The columns of the CSV export (docs/export-import.md), on their own so that
 * recognising a file (sniff.ts, reached by every open of the core) does not
 * load the CSV writer, the brief model and the Markdown library with them.
 */
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
