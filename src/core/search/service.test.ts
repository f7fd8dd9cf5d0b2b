/**
 * SearchService on the miniature document's database (real parser, real content build): stored index
 * loaded (not rebuilt), spelling folding, codes, typos, AND/OR, filters,
 * paging, snippets, did-you-mean, suggestions, jump, damaged index.
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import MiniSearch from 'minisearch';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { CoreError } from '../../shared/contract/result';
import { buildFixtureDb, fixtureModel } from '../../../tests/support/model.fixture';
import { SEARCH_INDEX_ROW } from '../content/schema';
import { ContentStore } from '../content/store';
import { SearchService, compactQuery } from './service';
import { normalizeTerm } from './spelling';

const dir = mkdtempSync(join(tmpdir(), 'recollection-search-'));
const path = join(dir, 'content.db');
let store: ContentStore;
let search: SearchService;

beforeAll(() => {
  buildFixtureDb(path, 'id');
  store = ContentStore.open(path);
  search = new SearchService(store);
});
afterAll(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (q: string, extra: Partial<Parameters<SearchService['query']>[0]> = {}): string[] =>
  search.query({ q, ...extra }).hits.map((h) => h.id);

describe('SearchService on the fixture', () => {
  it('loads the stored index without re-indexing anything', () => {
    const add = vi.spyOn(MiniSearch.prototype, 'add');
    const addAll = vi.spyOn(MiniSearch.prototype, 'addAll');
    const fresh = new SearchService(store);
    expect(add).not.toHaveBeenCalled();
    expect(addAll).not.toHaveBeenCalled();
    // Every block of the fixture is in the loaded index: its own opening words find it.
    for (const block of fixtureModel().blocks) {
      const words = block.text.split(/\s+/).slice(0, 6).join(' ');
      expect(
        fresh.query({ q: words, limit: 50 }).hits.map((h) => h.id),
        block.id,
      ).toContain(block.id);
    }
    expect(fresh.query({ q: 'IRIS' }).hits[0].id).toBe('c2.f2.ex.2');
    add.mockRestore();
    addAll.mockRestore();
  });

  it('meets British spellings in the query with the American text', () => {
    expect(ids('labour migration')[0]).toBe('c2.f1.po.1');
    expect(ids('organise')[0]).toBe('c1.f1.po.2');
    // …and the other way round: cluster 2's context says "enrolment", as the document does.
    expect(ids('enrollment')).toEqual(['c2.1']);
  });

  it('finds codes and acronyms as whole tokens', () => {
    // c2.f1.pa.1 names "SDG indicator 10.7.1", keyed by its target: an SDG target finds every passage referring to it.
    expect(ids('10.7')).toEqual(['c2.1', 'c2.f1.pa.1']);
    expect(ids('16.9')).toEqual(['c1.3']);
    expect(ids('IRIS')[0]).toBe('c2.f2.ex.2');
  });

  it('tolerates typos in longer words and completes the last word', () => {
    expect(ids('remitances')).toEqual(['c2.f1.pa.3']);
    // The document's "xenophobia" (cluster 1's context): the misspelt word finds what the right one finds.
    expect(ids('xenofobia')).toContain('c1.1');
    expect(ids('xenofobia')).toEqual(ids('xenophobia'));
    expect(ids('pandemik')).toEqual([]);
    expect(ids('certificat')[0]).toBe('c2.f2.ex.2');
  });

  it('combines words with AND, and falls back to OR when AND finds nothing', () => {
    expect(ids('human rights migrants')).toEqual(expect.arrayContaining(['c1.f1.po.1', 'c1.f1.ex.1']));
    expect(ids('human rights migrants')).not.toContain('c2.f2.ex.2');
    const or = ids('census Salvador');
    expect(or).toEqual(expect.arrayContaining(['c1.f1.pa.2.1', 'c1.f1.ex.1']));
  });

  it('filters by kind, cluster and focus area inside the search', () => {
    // c2.f1.ex.1 says "immigrants", not "migrants"; c2.f2's items match by its title ("… of migrant workers").
    expect(ids('migrants', { kinds: ['example'] }).sort()).toEqual(['c1.f1.ex.1', 'c2.f2.ex.1', 'c2.f2.ex.2']);
    expect(ids('migrants', { clusters: [2], kinds: ['example'] }).sort()).toEqual(['c2.f2.ex.1', 'c2.f2.ex.2']);
    expect(ids('migrants', { clusters: [2] }).sort()).toEqual([
      'c2.1',
      'c2.2',
      'c2.6',
      'c2.f1.pa.1',
      'c2.f1.pa.2',
      'c2.f2.ex.1',
      'c2.f2.ex.2',
      'c2.f2.pa.1',
      'c2.f2.po.1',
      'c2.f2.po.2',
    ]);
    // c1.f1.pa.2 also names the Sutherland Report but is a practical action; p3.3–p3.6 match by their page title.
    expect(ids('Sutherland', { kinds: ['context'] }).sort()).toEqual([
      'c1.1',
      'c1.2',
      'c1.3',
      'p3.1',
      'p3.2',
      'p3.3',
      'p3.4',
      'p3.5',
      'p3.6',
      'p3.q.1',
    ]);
    // Item 2.5 cites "Sutherland Report, 2017, Recommendation 12(a)".
    expect(ids('recommendation', { kinds: ['practical-action'] })).toEqual(['c1.f1.pa.2', 'c1.f1.pa.2.5']);
    expect(ids('migrants', { focusAreaId: 'c1.f1' }).every((i) => i.startsWith('c1.f1.'))).toBe(true);
    expect(ids('migrants', { kinds: ['note'] })).toEqual([]);
    // "Ibid., Recommendation 10." first; footnote 10 ("Ibid., Recommendation 5.") by its number.
    expect(ids('Recommendation 10', { kinds: ['footnote'] })).toEqual(['fn.13', 'fn.10']);
    const e = (() => {
      try {
        search.query({ q: 'x', focusAreaId: 'c1' });
        return null;
      } catch (err) {
        return err;
      }
    })();
    expect(e).toBeInstanceOf(CoreError);
    expect((e as CoreError).code).toBe('NOT_FOUND');
  });

  it('pages with offset and limit over a stable total', () => {
    const all = search.query({ q: 'migrants', limit: 100 });
    expect(all.total).toBe(all.hits.length);
    expect(all.total).toBeGreaterThan(4);
    const page2 = search.query({ q: 'migrants', offset: 2, limit: 2 });
    expect(page2.total).toBe(all.total);
    expect(page2.offset).toBe(2);
    expect(page2.hits.map((h) => h.id)).toEqual(all.hits.slice(2, 4).map((h) => h.id));
  });

  it('returns snippets whose highlights are words matching the query', () => {
    for (const q of ['labour', 'human rights', 'remittances organisation', 'IRIS certification', '10.7']) {
      const qTerms = q.split(' ').map((w) => normalizeTerm(w) ?? '');
      const hits = search.query({ q }).hits;
      expect(hits[0].snippet.highlights.length, q).toBeGreaterThan(0);
      for (const h of hits) {
        for (const [a, b] of h.snippet.highlights) {
          const word = h.snippet.text.slice(a, b);
          const t = normalizeTerm(word) ?? '';
          // Exact, prefix (last word) or fuzzy: the highlighted word begins like a query term.
          const ok = qTerms.some((x) => t === x || t.startsWith(x) || x.startsWith(t.slice(0, 4)));
          expect(ok, `${q}: "${word}" in ${h.id}`).toBe(true);
        }
      }
    }
  });

  it('describes a hit: kind, labels, page and block, and the matched words as written', () => {
    const h = search.query({ q: 'labour' }).hits[0];
    expect(h).toMatchObject({
      id: 'c2.f1.po.1',
      kind: 'policy-option',
      shortLabel: '2.1 PO 1',
      pageId: 'c2.f1',
      blockId: 'c2.f1.po.1',
    });
    expect(h.terms).toEqual(['labor']);
    const fn = search.query({ q: 'Recommendation 10', kinds: ['footnote'] }).hits[0];
    expect(fn).toMatchObject({ kind: 'footnote', label: 'Footnote 13', pageId: 'c1', blockId: 'c1.3' });
    const item = search.query({ q: 'census' }).hits[0];
    expect(item).toMatchObject({ id: 'c1.f1.pa.2.1', kind: 'practical-action', pageId: 'c1.f1' });
  });

  it('offers a corrected query for misspelt words, or when there are few hits and the correction does better', () => {
    // "UNN" is too short for fuzzy matching and not the last word (no prefix): AND finds nothing, OR finds "membership".
    const r = search.query({ q: 'UNN membership' });
    expect(r.total).toBeLessThan(3);
    expect(r.didYouMean).toBe('UN membership');
    expect(ids('UN membership')).toEqual(['p3.q.1']);
    // A misspelt word is matched by fuzzy search, and the document's spelling is offered as well.
    const typo = search.query({ q: 'membrship' });
    expect(typo.total).toBeGreaterThan(0);
    expect(typo.didYouMean).toBe('membership');
    // A word still being typed (the start of a document word) is not "corrected".
    expect(search.query({ q: 'membe' }).didYouMean).toBeNull();
    expect(search.query({ q: 'xenofobia' }).didYouMean).toBe('xenophobia');
    // No better query exists, or there are enough hits: nothing is offered.
    expect(search.query({ q: 'pandemik' }).didYouMean).toBeNull();
    expect(search.query({ q: 'labour' }).didYouMean).toBeNull();
  });

  it('suggests completions of the last word among documents holding the earlier words', () => {
    const mig = search.suggest('labour mig');
    expect(mig).toContain('labour migration');
    expect(mig.every((x) => x.startsWith('labour mig'))).toBe(true);
    expect(search.suggest('certif')).toEqual(['certification']);
    expect(search.suggest('the')).toEqual([]);
    expect(search.suggest('')).toEqual([]);
  });

  it('jumps to ids and labels', () => {
    expect(search.jump('c1.f1.pa.2.1')).toEqual({
      pageId: 'c1.f1',
      blockId: 'c1.f1.pa.2.1',
      label: 'Cluster 1 (1), Practical action 2.1',
    });
    expect(search.jump('2.2')).toEqual({ pageId: 'c2.f2', blockId: null, label: 'Cluster 2 (2)' });
    expect(search.jump('1.1 PA 2.1')?.blockId).toBe('c1.f1.pa.2.1');
    expect(search.jump('Cluster 2 (1), Policy option 1')?.blockId).toBe('c2.f1.po.1');
    expect(search.jump('footnote 16')).toEqual({
      pageId: 'c1.f1',
      blockId: 'c1.f1.ex.1',
      label: 'Footnote 16',
      footnote: 16,
    });
    expect(search.jump('III(1)')?.pageId).toBe('p3.s1');
    expect(search.jump('Part III (1), para. 1')?.blockId).toBe('p3.s1.1');
    expect(search.jump('2.9')).toBeNull();
    expect(search.jump('migration')).toBeNull();
    expect(search.query({ q: 'c2.f1' }).jump?.pageId).toBe('c2.f1');
  });

  it('refuses a damaged stored index with the fix', () => {
    const bad = join(dir, 'bad-index.db');
    copyFileSync(path, bad);
    const w = new Database(bad);
    w.prepare('UPDATE search_index SET data = ? WHERE id = ?').run('{"broken": true}', SEARCH_INDEX_ROW);
    w.close();
    const s = ContentStore.open(bad);
    try {
      expect(() => new SearchService(s)).toThrow(/run npm run build:content/);
    } finally {
      s.close();
    }
    const badVocab = join(dir, 'bad-vocabulary.db');
    copyFileSync(path, badVocab);
    const v = new Database(badVocab);
    v.prepare('UPDATE search_index SET data = \'{"labor": "not a pair"}\' WHERE id = \'vocabulary\'').run();
    v.close();
    const sv = ContentStore.open(badVocab);
    try {
      expect(() => new SearchService(sv)).toThrow(/damaged.*run npm run build:content/);
    } finally {
      sv.close();
    }
  });
});

describe('compactQuery', () => {
  it('keeps each distinct word once, drops stop words, bounds the length and keeps the last word last', () => {
    expect(compactQuery('return and Reintegration of returns')).toBe('return Reintegration');
    expect(compactQuery('multi-stakeholder 10.7 10.7')).toBe('multistakeholder 10.7');
    const many = Array.from({ length: 40 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
    const compact = compactQuery(many.join(' ')).split(' ');
    expect(compact).toHaveLength(24);
    expect(compact[23]).toBe(many[39]);
  });
});
