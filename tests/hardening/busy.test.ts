/**
 * Two real processes on one notes database: while another
 * process holds the write lock, a write waits with the event loop free (a
 * timer keeps ticking) and then either succeeds or answers BUSY in plain
 * words, never INTERNAL; an import that reads then writes takes the write lock
 * first, so another process cannot commit in between (SQLITE_BUSY_SNAPSHOT);
 * and a backup is made once, when the import can proceed.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { ContentStore } from '../../src/core/content/store';
import { dispatch } from '../../src/core/dispatch';
import type { Args, Channel } from '../../src/shared/contract/channels';
import type { Handlers } from '../../src/shared/contract/derive';
import { BUSY_MESSAGE, BUSY_WAIT_MS } from '../../src/core/base/faults';
import { openCore, type Core } from '../../src/core/open';
import { parseImport } from '../../src/core/exchange/import';
import { UserStore } from '../../src/core/user/store';
import { commitFromOtherProcess, holdWriteLock, tickCounter } from './other-process';

/** A channel call as the command line makes it. */
const call = <K extends Channel>(handlers: Handlers, channel: K, args: Args<K>) => dispatch(handlers, channel, args);

const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'recollection-busy-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

const NOTE = { blockId: 'c2.f3.po.1', note: 'written while another process writes' };
const backups = (dataDir: string): string[] => {
  try {
    return readdirSync(join(dataDir, 'backups')).filter((n) => n.endsWith('.db'));
  } catch {
    return [];
  }
};

let dataDir: string;
let core: Core;
let exported: string;
beforeAll(async () => {
  // An export with two notes, from a folder of its own, to import below.
  const source = openCore({ contentDbPath: CONTENT_DB_PATH, dataDir: tempDir() });
  await call(source.handlers, 'annotations.create', { blockId: 'c2.f3.po.2', note: 'imported one' });
  await call(source.handlers, 'annotations.create', { blockId: 'c2.f3.po.3', note: 'imported two' });
  const file = await call(source.handlers, 'export.render', {
    format: 'json',
    scope: { kind: 'all' },
    includeNotes: true,
  });
  source.close();
  if (!file.ok || typeof file.value.data !== 'string') throw new Error('export failed');
  exported = file.value.data;
  dataDir = tempDir();
  core = openCore({ contentDbPath: CONTENT_DB_PATH, dataDir });
  await call(core.handlers, 'annotations.create', { blockId: 'c2.f3.po.1', note: 'already here' });
});
afterAll(() => core?.close());

describe('another process holds the write lock', () => {
  it('a write waits with the event loop turning, then answers BUSY in plain words', async () => {
    const holder = await holdWriteLock(join(dataDir, 'user.db'), BUSY_WAIT_MS + 3000);
    const clock = tickCounter();
    const started = Date.now();
    try {
      const result = await call(core.handlers, 'annotations.create', NOTE);
      const elapsed = Date.now() - started;
      expect(result).toEqual({ ok: false, error: { code: 'BUSY', message: BUSY_MESSAGE } });
      expect(elapsed).toBeGreaterThanOrEqual(BUSY_WAIT_MS - 50);
      // A 20 ms timer ticked through the wait: the thread was never blocked for long (SQLite's own wait
      // would be one gap of 5 s; the bound leaves room for a loaded machine).
      expect(clock.ticks()).toBeGreaterThan(10);
      expect(clock.longestGapMs()).toBeLessThan(1500);
    } finally {
      clock.stop();
      holder.kill('SIGKILL');
    }
    const notes = await call(core.handlers, 'annotations.list', {});
    expect(notes.ok && notes.value.map((a) => a.note)).toEqual(['already here']);
  }, 20_000);

  it('a write made while the lock is held succeeds once it is released, the loop turning meanwhile', async () => {
    const holder = await holdWriteLock(join(dataDir, 'user.db'), 700);
    const clock = tickCounter();
    const started = Date.now();
    const result = await call(core.handlers, 'annotations.create', NOTE);
    const elapsed = Date.now() - started;
    clock.stop();
    holder.kill('SIGKILL');
    expect(result.ok, JSON.stringify(result)).toBe(true);
    expect(elapsed).toBeGreaterThanOrEqual(500);
    expect(clock.ticks()).toBeGreaterThan(5);
  }, 20_000);

  it('an import waits for the lock and makes one backup, not one per attempt', async () => {
    const before = backups(dataDir).length;
    const holder = await holdWriteLock(join(dataDir, 'user.db'), 1200);
    const clock = tickCounter();
    const result = await call(core.handlers, 'import.apply', { data: exported });
    clock.stop();
    holder.kill('SIGKILL');
    expect(result.ok && result.value.added, JSON.stringify(result)).toBe(2);
    expect(backups(dataDir).length).toBe(before + 1);
    expect(clock.ticks()).toBeGreaterThan(5);
  }, 20_000);
});

describe('read then write', () => {
  it('another process cannot commit between an import reading and writing', async () => {
    const dir = tempDir();
    const content = ContentStore.open(CONTENT_DB_PATH);
    let armed = false;
    let other = '';
    // The content lookup is asked about each record while the import plans inside its transaction:
    // that is where another process commits, in the middle of the read-then-write.
    const store: UserStore = UserStore.open({
      dataDir: dir,
      content: new Proxy(content, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (prop !== 'block' || typeof value !== 'function') return value;
          return (...args: unknown[]) => {
            if (armed && store.session().db.inTransaction) {
              armed = false;
              other = commitFromOtherProcess(join(dir, 'user.db'));
            }
            return (value as (...a: unknown[]) => unknown).apply(target, args);
          };
        },
      }),
    });
    try {
      store.annotations.create(NOTE);
      const bundle = parseImport(exported);
      armed = true;
      const preview = await store.exchange.apply(bundle);
      expect(preview.added).toBe(2);
      // The import held the write lock from its first read: the other process had to wait.
      expect(other).toBe('SQLITE_BUSY');
      expect(store.annotations.list()).toHaveLength(3);
      expect(backups(dir)).toHaveLength(1);
    } finally {
      store.close();
      content.close();
    }
  }, 20_000);
});
