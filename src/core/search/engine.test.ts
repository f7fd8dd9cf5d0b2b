/**
 * The executor against MiniSearch's own search on the real stored index: for
 * the app's query plans (words, prefixes being typed, thesaurus phrases,
 * misspellings, codes, questions; AND and the OR fallback; with and without a
 * filter) the same documents match, with the same scores, query terms and
 * index terms, and the first page is MiniSearch's first page.
 */
import type MiniSearch from 'minisearch';
import type { SearchResult } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { useRealSearch } from '../../../tests/support/search';
import { Executor } from './engine';
import { unpackIndex } from './packed-index';
import { indexOptions, SEARCH_OPTIONS, type IndexDoc } from './options';
import { planQuery, planQueryTree, type Lexicon } from './plan';
import { Thesaurus } from './thesaurus';

const real = useRealSearch();

const QUERIES = [
  'migrants',
  're',
  'mi',
  'co',
  'labour mob',
  'decent work',
  'remitances',
  'migrnts rights',
  'deportation',
  'brain drain',
  'climate refugees displacement',
  '10.7',
  '2.2 PO 1',
  'how can governments reduce remittance costs',
  'seafarers SDG 10.7',
  'identified victims',
  'diaspora bonds investment',
];

function setup(): {
  index: MiniSearch<IndexDoc>;
  executor: Executor;
  plan: (q: string) => ReturnType<typeof planQuery>;
} {
  const index = unpackIndex<IndexDoc>(real.store.searchIndexData(), indexOptions());
  const vocab = real.store.searchVocabulary().all();
  const terms = Object.keys(vocab).sort();
  const lex: Lexicon = {
    docFreq: (t) => vocab[t]?.[1] ?? 0,
    // A low cap so that the completions branch of a prefix is exercised on the 1× index too.
    completions: (p) => {
      const found = terms.filter((t) => t !== p && t.startsWith(p));
      return found.length > 8 ? found.sort((a, b) => vocab[b][1] - vocab[a][1] || (a < b ? -1 : 1)).slice(0, 8) : null;
    },
  };
  const thesaurus = new Thesaurus(real.store.searchThesaurusKeys());
  return { index, executor: new Executor(index), plan: (q) => planQuery(q, thesaurus, true, lex) };
}

/** Ranks must agree up to ties: equal scores at each rank, and the same documents among each run of equal scores. */
function expectSameRanking(got: SearchResult[], want: SearchResult[], label: string): void {
  expect(
    got.map((r) => r.score),
    label,
  ).toEqual(want.map((r) => expect.closeTo(r.score, 9) as unknown as number));
  const groups = (rs: SearchResult[]): string[] => rs.map((r) => `${r.score.toFixed(6)} ${String(r.id)}`).sort();
  const full = got.length === want.length ? got.length : Math.min(got.length, want.length);
  // The last run of equal scores may be cut by the page at different documents.
  const cut = (rs: SearchResult[]): SearchResult[] =>
    rs.slice(0, full).filter((r) => r.score.toFixed(6) !== rs[full - 1]?.score.toFixed(6));
  expect(groups(cut(got)), label).toEqual(groups(cut(want)));
}

describe('Executor', () => {
  it('matches, scores and ranks as MiniSearch does, for AND and OR plans', () => {
    const { index, executor, plan } = setup();
    let compared = 0;
    for (const q of QUERIES) {
      for (const mode of ['AND', 'OR'] as const) {
        const tree = planQueryTree(plan(q), mode);
        const want = index.search(tree, SEARCH_OPTIONS);
        const ranked = executor.run(tree, SEARCH_OPTIONS, null);
        const label = `${mode} ${q}`;
        expect(ranked.total, label).toBe(want.length);
        const page = ranked.top(30);
        expectSameRanking(page, want.slice(0, 30), label);
        const byId = new Map(want.map((r) => [String(r.id), r]));
        for (const r of page) {
          const w = byId.get(String(r.id));
          expect(w, label).toBeDefined();
          expect([...r.queryTerms].sort(), label).toEqual([...(w?.queryTerms ?? [])].sort());
          expect([...r.terms].sort(), label).toEqual([...(w?.terms ?? [])].sort());
          expect(r.k, label).toBe(w?.k);
        }
        compared += page.length;
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('keeps only what the filter accepts, counted exactly', () => {
    const { index, executor, plan } = setup();
    for (const q of ['migrants', 'labour mob', 'return']) {
      const tree = planQueryTree(plan(q), 'AND');
      const want = index.search(tree, { ...SEARCH_OPTIONS, filter: (r) => r.k === 'policy-option' });
      const ranked = executor.run(tree, SEARCH_OPTIONS, (s) => s.k === 'policy-option');
      expect(ranked.total, q).toBe(want.length);
      expect(want.length, q).toBeGreaterThan(0);
      expectSameRanking(ranked.top(20), want.slice(0, 20), q);
    }
  });

  it('ranks the OR fallback by slots matched first, and says which slots each result and any result matched', () => {
    const { executor, plan } = setup();
    const p = plan('remittances diaspora zzyzzx');
    const ranked = executor.run(planQueryTree(p, 'OR'), SEARCH_OPTIONS, null, true);
    expect(ranked.childMatched).toEqual([true, true, false]);
    const counts = ranked.top(ranked.total).map((r) => ranked.childrenOf(String(r.id))?.filter(Boolean).length ?? 0);
    expect(counts[0]).toBe(2);
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(ranked.childrenOf('no-such-document')).toBeNull();
  });

  it('picks named results in rank order, leaving out those that did not match', () => {
    const { executor, plan } = setup();
    const ranked = executor.run(planQueryTree(plan('remittances'), 'AND'), SEARCH_OPTIONS, null);
    const top = ranked.top(5).map((r) => String(r.id));
    const picked = ranked.pick([top[3], 'no-such-document', top[1]]).map((r) => String(r.id));
    expect(picked).toEqual([top[1], top[3]]);
  });
});
