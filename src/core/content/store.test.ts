/**
 * ContentStore on the miniature document's database (real parser, real content build): outline, pages,
 * blocks, footnotes, facets, NOT_FOUND, and refusal of missing, other-version
 * or damaged files with the fix named.
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../shared/contract/result';
import { naturalCompare } from './facets';
import { buildFixtureDb, fixtureText } from '../../../tests/support/model.fixture';
import { ContentStore, excerpt } from './store';
import { openContentDb } from './tables';

const dir = mkdtempSync(join(tmpdir(), 'recollection-store-'));
const path = join(dir, 'content.db');
let store: ContentStore;

beforeAll(() => {
  buildFixtureDb(path, 'id-1');
  store = ContentStore.open(path);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function codeOf(fn: () => unknown): { code: string; message: string } | null {
  try {
    fn();
    return null;
  } catch (err) {
    if (err instanceof CoreError) return { code: err.code, message: err.message };
    throw err;
  }
}

describe('ContentStore on the fixture', () => {
  it('reads the metadata and counts', () => {
    const m = store.meta();
    expect(m).toMatchObject({
      title: 'Thematic Recollection 2007 – 2017',
      place: 'Geneva',
      sourceSha256: createHash('sha256').update(fixtureText(), 'utf8').digest('hex'),
      buildId: 'id-1',
    });
    expect(m.counts).toEqual({ clusters: 2, focusAreas: 3, blocks: 47, footnotes: 39 });
  });

  it('builds the outline: parts → clusters → focus areas → groups, with item counts', () => {
    const outline = store.outline();
    expect(outline.map((n) => n.id)).toEqual(['front', 'p1', 'p2', 'p3', 'p4']);
    const p2 = outline[2];
    expect(p2.children.map((c) => c.id)).toEqual(['c1', 'c2']);
    const fa = p2.children[0].children[0];
    expect(fa.id).toBe('c1.f1');
    // The nested item 2.1 is part of practical action 2, not a third action.
    expect(fa.counts).toEqual({ po: 2, pa: 2, ex: 1 });
    expect(fa.children.map((g) => [g.id, g.counts])).toEqual([
      ['c1.f1.po', { po: 2, pa: 0, ex: 0 }],
      ['c1.f1.pa', { po: 0, pa: 2, ex: 0 }],
      ['c1.f1.ex', { po: 0, pa: 0, ex: 1 }],
    ]);
    expect(outline[3].children.map((c) => c.id)).toEqual(['p3.s1']);
  });

  it('gives a focus area page with its groups’ blocks in reading order, footnotes and neighbours', () => {
    const page = store.sectionPayload('c1.f1');
    const items = [1, 2, 3, 4, 5].map((n) => `c1.f1.pa.2.${n}`);
    expect(page.blocks.map((b) => b.id)).toEqual([
      'c1.f1.po.1',
      'c1.f1.po.2',
      'c1.f1.pa.1',
      'c1.f1.pa.2',
      ...items,
      'c1.f1.ex.1',
    ]);
    expect(page.children.map((c) => c.id)).toEqual(['c1.f1.po', 'c1.f1.pa', 'c1.f1.ex']);
    expect(page.breadcrumb.map((c) => c.id)).toEqual(['p2', 'c1', 'c1.f1']);
    // 14 in practical action 2, 15 in its item 5 (a plain-digit marker), 16 in the example.
    expect(page.footnotes.map((f) => f.number)).toEqual([14, 15, 16]);
    expect([page.prevId, page.nextId]).toEqual(['c1', 'c2']);
  });

  it('walks pages in reading order: front, p1, p2, c1, c1.f1, c2, …, p3, p3.s1, p4', () => {
    const order: string[] = [];
    let id: string | null = 'front';
    while (id !== null && order.length < 50) {
      order.push(id);
      id = store.sectionPayload(id).nextId;
    }
    expect(order).toEqual(['front', 'p1', 'p2', 'c1', 'c1.f1', 'c2', 'c2.f1', 'c2.f2', 'p3', 'p3.s1', 'p4']);
    expect(store.sectionPayload('front').prevId).toBeNull();
  });

  it('a cluster page shows its own context only; a group shows its own blocks', () => {
    expect(store.sectionPayload('c1').blocks.map((b) => b.id)).toEqual(['c1.1', 'c1.2', 'c1.3']);
    const group = store.sectionPayload('c1.f1.pa');
    const items = [1, 2, 3, 4, 5].map((n) => `c1.f1.pa.2.${n}`);
    expect(group.blocks.map((b) => b.id)).toEqual(['c1.f1.pa.1', 'c1.f1.pa.2', ...items]);
    expect([group.prevId, group.nextId]).toEqual(['c1', 'c2']);
  });

  it('gives a block with its page, breadcrumb and footnotes', () => {
    const p = store.blockPayload('c2.f2.ex.2');
    expect(p.pageId).toBe('c2.f2');
    expect(p.breadcrumb.map((c) => c.id)).toEqual(['p2', 'c2', 'c2.f2', 'c2.f2.ex']);
    expect(p.footnotes.map((f) => [f.number, f.status])).toEqual([[35, 'present']]);
    expect(p.block.footnoteRefs).toEqual([{ offset: p.block.text.indexOf('(IRIS)') + 6, number: 35 }]);
    // A bullet citing the footnote left as HTML (21) and one whose text is lost (22).
    const c = store.blockPayload('c2.5');
    expect([c.pageId, c.breadcrumb.map((x) => x.id)]).toEqual(['c2', ['p2', 'c2']]);
    expect(c.footnotes.map((f) => [f.number, f.status])).toEqual([
      [21, 'present'],
      [22, 'missing'],
    ]);
    expect(c.block.footnoteRefs.map((r) => [c.block.text.slice(r.offset - 7, r.offset), r.number])).toEqual([
      [' No. 86', 21],
      ['No. 181', 22],
    ]);
  });

  it('gives a footnote with the blocks citing it', () => {
    const f = store.footnote(34);
    expect(f.footnote).toMatchObject({
      id: 'fn.34',
      status: 'inferred',
      pfpIds: [5424],
      urls: ['http://gfmd.org/pfp/ppd/5424'],
    });
    expect(f.footnote.note).toContain('Number lost in the conversion');
    expect(f.footnote.note).toContain('The body cites it in c2.f2.ex.1.');
    expect(f.citedBy.map((b) => [b.id, b.pageId])).toEqual([['c2.f2.ex.1', 'c2.f2']]);
    // A footnote no marker of the body cites.
    const uncited = store.footnote(37);
    expect([uncited.footnote.status, uncited.citedBy]).toEqual(['inferred', []]);
    expect(store.footnote(22).footnote).toMatchObject({ status: 'missing', text: '' });
  });

  it('implements ContentLookup', () => {
    expect(store.block('c1.f1.pa.2.1')?.parentId).toBe('c1.f1.pa.2');
    expect(store.section('c2.f1')?.title).toBe('Labor mobility, including temporary or circular migration');
    expect(store.location('c1.f1.pa.2.1')).toEqual({ pageId: 'c1.f1', clusterId: 'c1', focusAreaId: 'c1.f1' });
    expect(store.location('p3.s1')).toEqual({ pageId: 'p3.s1', clusterId: null, focusAreaId: null });
    expect(store.summary('c1.f1')).toMatchObject({ kind: 'title', pageId: 'c1.f1', label: 'Cluster 1 (1)' });
    expect(store.summary('c2.f1.po.1')).toMatchObject({
      kind: 'policy-option',
      shortLabel: '2.1 PO 1',
      pageId: 'c2.f1',
    });
    expect(store.allBlocks().map((b) => b.seq)).toEqual([...store.allBlocks().map((b) => b.seq)].sort((a, b) => a - b));
    expect(store.allSections()[0].id).toBe('front');
    expect(store.block('nope')).toBeNull();
    expect(store.location('nope')).toBeNull();
    expect(store.summary('nope')).toBeNull();
  });

  it('lists facets in a stable order and resolves one to its sources', () => {
    expect(store.facets('sdg').map((f) => [f.key, f.count])).toEqual([
      ['3.c', 1],
      ['4.b', 1],
      ['8.8', 1],
      ['10.7', 2],
      ['16.9', 1],
    ]);
    expect(store.facets().map((f) => `${f.type} ${f.key}`)).toEqual([
      ...['3.c', '4.b', '8.8', '10.7', '16.9'].map((k) => `sdg ${k}`),
      ...['1', '2', '5', '6', '10', '12(a)', '15'].map((k) => `sutherland ${k}`),
      ...['2227', '2334', '2347', '5424'].map((k) => `pfp ${k}`),
      ...['Colombia', 'El Salvador', 'GFMD', 'ILO', 'IOM', 'Peru', 'UN', 'Venezuela'].map((k) => `actor ${k}`),
    ]);
    const pfp = store.facet('pfp', '5424');
    expect(pfp.facet.count).toBe(2);
    expect(pfp.blocks.map((b) => b.id)).toEqual(['c2.f2.ex.1']);
    expect(pfp.footnotes).toEqual([34]);
    const iom = store.facet('actor', 'iom');
    expect(iom.facet.key).toBe('IOM');
    expect([iom.blocks.map((b) => b.id), iom.footnotes]).toEqual([['c2.f2.ex.2'], [37]]);
  });

  it('answers NOT_FOUND for unknown ids, numbers and keys', () => {
    expect(codeOf(() => store.sectionPayload('c9.f9'))?.code).toBe('NOT_FOUND');
    expect(codeOf(() => store.blockPayload('c1.f1.po.99'))?.code).toBe('NOT_FOUND');
    expect(codeOf(() => store.footnote(500))?.code).toBe('NOT_FOUND');
    expect(codeOf(() => store.facet('sdg', '99.9'))?.code).toBe('NOT_FOUND');
  });
});

describe('opening the content database', () => {
  it('is read-only: a write through its connection fails', () => {
    const db = openContentDb(path);
    try {
      expect(db.readonly).toBe(true);
      expect(() => db.prepare("UPDATE meta SET value = 'x' WHERE key = 'title'").run()).toThrow(/readonly/i);
    } finally {
      db.close();
    }
    expect(store.meta().title).toBe('Thematic Recollection 2007 – 2017');
  });

  it('refuses a missing file with the fix', () => {
    const e = codeOf(() => ContentStore.open(join(dir, 'absent.db')));
    expect(e?.code).toBe('UNAVAILABLE');
    expect(e?.message).toContain('run npm run build:content');
  });

  it('refuses another schema version with the fix', () => {
    const old = join(dir, 'old.db');
    copyFileSync(path, old);
    const w = new Database(old);
    w.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
    w.close();
    const e = codeOf(() => ContentStore.open(old));
    expect(e?.code).toBe('UNAVAILABLE');
    expect(e?.message).toMatch(/schema version 0.*run npm run build:content/);
  });

  it('refuses a file that is not a content database', () => {
    const junk = join(dir, 'junk.db');
    writeFileSync(junk, 'this is not sqlite at all, just text that is long enough to look like a header....');
    expect(codeOf(() => ContentStore.open(junk))?.code).toBe('UNAVAILABLE');
    const empty = join(dir, 'empty.db');
    new Database(empty).close();
    expect(codeOf(() => ContentStore.open(empty))?.message).toContain('run npm run build:content');
  });

  it('refuses a database whose rows are damaged', () => {
    const bad = join(dir, 'bad-json.db');
    copyFileSync(path, bad);
    const w = new Database(bad);
    w.prepare("UPDATE blocks SET marks = '{not json' WHERE id = 'p1.1'").run();
    w.close();
    const e = codeOf(() => ContentStore.open(bad));
    expect(e?.code).toBe('UNAVAILABLE');
    expect(e?.message).toContain('damaged');
  });
});

describe('helpers', () => {
  it('orders keys naturally', () => {
    expect(['17.18', '10.c', '3.c', '10.7', '12(a)', '12', '5'].sort(naturalCompare)).toEqual([
      '3.c',
      '5',
      '10.7',
      '10.c',
      '12',
      '12(a)',
      '17.18',
    ]);
  });

  it('cuts an excerpt at a word boundary', () => {
    const e = excerpt('word '.repeat(100));
    expect(e.length).toBeLessThanOrEqual(201);
    expect(e.endsWith('word…')).toBe(true);
    expect(excerpt('short')).toBe('short');
  });
});
