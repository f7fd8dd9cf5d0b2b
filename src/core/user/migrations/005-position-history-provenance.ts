/**
 * Migration 5: an option's earlier value keeps where it came
 * from. `position_history.adopted_from` holds the provenance (JSON, as
 * `positions.adopted_from` of migration 4) of a value adopted from a
 * colleague's layer, recorded when that value is replaced, so the history
 * says "adopted from Capital, 30 Nov" long after the position changed again.
 *
 * Constraint: shipped migrations are never edited; SQL only. Nothing of the
 * user's rows changes: one column is added, empty (earlier entries have no
 * recorded provenance: migration 4 did not keep it in the history).
 */
import type { Migration } from './types';

export const m005: Migration = {
  version: 5,
  description: 'provenance of adopted values in the positions’ history',
  up(db) {
    db.exec('ALTER TABLE position_history ADD COLUMN adopted_from TEXT');
  },
};
