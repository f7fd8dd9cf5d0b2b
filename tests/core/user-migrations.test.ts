/**
 * Schema migrations of the user database: a version-1 database (from the
 * frozen SQL fixture, and from running migration 1 alone) upgrades without
 * loss; a database from a newer app is refused and left byte-for-byte
 * untouched; the durability pragmas are in force.
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../src/shared/contract/result';
import { openUserDb } from '../../src/core/user/db';
import { LATEST_VERSION } from '../../src/core/user/migrations';
import { testContent } from '../support/content';
import { TestUser } from '../support/user';

const { lookup } = testContent();
const FIXTURE = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'user-v1.sql');
const NOTE_ID = '5a0e8a3e-7d4c-4b8e-8d0f-3b9f3c1e2a02';
const WHOLE_ID = '5a0e8a3e-7d4c-4b8e-8d0f-3b9f3c1e2a03';

let user: TestUser;
let dir: string;
beforeEach(() => {
  user = new TestUser('2025-01-01T00:00:00Z');
  dir = user.dir;
});
afterEach(() => user.remove());

function schemaOf(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const rows = db
    .prepare("SELECT type, name, sql FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' ORDER BY name")
    .all() as Array<{ type: string; name: string; sql: string }>;
  db.close();
  return rows.map((r) => `${r.type} ${r.name}: ${r.sql.replace(/--[^\n]*/g, '').replace(/\s+/g, ' ')}`);
}

function fixtureDb(file: string): void {
  const db = new Database(file);
  db.exec(fs.readFileSync(FIXTURE, 'utf8'));
  db.close();
}

describe('migrations', () => {
  it('migration 1 still produces exactly the version-1 schema of the frozen fixture', () => {
    const fromFixture = path.join(dir, 'fixture.db');
    fixtureDb(fromFixture);
    const fromMigration = path.join(dir, 'migrated.db');
    const db = openUserDb(fromMigration, { targetVersion: 1 });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
    expect(schemaOf(fromMigration)).toEqual(schemaOf(fromFixture));
  });

  it('upgrades a version-1 database with data to the latest schema without loss', () => {
    fixtureDb(path.join(dir, 'user.db'));
    const store = user.open();
    try {
      expect(store.recovery).toBeNull();
      expect(store.listBookmarks()).toEqual([
        {
          id: '0b5c6c36-3c1e-4c86-9d55-0a4f7d0e1a01',
          targetId: 'c2.f2',
          label: 'recruitment page',
          created: '2024-11-02T10:00:00.000Z',
          modified: '2024-11-02T10:00:00.000Z',
        },
      ]);
      const [note, whole] = store.listAnnotations();
      expect(note).toMatchObject({
        id: NOTE_ID,
        blockId: 'c2.f2.po.1',
        note: 'Check with capital before **Tuesday**.',
        color: 'red',
        tags: ['Justice', 'SDG 16'],
        position: 'ask-capital',
        priority: 'high',
        created: '2024-11-02T10:05:00.000Z',
        modified: '2024-11-03T08:00:00.000Z',
      });
      // Version 1 recorded no content build, so the first open re-anchors: the
      // fixture's offsets were wrong and the quote is found where it really is.
      const start = lookup.block('c2.f2.po.1')?.text.indexOf('access to justice') ?? -1;
      expect(note?.selector).toMatchObject({ exact: 'access to justice', start, end: start + 17 });
      expect(note?.anchor).toBe('reanchored');
      expect(whole).toMatchObject({ id: WHOLE_ID, selector: null, position: 'support', anchor: 'attached' });
      expect(store.getSettings()).toMatchObject({ theme: 'dark', textSize: 22 });
      expect(store.palette().map((p) => p.name)).toEqual(['Highlight', 'Agree', 'Question', 'Red line', 'Follow up']);
      expect(store.trash()).toEqual([]);
      expect(store.undo()).toBeNull();
      // The new tables work on the migrated data.
      store.removeAnnotation({ id: WHOLE_ID });
      expect(store.trash().map((t) => t.id)).toEqual([WHOLE_ID]);
      expect(store.undo()?.description).toBe('Deleted annotation restored');
    } finally {
      store.close();
    }
    const db = new Database(path.join(dir, 'user.db'), { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    db.close();
  });

  it('refuses a database from a newer version and leaves its bytes untouched', () => {
    const file = path.join(dir, 'user.db');
    const db = new Database(file);
    db.exec("CREATE TABLE future (x TEXT); INSERT INTO future VALUES ('from a later app');");
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const before = fs.readFileSync(file);
    const listing = fs.readdirSync(dir).sort();

    let error: unknown = null;
    try {
      user.open().close();
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('CONFLICT');
    expect((error as CoreError).message).toContain(
      `made by a newer version of Recollection (schema ${LATEST_VERSION + 1}, this app knows ${LATEST_VERSION}); update the app`,
    );
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    // Not treated as damage: nothing moved aside, nothing created beside it.
    expect(fs.readdirSync(dir).sort()).toEqual(listing);
  });

  it('opens with WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const db = openUserDb(path.join(dir, 'user.db'));
    try {
      expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
      expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
      expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
      expect(db.pragma('busy_timeout', { simple: true })).toBe(5000);
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    } finally {
      db.close();
    }
  });
});
