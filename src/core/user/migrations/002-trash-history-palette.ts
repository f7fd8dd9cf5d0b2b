/**
 * Migration 2: trash (soft delete), undo history, the colour palette with its
 * five default names, and the section context used for re-anchoring.
 *
 * Constraint: shipped; never edited. The palette rows are written here
 * literally (not read from ../notes/palette-rows.ts), so renaming a default colour in a later
 * version cannot change what this migration did.
 */
import type { Migration } from './types';

export const m002: Migration = {
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

      INSERT INTO palette (color, name) VALUES
        ('yellow', 'Highlight'),
        ('green', 'Agree'),
        ('blue', 'Question'),
        ('red', 'Red line'),
        ('purple', 'Follow up');
    `);
  },
};
