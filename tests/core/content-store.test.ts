/**
 * The content store on the real content database (built by the global setup
 * from the real source text). Expected values come from reading the document.
 */
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../src/shared/contract/result';
import { buildContentDb } from '../../src/core/content-build/build';
import { CONTENT_DB_PATH, SOURCE_PATH, SOURCE_SHA256, contentFingerprint } from '../../src/core/content-build/ensure';
import { parseRecollection } from '../../src/core/content/parse';
import { CONTENT_SCHEMA_VERSION, CONTENT_TABLES } from '../../src/core/content/schema';
import { ContentStore } from '../../src/core/content/store';
import { openContentDb } from '../../src/core/content/tables';

const dir = mkdtempSync(join(tmpdir(), 'recollection-content-'));
let store: ContentStore;

beforeAll(() => {
  store = ContentStore.open(CONTENT_DB_PATH);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

function errorOf(fn: () => unknown): CoreError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CoreError) return err;
    throw err;
  }
  throw new Error('expected a CoreError');
}

describe('metadata and outline', () => {
  it('describes the document and its build', () => {
    const m = store.meta();
    expect(m).toMatchObject({
      title: 'Thematic Recollection 2007 – 2017',
      place: 'Geneva',
      date: '22 November 2017',
      sourceSha256: SOURCE_SHA256,
      schemaVersion: CONTENT_SCHEMA_VERSION,
      buildId: contentFingerprint(),
    });
    expect(m.counts).toMatchObject({ clusters: 6, focusAreas: 21, footnotes: 168 });
    expect(m.counts.blocks).toBe(store.allBlocks().length);
  });

  it('has four parts, six clusters and 21 focus areas (3, 4, 4, 5, 2, 3)', () => {
    const outline = store.outline();
    const parts = outline.filter((n) => n.kind === 'part');
    expect(parts.map((p) => p.label)).toEqual(['Part I', 'Part II', 'Part III', 'Part IV']);
    const clusters = parts[1].children.filter((n) => n.kind === 'cluster');
    expect(clusters.map((c) => c.id)).toEqual(['c1', 'c2', 'c3', 'c4', 'c5', 'c6']);
    expect(clusters.map((c) => c.children.filter((f) => f.kind === 'focus-area').length)).toEqual([3, 4, 4, 5, 2, 3]);
    expect(parts[2].children.map((s) => s.id)).toEqual(['p3.s1', 'p3.s2', 'p3.s3', 'p3.s4']);
  });

  it('gives focus areas their printed titles and item counts, with groups below them', () => {
    const fa = (id: string) =>
      store
        .outline()
        .flatMap((p) => p.children)
        .flatMap((c) => c.children)
        .find((n) => n.id === id);
    expect(fa('c2.f2')).toMatchObject({
      title: 'Fair and ethical recruitment of migrant workers',
      counts: { po: 3, pa: 3, ex: 4 },
    });
    expect(fa('c1.f1')?.counts).toEqual({ po: 4, pa: 4, ex: 1 });
    // The numbered sub-list 1)–5) hangs under one practical action: six actions, not eleven.
    expect(fa('c3.f2')?.counts).toEqual({ po: 2, pa: 6, ex: 4 });
    expect(fa('c5.f1')?.counts).toEqual({ po: 9, pa: 8, ex: 4 });
    expect(fa('c6.f3')?.title).toBe('Improving identification');
    expect(fa('c2.f2')?.children.map((g) => [g.id, g.counts])).toEqual([
      ['c2.f2.po', { po: 3, pa: 0, ex: 0 }],
      ['c2.f2.pa', { po: 0, pa: 3, ex: 0 }],
      ['c2.f2.ex', { po: 0, pa: 0, ex: 4 }],
    ]);
  });
});

describe('pages, blocks and footnotes', () => {
  it('gives a focus area page: its groups, its blocks in order, the footnotes they cite, neighbours', () => {
    const p = store.sectionPayload('c2.f2');
    expect(p.section.label).toBe('Cluster 2 (2)');
    expect(p.breadcrumb.map((c) => c.id)).toEqual(['p2', 'c2', 'c2.f2']);
    expect(p.children.map((c) => c.id)).toEqual(['c2.f2.po', 'c2.f2.pa', 'c2.f2.ex']);
    expect(p.blocks.map((b) => b.id)).toEqual([
      'c2.f2.po.1',
      'c2.f2.po.2',
      'c2.f2.po.3',
      'c2.f2.pa.1',
      'c2.f2.pa.2',
      'c2.f2.pa.3',
      'c2.f2.ex.1',
      'c2.f2.ex.2',
      'c2.f2.ex.3',
      'c2.f2.ex.4',
    ]);
    expect(p.blocks[0].text.startsWith('Protect women and men migrants through')).toBe(true);
    // UK Code⁵⁴, ILO principles⁵⁵, IRIS⁵⁶, World Employment Confederation⁵⁷.
    expect(p.footnotes.map((f) => f.number)).toEqual([54, 55, 56, 57]);
    expect([p.prevId, p.nextId]).toEqual(['c2.f1', 'c2.f3']);
  });

  it('walks every page in reading order with [ and ]', () => {
    const pages: string[] = [];
    let id: string | null = store.outline()[0].id;
    while (id !== null && pages.length < 100) {
      pages.push(id);
      id = store.sectionPayload(id).nextId;
    }
    const clusters = [3, 4, 4, 5, 2, 3].flatMap((n, i) => [
      `c${i + 1}`,
      ...Array.from({ length: n }, (_, j) => `c${i + 1}.f${j + 1}`),
    ]);
    expect(pages.filter((p) => p !== 'front')).toEqual([
      'p1',
      'p2',
      ...clusters,
      'p3',
      'p3.s1',
      'p3.s2',
      'p3.s3',
      'p3.s4',
      'p4',
    ]);
    // And back again.
    expect(store.sectionPayload('c3').prevId).toBe('c2.f4');
    expect(store.sectionPayload('p4').nextId).toBeNull();
  });

  it('keeps the numbered sub-list nested under its practical action', () => {
    const items = store.allBlocks().filter((b) => b.parentId === 'c3.f2.pa.1');
    expect(items.map((b) => b.id)).toEqual([
      'c3.f2.pa.1.1',
      'c3.f2.pa.1.2',
      'c3.f2.pa.1.3',
      'c3.f2.pa.1.4',
      'c3.f2.pa.1.5',
    ]);
    expect(items.every((b) => b.kind === 'practical-action-item')).toBe(true);
    expect(store.blockPayload('c3.f2.pa.1.3')).toMatchObject({ pageId: 'c3.f2' });
  });

  it('gives a block with the page that shows it', () => {
    const b = store.blockPayload('c2.f2.ex.3');
    expect(b.block.text).toContain('International Recruitment Integrity System (IRIS)');
    expect(b.pageId).toBe('c2.f2');
    expect(b.breadcrumb.map((c) => c.id)).toEqual(['p2', 'c2', 'c2.f2', 'c2.f2.ex']);
    expect(b.footnotes.map((f) => f.number)).toEqual([56]);
    expect(store.location('c2.f2.ex.3')).toEqual({ pageId: 'c2.f2', clusterId: 'c2', focusAreaId: 'c2.f2' });
  });

  it('gives a footnote with its links and the blocks citing it', () => {
    const iris = store.footnote(56);
    expect(iris.footnote.urls.some((u) => u.includes('gfmd.org/pfp/ppd/2347'))).toBe(true);
    expect(iris.footnote.pfpIds).toEqual([2347]);
    expect(iris.citedBy.map((b) => b.id)).toEqual(['c2.f2.ex.3']);
    // The bare "http://gfmd.org/pfp/ppd/215." line lost its number: footnote 53, cited by Guatemala's "Ferme" example.
    const ferme = store.footnote(53);
    expect(ferme.footnote.status).toBe('inferred');
    expect(ferme.footnote.pfpIds).toEqual([215]);
    expect(ferme.citedBy.map((b) => b.id)).toEqual(['c2.f1.ex.3']);
  });
});

describe('facets', () => {
  it('lists SDG 10.7 with the several blocks that name it', () => {
    const sdg = store.facets('sdg');
    expect(sdg.map((f) => f.key)).toEqual(expect.arrayContaining(['10.7', '10.c', '16.9']));
    const f = store.facet('sdg', '10.7');
    expect(f.facet.count).toBeGreaterThanOrEqual(3);
    expect(f.blocks.map((b) => b.id)).toEqual(expect.arrayContaining(['c2.2', 'c3.5', 'c3.f2.ex.1']));
    // In reading order.
    const seqs = f.blocks.map((b) => store.block(b.id)?.seq ?? 0);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
  });

  it('orders facets by type, then naturally by key', () => {
    const types = store.facets().map((f) => f.type);
    const order = ['sdg', 'sutherland', 'pfp', 'actor'];
    expect(types.map((t) => order.indexOf(t))).toEqual([...types.map((t) => order.indexOf(t))].sort((a, b) => a - b));
    const keys = store.facets('sdg').map((f) => f.key);
    expect(keys.indexOf('3.c')).toBeLessThan(keys.indexOf('10.7'));
    expect(keys.indexOf('10.7')).toBeLessThan(keys.indexOf('10.c'));
  });

  it('resolves "Ibid." footnotes to the Sutherland recommendation they cite', () => {
    // fn 23 "Ibid., Recommendation 5." (after fn 20 "Sutherland Report…") and fn 47 "Sutherland Report, 2017, Recommendation 5."
    expect(store.facet('sutherland', '5').footnotes).toEqual(expect.arrayContaining([23, 47]));
  });
});

describe('errors and safety', () => {
  it('answers NOT_FOUND for unknown ids', () => {
    expect(errorOf(() => store.sectionPayload('c7')).code).toBe('NOT_FOUND');
    expect(errorOf(() => store.sectionPayload('c2.f9')).code).toBe('NOT_FOUND');
    expect(errorOf(() => store.blockPayload('c2.f2.po.99')).code).toBe('NOT_FOUND');
    expect(errorOf(() => store.footnote(169)).code).toBe('NOT_FOUND');
    expect(errorOf(() => store.facet('pfp', '999999')).code).toBe('NOT_FOUND');
    expect(store.block('c2.f2.po.99')).toBeNull();
  });

  it('opens the database read-only: a write attempt fails and changes nothing', () => {
    const db = openContentDb(CONTENT_DB_PATH);
    try {
      expect(() => db.prepare("DELETE FROM blocks WHERE id = 'c2.f2.po.1'").run()).toThrow(/readonly/i);
    } finally {
      db.close();
    }
    const again = ContentStore.open(CONTENT_DB_PATH);
    expect(again.block('c2.f2.po.1')).not.toBeNull();
    again.close();
  });

  it('refuses another schema version with a message that names the fix', () => {
    const copy = join(dir, 'other-version.db');
    copyFileSync(CONTENT_DB_PATH, copy);
    const w = new Database(copy);
    w.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(CONTENT_SCHEMA_VERSION + 1));
    w.close();
    const e = errorOf(() => ContentStore.open(copy));
    expect(e.code).toBe('UNAVAILABLE');
    expect(e.message).toContain('run npm run build:content');
    expect(errorOf(() => ContentStore.open(join(dir, 'missing.db'))).code).toBe('UNAVAILABLE');
  });
});

describe('build determinism on the real document', () => {
  it('builds twice into identical tables', () => {
    const model = () => parseRecollection(readFileSync(SOURCE_PATH, 'utf8'));
    const opts = { sourceSha256: SOURCE_SHA256, buildId: contentFingerprint() };
    const a = buildContentDb(model(), { ...opts, outPath: join(dir, 'a.db') });
    const b = buildContentDb(model(), { ...opts, outPath: join(dir, 'b.db') });
    const da = new Database(a.path, { readonly: true });
    const db = new Database(b.path, { readonly: true });
    try {
      for (const t of CONTENT_TABLES) {
        const sql = `SELECT * FROM ${t.name} ORDER BY ${t.orderBy}`;
        const rowsA = da.prepare(sql).all();
        expect(rowsA.length, t.name).toBeGreaterThan(0);
        expect(db.prepare(sql).all(), t.name).toEqual(rowsA);
      }
    } finally {
      da.close();
      db.close();
    }
  });
});
