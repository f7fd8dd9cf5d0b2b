/**
 * The packed search index of the real content database against MiniSearch.loadJSON
 * of the same index (built here from the shipped document, as the content build
 * does): every private field equal, Maps in the same order with the same key types,
 * and the same answers from the service, MiniSearch's search and autoSuggest. A
 * damaged packed row is refused with the fix, never searched or crashed on.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { CONTENT_SCHEMA_VERSION, SEARCH_INDEX_ROW } from '../../src/core/content/schema';
import { ContentStore } from '../../src/core/content/store';
import { buildIndex } from '../../src/core/search/documents';
import { Executor } from '../../src/core/search/engine';
import { indexOptions, SEARCH_OPTIONS, type IndexDoc } from '../../src/core/search/options';
import { OwnedIndex } from '../../src/core/search/owned-index';
import { packIndex, unpackIndex } from '../../src/core/search/packed-index';
import { SearchService } from '../../src/core/search/service';
import { testContent } from '../support/content';
import { useRealSearch } from '../support/search';

const real = useRealSearch();
const dir = mkdtempSync(join(tmpdir(), 'recollection-packed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The serialized index the build makes from the shipped document. */
const builtJSON = (): ReturnType<MiniSearch['toJSON']> => buildIndex(testContent().model).index.toJSON();

/** What loadJSON gives for the index the build makes from the shipped document. */
function reference(): MiniSearch<IndexDoc> {
  return MiniSearch.loadJSON<IndexDoc>(JSON.stringify(builtJSON()), indexOptions());
}

/** The same through OwnedIndex.fromJSON (what the build packs). */
const ownReference = (): OwnedIndex<IndexDoc> => OwnedIndex.fromJSON<IndexDoc>(builtJSON(), indexOptions());

/** A value with every Map spelled out as its entries in order (toEqual alone ignores a Map's order). */
function ordered(v: unknown): unknown {
  if (v instanceof Map) return { map: [...(v as Map<unknown, unknown>)].map(([k, x]) => [k, ordered(x)]) };
  if (Array.isArray(v)) return (v as unknown[]).map(ordered);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, ordered(x)]));
  return v;
}

/** The private state, field by field; option functions by name (each indexOptions() call makes new closures). */
function state(index: MiniSearch<IndexDoc>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(index)) {
    out[key] =
      key === '_options'
        ? JSON.parse(JSON.stringify(value, (_, f: unknown) => (typeof f === 'function' ? 'fn' : f)))
        : ordered(value);
  }
  return out;
}

const QUERIES = [
  'migrants',
  'remittances',
  'remitances',
  're',
  'labour mob',
  'decent work',
  'brain drain',
  'climate refugees displacement',
  '10.7',
  '2.2 PO 1',
  'ppd 5424',
  'footnote 55',
  'how can governments reduce remittance costs',
  'seafarers SDG 10.7',
  'diaspora bonds investment',
  'Citoyennete',
  'IRIS',
];

describe('the packed search index', () => {
  const want = reference();
  const data = (): Buffer => real.store.searchIndexData() as Buffer;

  it('is what MiniSearch.loadJSON gives, field by field, Maps in order', () => {
    const got = unpackIndex<IndexDoc>(data(), indexOptions());
    expect(got).toBeInstanceOf(MiniSearch);
    expect(got).toBeInstanceOf(OwnedIndex);
    const g = state(got);
    const w = state(want);
    expect(Object.keys(g).sort()).toEqual(Object.keys(w).sort());
    for (const key of Object.keys(w)) expect(g[key], key).toStrictEqual(w[key]);
    // The tree is MiniSearch's own SearchableMap (the class loadJSON uses), at the root.
    expect(got.internals().index.constructor).toBe(ownReference().internals().index.constructor);
    expect(got.termCount).toBe(want.termCount);
    expect(got.documentCount).toBe(516);
  });

  it('OwnedIndex.fromJSON is MiniSearch.loadJSON, field by field, Maps in order', () => {
    const own = ownReference();
    expect(own.termCount).toBe(want.termCount); // both sizes counted (SearchableMap caches it)
    const g = state(own);
    const w = state(want);
    expect(Object.keys(g).sort()).toEqual(Object.keys(w).sort());
    for (const key of Object.keys(w)) expect(g[key], key).toStrictEqual(w[key]);
  });

  it('is written by the build from loadJSON\u2019s state, byte for byte', () => {
    expect(packIndex(ownReference()).equals(data())).toBe(true);
  });

  it('answers as the loadJSON index: the service, MiniSearch search and autoSuggest', () => {
    const got = unpackIndex<IndexDoc>(data(), indexOptions());
    // The same service over the reference index (its index and executor swapped in).
    const ref = new SearchService(real.store);
    const own = ownReference();
    Object.assign(ref, { index: own, executor: new Executor(own) });
    for (const q of QUERIES) {
      for (const args of [{ q }, { q, limit: 50 }, { q, clusters: [2, 4] }, { q, kinds: ['footnote' as const] }]) {
        expect(real.search.query(args), JSON.stringify(args)).toEqual(ref.query(args));
      }
      expect(real.search.suggest(q), q).toEqual(ref.suggest(q));
      for (const combineWith of ['AND', 'OR'] as const)
        expect(got.search(q, { ...SEARCH_OPTIONS, combineWith }), q).toEqual(
          want.search(q, { ...SEARCH_OPTIONS, combineWith }),
        );
      expect(got.autoSuggest(q, SEARCH_OPTIONS), q).toEqual(want.autoSuggest(q, SEARCH_OPTIONS));
    }
    expect(real.search.query({ q: 'migrants' }).total).toBeGreaterThan(100);
  });

  it('a content database of schema 1 (the JSON index) is refused as too old before its index is read', () => {
    const file = join(dir, 'schema-1.db');
    copyFileSync(CONTENT_DB_PATH, file);
    const w = new Database(file);
    w.prepare("UPDATE meta SET value = '1' WHERE key = 'schema_version'").run();
    w.prepare("INSERT INTO search_index (id, data) VALUES ('minisearch', ?)").run(JSON.stringify(want));
    w.close();
    expect(() => ContentStore.open(file)).toThrow(
      new RegExp(`schema version 1, this app reads version ${CONTENT_SCHEMA_VERSION}: run npm run build:content`),
    );
    expect(CONTENT_SCHEMA_VERSION).toBeGreaterThan(1);
  });

  it('refuses a damaged row with the fix: old JSON, truncated, a flipped byte, garbage', () => {
    const good = data();
    const flipped = Buffer.from(good);
    flipped[Math.floor(flipped.length * 0.7)] ^= 0x20;
    const cases: Array<[string, Buffer | string]> = [
      ['MiniSearch JSON (schema 1)', JSON.stringify(want)],
      ['truncated', good.subarray(0, Math.floor(good.length / 2))],
      ['cut by one word', good.subarray(0, good.length - 4)],
      ['a flipped byte', flipped],
      ['garbage', Buffer.alloc(good.length, 0x5a)],
      ['empty', Buffer.alloc(0)],
    ];
    for (const [what, bad] of cases) {
      const file = join(dir, 'damaged.db');
      copyFileSync(CONTENT_DB_PATH, file);
      const w = new Database(file);
      w.prepare('UPDATE search_index SET data = ? WHERE id = ?').run(bad, SEARCH_INDEX_ROW);
      w.close();
      const store = ContentStore.open(file);
      try {
        expect(() => new SearchService(store), what).toThrow(
          /^the stored search index cannot be loaded \(packed search index: .*\): run npm run build:content$/,
        );
      } finally {
        store.close();
      }
    }
  });
});
