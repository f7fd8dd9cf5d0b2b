/**
 * The user store on real SQLite files in a fresh temp folder, over the real
 * parsed document: bookmarks and annotations CRUD with validation, tags,
 * notes views, the positions matrix, palette, settings and notes search.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../src/shared/contract/result';
import type { AnnotationFilter } from '../../src/shared/contract/types';
import type { UserStore } from '../../src/core/user/store';
import { testContent } from '../support/content';
import { TestUser, tieOrder } from '../support/user';

const { lookup } = testContent();
const PO = 'c2.f2.po.1';
const PO2 = 'c2.f2.po.2';
const PA = 'c2.f2.pa.1';
const EX = 'c2.f2.ex.1';
const ITEM = 'c3.f2.pa.1.1';
const PARA = 'c2.1';
const text = (id: string): string => lookup.block(id)?.text ?? '';

/** A selector for the first occurrence of `quote` in a block, as the renderer would send it. */
function sel(blockId: string, quote: string) {
  const start = text(blockId).indexOf(quote);
  if (start < 0) throw new Error(`test setup: "${quote}" not in ${blockId}`);
  return { exact: quote, prefix: '', suffix: '', start, end: start + quote.length };
}

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (err) {
    return err instanceof CoreError ? err.code : `not a CoreError: ${String(err)}`;
  }
}

let user: TestUser;
let store: UserStore;
const tick = (ms = 1000): void => user.tick(ms);

beforeEach(() => {
  user = new TestUser('2025-03-01T09:00:00.000Z');
  store = user.open();
});
afterEach(() => {
  store.close();
  user.remove();
});

describe('bookmarks', () => {
  it('adds, lists, relabels and removes, persisting across reopen', () => {
    const b = store.bookmarks.add({ targetId: PO, label: '  check wording ' });
    expect(b.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.label).toBe('check wording');
    expect(b.created).toBe('2025-03-01T09:00:00.000Z');
    const area = store.bookmarks.add({ targetId: 'c2.f2' });
    tick();
    const relabelled = store.bookmarks.update({ id: b.id, label: 'agreed text' });
    expect(relabelled.modified).toBe('2025-03-01T09:00:01.000Z');
    expect(relabelled.created).toBe(b.created);

    store.close();
    store = user.open();
    const labels = new Map([
      [PO, 'agreed text'],
      ['c2.f2', ''],
    ]);
    expect(store.bookmarks.list().map((x) => [x.targetId, x.label])).toEqual(
      tieOrder(b, area).map((x) => [x.targetId, labels.get(x.targetId)]),
    );
    store.bookmarks.remove({ id: area.id });
    expect(store.bookmarks.list().map((x) => x.id)).toEqual([b.id]);
  });

  it('rejects unknown targets, duplicates and unknown ids', () => {
    expect(codeOf(() => store.bookmarks.add({ targetId: 'c9.f9.po.9' }))).toBe('NOT_FOUND');
    store.bookmarks.add({ targetId: PO });
    expect(codeOf(() => store.bookmarks.add({ targetId: PO }))).toBe('CONFLICT');
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(codeOf(() => store.bookmarks.update({ id: missing, label: 'x' }))).toBe('NOT_FOUND');
    expect(codeOf(() => store.bookmarks.remove({ id: missing }))).toBe('NOT_FOUND');
  });
});

describe('annotations', () => {
  it('creates a passage annotation with server-computed context and reads it back', () => {
    const quote = 'fair and ethical recruitment';
    const a = store.annotations.create({
      blockId: PA,
      selector: sel(PA, quote),
      note: 'Our **delegation** supports this.',
      color: 'green',
      tags: ['Recruitment', ' ILO ', 'recruitment', ''],
    });
    const start = text(PA).indexOf(quote);
    expect(a.selector).toEqual({
      exact: quote,
      start,
      end: start + quote.length,
      prefix: text(PA).slice(Math.max(0, start - 32), start),
      suffix: text(PA).slice(start + quote.length, start + quote.length + 32),
    });
    expect(a.tags).toEqual(['Recruitment', 'ILO']);
    expect(a.anchor).toBe('attached');
    expect(store.annotations.list()).toEqual([a]);
  });

  it('validates selectors against the block text', () => {
    const good = sel(PO, 'recruitment regulations');
    expect(
      codeOf(() => store.annotations.create({ blockId: PO, selector: { ...good, exact: 'recruitment regulationX' } })),
    ).toBe('INVALID_ARGUMENT');
    expect(
      codeOf(() =>
        store.annotations.create({ blockId: PO, selector: { ...good, start: good.start + 1, end: good.end + 1 } }),
      ),
    ).toBe('INVALID_ARGUMENT');
    const len = text(PO).length;
    expect(
      codeOf(() =>
        store.annotations.create({
          blockId: PO,
          selector: { exact: 'x', prefix: '', suffix: '', start: len, end: len + 1 },
        }),
      ),
    ).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => store.annotations.create({ blockId: 'nope.1', note: 'x' }))).toBe('NOT_FOUND');
    expect(store.annotations.list()).toEqual([]);
  });

  it('allows positions only on policy options and practical actions (and their items)', () => {
    for (const id of [PO, PA, ITEM]) {
      expect(store.positions.set({ targetId: id, position: 'red-line', priority: 'low' })?.position).toBe('red-line');
    }
    expect(codeOf(() => store.positions.set({ targetId: EX, position: 'support' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => store.positions.set({ targetId: PARA, priority: 'high' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => store.positions.set({ targetId: 'nope.1', priority: 'high' }))).toBe('NOT_FOUND');
    // Clearing is always allowed (on a block without a position it changes nothing).
    expect(store.positions.set({ targetId: EX, position: null })).toBeNull();
  });

  it('keeps one position per option, shown on each of its notes, with every earlier value in its history', () => {
    const a = store.annotations.create({ blockId: PO, note: 'first' });
    const b = store.annotations.create({ blockId: PO, note: 'second' });
    store.positions.set({ targetId: PO, position: 'oppose', priority: 'high' });
    tick();
    store.positions.set({ targetId: PO, position: 'red-line' });
    tick();
    expect(store.annotations.list().map((x) => [x.id, x.position, x.priority])).toEqual(
      tieOrder(a, b).map((x) => [x.id, 'red-line', 'high']),
    );
    // Clearing is recorded too: the cleared value is the newest history entry.
    expect(store.positions.set({ targetId: PO, position: null, priority: null })).toBeNull();
    const history = store.positions.history({ targetId: PO });
    expect(history.map((h) => [h.position, h.priority])).toEqual([
      ['red-line', 'high'],
      ['oppose', 'high'],
    ]);
    expect(store.history.undo()?.description).toMatch(/^Position on .+: Red line, High priority restored$/);
    expect(store.positions.history({ targetId: PO })).toHaveLength(1);
    // An earlier value made current again; the replaced one goes into the history.
    expect(store.positions.restore({ targetId: PO, seq: history[1].seq })).toMatchObject({ position: 'oppose' });
    expect(store.positions.history({ targetId: PO }).map((h) => h.position)).toEqual(['red-line', 'oppose']);
    expect(codeOf(() => store.positions.restore({ targetId: PA, seq: history[1].seq }))).toBe('NOT_FOUND');
    expect(store.annotations.list().every((x) => x.position === 'oppose')).toBe(true);
  });

  it('updates only the fields in the patch and bumps modified', () => {
    const a = store.annotations.create({ blockId: PO, note: 'first', color: 'yellow', tags: ['a'] });
    tick(5000);
    const u = store.annotations.update({ id: a.id, patch: { note: 'second', color: null, tags: ['B', 'b', 'c'] } });
    expect(u).toMatchObject({
      note: 'second',
      color: null,
      tags: ['B', 'c'],
      created: a.created,
      modified: '2025-03-01T09:00:05.000Z',
    });
    expect(store.annotations.list()[0]).toEqual(u);
    store.annotations.remove({ id: a.id });
    expect(store.annotations.list()).toEqual([]);
    expect(codeOf(() => store.annotations.update({ id: a.id, patch: { note: 'x' } }))).toBe('NOT_FOUND');
  });

  it('filters by tag, colour, position, priority, block, page, text and anchor', () => {
    const a = store.annotations.create({
      blockId: PO,
      note: 'Needs capital input',
      color: 'red',
      tags: ['Labour'],
    });
    store.positions.set({ targetId: PO, position: 'ask-capital', priority: 'high' });
    const b = store.annotations.create({
      blockId: PA,
      note: 'fine',
      color: 'green',
      tags: ['labour', 'ILO'],
    });
    store.positions.set({ targetId: PA, position: 'support' });
    const c = store.annotations.create({ blockId: PARA, note: 'context only' });
    const ids = (filter: AnnotationFilter) => store.annotations.list({ filter }).map((x) => x.id);
    const ab = tieOrder(a, b).map((x) => x.id);
    expect(ids({ tags: ['LABOUR'] })).toEqual(ab);
    expect(ids({ tags: ['ilo'] })).toEqual([b.id]);
    expect(ids({ colors: ['red'] })).toEqual([a.id]);
    expect(ids({ positions: ['support', 'ask-capital'] })).toEqual(ab);
    expect(ids({ priorities: ['high'] })).toEqual([a.id]);
    expect(ids({ blockId: PARA })).toEqual([c.id]);
    expect(ids({ pageId: 'c2.f2' })).toEqual(ab);
    expect(ids({ text: 'CAPITAL' })).toEqual([a.id]);
    expect(ids({ anchor: ['orphan'] })).toEqual([]);
    expect(ids({ tags: ['labour'], colors: ['green'] })).toEqual([b.id]);
  });

  it('lists merged, sorted tags of live annotations', () => {
    store.annotations.create({ blockId: PO, tags: ['SDG 10.7', 'labour'] });
    const x = store.annotations.create({ blockId: PA, tags: ['Labour', 'zeta', 'ILO'] });
    expect(store.notes.tags()).toHaveLength(4);
    expect(store.notes.tags().map((t) => t.toLowerCase())).toEqual(['ilo', 'labour', 'sdg 10.7', 'zeta']);
    store.annotations.remove({ id: x.id });
    expect(store.notes.tags().map((t) => t.toLowerCase())).toEqual(['labour', 'sdg 10.7']);
  });
});

describe('notes views', () => {
  it('lists bookmarks and annotations in document order or by date, with where they sit', () => {
    const para = store.annotations.create({ blockId: PARA, note: 'context' });
    tick();
    const late = store.annotations.create({ blockId: PO2, note: 'later block' });
    tick();
    const early = store.annotations.create({ blockId: PO, selector: sel(PO, 'access to justice'), note: 'passage' });
    tick();
    const bm = store.bookmarks.add({ targetId: PO });
    const doc = store.notes.list({ filter: {}, sort: 'document' });
    expect(doc.map((e) => e.annotation?.id ?? e.bookmark?.id)).toEqual([para.id, bm.id, early.id, late.id]);
    expect(doc[1]).toMatchObject({
      type: 'bookmark',
      clusterId: 'c2',
      focusAreaId: 'c2.f2',
      target: { id: PO, pageId: 'c2.f2' },
    });
    expect(doc[0]).toMatchObject({ clusterId: 'c2', focusAreaId: null });
    const byDate = store.notes.list({ filter: {}, sort: 'date' });
    expect(byDate.map((e) => e.annotation?.id ?? e.bookmark?.id)).toEqual([bm.id, early.id, late.id, para.id]);
    // Annotation-only facets leave bookmarks out.
    expect(store.notes.list({ filter: { colors: ['red'] } })).toEqual([]);
    expect(store.notes.list({ filter: { pageId: 'c2.f2' } }).map((e) => e.type)).toEqual([
      'bookmark',
      'annotation',
      'annotation',
    ]);
  });

  it('builds the positions matrix over every policy option and practical action', () => {
    const all = store.positions.list();
    const positionable = lookup
      .allBlocks()
      .filter((b) => ['policy-option', 'practical-action', 'practical-action-item'].includes(b.kind));
    expect(all.map((r) => r.block.id)).toEqual(positionable.map((b) => b.id));
    expect(all.every((r) => r.position === null && r.modified === null && r.noteCount === 0)).toBe(true);

    store.positions.set({ targetId: PO, position: 'oppose', priority: 'low' });
    tick();
    store.positions.set({ targetId: PO, position: 'support-with-amendments', priority: null });
    store.annotations.create({ blockId: PO, note: 'one' });
    store.annotations.create({ blockId: PO, note: 'two' });
    store.annotations.create({ blockId: PO2, note: 'no stance yet' });
    const rows = store.positions.list({ clusterId: 'c2' });
    expect(rows.every((r) => r.clusterId === 'c2')).toBe(true);
    const row = rows.find((r) => r.block.id === PO);
    expect(row).toMatchObject({
      position: 'support-with-amendments',
      priority: null,
      noteCount: 2,
      modified: '2025-03-01T09:00:01.000Z',
      focusAreaId: 'c2.f2',
    });
    expect(rows.find((r) => r.block.id === PO2)?.position).toBeNull();
    expect(store.positions.list({ clusterId: 'c3' }).some((r) => r.block.id === ITEM)).toBe(true);
  });

  it('names colours with the default palette and renames them', () => {
    expect(store.notes.palette()).toEqual([
      { color: 'yellow', name: 'Highlight' },
      { color: 'green', name: 'Agree' },
      { color: 'blue', name: 'Question' },
      { color: 'red', name: 'Red line' },
      { color: 'purple', name: 'Follow up' },
    ]);
    expect(
      store.notes.renameColor({ color: 'red', name: ' Non-negotiable ' }).find((e) => e.color === 'red')?.name,
    ).toBe('Non-negotiable');
  });

  it('keeps settings with defaults and partial updates', () => {
    expect(store.settings.get()).toEqual({
      theme: 'system',
      textSize: 18,
      lastPageId: null,
      lastBlockId: null,
      panes: { outline: true, side: true, sideTab: 'notes' },
      presentation: false,
      startInPresentation: false,
      paneWidths: { outline: 280, side: 320 },
      searchFilters: { clusters: [], kinds: [] },
      searchExpand: true,
      briefHeader: { title: '', delegation: '', meeting: '', classification: '' },
      authorName: '',
      autoLockMinutes: 15,
      vaultOffered: false,
      searchLayers: null,
    });
    const briefHeader = { title: 'Round 3', delegation: 'Freedonia', meeting: '', classification: 'Restricted' };
    store.settings.set({
      patch: {
        theme: 'dark',
        lastPageId: 'c2.f2',
        searchExpand: false,
        paneWidths: { outline: 412, side: 240 },
        briefHeader,
        searchLayers: ['mine', '0b5e1a4c-8c5a-4d0e-9b1f-2f7a3c9d6e10'],
      },
    });
    store.close();
    store = user.open();
    expect(store.settings.get()).toMatchObject({
      theme: 'dark',
      textSize: 18,
      lastPageId: 'c2.f2',
      searchExpand: false,
      autoLockMinutes: 15,
      paneWidths: { outline: 412, side: 240 },
      briefHeader,
      searchLayers: ['mine', '0b5e1a4c-8c5a-4d0e-9b1f-2f7a3c9d6e10'],
    });
  });

  it('searches notes, tags, quotes and bookmark labels with highlight offsets', () => {
    const a = store.annotations.create({
      blockId: PO,
      selector: sel(PO, 'access to justice'),
      note: 'The Délégation wants stronger wording on remittances.',
      tags: ['Priority-A'],
    });
    store.annotations.create({ blockId: PA, note: 'nothing relevant' });
    const b = store.bookmarks.add({ targetId: PO2, label: 'remittance corridor' });
    const hits = store.notes.search('remit');
    expect(hits.map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
    for (const h of hits) {
      expect(h.kind).toBe('note');
      expect(h.snippet.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of h.snippet.highlights) expect(h.snippet.text.slice(s, e).toLowerCase()).toMatch(/^remit/);
    }
    const hit = store.notes.search('delegation justice')[0];
    expect(hit).toMatchObject({ id: a.id, blockId: PO, pageId: 'c2.f2' });
    expect(store.notes.search('priority-a')[0]?.id).toBe(a.id);
    expect(store.notes.search('absent words')).toEqual([]);
  });

  it('folds British and American spellings like document search', () => {
    const a = store.annotations.create({ blockId: PO, note: 'Labour inspection: organise a visit' });
    const b = store.annotations.create({ blockId: PO2, note: 'labor recruiters and organization' });
    for (const q of ['labor', 'labour', 'labourers'.slice(0, 6)])
      expect(
        store.notes
          .search(q)
          .map((h) => h.id)
          .sort(),
        q,
      ).toEqual([a.id, b.id].sort());
    expect(store.notes.search('organize').map((h) => h.id)).toEqual([a.id]);
    const hit = store.notes.search('labor').find((h) => h.id === a.id);
    const [s, e] = hit?.snippet.highlights[0] ?? [0, 0];
    expect(hit?.snippet.text.slice(s, e)).toBe('Labour');
  });
});
