/**
 * Storage faults answer in plain words, never INTERNAL: a full
 * disk (SQLite's page limit reached, and the file system's ENOSPC from
 * /dev/full), a read-only database, and a missing permission — each a real
 * error from SQLite or the file system, through dispatch().
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { dispatch } from '../../src/core/dispatch';
import type { Args, Channel } from '../../src/shared/contract/channels';
import type { Handlers } from '../../src/shared/contract/derive';
import { FULL_MESSAGE, storageFault } from '../../src/core/base/faults';
import { openCore, type Core } from '../../src/core/open';
import type { UserDb } from '../../src/core/user/db';

/** A channel call as the command line makes it. */
const call = <K extends Channel>(handlers: Handlers, channel: K, args: Args<K>) => dispatch(handlers, channel, args);

let dir: string;
let core: Core;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'recollection-faults-'));
  core = openCore({ contentDbPath: CONTENT_DB_PATH, dataDir: dir });
});
afterAll(() => {
  core.close();
  rmSync(dir, { recursive: true, force: true });
});

const db = (): UserDb => core.user.session().db;

describe('storage faults through dispatch', () => {
  it('a full database answers STORAGE "The disk is full: nothing was saved" and keeps what it had', async () => {
    await call(core.handlers, 'annotations.create', { blockId: 'c2.f3.po.1', note: 'before' });
    const pages = db().pragma('page_count', { simple: true }) as number;
    db().pragma(`max_page_count = ${pages}`);
    try {
      const result = await call(core.handlers, 'annotations.create', {
        blockId: 'c2.f3.po.2',
        note: 'x'.repeat(90_000),
      });
      expect(result).toEqual({ ok: false, error: { code: 'STORAGE', message: FULL_MESSAGE } });
    } finally {
      db().pragma('max_page_count = 1073741823');
    }
    const list = await call(core.handlers, 'annotations.list', {});
    expect(list.ok && list.value.map((a) => a.note)).toEqual(['before']);
  });

  it('a read-only database answers STORAGE with a sentence, not INTERNAL', async () => {
    db().pragma('query_only = 1');
    try {
      const result = await call(core.handlers, 'annotations.create', { blockId: 'c2.f3.po.2', note: 'no' });
      expect(result.ok).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('STORAGE');
        expect(result.error.message).toMatch(/read-only.*nothing was saved/);
      }
    } finally {
      db().pragma('query_only = 0');
    }
  });

  it.skipIf(process.platform !== 'linux')('a full file system (ENOSPC) reads as the disk being full', () => {
    let err: unknown;
    try {
      writeFileSync('/dev/full', 'notes');
    } catch (e) {
      err = e;
    }
    expect(storageFault(err)?.message).toBe(FULL_MESSAGE);
  });

  it('permission errors name the file and say nothing was saved', () => {
    const denied = Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES', path: '/x/notes.json' });
    expect(storageFault(denied)?.message).toMatch(/^Recollection has no permission to write there \(notes\.json\)/);
    expect(storageFault(new Error('other'))).toBeNull();
  });
});
