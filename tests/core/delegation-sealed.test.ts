/**
 * Sealed layer files on real files: data folders and one shared folder,
 * each core running its shared folder as the app does. With the delegation
 * passphrase, A's layer file is sealed on disk (nothing of A's notes readable
 * in it) and B, with the same passphrase, reads it as A's layer. A file sealed
 * with another passphrase, a tampered sealed file, and a plain file while the
 * delegation seals are each refused whole with their own sentence, and nothing
 * of B's own notes or of the layer B holds changes. The passphrase is never in
 * the notes database in clear: kept wrapped by the data key when the notes are
 * protected, for the session only when they are not (after a restart nothing
 * is written until it is entered again).
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { SharedFile } from '../../src/shared/contract/layer-types';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs, waitFor } from '../support/until';

const OPTION = 'c2.f2.po.1';
const PASS = 'delegation of Freedonia 2026';
const OTHER_PASS = 'another delegation entirely';
const NOTE = 'Capital: Zanzibar pelican, hold firm';
/** A low scrypt cost: the key stretching is not what is tested here (the app seals at 2^17). */
const FAST = 10;

const opened: TestCore[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});
const tempDir = tempDirs('rec-sealed');

function start(dir: string, key?: Buffer | null): TestCore {
  const t = openTestCore(dir, {
    sharedFolder: { watch: false, pollMs: 100, debounceMs: 30, sealWorkFactor: FAST },
    ...(key ? { key } : {}),
  });
  opened.push(t);
  return t;
}

async function member(name: string, shared: string, passphrase: string | null): Promise<TestCore> {
  const t = start(tempDir(name));
  await t.value('settings.set', { patch: { authorName: name } });
  t.core.folder.set(shared);
  if (passphrase !== null) await t.value('folder.setPassphrase', { passphrase });
  return t;
}

const fileOf = (shared: string, id: string): string => path.join(shared, `${id}.layer.json`);
const statusOf = async (t: TestCore, name: string): Promise<SharedFile | undefined> =>
  (await t.value('folder.status', {})).files.find((f) => f.name === name);
/** Every file of a data folder (database, WAL, backups) as bytes. */
const folderBytes = (dir: string): Buffer[] =>
  fs
    .readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => fs.readFileSync(path.join(d.parentPath, d.name)));

/** Closes a protected member, checks the passphrase is in no file of its data folder, and opens it with its key. */
function reopenProtected(t: TestCore): TestCore {
  const key = t.core.user.dataKey();
  t.close();
  opened.splice(opened.indexOf(t), 1);
  for (const bytes of folderBytes(t.dataDir)) expect(bytes.includes(Buffer.from(PASS))).toBe(false);
  return start(t.dataDir, key);
}

describe('a shared folder sealed with the delegation passphrase', () => {
  it('writes A’s file sealed, B reads it; another passphrase, a tampered file and a plain file are refused whole', async () => {
    const shared = tempDir('shared');
    const a = await member('Capital', shared, PASS);
    const b = await member('Expert B', shared, PASS);
    const authorA = await a.value('author.get', {});
    await b.value('positions.set', { targetId: 'c2.f2.pa.2', position: 'support' });
    const ownB = JSON.stringify([await b.value('annotations.list', {}), await b.value('positions.list', {})]);

    await a.value('positions.set', { targetId: OPTION, position: 'red-line', priority: 'high' });
    await a.value('annotations.create', { blockId: OPTION, note: NOTE });
    await a.core.folder.writeOwn();
    // Sealed on disk: the seal's text form, owner-only, nothing of A's notes in it.
    const sealedA = await waitFor('A’s sealed file', () => {
      const text = fs.existsSync(fileOf(shared, authorA.id)) ? fs.readFileSync(fileOf(shared, authorA.id), 'utf8') : '';
      return text.includes('BEGIN AGE ENCRYPTED FILE') ? text : null;
    });
    expect(sealedA.startsWith('Recollection sealed file')).toBe(true);
    expect(sealedA).not.toContain('Zanzibar');
    expect(sealedA).not.toContain('red-line');
    if (process.platform !== 'win32') expect(fs.statSync(fileOf(shared, authorA.id)).mode & 0o777).toBe(0o600);
    expect(await a.value('folder.status', {})).toMatchObject({ sealing: 'on', passphraseKept: 'session' });

    // B, with the same passphrase, reads A's layer whole; the file is marked sealed.
    const layer = await waitFor('A’s layer at B', async () => {
      const l = (await b.value('layers.list', {})).find((x) => x.authorId === authorA.id);
      return l?.counts.annotations === 1 && l.counts.positions === 1 ? l : null;
    });
    expect(layer.shared).toMatchObject({ state: 'layer', sealed: true, authorName: 'Capital' });
    const [column] = await b.value('layers.positions', {});
    expect(column.positions[OPTION]).toMatchObject({ position: 'red-line', priority: 'high' });

    // C seals with another passphrase: B refuses C's file whole and says why; C refuses A's and B's.
    const c = await member('Expert C', shared, OTHER_PASS);
    const authorC = await c.value('author.get', {});
    await c.value('positions.set', { targetId: OPTION, position: 'oppose' });
    await c.core.folder.writeOwn();
    await b.core.folder.scan();
    const refusedC = await waitFor('C’s file refused at B', async () => {
      const f = await statusOf(b, `${authorC.id}.layer.json`);
      return f?.state === 'rejected' && f.sealed ? f : null;
    });
    expect(refusedC.message).toMatch(/^Sealed with another passphrase: .*nothing of it was read/);
    expect((await b.value('layers.list', {})).map((l) => l.authorId)).toEqual([authorA.id]);
    await c.core.folder.scan();
    expect((await statusOf(c, `${authorA.id}.layer.json`))?.state).toBe('rejected');
    expect(await c.value('layers.list', {})).toEqual([]);

    // A plain file while the delegation seals (D has no passphrase): refused, with a sentence naming its author.
    const d = await member('Expert D', shared, null);
    const authorD = await d.value('author.get', {});
    await d.value('positions.set', { targetId: OPTION, position: 'support' });
    await d.core.folder.writeOwn();
    expect(fs.readFileSync(fileOf(shared, authorD.id), 'utf8').trimStart().startsWith('{')).toBe(true);
    await b.core.folder.scan();
    const plain = await waitFor('D’s plain file refused at B', async () => {
      const f = await statusOf(b, `${authorD.id}.layer.json`);
      return f?.state === 'rejected' ? f : null;
    });
    expect(plain).toMatchObject({ sealed: false });
    expect(plain.message).toMatch(
      /not sealed, and your delegation seals .*Ask Expert D to set the delegation passphrase/,
    );
    // D, without the passphrase, lists the sealed files as waiting for it, and reads none.
    await d.core.folder.scan();
    expect((await statusOf(d, `${authorA.id}.layer.json`))?.message).toMatch(/^Sealed: not read until/);
    expect(await d.value('layers.list', {})).toEqual([]);

    // A's file tampered with in the folder (one character of the sealed text): refused whole at B, and
    // B keeps the version it held.
    const at = sealedA.indexOf('-----BEGIN') + 200;
    const flipped = sealedA[at] === 'A' ? 'B' : 'A';
    fs.writeFileSync(fileOf(shared, authorA.id), sealedA.slice(0, at) + flipped + sealedA.slice(at + 1));
    await b.core.folder.scan();
    const tampered = await waitFor('the tampered file refused at B', async () => {
      const f = await statusOf(b, `${authorA.id}.layer.json`);
      return f?.state === 'rejected' ? f : null;
    });
    expect(tampered.message).toMatch(/damaged or was changed after it was sealed/);
    const [held] = await b.value('layers.positions', {});
    expect(held.positions[OPTION]).toMatchObject({ position: 'red-line' });
    expect((await b.value('layers.list', {}))[0].counts).toEqual({ annotations: 1, bookmarks: 0, positions: 1 });

    // A's next change writes the file whole again, and B follows.
    await a.value('positions.set', { targetId: OPTION, position: 'oppose' });
    await a.core.folder.writeOwn();
    await waitFor('A’s change at B', async () => {
      const [col] = await b.value('layers.positions', {});
      return col?.positions[OPTION]?.position === 'oppose';
    });

    // Nothing of B's own notes changed through any of it.
    expect(JSON.stringify([await b.value('annotations.list', {}), await b.value('positions.list', {})])).toBe(ownB);
  }, 90_000);

  it('keeps the passphrase for the session only when the notes are not protected: never in the database', async () => {
    const shared = tempDir('shared');
    const a = await member('Capital', shared, PASS);
    await a.value('annotations.create', { blockId: OPTION, note: NOTE });
    await a.core.folder.writeOwn();
    const authorA = await a.value('author.get', {});
    const dir = a.dataDir;
    const written = fs.readFileSync(fileOf(shared, authorA.id), 'utf8');
    a.close();
    opened.splice(opened.indexOf(a), 1);
    for (const bytes of folderBytes(dir)) expect(bytes.includes(Buffer.from(PASS))).toBe(false);

    // After a restart: sealing is still on, the passphrase is not known, and no plain file is written.
    const again = start(dir);
    await again.value('annotations.create', { blockId: OPTION, note: 'written while the passphrase is unknown' });
    await again.core.folder.writeOwn();
    const status = await again.value('folder.status', {});
    expect(status).toMatchObject({ sealing: 'needs-passphrase', passphraseKept: null });
    expect(status.message).toMatch(/not written: your delegation seals its layer files/);
    expect(fs.readFileSync(fileOf(shared, authorA.id), 'utf8')).toBe(written);
    // Entered again: the file is sealed with it, with the new note.
    await again.value('folder.setPassphrase', { passphrase: PASS });
    await again.core.folder.writeOwn();
    expect(fs.readFileSync(fileOf(shared, authorA.id), 'utf8')).not.toBe(written);
    expect(fs.readFileSync(fileOf(shared, authorA.id), 'utf8')).toContain('BEGIN AGE ENCRYPTED FILE');
    // No passphrase: plain files again.
    await again.value('folder.setPassphrase', { passphrase: null });
    await again.core.folder.writeOwn();
    expect(JSON.parse(fs.readFileSync(fileOf(shared, authorA.id), 'utf8'))).toMatchObject({
      'rec:author': { id: authorA.id },
    });
    expect((await again.value('folder.status', {})).sealing).toBe('off');
  }, 60_000);

  it('keeps the passphrase wrapped by the data key when the notes are protected, and opens it with them', async () => {
    const shared = tempDir('shared');
    const a = await member('Capital', shared, null);
    await a.value('vault.enable', { passphrase: 'correct horse battery' });
    await a.value('folder.setPassphrase', { passphrase: PASS });
    expect(await a.value('folder.status', {})).toMatchObject({ sealing: 'on', passphraseKept: 'notes' });
    // Reopened with the notes' key (as the keychain or the passphrase gives it): the passphrase is there.
    const again = reopenProtected(a);
    expect(await again.value('folder.status', {})).toMatchObject({ sealing: 'on', passphraseKept: 'notes' });
    await again.value('annotations.create', { blockId: OPTION, note: NOTE });
    await again.core.folder.writeOwn();
    const text = fs.readFileSync(fileOf(shared, (await again.value('author.get', {})).id), 'utf8');
    expect(text).toContain('BEGIN AGE ENCRYPTED FILE');
    expect(text).not.toContain('Zanzibar');
    // Locked and unlocked: unwrapped again with the notes.
    await again.value('vault.lock', {});
    await again.value('vault.unlock', { passphrase: 'correct horse battery' });
    expect(await again.value('folder.status', {})).toMatchObject({ sealing: 'on', passphraseKept: 'notes' });
  }, 60_000);

  it('wraps a passphrase entered before protection was turned on, and keeps it with the notes from then on', async () => {
    const shared = tempDir('shared');
    const a = await member('Capital', shared, PASS);
    expect(await a.value('folder.status', {})).toMatchObject({ sealing: 'on', passphraseKept: 'session' });
    await a.value('vault.enable', { passphrase: 'correct horse battery' });
    // The shared folder goes on once the database is converted (it stopped with the conversion's close).
    expect(await a.value('folder.status', {})).toMatchObject({
      state: 'polling',
      sealing: 'on',
      passphraseKept: 'notes',
    });
    const again = reopenProtected(a);
    expect(await again.value('folder.status', {})).toMatchObject({ sealing: 'on', passphraseKept: 'notes' });
  }, 60_000);
});
