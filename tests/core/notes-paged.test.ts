/**
 * The paged reads for very many notes, on a real user database seeded with
 * thousands of notes (1,200 on one block): notes.page slices the very list
 * notes.list gives, with its total, and follows every write; a page's blocks
 * get at most `perBlock` notes each, with each block's full count.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedManyNotes, TAG, type ManyNotes } from '../../scripts/bench/many-notes';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import type { AnnotationFilter, NoteEntry } from '../../src/shared/contract/types';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const COUNT = 3_000;
let t: TestCore;
let seeded: ManyNotes;

beforeAll(() => {
  const dataDir = mkdtempSync(join(tmpdir(), 'recollection-paged-'));
  seeded = seedManyNotes({ contentDbPath: CONTENT_DB_PATH, dataDir, count: COUNT, onOneBlock: 1_200 });
  t = openTestCore(dataDir);
});
afterAll(() => {
  t.close();
  removeDir(t.dataDir);
});

const idOf = (e: NoteEntry): string => e.annotation?.id ?? e.bookmark?.id ?? '';

async function allPages(args: { sort?: 'document' | 'date'; filter?: AnnotationFilter }, limit: number) {
  const ids: string[] = [];
  let total = -1;
  for (let offset = 0; total < 0 || offset < total; offset += limit) {
    const page = await t.value('notes.page', { ...args, offset, limit });
    expect(page.offset).toBe(offset);
    expect(page.entries.length).toBe(Math.min(limit, page.total - offset));
    total = page.total;
    ids.push(...page.entries.map(idOf));
  }
  return { ids, total };
}

describe('notes.page', () => {
  it.each(['document', 'date'] as const)(
    'gives notes.list (%s order) a page at a time, with the total',
    async (sort) => {
      const whole = (await t.value('notes.list', { sort })).map(idOf);
      const paged = await allPages({ sort }, 500);
      expect(paged.total).toBe(COUNT);
      expect(paged.ids).toEqual(whole);
    },
  );

  it('filters before paging', async () => {
    const paged = await allPages({ filter: { tags: [TAG] } }, 400);
    expect(paged.total).toBe(seeded.tagged);
    expect(paged.ids).toEqual((await t.value('notes.list', { filter: { tags: [TAG] } })).map(idOf));
  });

  it.each<[string, () => AnnotationFilter]>([
    ['a colour', () => ({ colors: ['red'] })],
    ['a block', () => ({ blockId: seeded.crowdedBlockId })],
    ['colours and a block', () => ({ colors: ['yellow', 'green'], blockId: seeded.crowdedBlockId })],
  ])('filters by %s in SQL with the same answer as notes.list', async (_, filter) => {
    const paged = await allPages({ filter: filter(), sort: 'date' }, 300);
    const whole = (await t.value('notes.list', { filter: filter(), sort: 'date' })).map(idOf);
    expect(paged.total).toBeGreaterThan(0);
    expect(paged.ids).toEqual(whole);
  });

  it('answers past the end with no entries, and refuses a page larger than the limit', async () => {
    expect(await t.value('notes.page', { offset: COUNT + 10, limit: 10 })).toMatchObject({ entries: [], total: COUNT });
    expect((await t.raw('notes.page', { offset: 0, limit: 100_000 })).ok).toBe(false);
  });

  it('follows writes: a new note, a deleted one and an undo change the pages at once', async () => {
    const first = await t.value('notes.page', { sort: 'date', offset: 0, limit: 5 });
    const created = await t.value('annotations.create', { blockId: seeded.crowdedBlockId, note: 'newest of all' });
    const after = await t.value('notes.page', { sort: 'date', offset: 0, limit: 5 });
    expect(after.total).toBe(first.total + 1);
    expect(after.entries[0]?.annotation?.id).toBe(created.id);
    await t.value('annotations.remove', { id: created.id });
    expect((await t.value('notes.page', { sort: 'date', offset: 0, limit: 5 })).total).toBe(first.total);
    await t.value('history.undo', {});
    expect((await t.value('notes.page', { sort: 'date', offset: 0, limit: 5 })).total).toBe(first.total + 1);
    await t.value('annotations.remove', { id: created.id });
  });
});

describe('annotations.forBlocks', () => {
  it('draws at most perBlock notes on a crowded block and tells how many it has', async () => {
    const result = await t.value('annotations.forBlocks', { blockIds: [seeded.crowdedBlockId], perBlock: 50 });
    const all = await t.value('annotations.list', { filter: { blockId: seeded.crowdedBlockId } });
    expect(all.length).toBeGreaterThanOrEqual(1_200);
    expect(result.totals).toEqual({ [seeded.crowdedBlockId]: all.length });
    expect(result.annotations.length).toBe(50);
    expect(result.annotations.every((a) => a.blockId === seeded.crowdedBlockId)).toBe(true);
    // The oldest first, as the whole list has them.
    expect(result.annotations.map((a) => a.id)).toEqual(all.slice(0, 50).map((a) => a.id));
    expect(result.annotations.map((a) => a.tags)).toEqual(all.slice(0, 50).map((a) => a.tags));
  });

  it("gives every block of a page all its notes when under the cap, and leaves other pages' notes out", async () => {
    const page = await t.value('content.section', { id: 'c2.f3' });
    const ids = page.blocks.map((b) => b.id);
    const result = await t.value('annotations.forBlocks', { blockIds: ids, perBlock: 1_000 });
    const all = await t.value('annotations.list', { filter: { pageId: 'c2.f3' } });
    const capped = all.filter((a) => a.blockId !== seeded.crowdedBlockId || result.totals[a.blockId] <= 1_000);
    expect(result.annotations.map((a) => a.id).sort()).toEqual(
      capped
        .filter((a) => ids.includes(a.blockId))
        .map((a) => a.id)
        .sort(),
    );
    expect(Object.values(result.totals).reduce((n, x) => n + x, 0)).toBe(
      all.filter((a) => ids.includes(a.blockId)).length,
    );
    expect(result.annotations.every((a) => ids.includes(a.blockId))).toBe(true);
  });
});
