/**
 * The shared folder's file names: the file an installation writes, and the
 * copies each sync tool makes of it when two versions meet, as they name them.
 */
import { describe, expect, it } from 'vitest';
import { classifyName, layerFileName } from './names';

const ID = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';

describe('shared-folder names', () => {
  it('the file an installation writes is its author id', () => {
    expect(layerFileName(ID.toUpperCase())).toBe(`${ID}.layer.json`);
    expect(classifyName(`${ID}.layer.json`)).toEqual({ authorId: ID, copy: null });
    expect(classifyName(`${ID.toUpperCase()}.layer.json`)).toEqual({ authorId: ID, copy: null });
  });

  it.each([
    [`${ID}.layer (Anna's conflicted copy 2026-11-30).json`, 'dropbox-or-nextcloud'],
    [`${ID}.layer (conflicted copy 2026-11-30 101500).json`, 'dropbox-or-nextcloud'],
    [`${ID}.layer.sync-conflict-20261130-101500-ABCDEFG.json`, 'syncthing'],
    [`${ID}.layer-LAPTOP-42.json`, 'onedrive'],
    [`${ID}.layer (1).json`, 'google-drive'],
    [`${ID}.layer.old.json`, 'other'],
  ])('%s is a copy (%s)', (name, copy) => {
    expect(classifyName(name)).toEqual({ authorId: ID, copy });
  });

  it('anything else is not a layer file', () => {
    for (const name of [
      'notes.json',
      `${ID}.json`,
      `${ID}.layer.json.tmp`,
      'capital.layer.json',
      `x${ID}.layer.json`,
    ]) {
      expect(classifyName(name)).toBeNull();
    }
  });
});
