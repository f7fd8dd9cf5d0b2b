/**
 * Input limits, shared by the argument schemas, the importer and the docs
 * (docs/limits.md lists them, with where each is enforced and tested). Chosen so that any real use fits with a wide
 * margin while a hostile or corrupt input is rejected before it costs memory.
 */
export const LIMITS = {
  idLength: 100,
  queryLength: 500,
  pageSize: 100,
  noteLength: 100_000,
  labelLength: 200,
  tagLength: 60,
  tagsPerNote: 30,
  quoteLength: 5_000,
  quoteContext: 200,
  blockLength: 20_000,
  selectionSize: 10_000,
  urlLength: 2_000,
  /** Import files: 20 MB of JSON is ~100,000 annotations; a 50 MB file is refused. */
  importBytes: 20 * 1024 * 1024,
  importRecords: 100_000,
  /** A sealed import file: its export (at most importBytes) in base64 armor (4/3) plus its header lines. */
  sealedImportBytes: 28 * 1024 * 1024,
  /** Passphrases of sealed files: at least 8 characters to seal (fewer can still open a file sealed elsewhere). */
  sealPassphraseMin: 8,
  passphraseLength: 1_024,
  /** notes.page: entries per request (a screenful or a few of the Notes panel). */
  notesPageSize: 500,
  /** annotations.forBlocks: blocks per request (the largest page has a few hundred). */
  blocksPerQuery: 2_000,
  /** annotations.forBlocks: notes drawn on one block at most; the rest are behind "show all". */
  notesPerBlock: 1_000,
  /** Layers: colleagues' layers one installation holds. */
  layers: 50,
  /** The shared folder: layer files opened per reading of the folder (the rest are listed, not read). */
  sharedFolderFiles: 200,
} as const;

/** Pane widths in CSS pixels (the resizers and the `paneWidths` setting): narrower hides labels, wider starves the text. */
export const PANE_WIDTH = { min: 180, max: 600 } as const;
