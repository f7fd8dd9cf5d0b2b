/**
 * Migration 5: from a version-4 database with a position, its
 * history and an adopted position, the upgrade adds `position_history.adopted_from`,
 * empty, and leaves every row of the user's as it was; the history reads as before
 * (no provenance on the old entries), and a value replaced after the upgrade keeps its.
 */
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tableRows, upgrade, userDbAt } from '../support/migration';
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
  userDbAt(file, 4, (db) => {
    db.prepare(
      `INSERT INTO positions (target_id, position, priority, modified, adopted_from)
       VALUES ('c2.f2.po.1', 'red-line', 'high', '2025-01-02T00:00:00.000Z', ?)`,
    ).run(FROM);
    db.exec(`
      INSERT INTO position_history (target_id, position, priority, set_at, replaced)
        VALUES ('c2.f2.po.1', 'oppose', NULL, '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z');
    `);
  });
}

describe('migration 5', () => {
  it('adds the provenance column to the positions’ history, empty, and changes no row', () => {
    version4();
    upgrade(file, 5, ['positions', 'position_history'], (db, before) => {
      const now = tableRows(db, ['positions', 'position_history']);
      expect(now.positions).toEqual(before.positions);
      const history = now.position_history;
      expect(history.map(({ adopted_from: _f, ...rest }) => rest)).toEqual(before.position_history);
      expect(history.map((r) => r.adopted_from)).toEqual([null]);
    });

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
