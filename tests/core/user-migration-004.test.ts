/**
 * Migration 4: from a version-3 database with notes, positions and
 * settings, the upgrade adds the author id (a UUID made once, kept on every
 * later open), the layer tables and the two provenance columns, and leaves
 * every one of the user's own rows as it was.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openUserDb } from '../../src/core/user/db';
import { tableRows, upgrade, userDbAt } from '../support/migration';
import { TestUser } from '../support/user';

let user: TestUser;
let file: string;
beforeEach(() => {
  user = new TestUser('2025-01-01T00:00:00Z');
  file = path.join(user.dir, 'user.db');
});
afterEach(() => user.remove());

const NOTE = '5a0e8a3e-7d4c-4b8e-8d0f-3b9f3c1e2a02';

/** A version-3 database (migrations 1–3 only) with a note, a tag, a position, a history entry and a setting. */
function version3(): void {
  userDbAt(file, 3, (db) =>
    db.exec(`
      INSERT INTO annotations (id, block_id, note, color, anchor, created, modified, section_id)
        VALUES ('${NOTE}', 'c2.f2.po.1', 'Hold firm', 'red', 'attached', '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z', 'c2.f2');
      INSERT INTO annotation_tags (annotation_id, tag, ord) VALUES ('${NOTE}', 'justice', 0);
      INSERT INTO positions (target_id, position, priority, modified) VALUES ('c2.f2.po.1', 'red-line', 'high', '2025-01-02T00:00:00.000Z');
      INSERT INTO position_history (target_id, position, priority, set_at, replaced) VALUES ('c2.f2.po.1', 'oppose', NULL, '2025-01-01T00:00:00.000Z', '2025-01-02T00:00:00.000Z');
      INSERT INTO settings (key, value) VALUES ('theme', '"dark"');
    `),
  );
}

describe('migration 4', () => {
  it('adds the author id, the layer tables and provenance columns, and leaves the user’s rows as they were', () => {
    version3();
    const own = ['annotations', 'annotation_tags', 'positions', 'position_history', 'settings', 'palette'];
    upgrade(file, 4, own, (db, before) => {
      const author = db.prepare("SELECT value FROM meta WHERE key = 'author_id'").get() as { value: string };
      expect(author.value).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      const tables = (
        db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as Array<{ name: string }>
      ).map((r) => r.name);
      expect(tables).toEqual(
        expect.arrayContaining(['layers', 'layer_versions', 'layer_annotations', 'layer_bookmarks', 'layer_positions']),
      );
      const cols = (t: string) =>
        (db.prepare(`PRAGMA table_info(${t})`).all() as Array<{ name: string }>).map((c) => c.name);
      expect(cols('annotations')).toContain('adopted_from');
      expect(cols('positions')).toContain('adopted_from');
      // Every row of the user's own is the same, the new columns empty.
      for (const [table, rows] of Object.entries(before)) {
        const now = tableRows(db, [table])[table].map((r) => {
          const { adopted_from: provenance, ...rest } = r;
          if (table === 'annotations' || table === 'positions') expect(provenance).toBeNull();
          return rest;
        });
        expect(now).toEqual(rows);
      }
      expect(tableRows(db, ['layers']).layers).toEqual([]);
    });

    // Made once: later opens keep it, and the store answers it.
    const id = (
      new Database(file, { readonly: true }).prepare("SELECT value FROM meta WHERE key = 'author_id'").get() as {
        value: string;
      }
    ).value;
    const store = user.open();
    try {
      expect(store.layers.author()).toEqual({ id, name: '' });
      expect(store.annotations.list()[0]).toMatchObject({ id: NOTE, note: 'Hold firm', position: 'red-line' });
      expect(store.annotations.list()[0].adoptedFrom).toBeUndefined();
    } finally {
      store.close();
    }
    expect(fs.existsSync(file)).toBe(true);
  });

  it('gives two new data folders two different author ids', () => {
    openUserDb(file).close();
    const other = path.join(user.dir, 'other.db');
    openUserDb(other).close();
    const idOf = (f: string) => {
      const db = new Database(f, { readonly: true });
      const v = (db.prepare("SELECT value FROM meta WHERE key = 'author_id'").get() as { value: string }).value;
      db.close();
      return v;
    };
    expect(idOf(file)).not.toBe(idOf(other));
  });
});
