/**
 * The shared folder as an adversary who can write it would use it: a file
 * swapped for a pipe or a link to /dev/zero between the listing and the
 * reading, links to files outside the folder, a link planted at the own file's
 * temporary name, 2,000 layer files, huge plain files in a sealed folder, and
 * a forged file at one's own name. Each is refused with a sentence or undone
 * at once, and the app keeps working (the event loop is never held: every
 * scan here completes, and a colleague's real layer is still read).
 */
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SharedFile } from '../../src/shared/contract/layer-types';
import { LIMITS } from '../../src/shared/limits';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/until';

const OPTION = 'c2.f2.po.1';
const POSIX = process.platform !== 'win32';

const opened: TestCore[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const t of opened.splice(0)) t.close();
});
const tempDir = tempDirs('rec-hostile');

/** A member whose folder is read only when the test says so (no events, no poll in the test's time). */
async function member(name: string, shared: string, passphrase: string | null = null): Promise<TestCore> {
  const t = openTestCore(tempDir(name), {
    sharedFolder: { watch: false, pollMs: 600_000, debounceMs: 20, sealWorkFactor: 10 },
  });
  opened.push(t);
  await t.value('settings.set', { patch: { authorName: name } });
  t.core.folder.set(shared);
  if (passphrase !== null) await t.value('folder.setPassphrase', { passphrase });
  await t.core.folder.writeOwn();
  await t.core.folder.scan();
  return t;
}

const fileOf = (shared: string, id: string): string => path.join(shared, `${id}.layer.json`);
const statusOf = async (t: TestCore, name: string): Promise<SharedFile | undefined> =>
  (await t.value('folder.status', {})).files.find((f) => f.name === name);

/** A colleague's real layer file (B's own, as B's app wrote it), and a copy of it under other author ids. */
async function colleague(
  shared: string,
): Promise<{ b: TestCore; id: string; text: string; as: (id: string) => string }> {
  const b = await member('Expert B', shared);
  await b.value('positions.set', { targetId: OPTION, position: 'support' });
  await b.core.folder.writeOwn();
  const id = (await b.value('author.get', {})).id;
  const text = fs.readFileSync(fileOf(shared, id), 'utf8');
  return { b, id, text, as: (other) => text.replaceAll(id, other) };
}

/** The listing the scan makes answers first; then `swap` replaces a file before it is opened. */
function swapAfterListing(shared: string, swap: () => void): void {
  const real = fs.readdirSync.bind(fs);
  let done = false;
  vi.spyOn(fs, 'readdirSync').mockImplementation(((dir: fs.PathLike, options?: unknown) => {
    const listed = real(dir, options as never);
    if (!done && path.resolve(String(dir)) === path.resolve(shared)) {
      done = true;
      swap();
    }
    return listed;
  }) as typeof fs.readdirSync);
}

describe.skipIf(!POSIX)('a shared folder written by an adversary', () => {
  it('a file swapped for a pipe between listing and reading is refused; the scan completes', async () => {
    const shared = tempDir('shared');
    const { id: idB } = await colleague(shared);
    const a = await member('Capital', shared);
    const planted = randomUUID();
    fs.writeFileSync(fileOf(shared, planted), '{}');
    swapAfterListing(shared, () => {
      fs.rmSync(fileOf(shared, planted));
      execFileSync('mkfifo', [fileOf(shared, planted)]);
    });
    await a.core.folder.scan();
    const refused = await statusOf(a, `${planted}.layer.json`);
    expect(refused?.state).toBe('rejected');
    expect(refused?.message).toMatch(/not a regular file/);
    expect((await a.value('layers.list', {})).map((l) => l.authorId)).toEqual([idB]);
  });

  it('a file swapped for a link to /dev/zero is refused without being followed', async () => {
    const shared = tempDir('shared');
    const { id: idB } = await colleague(shared);
    const a = await member('Capital', shared);
    const planted = randomUUID();
    fs.writeFileSync(fileOf(shared, planted), '{}');
    swapAfterListing(shared, () => {
      fs.rmSync(fileOf(shared, planted));
      fs.symlinkSync('/dev/zero', fileOf(shared, planted));
    });
    await a.core.folder.scan();
    const refused = await statusOf(a, `${planted}.layer.json`);
    expect(refused?.state).toBe('rejected');
    expect(refused?.message).toMatch(/a link, and links are never followed/);
    expect((await a.value('layers.list', {})).map((l) => l.authorId)).toEqual([idB]);
  });

  it('a link to a layer file outside the folder is refused, not read as a layer', async () => {
    const shared = tempDir('shared');
    const outside = tempDir('outside');
    const { as } = await colleague(tempDir('elsewhere'));
    const a = await member('Capital', shared);
    const planted = randomUUID();
    fs.writeFileSync(path.join(outside, 'real.json'), as(planted));
    fs.symlinkSync(path.join(outside, 'real.json'), fileOf(shared, planted));
    await a.core.folder.scan();
    expect(await statusOf(a, `${planted}.layer.json`)).toMatchObject({ state: 'rejected' });
    expect(await a.value('layers.list', {})).toEqual([]);
  });

  it('a link planted at the own file’s temporary name never makes the app write outside the folder', async () => {
    const shared = tempDir('shared');
    const outside = tempDir('outside');
    const a = await member('Capital', shared);
    const id = (await a.value('author.get', {})).id;
    const victim = path.join(outside, 'precious.txt');
    fs.writeFileSync(victim, 'precious');
    // The name the app used to write through (predictable: the author id is public, the pid guessable).
    fs.symlinkSync(victim, path.join(shared, `.${id}.layer.json.${process.pid}.tmp`));
    await a.value('annotations.create', { blockId: OPTION, note: 'Capital: hold firm' });
    await a.core.folder.writeOwn();
    expect(fs.readFileSync(victim, 'utf8')).toBe('precious');
    expect(fs.lstatSync(fileOf(shared, id)).isFile()).toBe(true);
    expect(fs.readFileSync(fileOf(shared, id), 'utf8')).toContain('Capital: hold firm');
    // No temporary file of ours is left behind (each would hold every note).
    expect(fs.readdirSync(shared).filter((n) => n.startsWith(`.${id}`) && !n.endsWith(`${process.pid}.tmp`))).toEqual(
      [],
    );
  });

  it('2,000 layer files: at most LIMITS.layers layers, a colleague already held still read, the rest said', async () => {
    const shared = tempDir('shared');
    const { id: idB, as } = await colleague(shared);
    const a = await member('Capital', shared);
    expect((await a.value('layers.list', {})).map((l) => l.authorId)).toEqual([idB]);
    const flood = Array.from({ length: 2_000 }, () => randomUUID());
    // Names that sort before B's: a flood cannot push a held colleague out of the files read.
    for (const f of flood) fs.writeFileSync(fileOf(shared, `0${f.slice(1)}`), as(`0${f.slice(1)}`));
    await a.core.folder.scan();
    const layers = await a.value('layers.list', {});
    expect(layers).toHaveLength(LIMITS.layers);
    expect(layers.map((l) => l.authorId)).toContain(idB);
    const { files } = await a.value('folder.status', {});
    expect(files.find((f) => f.authorId === idB)?.state).toBe('layer');
    expect(files.filter((f) => f.state === 'layer')).toHaveLength(LIMITS.layers);
    expect(
      files.filter((f) => f.state === 'rejected' && /most one installation keeps/.test(f.message ?? '')),
    ).toHaveLength(LIMITS.sharedFolderFiles - LIMITS.layers);
    expect(
      files.filter((f) => f.state === 'ignored' && /more than 200 layer files/.test(f.message ?? '')),
    ).toHaveLength(2_001 - LIMITS.sharedFolderFiles);
  });

  it('a sealed folder refuses huge plain files from their first bytes, before parsing them', async () => {
    const shared = tempDir('shared');
    const a = await member('Capital', shared, 'delegation of Freedonia 2026');
    const head = `{"generated":"2026-12-01T10:00:00Z","rec:author":{"id":"ID","name":"Mallory"},"x":"`;
    const body = 'A'.repeat(19 * 1024 * 1024); // never closed: parsing it would fail, and show it was parsed
    const planted = [randomUUID(), randomUUID(), randomUUID()];
    for (const p of planted) fs.writeFileSync(fileOf(shared, p), head.replace('ID', p) + body);
    await a.core.folder.scan();
    for (const p of planted) {
      expect(await statusOf(a, `${p}.layer.json`)).toMatchObject({
        state: 'rejected',
        sealed: false,
        message:
          'Not read: this file is not sealed, and your delegation seals its layer files. Ask Mallory to set the delegation passphrase.',
      });
    }
  });

  it('a forged file at one’s own name is replaced by one’s own at the next reading of the folder', async () => {
    const shared = tempDir('shared');
    const { as } = await colleague(shared);
    const a = await member('Capital', shared);
    await a.value('annotations.create', { blockId: OPTION, note: 'Capital: the real note' });
    await a.core.folder.writeOwn();
    const id = (await a.value('author.get', {})).id;
    fs.writeFileSync(fileOf(shared, id), as(id).replace('Expert B', 'Capital'));
    await a.core.folder.scan();
    expect(fs.readFileSync(fileOf(shared, id), 'utf8')).toContain('Capital: the real note');
    expect(fs.readFileSync(fileOf(shared, id), 'utf8')).not.toContain('Expert B');
    expect((await a.value('folder.status', {})).message).toMatch(/replaced by a file this app did not write/);
    // Deleted by hand: written again too, not at the next edit.
    fs.rmSync(fileOf(shared, id));
    await a.core.folder.scan();
    expect(fs.readFileSync(fileOf(shared, id), 'utf8')).toContain('Capital: the real note');
  });
});
