/**
 * Adopt is done once: pressing it again on the same colleague's note answers
 * the note adopted before (`already`), makes no second identical note (which
 * the colleague would see echoed back in one's layer file), and the reader's
 * layer notes say which are adopted. A copy put in the trash can be adopted
 * again. A position already taken from that layer is not changed again (no
 * second entry in its history, nothing new to undo).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const OPTION = 'c2.f2.po.1';

let a: TestCore;
let b: TestCore;
beforeEach(async () => {
  a = openTestCore(fs.mkdtempSync(path.join(os.tmpdir(), 'rec-adopt1-a-')));
  b = openTestCore(fs.mkdtempSync(path.join(os.tmpdir(), 'rec-adopt1-b-')));
  await a.value('settings.set', { patch: { authorName: 'Capital' } });
});
afterEach(() => {
  for (const t of [a, b]) {
    t.close();
    removeDir(t.dataDir);
  }
});

async function capitalLayer(): Promise<{ layerId: string; noteId: string }> {
  await a.value('positions.set', { targetId: OPTION, position: 'red-line', priority: 'high' });
  const note = await a.value('annotations.create', { blockId: OPTION, note: 'Capital: hold firm' });
  const file = (await a.value('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true })).data;
  const { layer } = await b.value('layers.add', { data: String(file) });
  return { layerId: layer?.id ?? '', noteId: note.id };
}

describe('adopting once', () => {
  it('a note adopted again answers the first copy and makes no second one; the reader says "adopted"', async () => {
    const { layerId, noteId } = await capitalLayer();
    const first = await b.value('layers.adopt', { layerId, what: 'note', noteId });
    expect(first.already).toBe(false);
    const before = await b.value('layers.forBlocks', { blockIds: [OPTION] });
    expect(before.annotations[0].adoptedAs).toBe(first.annotation?.id);
    const again = await b.value('layers.adopt', { layerId, what: 'note', noteId });
    const third = await b.value('layers.adopt', { layerId, what: 'note', noteId });
    expect(again).toMatchObject({ already: true, annotation: { id: first.annotation?.id } });
    expect(third.annotation?.id).toBe(first.annotation?.id);
    expect((await b.value('annotations.list', {})).map((n) => n.note)).toEqual(['Capital: hold firm']);

    // The copy trashed: Adopt makes a new one.
    await b.value('annotations.remove', { id: first.annotation?.id ?? '' });
    expect((await b.value('layers.forBlocks', { blockIds: [OPTION] })).annotations[0].adoptedAs).toBeUndefined();
    const anew = await b.value('layers.adopt', { layerId, what: 'note', noteId });
    expect(anew.already).toBe(false);
    expect(anew.annotation?.id).not.toBe(first.annotation?.id);
    expect(await b.value('annotations.list', {})).toHaveLength(1);
  });

  it('a position adopted again changes nothing: one entry in its history', async () => {
    const { layerId } = await capitalLayer();
    await b.value('positions.set', { targetId: OPTION, position: 'oppose' });
    expect((await b.value('layers.adopt', { layerId, what: 'position', targetId: OPTION })).already).toBe(false);
    const again = await b.value('layers.adopt', { layerId, what: 'position', targetId: OPTION });
    expect(again).toMatchObject({ already: true, position: { position: 'red-line', priority: 'high' } });
    expect((await b.value('positions.history', { targetId: OPTION })).map((h) => h.position)).toEqual(['oppose']);
  });
});
