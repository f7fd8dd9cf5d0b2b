/**
 * Where notes may go: the shared folder's path comes only from the shell's
 * folder dialog (folder.choose), never from the page (there is no channel that
 * takes a path); with the notes protected and no delegation passphrase, the
 * own layer file (every note, in clear) is written only once the user chose
 * it in the shell's question for that folder, asked again for another folder
 * and after sealing is stopped. The page's old route (stop sealing, then point
 * the app at a folder of its choosing) writes nothing anywhere.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FolderDialogs } from '../../src/core/delegation/service';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs } from '../support/until';

const PASS = 'correct horse battery staple';
const NOTE = 'Capital: Zanzibar pelican, hold firm';

const opened: TestCore[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});
const tempDir = tempDirs('rec-choose');

/** A core whose shell dialogs answer what the test puts in `answers`. */
function open(answers: { folder: string | null; unsealed: boolean; asked: string[] }, dialogs = true): TestCore {
  const shell: FolderDialogs = {
    chooseFolder: () => Promise.resolve(answers.folder),
    confirmUnsealed: (dir) => {
      answers.asked.push(dir);
      return Promise.resolve(answers.unsealed);
    },
  };
  const t = openTestCore(tempDir('data'), {
    sharedFolder: {
      watch: false,
      pollMs: 600_000,
      debounceMs: 10,
      sealWorkFactor: 10,
      ...(dialogs ? { dialogs: shell } : {}),
    },
  });
  opened.push(t);
  return t;
}

const layerFiles = (dir: string): string[] => fs.readdirSync(dir).filter((n) => n.endsWith('.layer.json'));

describe('the shared folder comes from the shell’s dialog only', () => {
  it('no channel takes a path from the page; folder.choose sets what the dialog answered', async () => {
    const shared = tempDir('shared');
    const answers = { folder: null as string | null, unsealed: false, asked: [] as string[] };
    const t = open(answers);
    const bypass = await t.raw('folder.set', { path: shared });
    expect(bypass.ok).toBe(false);
    expect(await t.raw('folder.choose', { path: shared })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
    // Cancelled: nothing set.
    expect(await t.value('folder.choose', {})).toBeNull();
    expect((await t.value('folder.status', {})).path).toBeNull();
    answers.folder = shared;
    expect((await t.value('folder.choose', {}))?.path).toBe(shared);
    await t.core.folder.writeOwn();
    expect(layerFiles(shared)).toHaveLength(1); // notes not protected: written as before
    expect((await t.value('folder.stop', {})).path).toBeNull();
  });

  it('without the shell’s dialogs (the command line) folder.choose is unavailable', async () => {
    const t = open({ folder: tempDir('shared'), unsealed: true, asked: [] }, false);
    expect(await t.call('folder.choose', {})).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'This action needs the desktop app (its folder dialog).' },
    });
  });

  it('protected notes are never written unsealed without the choice made in the shell’s question', async () => {
    const shared = tempDir('shared');
    const answers = { folder: shared, unsealed: false, asked: [] as string[] };
    const t = open(answers);
    await t.value('annotations.create', { blockId: 'c2.f2.po.1', note: NOTE });
    await t.value('vault.enable', { passphrase: PASS });
    await t.value('folder.choose', {});
    await t.core.folder.writeOwn();
    const status = await t.value('folder.status', {});
    expect(status).toMatchObject({ path: shared, sealing: 'off', unsealed: 'needs-choice' });
    expect(status.message).toMatch(/not written: your notes are encrypted on this computer/);
    expect(layerFiles(shared)).toEqual([]);

    // Asked, and cancelled: still nothing.
    expect((await t.value('folder.allowPlain', {})).unsealed).toBe('needs-choice');
    expect(answers.asked).toEqual([shared]);
    await t.core.folder.writeOwn();
    expect(layerFiles(shared)).toEqual([]);

    // Chosen in the shell's question: written, unsealed, to this folder.
    answers.unsealed = true;
    expect((await t.value('folder.allowPlain', {})).unsealed).toBe('allowed');
    await t.core.folder.writeOwn();
    expect(fs.readFileSync(path.join(shared, layerFiles(shared)[0]), 'utf8')).toContain(NOTE);

    // Another folder asks again.
    const other = tempDir('other');
    answers.folder = other;
    expect((await t.value('folder.choose', {}))?.unsealed).toBe('needs-choice');
    await t.core.folder.writeOwn();
    expect(layerFiles(other)).toEqual([]);
  });

  it('the page’s route (stop sealing, then point the app elsewhere) writes no note anywhere', async () => {
    const shared = tempDir('shared');
    const elsewhere = tempDir('elsewhere');
    const answers = { folder: shared, unsealed: true, asked: [] as string[] };
    const t = open(answers);
    await t.value('annotations.create', { blockId: 'c2.f2.po.1', note: NOTE });
    await t.value('vault.enable', { passphrase: PASS });
    await t.value('folder.choose', {});
    await t.value('folder.setPassphrase', { passphrase: 'delegation of Freedonia 2026' });
    await t.core.folder.writeOwn();
    const sealed = fs.readFileSync(path.join(shared, layerFiles(shared)[0]), 'utf8');
    expect(sealed).not.toContain(NOTE);

    // The page stops sealing and asks for another folder: no channel takes it, and nothing is written unsealed.
    await t.value('folder.setPassphrase', { passphrase: null });
    expect((await t.raw('folder.set', { path: elsewhere })).ok).toBe(false);
    await t.core.folder.writeOwn();
    expect((await t.value('folder.status', {})).unsealed).toBe('needs-choice');
    expect(fs.readFileSync(path.join(shared, layerFiles(shared)[0]), 'utf8')).toBe(sealed);
    expect(fs.readdirSync(elsewhere)).toEqual([]);
  });
});
