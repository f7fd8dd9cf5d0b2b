/**
 * Repository of the `meta` table: facts about the user database itself, such
 * as the content build the annotations were last anchored against.
 *
 * Constraint: plain key/value strings; callers own the meaning of each key.
 */
import type { UserDb } from './db';

export const META_CONTENT_BUILD = 'content_build_id';

export class MetaRepo {
  private readonly getStmt;
  private readonly setStmt;

  constructor(db: UserDb) {
    this.getStmt = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
    this.setStmt = db.prepare<[string, string]>(
      'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
    );
  }

  get(key: string): string | null {
    return this.getStmt.get(key)?.value ?? null;
  }

  set(key: string, value: string): void {
    this.setStmt.run(key, value);
  }
}
