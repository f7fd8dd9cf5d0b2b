/**
 * Migration 4: the author of this installation, colleagues' layers, and
 * where an adopted note or position came from.
 *
 * - `meta.author_id`: a stable random UUID (version 4), made once here, that
 *   signs this data folder's exports and layer file (the name is a setting);
 * - `layers`: one per colleague (keyed by their author id when the file names
 *   one), with a shown name, colour and visibility, and two version pointers:
 *   the version shown (`current`) and the one an update replaced (`previous`,
 *   for undo);
 * - `layer_versions` and their items (`layer_annotations`, `layer_bookmarks`,
 *   `layer_positions`): what the author had, as their file gave it, read-only;
 * - `annotations.adopted_from`, `positions.adopted_from`: JSON provenance
 *   (layer, author, item, when) of what the user adopted into their own notes.
 *
 * Constraint: shipped migrations are never edited; SQL only, no runtime
 * constant. Nothing of the user's own notes is changed: two columns are added, empty.
 */
import type { Migration } from './types';

export const m004: Migration = {
  version: 4,
  description: 'author id, colleagues’ layers with their previous version, provenance of adopted items',
  up(db) {
    db.exec(`
      INSERT INTO meta (key, value)
        SELECT 'author_id',
               lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) || '-4' ||
               substr(lower(hex(randomblob(2))), 2) || '-' ||
               substr('89ab', 1 + (abs(random()) % 4), 1) || substr(lower(hex(randomblob(2))), 2) || '-' ||
               lower(hex(randomblob(6)))
         WHERE NOT EXISTS (SELECT 1 FROM meta WHERE key = 'author_id');

      CREATE TABLE layers (
        id          TEXT PRIMARY KEY,
        -- the author's id when the file names one: a newer file of the same author replaces the layer
        author_id   TEXT UNIQUE,
        name        TEXT NOT NULL,
        color       TEXT NOT NULL,
        visible     INTEGER NOT NULL DEFAULT 1 CHECK (visible IN (0, 1)),
        added       TEXT NOT NULL,
        -- layer_versions.id of the version shown, and of the one the last update replaced (undo)
        current     INTEGER NOT NULL,
        previous    INTEGER
      );

      CREATE TABLE layer_versions (
        id          INTEGER PRIMARY KEY AUTOINCREMENT,
        layer_id    TEXT NOT NULL REFERENCES layers(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        author_name TEXT NOT NULL,
        -- the file's export time: an update must be newer
        exported    TEXT NOT NULL,
        stored      TEXT NOT NULL,
        source      TEXT NOT NULL CHECK (source IN ('import', 'shared-folder')),
        file        TEXT,
        -- a digest of the items, so reading the same file again does nothing
        fingerprint TEXT NOT NULL
      );
      CREATE INDEX layer_versions_layer ON layer_versions(layer_id);

      CREATE TABLE layer_annotations (
        version_id INTEGER NOT NULL REFERENCES layer_versions(id) ON DELETE CASCADE,
        id         TEXT NOT NULL,
        block_id   TEXT NOT NULL,
        -- the text selector, as the user's own annotations keep it
        exact TEXT, prefix TEXT, suffix TEXT, start INTEGER, "end" INTEGER,
        note       TEXT NOT NULL DEFAULT '',
        color      TEXT,
        tags       TEXT NOT NULL DEFAULT '[]',
        anchor     TEXT NOT NULL DEFAULT 'attached',
        created    TEXT NOT NULL,
        modified   TEXT NOT NULL,
        PRIMARY KEY (version_id, id)
      );
      CREATE INDEX layer_annotations_block ON layer_annotations(block_id, version_id);

      CREATE TABLE layer_bookmarks (
        version_id INTEGER NOT NULL REFERENCES layer_versions(id) ON DELETE CASCADE,
        id         TEXT NOT NULL,
        target_id  TEXT NOT NULL,
        label      TEXT NOT NULL DEFAULT '',
        created    TEXT NOT NULL,
        modified   TEXT NOT NULL,
        PRIMARY KEY (version_id, id)
      );

      CREATE TABLE layer_positions (
        version_id INTEGER NOT NULL REFERENCES layer_versions(id) ON DELETE CASCADE,
        target_id  TEXT NOT NULL,
        position   TEXT,
        priority   TEXT,
        modified   TEXT NOT NULL,
        PRIMARY KEY (version_id, target_id)
      ) WITHOUT ROWID;

      ALTER TABLE annotations ADD COLUMN adopted_from TEXT;
      ALTER TABLE positions ADD COLUMN adopted_from TEXT;
    `);
  },
};
