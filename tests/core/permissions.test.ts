/**
 * Owner-only files: with a permissive umask (022), the notes
 * database and its -wal/-shm, backups, damaged copies, restored copies and
 * exports are 0600 and their folders 0700; an existing data folder that is
 * ours is tightened at open, a folder that is not ours is left alone. POSIX only.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/core/base/files';
import { UserStore } from '../../src/core/user/store';
import { testContent } from '../support/content';

const { lookup } = testContent();
const mode = (p: string): number => fs.statSync(p).mode & 0o777;
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rec-perm-'));
  dirs.push(dir);
  return dir;
};
let umask: number;
beforeAll(() => {
  umask = process.umask(0o022);
});
afterAll(() => {
  process.umask(umask);
  dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true }));
});

describe.skipIf(process.platform === 'win32')('owner-only permissions', () => {
  it('a new data folder, the database, its -wal/-shm, backups and restores are owner-only', async () => {
    const dataDir = path.join(tempDir(), 'nested', 'Recollection');
    const store = UserStore.open({ dataDir, content: lookup });
    try {
      store.annotations.create({ blockId: 'c2.f2.po.1', note: 'red line' });
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(path.dirname(dataDir))).toBe(0o700); // created by us too
      for (const side of ['', '-wal', '-shm']) expect(mode(path.join(dataDir, `user.db${side}`))).toBe(0o600);
      const info = await store.backups.create();
      expect(mode(path.join(dataDir, 'backups'))).toBe(0o700);
      expect(mode(path.join(dataDir, 'backups', info.name))).toBe(0o600);
      await store.backups.restore({ name: info.name });
      for (const side of ['', '-wal', '-shm']) expect(mode(path.join(dataDir, `user.db${side}`))).toBe(0o600);
    } finally {
      store.close();
    }
  });

  it('an existing data folder and database made 0755/0644 by someone else are tightened at open', async () => {
    const dataDir = tempDir();
    const first = UserStore.open({ dataDir, content: lookup });
    first.close();
    fs.chmodSync(dataDir, 0o755);
    fs.chmodSync(path.join(dataDir, 'user.db'), 0o644);
    fs.mkdirSync(path.join(dataDir, 'backups'), { mode: 0o755 });
    fs.chmodSync(path.join(dataDir, 'backups'), 0o755);
    const store = UserStore.open({ dataDir, content: lookup });
    try {
      expect(mode(dataDir)).toBe(0o700);
      expect(mode(path.join(dataDir, 'user.db'))).toBe(0o600);
      store.annotations.create({ blockId: 'c2.f2.po.1', note: 'x' });
      await store.backups.create();
      expect(mode(path.join(dataDir, 'backups'))).toBe(0o700);
    } finally {
      store.close();
    }
  });

  it('a damaged file moved aside is owner-only in a 0700 damaged/ folder', () => {
    const dataDir = tempDir();
    fs.writeFileSync(path.join(dataDir, 'user.db'), 'not a database'.repeat(50), { mode: 0o644 });
    const store = UserStore.open({ dataDir, content: lookup });
    store.close();
    const damaged = path.join(dataDir, 'damaged');
    expect(mode(damaged)).toBe(0o700);
    for (const name of fs.readdirSync(damaged)) expect(mode(path.join(damaged, name))).toBe(0o600);
  });

  it('an exported file is owner-only, replacing a file that was not', async () => {
    const out = tempDir();
    const file = path.join(out, 'brief.md');
    fs.writeFileSync(file, 'old', { mode: 0o644 });
    await writeFileAtomic(file, 'the delegation will oppose');
    expect(mode(file)).toBe(0o600);
  });

  it('a folder that is not ours (no notes database, another name) is not tightened', () => {
    const dataDir = tempDir();
    fs.chmodSync(dataDir, 0o755);
    const store = UserStore.open({ dataDir, content: lookup });
    store.close();
    expect(mode(dataDir)).toBe(0o755);
    expect(mode(path.join(dataDir, 'user.db'))).toBe(0o600);
  });
});
