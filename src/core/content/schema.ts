/**
 * The content database's schema: the DDL the build runs and the version the
 * store checks when it opens the file.
 *
 * Constraint: the content database is rebuilt, never migrated. Any change to
 * the DDL or to the meaning of a column bumps CONTENT_SCHEMA_VERSION, so an
 * old file is refused with a message naming the fix instead of misread.
 * See docs/content-schema.md.
 */

/**
 * 2: the search index is stored packed (search/packed-index.ts, a BLOB) instead of MiniSearch's JSON,
 * so a version-1 file is refused and rebuilt rather than handed to the wrong reader.
 */
export const CONTENT_SCHEMA_VERSION = 2;

/** Keys of the `meta` table, all stored as text. */
export const META_KEYS = ['title', 'subtitle', 'place', 'date', 'source_sha256', 'schema_version', 'build_id'] as const;
export type MetaKey = (typeof META_KEYS)[number];

/** Ids of the rows of `search_index`. The MiniSearch index, packed (search/packed-index.ts): bytes, not JSON. */
export const SEARCH_INDEX_ROW = 'minisearch-packed';
export const SEARCH_VOCABULARY_ROW = 'vocabulary';
/** resources/thesaurus.json as validated at build time, or `null` when built without one. */
export const SEARCH_THESAURUS_ROW = 'thesaurus';
/** The thesaurus prepared for lookup (search/thesaurus.ts prepareThesaurus): `[key, document phrases][]`. */
export const SEARCH_THESAURUS_KEYS_ROW = 'thesaurus-keys';
/** The English word list of did-you-mean (search/english-list.ts) as JSON text, or `null` when built without one. */
export const SEARCH_ENGLISH_ROW = 'english';

/** The fix every "content unavailable" message names. */
export const CONTENT_FIX = 'run npm run build:content';

export const CONTENT_DDL: readonly string[] = [
  `CREATE TABLE meta (
     key   TEXT PRIMARY KEY,
     value TEXT NOT NULL
   ) WITHOUT ROWID`,

  `CREATE TABLE sections (
     id        TEXT PRIMARY KEY,
     kind      TEXT NOT NULL CHECK (kind IN ('front','part','cluster','focus-area','group','subsection')),
     parent_id TEXT REFERENCES sections(id),
     ord       INTEGER NOT NULL,
     title     TEXT NOT NULL,
     label     TEXT NOT NULL,
     grp       TEXT CHECK (grp IS NULL OR grp IN ('po','pa','ex'))
   ) WITHOUT ROWID`,
  `CREATE INDEX sections_parent ON sections(parent_id, ord)`,

  `CREATE TABLE blocks (
     id          TEXT PRIMARY KEY,
     section_id  TEXT NOT NULL REFERENCES sections(id),
     parent_id   TEXT REFERENCES blocks(id),
     kind        TEXT NOT NULL,
     seq         INTEGER NOT NULL UNIQUE,
     text        TEXT NOT NULL,
     marks       TEXT NOT NULL,
     label       TEXT NOT NULL,
     short_label TEXT NOT NULL
   ) WITHOUT ROWID`,
  `CREATE INDEX blocks_section ON blocks(section_id, seq)`,

  `CREATE TABLE footnotes (
     number  INTEGER PRIMARY KEY,
     id      TEXT NOT NULL UNIQUE,
     status  TEXT NOT NULL CHECK (status IN ('present','inferred','missing')),
     text    TEXT NOT NULL,
     marks   TEXT NOT NULL,
     urls    TEXT NOT NULL,
     pfp_ids TEXT NOT NULL,
     note    TEXT
   )`,

  `CREATE TABLE footnote_refs (
     block_id TEXT NOT NULL REFERENCES blocks(id),
     offset   INTEGER NOT NULL,
     number   INTEGER NOT NULL REFERENCES footnotes(number),
     PRIMARY KEY (block_id, offset, number)
   ) WITHOUT ROWID`,
  `CREATE INDEX footnote_refs_number ON footnote_refs(number)`,

  `CREATE TABLE cross_refs (
     source_id TEXT NOT NULL,
     type      TEXT NOT NULL CHECK (type IN ('sdg','sutherland','pfp','actor')),
     key       TEXT NOT NULL,
     display   TEXT NOT NULL,
     via       TEXT NOT NULL CHECK (via IN ('text','footnote')),
     PRIMARY KEY (source_id, type, key, via)
   ) WITHOUT ROWID`,
  `CREATE INDEX cross_refs_facet ON cross_refs(type, key)`,

  // data: JSON text, except the packed index (bytes). A rowid table, unlike the others: in a
  // WITHOUT ROWID table the whole row is the b-tree's key, so finding one row read the 1.3 MB
  // English word list's overflow pages on the way (~8 ms a lookup); here the key index holds ids.
  `CREATE TABLE search_index (
     id   TEXT PRIMARY KEY,
     data BLOB NOT NULL
   )`,
];

/** Every table, with the ORDER BY that lists its rows in a canonical order (used by the determinism test). */
export const CONTENT_TABLES: ReadonlyArray<{ name: string; orderBy: string }> = [
  { name: 'meta', orderBy: 'key' },
  { name: 'sections', orderBy: 'id' },
  { name: 'blocks', orderBy: 'id' },
  { name: 'footnotes', orderBy: 'number' },
  { name: 'footnote_refs', orderBy: 'block_id, offset, number' },
  { name: 'cross_refs', orderBy: 'source_id, type, key, via' },
  { name: 'search_index', orderBy: 'id' },
];
