/**
 * The query trees of plan.ts as the search executor runs them (engine.ts):
 * MiniSearch's option inheritance resolved down the tree, every processed
 * term expanded (exact, prefix, fuzzy) to its postings per field with the
 * weight, boosts and idf MiniSearch would score it with, nested ANDs and ORs
 * flattened, and each node's cost (its postings) for the order of matching.
 *
 * Constraint: reads the loaded index only through OwnedIndex#internals
 * (MiniSearch's protected members, type-checked): no cast, no probe.
 */
import type { QueryCombination, SearchOptions } from 'minisearch';
import type { Internals } from './owned-index';

/** The queries plan.ts builds: words and combinations (no wildcard). */
export type Tree = string | QueryCombination;

type Postings = Map<number, Map<number, number>>;
export type Opts = SearchOptions & {
  weights?: { fuzzy: number; prefix: number };
  bm25?: { k: number; b: number; d: number };
};

/** One field's postings of one index term, with what its BM25 score needs. */
export interface Posting {
  docs: Map<number, number>;
  field: number;
  fieldName: string;
  /** termWeight × termBoost × fieldBoost × idf. */
  factor: number;
  avg: number;
  derived: string;
}
export interface Leaf {
  kind: 'leaf';
  source: string;
  postings: Posting[];
  cost: number;
  bm: { k: number; b: number; d: number };
}
export interface Branch {
  kind: 'and' | 'or';
  children: Node[];
  cost: number;
}
export type Node = Leaf | Branch;

/** The query tree with MiniSearch's option inheritance resolved and every term expanded to its postings. */
export function compile(ix: Internals, query: Tree, inherited: Opts): Node {
  if (typeof query !== 'string') {
    const opts: Opts = { ...inherited, ...query, queries: undefined } as Opts;
    return branch(
      opts.combineWith,
      (query.queries as Tree[]).map((q) => compile(ix, q, opts)),
    );
  }
  const g = ix.options;
  const opts: Opts = { tokenize: g.tokenize, processTerm: g.processTerm, ...g.searchOptions, ...inherited };
  const tokenize = opts.tokenize ?? g.tokenize;
  const process = opts.processTerm ?? g.processTerm;
  const terms = tokenize(query)
    .flatMap((t) => process(t))
    .filter((t): t is string => !!t);
  return branch(
    opts.combineWith,
    terms.map((term, i) => leaf(ix, term, i, terms, opts)),
  );
}

export function branch(combineWith: string | undefined, children: Node[], collapse = true): Node {
  const kind = (combineWith ?? 'or').toLowerCase() === 'and' ? 'and' : 'or';
  if (children.length === 1 && collapse) return children[0];
  // OR(OR(a, b), c) is OR(a, b, c) and AND(AND(a, b), c) is AND(a, b, c), for matches and scores alike.
  if (collapse) children = children.flatMap((c) => (c.kind === kind ? c.children : [c]));
  const costs = children.map((c) => c.cost);
  const cost = children.length === 0 ? 0 : kind === 'and' ? Math.min(...costs) : costs.reduce((a, b) => a + b, 0);
  return { kind, children, cost };
}

/** One processed term: its exact, prefix and fuzzy index terms (MiniSearch's executeQuerySpec). */
function leaf(ix: Internals, term: string, i: number, terms: string[], o: Opts): Leaf {
  const g = ix.options.searchOptions;
  const fuzzy = typeof o.fuzzy === 'function' ? o.fuzzy(term, i, terms) : (o.fuzzy ?? false);
  const prefix = typeof o.prefix === 'function' ? o.prefix(term, i, terms) : o.prefix === true;
  const termBoost = typeof o.boostTerm === 'function' ? o.boostTerm(term, i, terms) : 1;
  const weights = { ...g.weights, ...o.weights };
  const bm = o.bm25 ?? g.bm25 ?? { k: 1.2, b: 0.7, d: 0.5 };
  const fields = o.fields ?? ix.options.fields;
  const postings: Posting[] = [];
  const add = (derived: string, data: Postings | undefined, weight: number): void => {
    if (!data) return;
    for (const field of fields) {
      const fid = ix.fieldIds[field];
      const docs = data.get(fid);
      if (!docs) continue;
      const m = docs.size;
      const idf = Math.log(1 + (ix.documentCount - m + 0.5) / (m + 0.5));
      const fieldBoost = o.boost?.[field] || 1;
      const avg = ix.avgFieldLength[fid];
      postings.push({
        docs,
        field: fid,
        fieldName: field,
        factor: weight * termBoost * fieldBoost * idf,
        avg,
        derived,
      });
    }
  };
  add(term, ix.index.get(term), 1);
  let fuzzyMatches: Map<string, [Postings, number]> | undefined;
  if (fuzzy) {
    const f = fuzzy === true ? 0.2 : fuzzy;
    const max = f < 1 ? Math.min(o.maxFuzzy ?? g.maxFuzzy ?? 6, Math.round(term.length * f)) : f;
    if (max) fuzzyMatches = ix.index.fuzzyGet(term, max);
  }
  if (prefix) {
    for (const [t, data] of ix.index.atPrefix(term)) {
      const distance = t.length - term.length;
      if (!distance) continue;
      fuzzyMatches?.delete(t);
      add(t, data, (weights.prefix * t.length) / (t.length + 0.3 * distance));
    }
  }
  if (fuzzyMatches) {
    for (const [t, [data, distance]] of fuzzyMatches) {
      if (!distance) continue;
      add(t, data, (weights.fuzzy * t.length) / (t.length + distance));
    }
  }
  return { kind: 'leaf', source: term, postings, cost: postings.reduce((s, p) => s + p.docs.size, 0), bm };
}
