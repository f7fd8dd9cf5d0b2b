/**
 * Test support for the user database's migration tests: a database made by
 * the real migrations up to a version and seeded with rows of that version,
 * the rows of tables read before and after an upgrade, and the upgrade itself.
 *
 * Constraint: the real openUserDb on a real file (the migrations as shipped);
 * one helper instead of the same set-up in each migration's test.
 */
import Database from 'better-sqlite3';
import { expect } from 'vitest';
import { openUserDb } from '../../src/core/user/db';
import { LATEST_VERSION } from '../../src/core/user/migrations';

export type Rows = Array<Record<string, unknown>>;

/** Makes `file` at `version` (migrations 1…version only), runs `seed` on it, and checks the version. */
export function userDbAt(file: string, version: number, seed: (db: Database.Database) => void): void {
  const db = openUserDb(file, { targetVersion: version });
  try {
    seed(db);
    expect(db.pragma('user_version', { simple: true })).toBe(version);
  } finally {
    db.close();
  }
}

/** Every row of each table, ordered by its first two columns. */
export function tableRows(db: Database.Database, tables: readonly string[]): Record<string, Rows> {
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM ${t} ORDER BY 1, 2`).all() as Rows]));
}

/**
 * Reads `tables` of `file`, upgrades it to the latest version (at least `version`), and hands the
 * rows read before and the upgraded database (read-only, closed afterwards) to `check`.
 */
export function upgrade(
  file: string,
  version: number,
  tables: readonly string[],
  check: (db: Database.Database, before: Record<string, Rows>) => void,
): void {
  const old = new Database(file, { readonly: true });
  const before = tableRows(old, tables);
  old.close();
  openUserDb(file).close();
  const db = new Database(file, { readonly: true });
  try {
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(version);
    check(db, before);
  } finally {
    db.close();
  }
}
