/**
 * Numbered migrations of the user database. Migration N brings `user_version`
 * from N-1 to N; the runner (db.ts) applies each in its own transaction.
 *
 * Constraint: append only. A migration that has shipped is never edited or
 * reordered, because users' databases already carry its result; fix forward
 * with a new migration. Migrations must never drop user data.
 */
import type Database from 'better-sqlite3';

export interface Migration {
  version: number;
  description: string;
  up(db: Database.Database): void;
}

export const DEFAULT_PALETTE: ReadonlyArray<readonly [string, string]> = [
  ['yellow', 'Highlight'],
  ['green', 'Agree'],
  ['blue', 'Question'],
  ['red', 'Red line'],
  ['purple', 'Follow up'],
];

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'bookmarks, annotations with tags, settings, meta',
    up(db) {
      db.exec(`
        CREATE TABLE bookmarks (
          id        TEXT PRIMARY KEY,
          target_id TEXT NOT NULL,
          label     TEXT NOT NULL DEFAULT '',
          created   TEXT NOT NULL,
          modified  TEXT NOT NULL
        );
        CREATE INDEX bookmarks_target ON bookmarks(target_id);

        CREATE TABLE annotations (
          id        TEXT PRIMARY KEY,
          block_id  TEXT NOT NULL,
          exact     TEXT,
          prefix    TEXT,
          suffix    TEXT,
          start     INTEGER,
          "end"     INTEGER,
          note      TEXT NOT NULL DEFAULT '',
          color     TEXT,
          position  TEXT,
          priority  TEXT,
          anchor    TEXT NOT NULL DEFAULT 'attached' CHECK (anchor IN ('attached', 'reanchored', 'orphan')),
          created   TEXT NOT NULL,
          modified  TEXT NOT NULL,
          -- a selector is all there or all absent (whole-block annotation)
          CHECK ((exact IS NULL) = (start IS NULL) AND (start IS NULL) = ("end" IS NULL))
        );
        CREATE INDEX annotations_block ON annotations(block_id);

        CREATE TABLE annotation_tags (
          annotation_id TEXT NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
          tag           TEXT NOT NULL COLLATE NOCASE,
          ord           INTEGER NOT NULL,
          PRIMARY KEY (annotation_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX annotation_tags_tag ON annotation_tags(tag);

        CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      `);
    },
  },
  {
    version: 2,
    description: 'trash (soft delete), undo history, colour palette, section context for re-anchoring',
    up(db) {
      db.exec(`
        ALTER TABLE bookmarks ADD COLUMN deleted TEXT;
        ALTER TABLE annotations ADD COLUMN deleted TEXT;
        -- the section the block sat in when annotated: where to look if the block vanishes
        ALTER TABLE annotations ADD COLUMN section_id TEXT;
        CREATE INDEX bookmarks_deleted ON bookmarks(deleted);
        CREATE INDEX annotations_deleted ON annotations(deleted);

        CREATE TABLE palette (color TEXT PRIMARY KEY, name TEXT NOT NULL);

        CREATE TABLE history (
          seq         INTEGER PRIMARY KEY AUTOINCREMENT,
          at          TEXT NOT NULL,
          description TEXT NOT NULL,
          inverse     TEXT NOT NULL
        );
      `);
      const insert = db.prepare('INSERT INTO palette (color, name) VALUES (?, ?)');
      for (const [color, name] of DEFAULT_PALETTE) insert.run(color, name);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS.length;
