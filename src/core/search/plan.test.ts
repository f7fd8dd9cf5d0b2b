/**
 * The query plan's bounds on a large index, on the real stored index: a word
 * the document holds is not searched fuzzily, and a prefix with more than
 * MAX_COMPLETIONS completions is searched through its most used completions,
 * scored exactly as MiniSearch scores a prefix match.
 */
import type MiniSearch from 'minisearch';
import type { Query } from 'minisearch';
import { describe, expect, it } from 'vitest';
import { useRealSearch } from '../../../tests/support/search';
import { indexOptions, SEARCH_OPTIONS, type IndexDoc } from './options';
import { unpackIndex } from './packed-index';
import { KNOWN_DOCS, MAX_COMPLETIONS, planQuery, planQueryTree, type Lexicon } from './plan';

const real = useRealSearch();

function index(): MiniSearch<IndexDoc> {
  return unpackIndex<IndexDoc>(real.store.searchIndexData(), indexOptions());
}

/** Vocabulary-backed lexicon; `all` makes every prefix go through its completions (none dropped). */
function lexicon(all: boolean): Lexicon {
  const vocab = real.store.searchVocabulary().all();
  const terms = Object.keys(vocab).sort();
  return {
    docFreq: (t) => vocab[t]?.[1] ?? 0,
    completions: (p) => {
      const found = terms.filter((t) => t !== p && t.startsWith(p));
      if (!all && found.length <= MAX_COMPLETIONS) return null;
      return found
        .sort((a, b) => vocab[b][1] - vocab[a][1] || (a < b ? -1 : 1))
        .slice(0, all ? undefined : MAX_COMPLETIONS);
    },
  };
}

/** Every fuzzy setting in a MiniSearch query tree. */
function fuzzySettings(q: Query): unknown[] {
  if (typeof q === 'string') return [];
  const node = q as { fuzzy?: unknown; queries?: Query[] };
  const own = 'fuzzy' in node ? [node.fuzzy] : [];
  return [...own, ...(node.queries ?? []).flatMap((s) => fuzzySettings(s))];
}

describe('planQuery with the index lexicon', () => {
  it('searches a word the document holds exactly, and an unknown one fuzzily', () => {
    const lex = lexicon(false);
    expect(lex.docFreq('remittance')).toBeGreaterThanOrEqual(KNOWN_DOCS);
    const known = planQuery('remittance costs', null, true, lex);
    expect(fuzzySettings(planQueryTree(known, 'AND')).filter((f) => f !== false)).toEqual([]);
    const typo = planQuery('remitance costs', null, true, lex);
    expect(fuzzySettings(planQueryTree(typo, 'AND'))).toContain(0.2);
    // Without a lexicon (nothing known) both are fuzzy, as before.
    expect(fuzzySettings(planQueryTree(planQuery('remittance costs', null), 'AND'))).toContain(0.2);
  });

  it('scores a prefix through its completions with the weights MiniSearch gives a prefix match', () => {
    const ms = index();
    for (const q of ['mig', 'labor mo', 'co', 're']) {
      const native = ms.search(planQueryTree(planQuery(q, null, false), 'AND'), SEARCH_OPTIONS);
      const viaTerms = ms.search(planQueryTree(planQuery(q, null, false, lexicon(true)), 'AND'), SEARCH_OPTIONS);
      const ids = (rs: typeof native): string[] => rs.map((r) => String(r.id)).sort();
      expect(ids(viaTerms), q).toEqual(ids(native));
      // MiniSearch multiplies a score by the number of query terms matched; each completion is
      // one here (the prefix was one), so per matched term the scores are the same.
      const perTerm = (rs: typeof native): Map<string, number> =>
        new Map(rs.map((r) => [String(r.id), r.score / r.queryTerms.length]));
      const a = perTerm(native);
      for (const [id, s] of perTerm(viaTerms)) expect(s, `${q} ${id}`).toBeCloseTo(a.get(id) ?? NaN, 9);
    }
  });

  it('bounds a short prefix to its most used completions, which count as the word', () => {
    const lex = lexicon(false);
    const many = lex.completions('co');
    expect(many).not.toBeNull();
    expect(many).toHaveLength(MAX_COMPLETIONS);
    const plan = planQuery('co', null, false, lex);
    for (const t of many ?? []) expect(plan.slots[0].terms.has(t)).toBe(true);
    // A prefix with few completions is left to MiniSearch.
    expect(lex.completions('remitt')).toBeNull();
  });
});

describe('SearchService with bounded prefixes', () => {
  it('ranks a two-letter prefix first page from the common completions, every hit holding one', () => {
    const r = real.search.query({ q: 'co', limit: 20 });
    expect(r.total).toBeGreaterThan(20);
    for (const h of r.hits) expect(h.terms.length).toBeGreaterThan(0);
  });
});
