/**
 * An adopted position keeps where it came from in the option's history
 * (migration 5): once the user changes a position adopted from a
 * colleague's layer, the earlier value in `positions.history` still says
 * "adopted from Capital" and when; undoing the change brings the provenance
 * back with the value, and restoring that earlier value keeps it too. A value
 * the user set themselves has none.
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
  a = openTestCore(fs.mkdtempSync(path.join(os.tmpdir(), 'rec-adopt-a-')));
  b = openTestCore(fs.mkdtempSync(path.join(os.tmpdir(), 'rec-adopt-b-')));
  await a.value('settings.set', { patch: { authorName: 'Capital' } });
});
afterEach(() => {
  for (const t of [a, b]) {
    t.close();
    removeDir(t.dataDir);
  }
});

describe('the history of an adopted position', () => {
  it('records and keeps where an adopted value came from, through a change, undo, restore and a reopen', async () => {
    const authorA = await a.value('author.get', {});
    await a.value('positions.set', { targetId: OPTION, position: 'red-line', priority: 'high' });
    const file = (await a.value('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true })).data;
    const { layer } = await b.value('layers.add', { data: String(file) });
    expect(layer).not.toBeNull();

    // B's own value first, then Capital's adopted over it.
    await b.value('positions.set', { targetId: OPTION, position: 'oppose' });
    await b.value('layers.adopt', { layerId: layer?.id ?? '', what: 'position', targetId: OPTION });
    const adoptedRow = (await b.value('positions.list', {})).find((r) => r.block.id === OPTION);
    const from = adoptedRow?.adoptedFrom;
    expect(from).toMatchObject({ layerId: authorA.id, authorId: authorA.id, authorName: 'Capital', itemId: OPTION });
    // The value it replaced was B's own: no provenance in its history entry.
    let history = await b.value('positions.history', { targetId: OPTION });
    expect(history.map((h) => [h.position, h.adoptedFrom])).toEqual([['oppose', undefined]]);

    // B changes the adopted position: the history entry of the adopted value says where it came from.
    await b.value('positions.set', { targetId: OPTION, position: 'support' });
    history = await b.value('positions.history', { targetId: OPTION });
    expect(history[0]).toMatchObject({ position: 'red-line', priority: 'high', adoptedFrom: from });
    expect(history[1].adoptedFrom).toBeUndefined();
    const current = (await b.value('positions.list', {})).find((r) => r.block.id === OPTION);
    expect(current?.adoptedFrom).toBeUndefined(); // B's own now

    // Undo brings the adopted value back with its provenance, and drops the history row the change wrote.
    await b.value('history.undo', {});
    const undone = (await b.value('positions.list', {})).find((r) => r.block.id === OPTION);
    expect(undone).toMatchObject({ position: 'red-line', adoptedFrom: from });
    expect((await b.value('positions.history', { targetId: OPTION })).map((h) => h.position)).toEqual(['oppose']);

    // Change again, then restore the adopted value from the history: it is Capital's again.
    await b.value('positions.set', { targetId: OPTION, position: 'support', priority: null });
    const entry = (await b.value('positions.history', { targetId: OPTION }))[0];
    expect(entry.adoptedFrom).toEqual(from);
    await b.value('positions.restore', { targetId: OPTION, seq: entry.seq });
    const restored = (await b.value('positions.list', {})).find((r) => r.block.id === OPTION);
    expect(restored).toMatchObject({ position: 'red-line', priority: 'high', adoptedFrom: from });

    // Kept on disk: a reopened core reads the same history.
    const dir = b.dataDir;
    b.close();
    b = openTestCore(dir);
    const reread = await b.value('positions.history', { targetId: OPTION });
    expect(reread.find((h) => h.position === 'red-line')?.adoptedFrom).toEqual(from);
    expect(reread.find((h) => h.position === 'support')?.adoptedFrom).toBeUndefined();
  });
});
