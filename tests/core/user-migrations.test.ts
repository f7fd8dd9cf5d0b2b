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
import { LATEST_VERSION, MIGRATIONS } from '../../src/core/user/migrations';
import { testContent } from '../support/content';
import { TestUser } from '../support/user';

const { lookup } = testContent();
const HERE = path.dirname(fileURLToPath(import.meta.url));
const FIXTURE = path.join(HERE, '..', 'fixtures', 'user-v1.sql');
const MIGRATIONS_DIR = path.join(HERE, '..', '..', 'src', 'core', 'user', 'migrations');
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

function columnsOf(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((c) => c.name);
}

describe('migrations', () => {
  it('are one file each, numbered 1…N, listed in order by the index', async () => {
    const files = fs
      .readdirSync(MIGRATIONS_DIR)
      .filter((f) => /^\d{3}-.+\.ts$/.test(f))
      .sort();
    expect(files.length).toBe(MIGRATIONS.length);
    expect(MIGRATIONS.map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
    for (const [i, file] of files.entries()) {
      expect(Number(file.slice(0, 3))).toBe(i + 1);
      const mod = (await import(path.join(MIGRATIONS_DIR, file))) as Record<string, unknown>;
      // The file's own export is the one the index lists at its number.
      expect(Object.values(mod)).toContain(MIGRATIONS[i]);
    }
    expect(LATEST_VERSION).toBe(MIGRATIONS.length);
  });

  it('migration 2 adds trash and section columns, the history, and the palette rows written in it', () => {
    const file = path.join(dir, 'user.db');
    fixtureDb(file);
    openUserDb(file, { targetVersion: 2 }).close();
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(2);
      expect(columnsOf(db, 'annotations')).toEqual(expect.arrayContaining(['deleted', 'section_id']));
      expect(columnsOf(db, 'bookmarks')).toContain('deleted');
      expect(columnsOf(db, 'history')).toEqual(['seq', 'at', 'description', 'inverse']);
      // The seed rows as shipped, whatever the palette's runtime defaults become.
      expect(db.prepare('SELECT color, name FROM palette ORDER BY rowid').all()).toEqual([
        { color: 'yellow', name: 'Highlight' },
        { color: 'green', name: 'Agree' },
        { color: 'blue', name: 'Question' },
        { color: 'red', name: 'Red line' },
        { color: 'purple', name: 'Follow up' },
      ]);
      // Records of version 1 come through live, with nothing in the trash.
      expect(db.prepare('SELECT COUNT(*) AS n FROM annotations WHERE deleted IS NULL').get()).toEqual({ n: 2 });
      expect(db.prepare('SELECT COUNT(*) AS n FROM bookmarks WHERE deleted IS NULL').get()).toEqual({ n: 1 });
    } finally {
      db.close();
    }
  });

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
      expect(store.bookmarks.list()).toEqual([
        {
          id: '0b5c6c36-3c1e-4c86-9d55-0a4f7d0e1a01',
          targetId: 'c2.f2',
          label: 'recruitment page',
          created: '2024-11-02T10:00:00.000Z',
          modified: '2024-11-02T10:00:00.000Z',
        },
      ]);
      const [note, whole] = store.annotations.list();
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
      expect(store.settings.get()).toMatchObject({ theme: 'dark', textSize: 22 });
      expect(store.notes.palette().map((p) => p.name)).toEqual([
        'Highlight',
        'Agree',
        'Question',
        'Red line',
        'Follow up',
      ]);
      expect(store.trash.list()).toEqual([]);
      expect(store.history.undo()).toBeNull();
      // The new tables work on the migrated data.
      store.annotations.remove({ id: WHOLE_ID });
      expect(store.trash.list().map((t) => t.id)).toEqual([WHOLE_ID]);
      expect(store.history.undo()?.description).toBe('Deleted annotation restored');
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

describe('migration 3: one position per option', () => {
  const PO = 'c2.f2.po.1';
  const PA = 'c2.f2.pa.2';
  const ids = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

  /** A version-2 database made by migrations 1–2, with notes that disagree about the same option. */
  function v2WithConflicts(file: string): void {
    const db = openUserDb(file, { targetVersion: 2 });
    const note = db.prepare(
      `INSERT INTO annotations (id, block_id, note, color, position, priority, anchor, created, modified, section_id, deleted)
       VALUES (?, ?, ?, ?, ?, ?, 'attached', ?, ?, 'c2.f2', ?)`,
    );
    const tag = db.prepare('INSERT INTO annotation_tags (annotation_id, tag, ord) VALUES (?, ?, ?)');
    note.run(
      ids(1),
      PO,
      'oldest: oppose',
      'red',
      'oppose',
      'high',
      '2024-01-01T00:00:00.000Z',
      '2024-01-01T00:00:00.000Z',
      null,
    );
    note.run(
      ids(2),
      PO,
      'newest live: red line',
      'green',
      'red-line',
      null,
      '2024-01-02T00:00:00.000Z',
      '2024-01-03T00:00:00.000Z',
      null,
    );
    note.run(
      ids(3),
      PO,
      'middle: support',
      null,
      'support',
      'low',
      '2024-01-02T00:00:00.000Z',
      '2024-01-02T00:00:00.000Z',
      null,
    );
    // Newer than the winner, but in the trash: it was not shown, so it does not win.
    note.run(
      ids(4),
      PO,
      'trashed: ask capital',
      null,
      'ask-capital',
      null,
      '2024-01-04T00:00:00.000Z',
      '2024-01-04T00:00:00.000Z',
      '2024-01-05T00:00:00.000Z',
    );
    note.run(
      ids(5),
      PA,
      'priority only',
      'blue',
      null,
      'medium',
      '2024-01-01T00:00:00.000Z',
      '2024-01-01T00:00:00.000Z',
      null,
    );
    note.run(ids(6), PA, 'plain note', null, null, null, '2024-01-06T00:00:00.000Z', '2024-01-06T00:00:00.000Z', null);
    tag.run(ids(1), 'Capital', 0);
    tag.run(ids(1), 'fees', 1);
    tag.run(ids(2), 'red line', 0);
    db.close();
  }

  it('keeps every note and puts the values that lost into the option history', () => {
    const file = path.join(dir, 'user.db');
    v2WithConflicts(file);
    const raw = new Database(file, { readonly: true });
    const before = raw.prepare('SELECT id, note, color FROM annotations ORDER BY id').all();
    raw.close();

    user.clock = new Date('2024-01-10T00:00:00Z');
    const store = user.open();
    try {
      // Every note is there with its text, colour and tags; each shows its option's one position.
      const notes = new Map(store.annotations.list().map((a) => [a.id, a]));
      expect(notes.size).toBe(5); // the sixth is still in the trash
      expect(store.trash.list().map((t) => t.id)).toEqual([ids(4)]);
      expect(notes.get(ids(1))).toMatchObject({ note: 'oldest: oppose', color: 'red', tags: ['Capital', 'fees'] });
      expect(notes.get(ids(2))).toMatchObject({ note: 'newest live: red line', tags: ['red line'] });
      for (const n of [1, 2, 3]) expect(notes.get(ids(n))).toMatchObject({ position: 'red-line', priority: null });
      expect(notes.get(ids(5))).toMatchObject({ position: null, priority: 'medium' });

      const row = store.positions.list({ clusterId: 'c2' }).find((r) => r.block.id === PO);
      expect(row).toMatchObject({
        position: 'red-line',
        priority: null,
        modified: '2024-01-03T00:00:00.000Z',
        noteCount: 3,
      });

      // The values that lost, with the note each came from, newest first.
      const history = store.positions.history({ targetId: PO });
      expect(history.map((h) => [h.noteId, h.position, h.priority, h.set])).toEqual([
        [ids(4), 'ask-capital', null, '2024-01-04T00:00:00.000Z'],
        [ids(3), 'support', 'low', '2024-01-02T00:00:00.000Z'],
        [ids(1), 'oppose', 'high', '2024-01-01T00:00:00.000Z'],
      ]);
      expect(store.positions.history({ targetId: PA })).toEqual([]);

      // The user can take a losing value back, and undo that.
      expect(store.positions.restore({ targetId: PO, seq: history[2].seq })).toMatchObject({
        position: 'oppose',
        priority: 'high',
      });
      expect(store.positions.history({ targetId: PO })[0]).toMatchObject({ position: 'red-line', priority: null });
      expect(store.history.undo()?.description).toMatch(/Red line restored$/);
      expect(store.positions.list().find((r) => r.block.id === PO)?.position).toBe('red-line');
      expect(store.positions.history({ targetId: PO })).toHaveLength(3);
    } finally {
      store.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      expect(db.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
      expect(db.prepare('SELECT id, note, color FROM annotations ORDER BY id').all()).toEqual(before);
      // The per-note columns are emptied: one source for a position.
      expect(
        db.prepare('SELECT COUNT(*) AS n FROM annotations WHERE position IS NOT NULL OR priority IS NOT NULL').get(),
      ).toEqual({ n: 0 });
    } finally {
      db.close();
    }
  });

  it('carries the version-1 fixture over: each note’s position becomes its option’s', () => {
    fixtureDb(path.join(dir, 'user.db'));
    const store = user.open();
    try {
      const rows = new Map(store.positions.list().map((r) => [r.block.id, r]));
      expect(rows.get('c2.f2.po.1')).toMatchObject({ position: 'ask-capital', priority: 'high' });
    } finally {
      store.close();
    }
  });
});
