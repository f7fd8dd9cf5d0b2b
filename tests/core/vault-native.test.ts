/**
 * The notes database must be opened by better-sqlite3-multiple-ciphers, never by
 * the plain better-sqlite3 addon the content database uses: plain SQLite takes
 * `PRAGMA key` silently and would write the notes in clear while protection
 * looks on. Real addons, real files: the plain one is better-sqlite3's own Node
 * build, loaded as the user database's binding.
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isPlainFile, NO_CIPHER_MESSAGE } from '../../src/core/user/vault/cipher';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const require = createRequire(import.meta.url);
/** The plain SQLite addon (no cipher), as the content database loads it. */
const PLAIN = require.resolve('better-sqlite3/build/Release/better_sqlite3.node');
/** The cipher addon, named explicitly (what main passes in development). */
const CIPHER = require.resolve('better-sqlite3-multiple-ciphers/build/Release/better_sqlite3.node');

const NOTE = 'Zanzibar pelican caveat';
const BLOCK = 'c2.f3.po.1';
const PASS = 'correct horse battery';

const opened: TestCore[] = [];
const dirs = new Set<string>();
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
  for (const d of dirs) removeDir(d);
  dirs.clear();
});
function open(dataDir: string | undefined, options: Parameters<typeof openTestCore>[1]): TestCore {
  const t = openTestCore(dataDir, options);
  opened.push(t);
  dirs.add(t.dataDir);
  return t;
}
function closeAll(): void {
  for (const t of opened.splice(0)) t.close();
}
/** Hash of every file of the data folder (database, WAL, backups, vault.json). */
function fingerprint(dir: string): string {
  const h = createHash('sha256');
  const walk = (d: string): void => {
    for (const name of readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = join(d, name.name);
      if (name.isDirectory()) walk(p);
      else h.update(p).update(readFileSync(p));
    }
  };
  walk(dir);
  return h.digest('hex');
}

describe('the notes database gets the cipher addon', () => {
  it('the content binding (plain SQLite) does not reach the notes: they are encrypted', async () => {
    // Development passes the plain Electron build as nativeBinding; the notes take userNativeBinding.
    const t = open(undefined, { nativeBinding: PLAIN, userNativeBinding: CIPHER });
    await t.value('annotations.create', { blockId: BLOCK, note: NOTE, tags: [] });
    expect((await t.value('content.block', { id: BLOCK })).block.id).toBe(BLOCK);
    await t.value('vault.enable', { passphrase: PASS });
    closeAll();
    const file = join(t.dataDir, 'user.db');
    expect(isPlainFile(file)).toBe(false);
    expect(readFileSync(file).includes(Buffer.from('Zanzibar'))).toBe(false);
  });
});

describe('a SQLite without the cipher is refused, nothing written', () => {
  it('vault.enable answers UNAVAILABLE and the folder stays as it was', async () => {
    const t = open(undefined, { userNativeBinding: PLAIN });
    await t.value('annotations.create', { blockId: BLOCK, note: NOTE, tags: [] });
    await t.value('backup.create', {});
    const before = fingerprint(t.dataDir);
    const r = await t.call('vault.enable', { passphrase: PASS });
    expect(r).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: NO_CIPHER_MESSAGE } });
    expect(existsSync(join(t.dataDir, 'vault.json'))).toBe(false);
    expect(fingerprint(t.dataDir)).toBe(before);
    // The notes are still there, plain as they were, and protection is still off.
    expect(await t.value('vault.status', {})).toMatchObject({ protected: false, locked: false });
    expect((await t.value('notes.list', {}))[0].annotation?.note).toBe(NOTE);
  });

  it('a protected folder opened with the plain addon refuses with the sentence instead of reading garbage', async () => {
    const first = open(undefined, {});
    await first.value('annotations.create', { blockId: BLOCK, note: NOTE, tags: [] });
    await first.value('vault.enable', { passphrase: PASS });
    const key = first.core.user.dataKey()!;
    closeAll();
    const dir = first.dataDir;
    const before = fingerprint(dir);

    // Opened locked (no key yet), then unlocked with the right passphrase: refused, nothing changed.
    const t = open(dir, { userNativeBinding: PLAIN });
    expect(await t.value('vault.status', {})).toMatchObject({ protected: true, locked: true });
    const r = await t.call('vault.unlock', { passphrase: PASS });
    expect(r).toEqual({ ok: false, error: { code: 'UNAVAILABLE', message: NO_CIPHER_MESSAGE } });
    expect(await t.call('notes.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });
    closeAll();
    expect(fingerprint(dir)).toBe(before);

    // Opened with the key (the shell's keychain path): the same sentence, the file kept (not moved aside).
    expect(() => openTestCore(dir, { userNativeBinding: PLAIN, key })).toThrow(NO_CIPHER_MESSAGE);
    expect(fingerprint(dir)).toBe(before);

    // The cipher build still opens it, every note there.
    const again = open(dir, { key });
    expect((await again.value('notes.list', {}))[0].annotation?.note).toBe(NOTE);
    key.fill(0);
  });
});
