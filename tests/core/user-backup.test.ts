/**
 * Backups of the user database with SQLite's backup API: naming, verification,
 * rotation at 10, listing, restore (with a safety backup first), name
 * validation, and the hourly automatic backup.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyBackup } from '../../src/core/user/backups/file';
import { BACKUP_KEEP } from '../../src/core/user/backups/rotation';
import { LATEST_VERSION } from '../../src/core/user/migrations';
import type { UserStore } from '../../src/core/user/store';
import { CoreError } from '../../src/shared/contract/result';
import { TestUser } from '../support/user';

const MINUTE = 60_000;

let user: TestUser;
let dir: string;
let store: UserStore;
const tick = (ms: number): void => user.tick(ms);

beforeEach(() => {
  user = new TestUser('2025-06-30T23:59:58.000Z');
  dir = user.dir;
  store = user.open();
});
afterEach(() => {
  store.close();
  user.remove();
});

async function rejects(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'resolved';
  } catch (err) {
    return err instanceof CoreError ? err.code : String(err);
  }
}

describe('backups', () => {
  it('writes a verified, self-contained copy named by its UTC time', async () => {
    const a = store.annotations.create({ blockId: 'c2.f2.po.1', note: 'backed up', tags: ['t'] });
    const info = await store.backups.create();
    expect(info).toMatchObject({
      name: 'user-20250630-235958.db',
      created: '2025-06-30T23:59:58.000Z',
      verified: true,
    });
    const file = path.join(dir, 'backups', info.name);
    expect(info.bytes).toBe(fs.statSync(file).size);
    expect(fs.readdirSync(path.join(dir, 'backups'))).toEqual([info.name]); // no -wal/-shm, no partial file
    const copy = new Database(file, { readonly: true });
    expect(copy.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(copy.pragma('user_version', { simple: true })).toBe(LATEST_VERSION);
    expect(copy.prepare('SELECT note FROM annotations WHERE id = ?').get(a.id)).toEqual({ note: 'backed up' });
    copy.close();
    // Same second: a counter keeps names unique and ordered.
    expect((await store.backups.create()).name).toBe('user-20250630-235958-1.db');
  });

  it('keeps the newest backups when more than 10 are made within one second', async () => {
    store.annotations.create({ blockId: 'c2.f2.po.1', note: 'x' });
    const names: string[] = [];
    for (let i = 0; i < 14; i++) names.push((await store.backups.create()).name);
    expect(new Set(names).size).toBe(14);
    expect(store.backups.list().map((b) => b.name)).toEqual(names.slice(-BACKUP_KEEP).reverse());
  });

  it('keeps the newest 10 (and the newest of the day before) and lists them newest first, each verified', async () => {
    store.annotations.create({ blockId: 'c2.f2.po.1', note: 'x' });
    const names: string[] = [];
    for (let i = 0; i < 13; i++) {
      names.push((await store.backups.create()).name);
      if (i % 3 !== 0) tick(1000); // mix of same-second (-n) and new-second names
    }
    const list = store.backups.list();
    // The clock crossed midnight: besides the newest 10, the newest of the day before is kept (by age).
    const dayBefore = names.filter((n) => n.startsWith('user-20250630-')).at(-1)!;
    expect(names.slice(-BACKUP_KEEP)).not.toContain(dayBefore);
    const kept = [...names.slice(-BACKUP_KEEP).reverse(), dayBefore];
    expect(list.map((b) => b.name)).toEqual(kept);
    expect(list.every((b) => b.verified)).toBe(true);
    expect(fs.readdirSync(path.join(dir, 'backups')).sort()).toEqual([...kept].sort());
  });

  it('reports a damaged backup as unverified and refuses to restore it', async () => {
    store.annotations.create({ blockId: 'c2.f2.po.1', note: 'x' });
    const { name } = await store.backups.create();
    const file = path.join(dir, 'backups', name);
    const bytes = fs.readFileSync(file);
    bytes.fill(0x41, 0, 16);
    fs.writeFileSync(file, bytes);
    expect(verifyBackup(file)).toBe(false);
    expect(store.backups.list()[0]).toMatchObject({ name, verified: false });
    expect(await rejects(store.backups.restore({ name }))).toBe('CONFLICT');
    expect(store.annotations.list()).toHaveLength(1);
  });

  it('restores a backup after backing up the current state, and stays usable', async () => {
    const kept = store.annotations.create({ blockId: 'c2.f2.po.1', note: 'before backup' });
    const { name } = await store.backups.create();
    tick(MINUTE);
    const later = store.annotations.create({ blockId: 'c2.f2.pa.1', note: 'after backup' });
    expect(await store.backups.restore({ name })).toEqual({ restored: name });
    expect(store.annotations.list().map((a) => a.id)).toEqual([kept.id]);
    // The state before the restore was saved first and can itself be restored.
    const safety = store.backups.list()[0];
    expect(safety?.name).not.toBe(name);
    await store.backups.restore({ name: safety?.name ?? '' });
    expect(
      store.annotations
        .list()
        .map((a) => a.id)
        .sort(),
    ).toEqual([kept.id, later.id].sort());
    // Still a working store after two swaps.
    store.annotations.create({ blockId: 'c2.f2.pa.2', note: 'third' });
    expect(store.annotations.list()).toHaveLength(3);
  });

  it('rejects names that are not backups, including path traversal', async () => {
    expect(await rejects(store.backups.restore({ name: '../user.db' }))).toBe('INVALID_ARGUMENT');
    expect(await rejects(store.backups.restore({ name: 'user.db' }))).toBe('INVALID_ARGUMENT');
    expect(await rejects(store.backups.restore({ name: 'user-20250101-000000.db' }))).toBe('NOT_FOUND');
  });

  it('backs up automatically when the newest backup is an hour old, never for an empty database', async () => {
    expect(await store.maybeAutoBackup()).toBeNull(); // empty: nothing worth rotating real backups out for
    store.bookmarks.add({ targetId: 'c2.f2' });
    const first = await store.maybeAutoBackup();
    expect(first?.verified).toBe(true);
    tick(59 * MINUTE);
    expect(await store.maybeAutoBackup()).toBeNull();
    tick(2 * MINUTE);
    expect((await store.maybeAutoBackup())?.name).not.toBe(first?.name);
    expect(store.backups.list()).toHaveLength(2);
  });
});
