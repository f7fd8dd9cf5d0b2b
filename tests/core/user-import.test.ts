/**
 * Merging imported records into the user database: round trip into an empty
 * data folder, re-import (unchanged), newer-wins in both directions, unknown
 * blocks kept as orphans and reported, re-anchoring of stale offsets, and
 * whole-import rejection that leaves the database unchanged.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserStore } from '../../src/core/user/store';
import type { Annotation } from '../../src/shared/contract/types';
import { sentenceCase } from '../../src/shared/vocabulary/text';
import { testContent } from '../support/content';
import { TestUser } from '../support/user';

const { lookup } = testContent();
const PO = 'c2.f2.po.1';
const quoteAt = (blockId: string, quote: string) => {
  const start = lookup.block(blockId)?.text.indexOf(quote) ?? -1;
  return { exact: quote, prefix: '', suffix: '', start, end: start + quote.length };
};

const users: TestUser[] = [];
let clock: Date;
/** A store on a data folder of its own; every store shares the test's clock. */
function openStore(): UserStore {
  const user = new TestUser();
  users.push(user);
  return UserStore.open({ dataDir: user.dir, content: lookup, now: () => clock });
}
beforeEach(() => {
  clock = new Date('2025-04-01T10:00:00.000Z');
});
afterEach(() => {
  for (const u of users.splice(0)) u.remove();
});

function populate(store: UserStore): void {
  store.bookmarks.add({ targetId: 'c2.f2', label: 'recruitment' });
  store.annotations.create({
    blockId: PO,
    selector: quoteAt(PO, 'access to justice'),
    note: 'n1',
    tags: ['A', 'b'],
    color: 'red',
  });
  store.positions.set({ targetId: PO, position: 'red-line', priority: 'high' });
  store.annotations.create({ blockId: 'c2.f2.ex.1', note: 'whole example' });
}

describe('import merge', () => {
  it('round-trips into an empty data folder, then re-imports as unchanged', async () => {
    const source = openStore();
    populate(source);
    const bundle = { bookmarks: source.bookmarks.list(), annotations: source.annotations.list() };
    const target = openStore();
    expect(target.exchange.preview(bundle)).toMatchObject({
      added: 3,
      updated: 0,
      unchanged: 0,
      skipped: 0,
      orphans: 0,
    });
    expect(target.annotations.list()).toEqual([]); // preview writes nothing
    expect(await target.exchange.importBundle(bundle, { dryRun: true })).toMatchObject({ added: 3 });
    expect(target.annotations.list()).toEqual([]);
    await target.exchange.apply(bundle);
    expect(target.bookmarks.list()).toEqual(source.bookmarks.list());
    expect(target.annotations.list()).toEqual(source.annotations.list());
    expect(target.backups.list()).toEqual([]); // nothing to protect in an empty database
    expect(await target.exchange.importBundle(bundle, { dryRun: false })).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 3,
    });
    expect(target.backups.list()).toHaveLength(1); // backed up before merging into existing notes
    source.close();
    target.close();
  });

  it('lets the newer modified win, both ways', async () => {
    const a = openStore();
    populate(a);
    const target = openStore();
    await target.exchange.apply({ bookmarks: [], annotations: a.annotations.list() });
    const [first, second] = a.annotations.list() as [Annotation, Annotation];
    clock = new Date('2025-04-02T00:00:00.000Z');
    a.annotations.update({ id: first.id, patch: { note: 'newer in the file' } });
    target.annotations.update({ id: second.id, patch: { note: 'newer here' } });
    const preview = await target.exchange.apply({ bookmarks: [], annotations: a.annotations.list() });
    expect(preview).toMatchObject({ added: 0, updated: 1, skipped: 1 });
    expect(preview.details.join('\n')).toMatch(/local copy is newer/);
    const notes = target.annotations.list().map((x) => x.note);
    expect(notes).toEqual(['newer in the file', 'newer here']);
    a.close();
    target.close();
  });

  it('keeps annotations on unknown blocks as orphans and re-anchors stale offsets', async () => {
    const store = openStore();
    const ghost: Annotation = {
      id: '11111111-2222-4333-8444-555555555555',
      blockId: 'c9.f9.po.9',
      selector: { exact: 'a passage of a later edition', prefix: '', suffix: '', start: 0, end: 28 },
      note: 'from another machine',
      color: null,
      tags: [],
      position: 'support',
      priority: null,
      anchor: 'attached',
      created: '2025-01-01T00:00:00.000Z',
      modified: '2025-01-01T00:00:00.000Z',
    };
    const stale: Annotation = {
      ...ghost,
      id: '11111111-2222-4333-8444-666666666666',
      blockId: PO,
      selector: { ...quoteAt(PO, 'access to justice'), start: 0, end: 17 },
      position: null,
    };
    const preview = await store.exchange.apply({ bookmarks: [], annotations: [ghost, stale] });
    expect(preview).toMatchObject({ added: 2, orphans: 1 });
    expect(preview.details.some((d) => d.includes(ghost.id) && d.includes('unattached'))).toBe(true);
    const byId = new Map(store.annotations.list().map((x) => [x.id, x]));
    expect(byId.get(ghost.id)).toMatchObject({
      anchor: 'orphan',
      blockId: 'c9.f9.po.9',
      note: 'from another machine',
      position: 'support',
    });
    expect(byId.get(stale.id)).toMatchObject({
      anchor: 'reanchored',
      selector: { start: quoteAt(PO, 'access to justice').start },
    });
    store.close();
  });

  it('rejects the whole import, changing nothing, for a position on an example or a repeated id', async () => {
    const store = openStore();
    populate(store);
    const before = { b: store.bookmarks.list(), a: store.annotations.list() };
    const good = { ...before.a[0], id: '11111111-2222-4333-8444-777777777777' };
    const onExample: Annotation = {
      ...good,
      id: '11111111-2222-4333-8444-888888888888',
      blockId: 'c2.f2.ex.1',
      selector: null,
      position: 'oppose',
    };
    await expect(store.exchange.apply({ bookmarks: [], annotations: [good, onExample] })).rejects.toThrow(
      /annotations\[1\].*c2\.f2\.ex\.1.*example/,
    );
    await expect(store.exchange.apply({ bookmarks: [], annotations: [good, good] })).rejects.toThrow(
      /annotations\[1\]: id .* more than once/,
    );
    expect(store.bookmarks.list()).toEqual(before.b);
    expect(store.annotations.list()).toEqual(before.a);
    store.close();
  });
});

describe('ids are unique across bookmarks and annotations', () => {
  it("refuses a bookmark taking a note's id, and a note taking a bookmark's, changing nothing", async () => {
    const store = openStore();
    populate(store);
    const before = { b: store.bookmarks.list(), a: store.annotations.list() };
    const note = before.a[0];
    const mark = before.b[0];
    const stolen = { ...mark, id: note.id, targetId: 'c3.f1', modified: '2026-01-01T00:00:00.000Z' };
    await expect(store.exchange.apply({ bookmarks: [stolen], annotations: [] })).rejects.toThrow(
      `bookmarks[0]: id ${note.id} is already a note here, not a bookmark; an id names one record only`,
    );
    const taken = { ...note, id: mark.id, blockId: 'c2.f2.po.2', selector: null };
    await expect(store.exchange.apply({ bookmarks: [], annotations: [taken] })).rejects.toThrow(
      `annotations[0]: id ${mark.id} is already a bookmark here, not a note; an id names one record only`,
    );
    expect(store.exchange.preview.bind(store.exchange, { bookmarks: [stolen], annotations: [] })).toThrow(
      /already a note here/,
    );
    // Trashed records keep their ids too.
    store.annotations.remove({ id: note.id });
    await expect(store.exchange.apply({ bookmarks: [stolen], annotations: [] })).rejects.toThrow(/already a note here/);
    expect(store.bookmarks.list()).toEqual(before.b);
    store.close();
  });
});

describe('export entries', () => {
  it('selects by scope, in document order, with block and headings, orphans last', async () => {
    const store = openStore();
    populate(store);
    const orphan: Annotation = {
      id: '11111111-2222-4333-8444-999999999999',
      blockId: 'c9.f9.po.9',
      selector: null,
      note: 'lost block',
      color: null,
      tags: [],
      position: null,
      priority: null,
      anchor: 'orphan',
      created: '2025-01-01T00:00:00.000Z',
      modified: '2025-01-01T00:00:00.000Z',
    };
    await store.exchange.apply({ bookmarks: [], annotations: [orphan] });
    const all = store.exchange.entries({ kind: 'all' });
    expect(all.map((e) => e.type)).toEqual(['bookmark', 'annotation', 'annotation', 'annotation']);
    const [bookmark, onPo, onExample, last] = all;
    expect(bookmark).toMatchObject({ block: null, target: { id: 'c2.f2' }, clusterId: 'c2', focusAreaId: 'c2.f2' });
    expect(onPo?.block?.id).toBe(PO);
    // Titles as the outline prints them (sentence case, not the source's capitals).
    expect(onPo?.clusterTitle).toBe(`Cluster 2: ${sentenceCase(lookup.section('c2')?.title ?? '')}`);
    expect(onPo?.focusAreaTitle).toBe(`Cluster 2 (2): ${sentenceCase(lookup.section('c2.f2')?.title ?? '')}`);
    expect(onExample?.annotation?.note).toBe('whole example');
    expect(last).toMatchObject({ annotation: { id: orphan.id }, target: null, block: null, clusterTitle: null });

    expect(
      store.exchange.entries({ kind: 'filter', filter: { colors: ['red'] } }).map((e) => e.annotation?.note),
    ).toEqual(['n1']);
    const ids = [orphan.id, onPo?.annotation?.id ?? ''];
    expect(store.exchange.entries({ kind: 'selection', ids }).map((e) => e.annotation?.id)).toEqual([ids[1], ids[0]]);
    store.close();
  });
});

describe('import preview of positions', () => {
  const positionsOf = (store: UserStore) =>
    store.positions
      .list()
      .filter((r) => r.modified !== null)
      .map((r) => ({ targetId: r.block.id, position: r.position, priority: r.priority, modified: r.modified! }));

  it('counts the positions it lists, and names them in words', async () => {
    const source = openStore();
    source.annotations.create({ blockId: PO, note: 'only one note' });
    source.positions.set({ targetId: PO, position: 'red-line', priority: 'high' });
    source.positions.set({ targetId: 'c2.f2.po.2', position: 'ask-capital', priority: null });
    source.positions.set({ targetId: 'c2.f2.pa.1', position: 'support-with-amendments', priority: 'low' });
    const bundle = {
      bookmarks: source.bookmarks.list(),
      annotations: source.annotations.list(),
      positions: positionsOf(source),
    };
    expect(bundle.positions).toHaveLength(3);
    const target = openStore();
    clock = new Date('2025-04-01T11:00:00.000Z');
    target.positions.set({ targetId: 'c2.f2.po.2', position: 'oppose', priority: null }); // newer here
    const preview = target.exchange.preview(bundle);
    expect(preview).toMatchObject({ added: 1, updated: 0, positions: { added: 2, updated: 0, kept: 1 } });
    const lines = preview.details.filter((d) => d.startsWith('position on'));
    // One line per counted position, no more, no fewer.
    const { added, updated, kept } = preview.positions;
    expect(lines).toHaveLength(added + updated + kept);
    expect(lines).toEqual([
      'position on Cluster 2 (2), Policy option 1: Red line, High priority (new)',
      'position on Cluster 2 (2), Policy option 2: the local value is newer (kept; the imported Ask capital is in its history)',
      'position on Cluster 2 (2), Practical action 1: Support with amendments, Low priority (new)',
    ]);
    for (const code of ['red-line', 'ask-capital', 'support-with-amendments'])
      expect(preview.details.join('\n')).not.toContain(code);
    // What apply reports is what the preview said.
    expect(await target.exchange.apply(bundle)).toEqual(preview);
    source.close();
    target.close();
  });
});
