/**
 * Delegation end to end in the core: two data folders (A, "Capital"; B, "Expert B")
 * and one shared folder, each core running its shared folder as the app does.
 * A marks a position and writes a note; B sees them as A's layer and adopts
 * one; A changes the position; B sees the change once A's file changes (by
 * file events, and by the poll alone); neither's own notes are touched by the
 * other; a sync tool's conflict copy is shown as such and not merged; an older
 * file is refused with a sentence; undo brings the previous version back.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { LayersChanged } from '../../src/shared/contract/layer-types';
import { openTestCore, type TestCore } from '../support/core';
import { tempDirs, waitFor } from '../support/until';

const OPTION = 'c2.f2.po.1';
const OTHER = 'c2.f2.pa.2';

const opened: TestCore[] = [];
afterEach(() => {
  for (const t of opened.splice(0)) t.close();
});
const tempDir = tempDirs('rec-deleg');

async function member(name: string, shared: string, watch: boolean): Promise<TestCore & { events: LayersChanged[] }> {
  // With file events, the poll is made too slow to matter, so only the events can bring a change.
  const pollMs = watch ? 600_000 : 150;
  const t = openTestCore(tempDir(name), { sharedFolder: { watch, pollMs, debounceMs: 40 } });
  opened.push(t);
  const events: LayersChanged[] = [];
  t.core.onLayersChanged((e) => events.push(e));
  await t.value('settings.set', { patch: { authorName: name } });
  t.core.folder.set(shared);
  return Object.assign(t, { events });
}

const layerOf = async (t: TestCore, authorId: string) =>
  (await t.value('layers.list', {})).find((l) => l.authorId === authorId) ?? null;

const fileOf = (shared: string, id: string): string => path.join(shared, `${id}.layer.json`);

describe.each([
  ['file events', true],
  ['the poll alone (network drives)', false],
])('two data folders, one shared folder, changes noticed by %s', (_how, watch) => {
  it('A’s positions and note reach B as A’s layer; B adopts; A’s change follows; nobody’s own notes move', async () => {
    const shared = tempDir('shared');
    const a = await member('Capital', shared, watch);
    const b = await member('Expert B', shared, watch);
    const authorA = await a.value('author.get', {});
    const authorB = await b.value('author.get', {});
    expect(authorA.id).not.toBe(authorB.id);
    expect(authorA.name).toBe('Capital');
    expect((await b.value('folder.status', {})).state).toBe(watch ? 'watching' : 'polling');

    // A marks a position and writes a note.
    await a.value('positions.set', { targetId: OPTION, position: 'red-line', priority: 'high' });
    await a.value('positions.set', { targetId: OTHER, position: 'support' });
    const noteA = await a.value('annotations.create', {
      blockId: OPTION,
      note: 'Capital: hold firm on access to justice',
    });

    // B sees them as A's layer, read-only, named after A.
    const layer = await waitFor('A’s layer at B', async () => {
      const l = await layerOf(b, authorA.id);
      return l && l.counts.annotations === 1 && l.counts.positions === 2 ? l : null;
    });
    expect(layer).toMatchObject({ name: 'Capital', source: 'shared-folder', visible: true, color: 'teal' });
    expect(layer.file).toBe(`${authorA.id}.layer.json`);
    expect(b.events.some((e) => e.layerIds.includes(layer.id))).toBe(true);
    const [columns] = await b.value('layers.positions', {});
    expect(columns.positions[OPTION]).toMatchObject({ position: 'red-line', priority: 'high', noteCount: 1 });
    const onBlock = await b.value('layers.forBlocks', { blockIds: [OPTION] });
    expect(onBlock.annotations).toEqual([
      expect.objectContaining({ id: noteA.id, layerId: layer.id, note: noteA.note, position: 'red-line' }),
    ]);
    expect(onBlock.totals).toEqual({ [OPTION]: 1 });
    // None of it is B's own.
    expect(await b.value('annotations.list', {})).toEqual([]);
    expect((await b.value('positions.list', {})).filter((r) => r.position)).toEqual([]);

    // B adopts A's position and A's note: copies in B's own notes, saying where they came from.
    const adopted = await b.value('layers.adopt', { layerId: layer.id, what: 'position', targetId: OPTION });
    expect(adopted.position).toMatchObject({ position: 'red-line', priority: 'high' });
    const row = (await b.value('positions.list', {})).find((r) => r.block.id === OPTION);
    expect(row?.adoptedFrom).toMatchObject({
      layerId: layer.id,
      authorId: authorA.id,
      authorName: 'Capital',
      itemId: OPTION,
    });
    const copied = await b.value('layers.adopt', { layerId: layer.id, what: 'note', noteId: noteA.id });
    expect(copied.annotation).toMatchObject({ note: noteA.note, blockId: OPTION });
    expect(copied.annotation?.id).not.toBe(noteA.id);
    const ownB = await b.value('annotations.list', {});
    expect(ownB).toHaveLength(1);
    expect(ownB[0].adoptedFrom).toMatchObject({ authorName: 'Capital', itemId: noteA.id });

    // A changes the position; B sees the change once A's file has changed.
    const before = fs.readFileSync(fileOf(shared, authorA.id), 'utf8');
    await a.value('positions.set', { targetId: OPTION, position: 'support-with-amendments' });
    await waitFor('A’s file rewritten', () => fs.readFileSync(fileOf(shared, authorA.id), 'utf8') !== before);
    const changed = await waitFor('the change at B', async () => {
      const [col] = await b.value('layers.positions', {});
      return col?.positions[OPTION]?.position === 'support-with-amendments' ? col : null;
    });
    expect(changed.positions[OTHER]).toMatchObject({ position: 'support' });
    expect((await layerOf(b, authorA.id))?.canUndo).toBe(true);

    // B's own notes are as B left them: the adopted position is still B's red line.
    expect((await b.value('positions.list', {})).find((r) => r.block.id === OPTION)?.position).toBe('red-line');
    expect(await b.value('annotations.list', {})).toEqual(ownB);

    // A sees B's layer (with B's adopted note) and A's own notes are untouched by it.
    await waitFor('B’s layer at A', async () => (await layerOf(a, authorB.id))?.counts.annotations === 1);
    const ownA = await a.value('annotations.list', {});
    expect(ownA.map((n) => [n.id, n.note])).toEqual([[noteA.id, noteA.note]]);
    expect((await a.value('positions.list', {})).find((r) => r.block.id === OPTION)?.position).toBe(
      'support-with-amendments',
    );

    // Each wrote only its own file.
    const names = fs.readdirSync(shared).sort();
    expect(names).toEqual([`${authorA.id}.layer.json`, `${authorB.id}.layer.json`].sort());
  }, 40_000);
});

describe('conflicts, older files and undo', () => {
  it('shows a sync tool’s conflict copy as a conflict, never merged; refuses an older file; undoes an update', async () => {
    const shared = tempDir('shared');
    const a = await member('Capital', shared, true);
    const b = await member('Expert B', shared, true);
    const authorA = await a.value('author.get', {});
    await a.value('positions.set', { targetId: OPTION, position: 'red-line' });
    await waitFor('A’s layer at B', async () => (await layerOf(b, authorA.id))?.counts.positions === 1);
    const firstVersion = fs.readFileSync(fileOf(shared, authorA.id), 'utf8');

    await a.value('positions.set', { targetId: OPTION, position: 'oppose' });
    await waitFor('the update at B', async () => {
      const [col] = await b.value('layers.positions', {});
      return col?.positions[OPTION]?.position === 'oppose';
    });

    // A file older than the layer held is refused with a sentence, and changes nothing.
    const older = await b.call('layers.add', { data: firstVersion });
    expect(older.ok).toBe(false);
    if (!older.ok) {
      expect(older.error.code).toBe('CONFLICT');
      expect(older.error.message).toMatch(/^This file from Capital was exported on .*before the version you have/);
    }
    // The same file again is nothing to do.
    const same = await b.value('layers.preview', { data: fs.readFileSync(fileOf(shared, authorA.id), 'utf8') });
    expect(same.action).toBe('same');

    // A Dropbox conflict copy of A's file (the older content) lands in the folder.
    const copy = `${authorA.id}.layer (Expert B's conflicted copy 2026-11-30).json`;
    fs.writeFileSync(path.join(shared, copy), firstVersion);
    const conflicted = await waitFor('the conflict at B', async () => (await layerOf(b, authorA.id))?.conflict);
    expect(conflicted.files.map((f) => [f.name, f.state, f.newest])).toEqual([
      [`${authorA.id}.layer.json`, 'layer', true],
      [copy, 'conflict', false],
    ]);
    expect(conflicted.message).toMatch(/not merged: the layer shows .*\.layer\.json/);
    // Not merged: the layer still shows what A's own file says.
    const [col] = await b.value('layers.positions', {});
    expect(col.positions[OPTION].position).toBe('oppose');
    const status = await b.value('folder.status', {});
    expect(status.files.find((f) => f.name === copy)).toMatchObject({ state: 'conflict', authorId: authorA.id });

    // Undo brings the version the update replaced back.
    const undone = await b.value('layers.undo', { id: conflicted.files[0].authorId ?? '' });
    expect(undone.canUndo).toBe(false);
    const [back] = await b.value('layers.positions', {});
    expect(back.positions[OPTION].position).toBe('red-line');

    // The copy and A's file are as they were written: B never writes another's file.
    expect(fs.readFileSync(path.join(shared, copy), 'utf8')).toBe(firstVersion);
  }, 40_000);

  it('refuses one’s own file as a layer, and a truncated file whole', async () => {
    const shared = tempDir('shared');
    const a = await member('Capital', shared, true);
    await a.value('annotations.create', { blockId: OPTION, note: 'mine' });
    const authorA = await a.value('author.get', {});
    await waitFor('A’s file', () => fs.readFileSync(fileOf(shared, authorA.id), 'utf8').includes('mine'));
    const own = fs.readFileSync(fileOf(shared, authorA.id), 'utf8');
    const mine = await a.call('layers.add', { data: own });
    expect(mine.ok ? null : mine.error.code).toBe('CONFLICT');
    const b = openTestCore(tempDir('b'));
    opened.push(b);
    const cut = await b.call('layers.add', { data: own.slice(0, Math.floor(own.length / 2)) });
    expect(cut.ok ? null : cut.error.code).toBe('INVALID_ARGUMENT');
    expect(await b.value('layers.list', {})).toEqual([]);
  }, 20_000);
});
