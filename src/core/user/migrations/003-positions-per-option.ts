/**
 * Migration 3: one position per option. A position and its priority belong to
 * the policy option or practical action (`positions`, keyed by block id), no
 * longer to each note; every earlier value is kept in `position_history`.
 *
 * Carrying over (no loss): for each block, the most recently modified live
 * note holding a position or priority gives the option's position (what the
 * Positions view already showed); every other note's value — older notes that
 * disagreed, notes in the trash — goes into the option's history, naming the
 * note it came from, oldest first. The notes keep their text, tags and
 * colours; their old position columns are cleared (the values now live in the
 * two tables above).
 *
 * Constraint: shipped migrations are never edited; this one reads no runtime
 * constant and uses only SQL.
 */
import type { Migration } from './types';

export const m003: Migration = {
  version: 3,
  description: 'positions per option, with their history (carried over from the notes)',
  up(db) {
    db.exec(`
      CREATE TABLE positions (
        target_id TEXT PRIMARY KEY,
        position  TEXT,
        priority  TEXT,
        modified  TEXT NOT NULL,
        -- an option without position and priority has no row
        CHECK (position IS NOT NULL OR priority IS NOT NULL)
      ) WITHOUT ROWID;

      CREATE TABLE position_history (
        seq       INTEGER PRIMARY KEY AUTOINCREMENT,
        target_id TEXT NOT NULL,
        position  TEXT,
        priority  TEXT,
        -- when this value was set, and when it stopped being the option's position
        set_at    TEXT NOT NULL,
        replaced  TEXT NOT NULL,
        -- the note that held it, for values carried over from notes (this migration, older export files)
        note_id   TEXT
      );
      CREATE INDEX position_history_target ON position_history(target_id, seq);

      CREATE TEMP TABLE held AS
        SELECT id, block_id, position, priority, modified, deleted, rowid AS rid,
               ROW_NUMBER() OVER (
                 PARTITION BY block_id ORDER BY (deleted IS NOT NULL), modified DESC, rowid DESC
               ) AS rn
          FROM annotations
         WHERE position IS NOT NULL OR priority IS NOT NULL;

      INSERT INTO positions (target_id, position, priority, modified)
        SELECT block_id, position, priority, modified FROM held WHERE rn = 1 AND deleted IS NULL;

      INSERT INTO position_history (target_id, position, priority, set_at, replaced, note_id)
        SELECT h.block_id, h.position, h.priority, h.modified,
               COALESCE(h.deleted, p.modified, h.modified), h.id
          FROM held h LEFT JOIN positions p ON p.target_id = h.block_id
         WHERE NOT (h.rn = 1 AND h.deleted IS NULL)
         ORDER BY h.block_id, h.modified, h.rid;

      UPDATE annotations SET position = NULL, priority = NULL
       WHERE position IS NOT NULL OR priority IS NOT NULL;

      DROP TABLE temp.held;
    `);
  },
};
