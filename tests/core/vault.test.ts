/**
 * Encryption at rest: the real core, the real
 * SQLCipher build, real files. A seeded note's text, tag and position word
 * are searched for in the raw bytes of user.db, its WAL and every backup;
 * a wrong passphrase changes nothing; lock refuses the notes and serves the
 * document; the recovery code resets the passphrase; turning protection off
 * gives back plain, readable files with every note.
 */
import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlainFile } from '../../src/core/user/vault/cipher';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const NOTE = 'Zanzibar pelican caveat';
const TAG = 'quokkaridge';
const POSITION = 'support-with-amendments';
const BLOCK = 'c2.f3.po.1';
const PASS = 'correct horse battery';

const opened: TestCore[] = [];
const dirs: string[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
  for (const d of dirs.splice(0)) removeDir(d);
});
function open(dataDir?: string, key?: Buffer | null): TestCore {
  const t = openTestCore(dataDir, { key });
  opened.push(t);
  if (!dataDir) dirs.push(t.dataDir);
  return t;
}
function closeAll(): void {
  for (const t of opened.splice(0)) t.close();
}

/** Every file of the data folder that holds notes: the database, its WAL/SHM, every backup. */
function noteFiles(dir: string): string[] {
  const files = ['user.db', 'user.db-wal', 'user.db-shm'].map((f) => join(dir, f)).filter((f) => existsSync(f));
  const backups = join(dir, 'backups');
  if (existsSync(backups)) files.push(...readdirSync(backups).map((f) => join(backups, f)));
  return files;
}
function leaks(dir: string): string[] {
  const found: string[] = [];
  for (const file of noteFiles(dir)) {
    const bytes = readFileSync(file);
    for (const needle of [NOTE, 'Zanzibar', TAG, POSITION]) {
      if (bytes.includes(Buffer.from(needle, 'utf8'))) found.push(`${file}: ${needle}`);
    }
  }
  return found;
}
function fingerprint(dir: string): string {
  const h = createHash('sha256');
  for (const f of [...noteFiles(dir), join(dir, 'vault.json')].filter((x) => existsSync(x)).sort()) {
    h.update(f).update(readFileSync(f));
  }
  return h.digest('hex');
}

async function seed(t: TestCore): Promise<void> {
  await t.value('annotations.create', { blockId: BLOCK, note: NOTE, tags: [TAG] });
  await t.value('positions.set', { targetId: BLOCK, position: POSITION });
}

describe('encryption at rest', () => {
  it('leaves none of a note, tag or position word in user.db, its WAL or any backup', async () => {
    const t = open();
    await seed(t);
    await t.value('backup.create', {}); // a plain backup made before protection: it must be converted
    expect(leaks(t.dataDir).length).toBeGreaterThan(0); // the needles are findable in plain files
    const { recoveryCode } = await t.value('vault.enable', { passphrase: PASS });
    expect(recoveryCode).toMatch(/^[0-9A-Z]{4}(-[0-9A-Z]{4}){6}$/);
    // Written after the conversion: lands in the WAL, encrypted.
    await t.value('annotations.create', { blockId: BLOCK, note: `${NOTE} again`, tags: [TAG] });
    await t.value('backup.create', {});
    expect(statSync(join(t.dataDir, 'user.db-wal')).size).toBeGreaterThan(0);
    expect(readdirSync(join(t.dataDir, 'backups')).length).toBe(2);
    expect(leaks(t.dataDir)).toEqual([]);
    for (const f of noteFiles(t.dataDir).filter((f) => !f.endsWith('-wal') && !f.endsWith('-shm'))) {
      expect(isPlainFile(f), f).toBe(false);
    }
    expect(statSync(join(t.dataDir, 'vault.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(t.dataDir, 'vault.json'), 'utf8')).not.toContain(PASS);
    // Everything still works encrypted: listing, notes search, backups verified.
    expect((await t.value('notes.list', {})).length).toBe(2);
    const hits = await t.value('search.query', { q: 'pelican', kinds: ['note'] });
    expect(hits.total).toBe(2);
    expect((await t.value('backup.list', {})).every((b) => b.verified)).toBe(true);
  });

  it('opens locked; a wrong passphrase is a clear error and changes nothing; the right one unlocks', async () => {
    const t = open();
    await seed(t);
    await t.value('vault.enable', { passphrase: PASS });
    closeAll();
    const before = fingerprint(t.dataDir);
    const again = open(t.dataDir);
    expect(await again.value('vault.status', {})).toMatchObject({ protected: true, locked: true });
    const wrong = await again.call('vault.unlock', { passphrase: 'not the passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    expect(!wrong.ok && wrong.error.message).toMatch(/passphrase is not right.*Nothing was changed/);
    expect(fingerprint(t.dataDir)).toBe(before);
    // Locked: the notes are refused, the document is served, search runs without notes.
    expect(await again.call('annotations.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(await again.call('backup.create', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(
      await again.call('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true }),
    ).toMatchObject({
      ok: false,
      error: { code: 'LOCKED' },
    });
    expect((await again.value('content.block', { id: BLOCK })).block.id).toBe(BLOCK);
    const search = await again.value('search.query', { q: 'pelican migration' });
    expect(search.hits.every((h) => h.kind !== 'note')).toBe(true);
    expect(await again.call('vault.unlock', { passphrase: PASS })).toMatchObject({ ok: true });
    expect((await again.value('notes.list', {}))[0].annotation?.note).toBe(NOTE);
    // Lock again: refused again, the key forgotten.
    await again.value('vault.lock', {});
    expect(await again.call('notes.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    expect(again.core.user.dataKey()).toBeNull();
  });

  it('the recovery code resets the passphrase; changing it rewraps the key only', async () => {
    const t = open();
    await seed(t);
    const { recoveryCode } = await t.value('vault.enable', { passphrase: PASS });
    const dbBefore = readFileSync(join(t.dataDir, 'user.db'));
    await t.value('vault.lock', {});
    const badCode = await t.call('vault.unlock', {
      recoveryCode: 'AAAA-BBBB-CCCC-DDDD-EEEEEE',
      newPassphrase: 'n' + PASS,
    });
    expect(badCode).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    // Typed back in lower case without dashes: still accepted.
    const code = recoveryCode.toLowerCase().replace(/-/g, ' ');
    await t.value('vault.unlock', { recoveryCode: code, newPassphrase: 'second passphrase' });
    await t.value('vault.lock', {});
    expect(await t.call('vault.unlock', { passphrase: PASS })).toMatchObject({ ok: false });
    await t.value('vault.unlock', { passphrase: 'second passphrase' });
    await t.value('vault.changePassphrase', { passphrase: 'second passphrase', newPassphrase: 'third passphrase' });
    await t.value('vault.lock', {});
    await t.value('vault.unlock', { passphrase: 'third passphrase' });
    expect((await t.value('notes.list', {}))[0].annotation?.tags).toEqual([TAG]);
    closeAll();
    // The database itself was not rewritten by any of this (its WAL was checkpointed at close).
    expect(readFileSync(join(t.dataDir, 'user.db')).subarray(0, 16)).toEqual(dbBefore.subarray(0, 16));
  });

  it('turning protection off gives plain, verified files with every note; vault.json is removed', async () => {
    const t = open();
    await seed(t);
    await t.value('vault.enable', { passphrase: PASS });
    await t.value('backup.create', {});
    const wrong = await t.call('vault.disable', { passphrase: 'wrong passphrase' });
    expect(wrong).toMatchObject({ ok: false, error: { code: 'WRONG_PASSPHRASE' } });
    await t.value('vault.disable', { passphrase: PASS });
    expect(existsSync(join(t.dataDir, 'vault.json'))).toBe(false);
    expect(isPlainFile(join(t.dataDir, 'user.db'))).toBe(true);
    expect((await t.value('backup.list', {})).map((b) => b.verified)).toEqual([true]);
    expect((await t.value('notes.list', {}))[0].annotation?.note).toBe(NOTE);
    closeAll();
    const again = open(t.dataDir);
    expect((await again.value('notes.list', {}))[0].annotation?.note).toBe(NOTE);
  });

  it('a damaged encrypted database is kept aside and the encrypted backup restored', async () => {
    const t = open();
    await seed(t);
    await t.value('vault.enable', { passphrase: PASS });
    await t.value('backup.create', {});
    const key = t.core.user.dataKey()!;
    closeAll();
    const file = join(t.dataDir, 'user.db');
    const bytes = readFileSync(file);
    bytes.fill(0x5a, 1024, 6000); // garbage over the first pages
    writeFileSync(file, bytes);
    const again = open(t.dataDir, key);
    expect(again.core.user.recovery).toMatch(/moved to .*damaged.*restored from the backup/s);
    expect((await again.value('notes.list', {}))[0].annotation?.note).toBe(NOTE);
    expect(readdirSync(join(t.dataDir, 'damaged')).length).toBeGreaterThan(0);
    expect(leaks(t.dataDir)).toEqual([]);
  });
});

describe('the shared folder follows the lock (the lock reaches the delegation too)', () => {
  it('opens locked without touching the folder, writes the own layer file after unlock, stops at lock', async () => {
    const shared = join(t0(), 'shared');
    mkdirSync(shared);
    // The folder as the shell's dialog answers it; writing unsealed under protection chosen in its question.
    const dialogs = { chooseFolder: () => Promise.resolve(shared), confirmUnsealed: () => Promise.resolve(true) };
    const first = openTestCore(undefined, { sharedFolder: { watch: false, pollMs: 50, debounceMs: 10, dialogs } });
    dirs.push(first.dataDir);
    await first.value('folder.choose', {});
    await seed(first);
    await first.value('vault.enable', { passphrase: PASS });
    await first.value('folder.allowPlain', {});
    first.close();
    rmSync(shared, { recursive: true });
    mkdirSync(shared);

    // Opened with no key: locked. The folder is not read or written, and nothing throws from its timers.
    const t = openTestCore(first.dataDir, { sharedFolder: { watch: false, pollMs: 50, debounceMs: 10 } });
    opened.push(t);
    expect(t.core.user.locked).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(readdirSync(shared)).toEqual([]);
    expect(await t.call('folder.status', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    await t.value('vault.unlock', { passphrase: PASS });
    expect(readdirSync(shared).filter((f) => f.endsWith('.layer.json'))).toHaveLength(1);

    t.core.vault.lock();
    const before = readdirSync(shared).join();
    writeFileSync(join(shared, 'stranger.layer.json'), '{"not": "a layer"}');
    await new Promise((r) => setTimeout(r, 200)); // a poll while locked reads nothing, throws nothing
    expect(t.core.user.locked).toBe(true);
    expect(readdirSync(shared).join()).toBe(`${before},stranger.layer.json`);
  });
});

function t0(): string {
  const d = mkdtempSync(join(tmpdir(), 'rec-vault-folder-'));
  dirs.push(d);
  return d;
}
