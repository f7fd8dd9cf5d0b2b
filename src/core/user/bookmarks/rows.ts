/**
 * Repository of the `bookmarks` table.
 *
 * Constraint: SQL only, no policy (validation, history and transactions are the
 * store's); one prepared statement per operation.
 */
import type { Bookmark } from '../../../shared/contract/types';
import type { UserDb } from '../db';

export interface BookmarkRecord extends Bookmark {
  deleted: string | null;
}

interface Row {
  id: string;
  target_id: string;
  label: string;
  created: string;
  modified: string;
  deleted: string | null;
}

const toRecord = (r: Row): BookmarkRecord => ({
  id: r.id,
  targetId: r.target_id,
  label: r.label,
  created: r.created,
  modified: r.modified,
  deleted: r.deleted,
});

export function toBookmark(rec: BookmarkRecord): Bookmark {
  const { deleted: _d, ...bookmark } = rec;
  return bookmark;
}

export class BookmarkRepo {
  private readonly byId;
  private readonly byTarget;
  private readonly live;
  private readonly insertRow;
  private readonly updateRow;
  private readonly setDeletedStmt;
  private readonly countStmt;

  constructor(db: UserDb) {
    const cols = 'id, target_id, label, created, modified, deleted';
    this.byId = db.prepare<[string], Row>(`SELECT ${cols} FROM bookmarks WHERE id = ?`);
    this.byTarget = db.prepare<[string], Row>(
      `SELECT ${cols} FROM bookmarks WHERE target_id = ? AND deleted IS NULL ORDER BY created, id LIMIT 1`,
    );
    this.live = db.prepare<[], Row>(`SELECT ${cols} FROM bookmarks WHERE deleted IS NULL ORDER BY created, id`);
    this.insertRow = db.prepare(
      `INSERT INTO bookmarks (${cols}) VALUES (@id, @target_id, @label, @created, @modified, @deleted)`,
    );
    this.updateRow = db.prepare(
      `UPDATE bookmarks SET target_id = @target_id, label = @label, created = @created, modified = @modified,
       deleted = @deleted WHERE id = @id`,
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM bookmarks');
    this.setDeletedStmt = db.prepare<[string | null, string]>('UPDATE bookmarks SET deleted = ? WHERE id = ?');
  }

  private params(rec: BookmarkRecord): Record<string, string | null> {
    return {
      id: rec.id,
      target_id: rec.targetId,
      label: rec.label,
      created: rec.created,
      modified: rec.modified,
      deleted: rec.deleted,
    };
  }

  get(id: string): BookmarkRecord | null {
    const row = this.byId.get(id);
    return row ? toRecord(row) : null;
  }

  /** The live bookmark on a target, if any. */
  onTarget(targetId: string): BookmarkRecord | null {
    const row = this.byTarget.get(targetId);
    return row ? toRecord(row) : null;
  }

  listLive(): BookmarkRecord[] {
    return this.live.all().map(toRecord);
  }

  insert(rec: BookmarkRecord): void {
    this.insertRow.run(this.params(rec));
  }

  put(rec: BookmarkRecord): void {
    this.updateRow.run(this.params(rec));
  }

  /** Number of records, live and in the trash. */
  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  setDeleted(id: string, deleted: string | null): void {
    this.setDeletedStmt.run(deleted, id);
  }
}
