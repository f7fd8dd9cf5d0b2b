/**
 * The trash: bookmarks and annotations whose `deleted` column is set. Deleted
 * records stay in their own tables (so restoring is one UPDATE and keeps every
 * field and tag) and are purged once they have been in the trash for
 * TRASH_DAYS.
 *
 * Constraint: purging is the only hard delete of user records in the app, and
 * it only ever touches rows deleted more than TRASH_DAYS ago by the clock.
 */
import type { UserDb } from '../db';

export const TRASH_DAYS = 30;

export interface TrashRow {
  type: 'bookmark' | 'annotation';
  id: string;
  deleted: string;
  /** Annotation: its block; bookmark: its target. */
  targetId: string;
  /** Annotation: quote or note; bookmark: its label. */
  text: string;
  /** 1 for an annotation with no note text (a highlight), else 0. */
  highlight: number;
}

export class TrashRepo {
  private readonly listStmt;
  private readonly purgeAnnotations;
  private readonly purgeBookmarks;

  constructor(db: UserDb) {
    this.listStmt = db.prepare<[], TrashRow>(
      `SELECT 'annotation' AS type, id, deleted, block_id AS targetId,
              CASE WHEN note <> '' THEN note ELSE COALESCE(exact, '') END AS text,
              trim(note, char(32, 9, 10, 13)) = '' AS highlight
         FROM annotations WHERE deleted IS NOT NULL
       UNION ALL
       SELECT 'bookmark' AS type, id, deleted, target_id AS targetId, label AS text, 0 AS highlight
         FROM bookmarks WHERE deleted IS NOT NULL
       ORDER BY deleted DESC, id`,
    );
    this.purgeAnnotations = db.prepare<[string]>('DELETE FROM annotations WHERE deleted IS NOT NULL AND deleted < ?');
    this.purgeBookmarks = db.prepare<[string]>('DELETE FROM bookmarks WHERE deleted IS NOT NULL AND deleted < ?');
  }

  /** Everything in the trash, most recently deleted first. */
  list(): TrashRow[] {
    return this.listStmt.all();
  }

  /** Hard-deletes what was deleted more than TRASH_DAYS before `now`; returns how many records. */
  purge(now: Date): number {
    const cutoff = new Date(now.getTime() - TRASH_DAYS * 24 * 3600 * 1000).toISOString();
    return this.purgeAnnotations.run(cutoff).changes + this.purgeBookmarks.run(cutoff).changes;
  }
}
