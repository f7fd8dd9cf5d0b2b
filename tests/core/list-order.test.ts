/**
 * Lists have a total order: by creation time, ties broken by id. Entries made in
 * the same millisecond (a frozen clock makes every one of them tie) come back in
 * the same order from a fresh folder after export and import, whatever order the
 * import re-inserts them in.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const frozen = new Date('2026-03-03T09:00:00.000Z');
const opened: TestCore[] = [];
const open = (): TestCore => {
  const t = openTestCore(mkdtempSync(join(tmpdir(), 'recollection-order-')), { now: () => frozen });
  opened.push(t);
  return t;
};
afterEach(() => {
  for (const t of opened.splice(0)) {
    t.close();
    removeDir(t.dataDir);
  }
});

const byId = <T extends { id: string }>(xs: T[]): string[] => xs.map((x) => x.id).sort();

describe('list order with equal timestamps', () => {
  it('bookmarks and annotations made in one millisecond list by id, before and after export and import', async () => {
    const t = open();
    // Targets in reverse document order, so that document order, insertion order and id order all differ.
    const targets = ['c3.f1.po.1', 'c2.f3.po.2', 'c2.f2.po.1', 'c1.f1.po.1', 'c2.f3', 'c1.f2.po.2'];
    for (const targetId of targets) {
      await t.value('bookmarks.add', { targetId, label: targetId });
      await t.value('annotations.create', {
        blockId: targetId.split('.').length > 2 ? targetId : 'c2.f3.po.1',
        note: targetId,
      });
    }
    const bookmarks = await t.value('bookmarks.list', {});
    const annotations = await t.value('annotations.list', {});
    expect(bookmarks.map((b) => b.created)).toEqual(bookmarks.map(() => frozen.toISOString()));
    expect(bookmarks.map((b) => b.id)).toEqual(byId(bookmarks));
    expect(annotations.map((a) => a.id)).toEqual(byId(annotations));

    const file = await t.value('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true });
    const again = open();
    await again.value('import.apply', { data: String(file.data) });
    expect((await again.value('bookmarks.list', {})).map((b) => b.id)).toEqual(bookmarks.map((b) => b.id));
    expect((await again.value('annotations.list', {})).map((a) => a.id)).toEqual(annotations.map((a) => a.id));
  });
});
