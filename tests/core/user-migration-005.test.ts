/**
 * Migration 5 (#17 leftover): from a version-4 database with a position, its
 * history and an adopted position, the upgrade adds `position_history.adopted_from`,
 * empty, and leaves every row of the user's as it was; the history reads as before
 * (no provenance on the old entries), and a value replaced after the upgrade keeps its.
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openUserDb } from '../../src/core/user/db';
import { LATEST_VERSION } from '../../src/core/user/migrations';
import { TestUser } from '../support/user';

let user: TestUser;
let file: string;
beforeEach(() => {
  user = new TestUser('2025-01-01T00:00:00Z');
  file = path.join(user.dir, 'user.db');
});
afterEach(() => user.remove());

const FROM = JSON.stringify({
  layerId: '0b5e1a4c-8c5a-4d0e-9b1f-2f7a3c9d6e10',
  authorId: '0b5e1a4c-8c5a-4d0e-9b1f-2f7a3c9d6e10',
  authorName: 'Capital',
  itemId: 'c2.f2.po.1',
  at: '2025-01-02T00:00:00.000Z',
});

function version4(): void {
  const db = openUserDb(file, { targetVersion: 4 });
  db.prepare(
    `INSERT INTO positions (target_id, position, priority, modified, adopted_from)
     VALUES ('c2.f2.po.1', 'red-line', 'high', '2025-01-02T00:00:00.000Z', ?)`,
  ).run(FROM);
  db.exec(`
    INSERT INTO position_history (target_id, position, priority, set_at, replaced)
      VALUES ('c2.f2.po.1', 'oppose', NULL, '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z');
  `);
  expect(db.pragma('user_version', { simple: true })).toBe(4);
  db.close();
}

const dump = (db: Database.Database, table: string) => db.prepare(`SELECT * FROM ${table} ORDER BY 1, 2`).all();

describe('migration 5', () => {
  it('adds the provenance column to the positions’ history, empty, and changes no row', () => {
    version4();
    const old = new Database(file, { readonly: true });
    const before = { positions: dump(old, 'positions'), position_history: dump(old, 'position_history') };
    old.close();

    openUserDb(file).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(LATEST_VERSION).toBeGreaterThanOrEqual(5);
      expect(dump(db, 'positions')).toEqual(before.positions);
      const history = dump(db, 'position_history') as Array<Record<string, unknown>>;
      expect(history.map(({ adopted_from: _f, ...rest }) => rest)).toEqual(before.position_history);
      expect(history.map((r) => r.adopted_from)).toEqual([null]);
    } finally {
      db.close();
    }

    const store = user.open();
    try {
      const [old] = store.positions.history({ targetId: 'c2.f2.po.1' });
      expect(old).toMatchObject({ position: 'oppose' });
      expect(old.adoptedFrom).toBeUndefined();
      // The adopted value, replaced after the upgrade, keeps where it came from in the history.
      store.positions.set({ targetId: 'c2.f2.po.1', position: 'support' });
      const [newest] = store.positions.history({ targetId: 'c2.f2.po.1' });
      expect(newest).toMatchObject({ position: 'red-line', adoptedFrom: JSON.parse(FROM) as object });
    } finally {
      store.close();
    }
  });
});
