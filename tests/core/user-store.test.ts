/**
 * The user store on real SQLite files in a fresh temp folder, over the real
 * parsed document: bookmarks and annotations CRUD with validation, tags,
 * notes views, the positions matrix, palette, settings and notes search.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CoreError } from '../../src/shared/contract/result';
import type { UserStore } from '../../src/core/user/store';
import { testContent } from '../support/content';
import { TestUser } from '../support/user';

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
    const b = store.addBookmark({ targetId: PO, label: '  check wording ' });
    expect(b.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(b.label).toBe('check wording');
    expect(b.created).toBe('2025-03-01T09:00:00.000Z');
    const area = store.addBookmark({ targetId: 'c2.f2' });
    tick();
    const relabelled = store.updateBookmark({ id: b.id, label: 'agreed text' });
    expect(relabelled.modified).toBe('2025-03-01T09:00:01.000Z');
    expect(relabelled.created).toBe(b.created);

    store.close();
    store = user.open();
    expect(store.listBookmarks().map((x) => [x.targetId, x.label])).toEqual([
      [PO, 'agreed text'],
      ['c2.f2', ''],
    ]);
    store.removeBookmark({ id: area.id });
    expect(store.listBookmarks().map((x) => x.id)).toEqual([b.id]);
  });

  it('rejects unknown targets, duplicates and unknown ids', () => {
    expect(codeOf(() => store.addBookmark({ targetId: 'c9.f9.po.9' }))).toBe('NOT_FOUND');
    store.addBookmark({ targetId: PO });
    expect(codeOf(() => store.addBookmark({ targetId: PO }))).toBe('CONFLICT');
    const missing = '00000000-0000-4000-8000-000000000000';
    expect(codeOf(() => store.updateBookmark({ id: missing, label: 'x' }))).toBe('NOT_FOUND');
    expect(codeOf(() => store.removeBookmark({ id: missing }))).toBe('NOT_FOUND');
  });
});

describe('annotations', () => {
  it('creates a passage annotation with server-computed context and reads it back', () => {
    const quote = 'fair and ethical recruitment';
    const a = store.createAnnotation({
      blockId: PA,
      selector: sel(PA, quote),
      note: 'Our **delegation** supports this.',
      color: 'green',
      tags: ['Recruitment', ' ILO ', 'recruitment', ''],
      position: 'support',
      priority: 'high',
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
    expect(store.listAnnotations()).toEqual([a]);
  });

  it('validates selectors against the block text', () => {
    const good = sel(PO, 'recruitment regulations');
    expect(
      codeOf(() => store.createAnnotation({ blockId: PO, selector: { ...good, exact: 'recruitment regulationX' } })),
    ).toBe('INVALID_ARGUMENT');
    expect(
      codeOf(() =>
        store.createAnnotation({ blockId: PO, selector: { ...good, start: good.start + 1, end: good.end + 1 } }),
      ),
    ).toBe('INVALID_ARGUMENT');
    const len = text(PO).length;
    expect(
      codeOf(() =>
        store.createAnnotation({
          blockId: PO,
          selector: { exact: 'x', prefix: '', suffix: '', start: len, end: len + 1 },
        }),
      ),
    ).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => store.createAnnotation({ blockId: 'nope.1', note: 'x' }))).toBe('NOT_FOUND');
    expect(store.listAnnotations()).toEqual([]);
  });

  it('allows positions only on policy options and practical actions (and their items)', () => {
    for (const id of [PO, PA, ITEM]) {
      expect(store.createAnnotation({ blockId: id, position: 'red-line', priority: 'low' }).position).toBe('red-line');
    }
    expect(codeOf(() => store.createAnnotation({ blockId: EX, position: 'support' }))).toBe('INVALID_ARGUMENT');
    expect(codeOf(() => store.createAnnotation({ blockId: PARA, priority: 'high' }))).toBe('INVALID_ARGUMENT');
    const onExample = store.createAnnotation({ blockId: EX, note: 'good practice' });
    expect(codeOf(() => store.updateAnnotation({ id: onExample.id, patch: { position: 'oppose' } }))).toBe(
      'INVALID_ARGUMENT',
    );
    // Clearing is always allowed.
    expect(store.updateAnnotation({ id: onExample.id, patch: { position: null } }).position).toBeNull();
  });

  it('updates only the fields in the patch and bumps modified', () => {
    const a = store.createAnnotation({ blockId: PO, note: 'first', color: 'yellow', tags: ['a'] });
    tick(5000);
    const u = store.updateAnnotation({ id: a.id, patch: { note: 'second', color: null, tags: ['B', 'b', 'c'] } });
    expect(u).toMatchObject({
      note: 'second',
      color: null,
      tags: ['B', 'c'],
      created: a.created,
      modified: '2025-03-01T09:00:05.000Z',
    });
    expect(store.listAnnotations()[0]).toEqual(u);
    store.removeAnnotation({ id: a.id });
    expect(store.listAnnotations()).toEqual([]);
    expect(codeOf(() => store.updateAnnotation({ id: a.id, patch: { note: 'x' } }))).toBe('NOT_FOUND');
  });

  it('filters by tag, colour, position, priority, block, page, text and anchor', () => {
    const a = store.createAnnotation({
      blockId: PO,
      note: 'Needs capital input',
      color: 'red',
      tags: ['Labour'],
      position: 'ask-capital',
      priority: 'high',
    });
    const b = store.createAnnotation({
      blockId: PA,
      note: 'fine',
      color: 'green',
      tags: ['labour', 'ILO'],
      position: 'support',
    });
    const c = store.createAnnotation({ blockId: PARA, note: 'context only' });
    const ids = (f: Parameters<UserStore['listAnnotations']>[0]) => store.listAnnotations(f).map((x) => x.id);
    expect(ids({ tags: ['LABOUR'] })).toEqual([a.id, b.id]);
    expect(ids({ tags: ['ilo'] })).toEqual([b.id]);
    expect(ids({ colors: ['red'] })).toEqual([a.id]);
    expect(ids({ positions: ['support', 'ask-capital'] })).toEqual([a.id, b.id]);
    expect(ids({ priorities: ['high'] })).toEqual([a.id]);
    expect(ids({ blockId: PARA })).toEqual([c.id]);
    expect(ids({ pageId: 'c2.f2' })).toEqual([a.id, b.id]);
    expect(ids({ text: 'CAPITAL' })).toEqual([a.id]);
    expect(ids({ anchor: ['orphan'] })).toEqual([]);
    expect(ids({ tags: ['labour'], colors: ['green'] })).toEqual([b.id]);
  });

  it('lists merged, sorted tags of live annotations', () => {
    store.createAnnotation({ blockId: PO, tags: ['SDG 10.7', 'labour'] });
    const x = store.createAnnotation({ blockId: PA, tags: ['Labour', 'zeta', 'ILO'] });
    expect(store.tags()).toHaveLength(4);
    expect(store.tags().map((t) => t.toLowerCase())).toEqual(['ilo', 'labour', 'sdg 10.7', 'zeta']);
    store.removeAnnotation({ id: x.id });
    expect(store.tags().map((t) => t.toLowerCase())).toEqual(['labour', 'sdg 10.7']);
  });
});

describe('notes views', () => {
  it('lists bookmarks and annotations in document order or by date, with where they sit', () => {
    const para = store.createAnnotation({ blockId: PARA, note: 'context' });
    tick();
    const late = store.createAnnotation({ blockId: PO2, note: 'later block' });
    tick();
    const early = store.createAnnotation({ blockId: PO, selector: sel(PO, 'access to justice'), note: 'passage' });
    tick();
    const bm = store.addBookmark({ targetId: PO });
    const doc = store.notes({}, 'document');
    expect(doc.map((e) => e.annotation?.id ?? e.bookmark?.id)).toEqual([para.id, bm.id, early.id, late.id]);
    expect(doc[1]).toMatchObject({
      type: 'bookmark',
      clusterId: 'c2',
      focusAreaId: 'c2.f2',
      target: { id: PO, pageId: 'c2.f2' },
    });
    expect(doc[0]).toMatchObject({ clusterId: 'c2', focusAreaId: null });
    const byDate = store.notes({}, 'date');
    expect(byDate.map((e) => e.annotation?.id ?? e.bookmark?.id)).toEqual([bm.id, early.id, late.id, para.id]);
    // Annotation-only facets leave bookmarks out.
    expect(store.notes({ colors: ['red'] })).toEqual([]);
    expect(store.notes({ pageId: 'c2.f2' }).map((e) => e.type)).toEqual(['bookmark', 'annotation', 'annotation']);
  });

  it('builds the positions matrix over every policy option and practical action', () => {
    const all = store.positions();
    const positionable = lookup
      .allBlocks()
      .filter((b) => ['policy-option', 'practical-action', 'practical-action-item'].includes(b.kind));
    expect(all.map((r) => r.block.id)).toEqual(positionable.map((b) => b.id));
    expect(all.every((r) => r.position === null && r.annotationId === null)).toBe(true);

    store.createAnnotation({ blockId: PO, position: 'oppose', priority: 'low' });
    tick();
    const newer = store.createAnnotation({ blockId: PO, position: 'support-with-amendments' });
    store.createAnnotation({ blockId: PO2, note: 'no stance yet' });
    const rows = store.positions('c2');
    expect(rows.every((r) => r.clusterId === 'c2')).toBe(true);
    const row = rows.find((r) => r.block.id === PO);
    expect(row).toMatchObject({
      position: 'support-with-amendments',
      priority: null,
      annotationId: newer.id,
      focusAreaId: 'c2.f2',
    });
    expect(rows.find((r) => r.block.id === PO2)?.position).toBeNull();
    expect(store.positions('c3').some((r) => r.block.id === ITEM)).toBe(true);
  });

  it('names colours with the default palette and renames them', () => {
    expect(store.palette()).toEqual([
      { color: 'yellow', name: 'Highlight' },
      { color: 'green', name: 'Agree' },
      { color: 'blue', name: 'Question' },
      { color: 'red', name: 'Red line' },
      { color: 'purple', name: 'Follow up' },
    ]);
    expect(store.renameColor({ color: 'red', name: ' Non-negotiable ' }).find((e) => e.color === 'red')?.name).toBe(
      'Non-negotiable',
    );
  });

  it('keeps settings with defaults and partial updates', () => {
    expect(store.getSettings()).toEqual({
      theme: 'system',
      textSize: 18,
      lastPageId: null,
      lastBlockId: null,
      panes: { outline: true, side: true, sideTab: 'notes' },
      searchFilters: { clusters: [], kinds: [] },
    });
    store.setSettings({ theme: 'dark', lastPageId: 'c2.f2' });
    store.close();
    store = user.open();
    expect(store.getSettings()).toMatchObject({ theme: 'dark', textSize: 18, lastPageId: 'c2.f2' });
  });

  it('searches notes, tags, quotes and bookmark labels with highlight offsets', () => {
    const a = store.createAnnotation({
      blockId: PO,
      selector: sel(PO, 'access to justice'),
      note: 'The Délégation wants stronger wording on remittances.',
      tags: ['Priority-A'],
    });
    store.createAnnotation({ blockId: PA, note: 'nothing relevant' });
    const b = store.addBookmark({ targetId: PO2, label: 'remittance corridor' });
    const hits = store.searchNotes('remit');
    expect(hits.map((h) => h.id).sort()).toEqual([a.id, b.id].sort());
    for (const h of hits) {
      expect(h.kind).toBe('note');
      expect(h.snippet.highlights.length).toBeGreaterThan(0);
      for (const [s, e] of h.snippet.highlights) expect(h.snippet.text.slice(s, e).toLowerCase()).toMatch(/^remit/);
    }
    const hit = store.searchNotes('delegation justice')[0];
    expect(hit).toMatchObject({ id: a.id, blockId: PO, pageId: 'c2.f2' });
    expect(store.searchNotes('priority-a')[0]?.id).toBe(a.id);
    expect(store.searchNotes('absent words')).toEqual([]);
  });
});
