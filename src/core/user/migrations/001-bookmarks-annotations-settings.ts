/**
 * Migration 1: bookmarks, annotations with tags, settings, meta.
 *
 * Constraint: shipped; never edited (tests/fixtures/user-v1.sql freezes its DDL).
 */
import type { Migration } from './types';

export const m001: Migration = {
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
};
