/**
 * Layers added by hand: an export signed by its author is added as a
 * read-only layer, shown / hidden / renamed / recoloured / removed; its notes
 * are listed (paged, filtered) and searched with their layer named; a newer
 * file from the same author replaces it, an older one is refused, the same
 * one is a no-op; a file without an author is a layer of its own; and none of
 * this changes the user's own notes, positions, bookmarks, trash or history.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { seal } from '../../src/core/exchange/seal';
import { delegationColumns } from '../../src/core/handlers/exchange';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const OPTION = 'c2.f2.po.1';
const ACTION = 'c2.f2.pa.2';

let a: TestCore;
let b: TestCore;
beforeEach(async () => {
  a = openTestCore(fs.mkdtempSync(path.join(os.tmpdir(), 'rec-layer-a-')));
  b = openTestCore(fs.mkdtempSync(path.join(os.tmpdir(), 'rec-layer-b-')));
  await a.value('settings.set', { patch: { authorName: 'Capital' } });
  await b.value('settings.set', { patch: { authorName: 'Expert B' } });
});
afterEach(() => {
  for (const t of [a, b]) {
    t.close();
    removeDir(t.dataDir);
  }
});

const exportOf = async (t: TestCore): Promise<string> =>
  String((await t.value('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true })).data);

/** Everything of B's own, to compare before and after. */
const ownOf = async (t: TestCore) => ({
  annotations: await t.value('annotations.list', {}),
  bookmarks: await t.value('bookmarks.list', {}),
  positions: await t.value('positions.list', {}),
  trash: await t.value('trash.list', {}),
  tags: await t.value('notes.tags', {}),
});

describe('a layer added by hand', () => {
  it('carries the author in the export, and is added, shown, hidden, searched and removed without touching one’s own notes', async () => {
    await b.value('annotations.create', { blockId: ACTION, note: 'my own remark on recruitment', tags: ['mine'] });
    await b.value('positions.set', { targetId: OPTION, position: 'oppose' });
    await b.value('bookmarks.add', { targetId: 'c2.f2', label: 'B’s place' });
    const own = await ownOf(b);

    const authorA = await a.value('author.get', {});
    await a.value('positions.set', { targetId: OPTION, position: 'red-line', priority: 'high' });
    const note = await a.value('annotations.create', {
      blockId: OPTION,
      note: 'Remittance corridors: the capital will not move',
      tags: ['corridors'],
    });
    const file = await exportOf(a);
    expect((JSON.parse(file) as Record<string, unknown>)['rec:author']).toEqual({ id: authorA.id, name: 'Capital' });

    const preview = await b.value('layers.preview', { data: file });
    expect(preview).toMatchObject({ action: 'add', author: { id: authorA.id, name: 'Capital' }, layer: null });
    expect(preview.counts).toEqual({ annotations: 1, bookmarks: 0, positions: 1 });
    expect(preview.message).toBe("Adds Capital's layer: 1 note, 1 position.");
    expect(await b.value('layers.list', {})).toEqual([]); // a preview adds nothing

    const added = await b.value('layers.add', { data: file, color: 'orange' });
    expect(added.layer).toMatchObject({
      id: authorA.id,
      name: 'Capital',
      color: 'orange',
      source: 'import',
      visible: true,
    });
    const id = authorA.id;

    // Notes panel by layer, with the panel's own filter.
    const page = await b.value('layers.notesPage', { layerIds: [id], offset: 0, limit: 50 });
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({
      layerId: id,
      type: 'annotation',
      annotation: { id: note.id, position: 'red-line' },
    });
    expect(
      (await b.value('layers.notesPage', { layerIds: [id], filter: { tags: ['other'] }, offset: 0, limit: 5 })).total,
    ).toBe(0);

    // Search: own notes by default; the layer's with `layers`, each hit naming its layer.
    const q = { q: 'corridors', includeNotes: true, kinds: ['note' as const] };
    expect((await b.value('search.query', q)).hits).toEqual([]);
    const both = await b.value('search.query', { ...q, layers: ['mine', id] });
    expect(both.hits.map((h) => [h.id, h.layerId])).toEqual([[note.id, id]]);
    const mine = await b.value('search.query', {
      q: 'recruitment remark',
      includeNotes: true,
      kinds: ['note'],
      layers: ['mine', id],
    });
    expect(mine.hits).toHaveLength(1);
    expect(mine.hits[0].layerId).toBeUndefined();

    // Hidden: no longer drawn by default; still there when asked by id.
    await b.value('layers.update', { id, visible: false, name: 'Capital (Geneva)' });
    expect((await b.value('layers.forBlocks', { blockIds: [OPTION] })).annotations).toEqual([]);
    expect((await b.value('layers.forBlocks', { blockIds: [OPTION], layerIds: [id] })).annotations).toHaveLength(1);
    expect(await b.value('layers.positions', {})).toEqual([]);
    const columns = delegationColumns(b.core.user, [id]);
    expect(columns.map((c) => [c.layerId, c.name, c.color, Object.keys(c.positions)])).toEqual([
      [id, 'Capital (Geneva)', 'orange', [OPTION]],
    ]);
    expect(columns[0].positions[OPTION]).toMatchObject({ position: 'red-line', priority: 'high', noteCount: 1 });

    // The same file again: nothing to do.
    expect((await b.value('layers.add', { data: file })).action).toBe('same');
    expect(await ownOf(b)).toEqual(own);

    expect(await b.value('layers.remove', { id })).toEqual({ id });
    expect(await b.value('layers.list', {})).toEqual([]);
    expect(await ownOf(b)).toEqual(own);
    // Nothing of the layer went into B's undo history: undo takes back B's own last action.
    expect(await b.value('history.undo', {})).toEqual({ description: 'New bookmark removed' });
  });

  it('replaces the same author’s layer with a newer file, refuses an older one, and undoes the update', async () => {
    const own = await ownOf(b);
    await a.value('positions.set', { targetId: OPTION, position: 'red-line' });
    const v1 = await exportOf(a);
    await new Promise((r) => setTimeout(r, 5)); // a later export time
    await a.value('positions.set', { targetId: OPTION, position: 'support' });
    const v2 = await exportOf(a);

    await b.value('layers.add', { data: v1 });
    const preview = await b.value('layers.preview', { data: v2 });
    expect(preview.action).toBe('update');
    expect(preview.message).toMatch(
      /^Replaces Capital's layer with the version of .*previous version is kept for undo/,
    );
    const updated = await b.value('layers.add', { data: v2 });
    expect(updated.layer?.canUndo).toBe(true);
    expect((await b.value('layers.positions', {}))[0].positions[OPTION].position).toBe('support');

    const older = await b.call('layers.add', { data: v1 });
    expect(older.ok).toBe(false);
    if (!older.ok) {
      expect(older.error.code).toBe('CONFLICT');
      expect(older.error.message).toMatch(/before the version you have .*nothing was changed\.$/);
    }
    expect((await b.value('layers.positions', {}))[0].positions[OPTION].position).toBe('support');

    // The export time of the version held with other contents: changed after export, refused.
    const edited = JSON.parse(v2) as { 'rec:positions': Array<{ position: string }> };
    edited['rec:positions'][0].position = 'oppose';
    const tampered = await b.call('layers.add', { data: JSON.stringify(edited) });
    expect(tampered.ok ? null : tampered.error.message).toMatch(
      /has the export time of the version you have .* but other contents/,
    );

    const undone = await b.value('layers.undo', { id: updated.layer?.id ?? '' });
    expect(undone.canUndo).toBe(false);
    expect((await b.value('layers.positions', {}))[0].positions[OPTION].position).toBe('red-line');
    const again = await b.call('layers.undo', { id: updated.layer?.id ?? '' });
    expect(again.ok ? null : again.error.code).toBe('NOT_FOUND');
    expect(await ownOf(b)).toEqual(own);
  });

  it('adds a file without an author (an older export) as a layer of its own, never updated', async () => {
    await a.value('positions.set', { targetId: OPTION, position: 'ask-capital' });
    const file = JSON.parse(await exportOf(a)) as Record<string, unknown>;
    delete file['rec:author'];
    const added = await b.value('layers.add', { data: JSON.stringify(file), name: 'Old export' });
    expect(added.action).toBe('add');
    expect(added.layer).toMatchObject({ name: 'Old export', authorId: null });
    expect(added.layer?.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('refuses a file whose author is malformed, or which has no export time, whole', async () => {
    await a.value('annotations.create', { blockId: OPTION, note: 'x' });
    const file = JSON.parse(await exportOf(a)) as Record<string, unknown>;
    const noTime = { ...file, generated: undefined };
    const badAuthor = { ...file, 'rec:author': { id: 'capital', name: 'Capital' } };
    for (const bad of [noTime, badAuthor]) {
      const r = await b.call('layers.add', { data: JSON.stringify(bad) });
      expect(r.ok ? null : r.error.code).toBe('INVALID_ARGUMENT');
    }
    expect(await b.value('layers.list', {})).toEqual([]);
  });

  it('refuses a file with two positions for one option whole (found by the sealed-layer fuzzing)', async () => {
    await a.value('positions.set', { targetId: OPTION, position: 'red-line' });
    const file = JSON.parse(await exportOf(a)) as { 'rec:positions': unknown[] };
    const twice = { ...file, 'rec:positions': [...file['rec:positions'], ...file['rec:positions']] };
    const r = await b.call('layers.add', { data: JSON.stringify(twice) });
    expect(r.ok ? null : r.error).toMatchObject({
      code: 'INVALID_ARGUMENT',
      message: expect.stringContaining(`a second position for ${OPTION}`) as string,
    });
    expect(await b.value('layers.list', {})).toEqual([]);
  });

  it('adds a sealed layer file by hand with its passphrase; without it, or with another, nothing is added', async () => {
    await a.value('positions.set', { targetId: OPTION, position: 'red-line' });
    await a.value('annotations.create', { blockId: OPTION, note: 'sealed by the capital' });
    const sealed = await seal(
      { format: 'json', filename: 'capital.json', data: await exportOf(a) },
      'delegation pass',
      10,
    );
    const own = await ownOf(b);
    const none = await b.call('layers.preview', { data: sealed });
    expect(none.ok ? null : none.error.code).toBe('PASSPHRASE_NEEDED');
    const wrong = await b.call('layers.add', { data: sealed, passphrase: 'another passphrase' });
    expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_PASSPHRASE');
    expect(await b.value('layers.list', {})).toEqual([]);
    const preview = await b.value('layers.preview', { data: sealed, passphrase: 'delegation pass' });
    expect(preview).toMatchObject({ action: 'add', counts: { annotations: 1, bookmarks: 0, positions: 1 } });
    const added = await b.value('layers.add', { data: sealed, passphrase: 'delegation pass' });
    expect(added.layer).toMatchObject({ name: 'Capital', counts: { annotations: 1, positions: 1 } });
    expect(await ownOf(b)).toEqual(own);
  });
});
