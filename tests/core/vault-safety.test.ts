/**
 * The paths next to the vault's main ones, on the real core and real files:
 * a plain copy of the notes put back by hand under protection (the key is
 * kept, the user told, the copy encrypted at the unlock, the notes written
 * since protection readable with the passphrase and with the recovery code);
 * vault operations in flight together (one at a time); crash leftovers of
 * backups and restores (removed at the next open and when protection is
 * turned on); two backups started at the same moment.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlainFile } from '../../src/core/user/vault/cipher';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const BLOCK = 'c2.f3.po.1';
const PASS = 'correct horse battery';
const BEFORE = 'Okapi note written before protection';
const SINCE = 'Narwhal note written since protection';

const opened: TestCore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
  for (const d of dirs.splice(0)) removeDir(d);
});
function open(dataDir?: string, options: Parameters<typeof openTestCore>[1] = {}): TestCore {
  const t = openTestCore(dataDir, options);
  opened.push(t);
  if (!dataDir) dirs.push(t.dataDir);
  return t;
}
function closeAll(): void {
  for (const t of opened.splice(0)) t.close();
}
const notes = async (t: TestCore): Promise<string[]> =>
  (await t.value('notes.list', {})).map((e) => e.annotation?.note ?? '').sort();

/** Every file under `dir` whose bytes hold `needle` (the data folder, recursively). */
function filesHolding(dir: string, needle: string): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const file = join(entry.parentPath, entry.name);
    if (readFileSync(file).includes(Buffer.from(needle))) found.push(file);
  }
  return found;
}

/** The id of a process that has ended: what a killed writer leaves in its files' names. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}
const UUID = '0123abcd-0000-4000-8000-00000000beef';

describe('a plain copy of the notes put back by hand under protection', () => {
  it('keeps the key, says so, encrypts the copy at the unlock; the notes since protection stay readable', async () => {
    const t = open();
    await t.value('annotations.create', { blockId: BLOCK, note: BEFORE });
    closeAll();
    // docs/data-safety.md: "quit the app and copy user.db". A copy kept from before protection.
    const copy = join(t.dataDir, '..', `${t.dataDir.split('/').pop()}-hand-copy.db`);
    copyFileSync(join(t.dataDir, 'user.db'), copy);
    dirs.push(copy);
    const on = open(t.dataDir);
    const { recoveryCode } = await on.value('vault.enable', { passphrase: PASS });
    await on.value('annotations.create', { blockId: BLOCK, note: SINCE });
    await on.value('backup.create', {});
    closeAll();
    const keyFile = readFileSync(join(t.dataDir, 'vault.json'));

    copyFileSync(copy, join(t.dataDir, 'user.db')); // the hand restore
    const back = open(t.dataDir);
    const status = await back.value('vault.status', {});
    expect(status).toMatchObject({ protected: true, locked: true });
    expect(status.notice).toMatch(/not encrypted, though protection is on.*key is kept.*Unlock to encrypt/);
    expect(readFileSync(join(t.dataDir, 'vault.json')).equals(keyFile)).toBe(true);

    const unlocked = await back.value('vault.unlock', { passphrase: PASS });
    expect(unlocked.notice).toMatch(/was encrypted with your key and opened.*restore one/);
    expect(back.core.user.recovery).toBeNull();
    expect(isPlainFile(join(t.dataDir, 'user.db'))).toBe(false);
    expect(await notes(back)).toEqual([BEFORE]);
    // Written from now on: encrypted, like everything but the user's own copy outside the folder.
    await back.value('annotations.create', { blockId: BLOCK, note: 'Ibex note after the hand restore' });
    expect(filesHolding(t.dataDir, 'Ibex')).toEqual([]);
    expect(filesHolding(t.dataDir, 'Okapi')).toEqual([]);
    // The notes written since protection: in the encrypted backup, still readable.
    const [newest] = await back.value('backup.list', {});
    expect(newest.verified).toBe(true);
    await back.value('backup.restore', { name: newest.name });
    expect(await notes(back)).toEqual([BEFORE, SINCE].sort());
    closeAll();
    // …and with the recovery code alone.
    const again = open(t.dataDir);
    expect((await again.value('vault.status', {})).notice).toBeUndefined();
    await again.value('vault.unlock', { recoveryCode, newPassphrase: 'a brand new passphrase' });
    expect(await notes(again)).toEqual([BEFORE, SINCE].sort());
  });
});

describe('vault operations in flight together', () => {
  it('run one at a time: turning protection off and changing the passphrase never leave plain notes under a key', async () => {
    const t = open();
    await t.value('annotations.create', { blockId: BLOCK, note: SINCE });
    await t.value('vault.enable', { passphrase: PASS });
    const [off, change] = await Promise.all([
      t.call('vault.disable', { passphrase: PASS }),
      t.call('vault.changePassphrase', { passphrase: PASS, newPassphrase: 'another passphrase' }),
    ]);
    expect(off).toMatchObject({ ok: true, value: { protected: false } });
    expect(change).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(existsSync(join(t.dataDir, 'vault.json'))).toBe(false);
    expect(isPlainFile(join(t.dataDir, 'user.db'))).toBe(true);
    closeAll();
    const again = open(t.dataDir);
    expect(await again.value('vault.status', {})).toMatchObject({ protected: false, locked: false });
    expect(again.core.user.recovery).toBeNull();
    expect(await notes(again)).toEqual([SINCE]);
  });

  it('a passphrase change queued behind turning protection on finds it on and rewraps the new key', async () => {
    const t = open();
    await t.value('annotations.create', { blockId: BLOCK, note: SINCE });
    const [on, change] = await Promise.all([
      t.call('vault.enable', { passphrase: PASS }),
      t.call('vault.changePassphrase', { passphrase: PASS, newPassphrase: 'another passphrase' }),
    ]);
    expect(on.ok && change.ok).toBe(true);
    closeAll();
    const again = open(t.dataDir);
    await again.value('vault.unlock', { passphrase: 'another passphrase' });
    expect(await notes(again)).toEqual([SINCE]);
  });
});

describe('crash leftovers of backups and restores', () => {
  it('are removed at the next open, and again when protection is turned on; two backups at once both land', async () => {
    const t = open();
    await t.value('annotations.create', { blockId: BLOCK, note: BEFORE });
    await t.value('backup.create', {});
    closeAll();
    const dir = t.dataDir;
    const backup = join(dir, 'backups', readdirSync(join(dir, 'backups'))[0]);
    const plant = (): string[] => {
      const pid = deadPid();
      const files = [
        join(dir, 'backups', '.user-20261201-101010.db.partial'), // an older version's name
        join(dir, 'backups', `.user-20261201-101011.db.${pid}.${UUID}.partial`),
        join(dir, 'backups', `.user-20261201-101011.db.${pid}.${UUID}.partial-journal`),
        join(dir, 'user.db.restoring'),
        join(dir, `user.db.${pid}.${UUID}.restoring`),
        join(dir, `vault.json.${pid}.${UUID}.tmp`),
      ];
      for (const f of files) copyFileSync(backup, f); // each holds every note, in clear
      return files;
    };
    const planted = plant();
    // One a process still running is writing (this one): never pulled away at open.
    const live = join(dir, 'backups', `.user-20261201-101012.db.${process.pid}.${UUID}.partial`);
    writeFileSync(live, 'being written');
    const again = open(dir);
    for (const f of planted) expect(existsSync(f), f).toBe(false);
    expect(existsSync(live)).toBe(true);
    expect(await notes(again)).toEqual([BEFORE]);

    // Left while the app runs (another process killed mid-backup), then protection turned on.
    plant();
    await again.value('vault.enable', { passphrase: PASS });
    expect(filesHolding(dir, 'Okapi')).toEqual([]);
    expect(existsSync(live)).toBe(false);

    // Two backups started in the same second, encrypted: both verify, under two names; no partial left.
    const [a, b] = await Promise.all([again.call('backup.create', {}), again.call('backup.create', {})]);
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && b.ok && a.value.name !== b.value.name).toBe(true);
    const names = readdirSync(join(dir, 'backups'));
    expect(names.filter((n) => n.includes('partial'))).toEqual([]);
    for (const n of names) expect(statSync(join(dir, 'backups', n)).mode & 0o777).toBe(0o600);
    expect((await again.value('backup.list', {})).every((x) => x.verified)).toBe(true);
  });

  it('two plain backups started at the same moment both land under their own names', async () => {
    const fixed = new Date('2026-12-01T10:10:10Z');
    const t = open(undefined, { now: () => fixed });
    await t.value('annotations.create', { blockId: BLOCK, note: BEFORE });
    const results = await Promise.all([1, 2, 3].map(() => t.call('backup.create', {})));
    expect(results.map((r) => r.ok)).toEqual([true, true, true]);
    const names = results.map((r) => (r.ok ? r.value.name : '')).sort();
    expect(new Set(names).size).toBe(3);
    expect(readdirSync(join(t.dataDir, 'backups')).sort()).toEqual(names);
  });
});
