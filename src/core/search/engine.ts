/**
 * A query executor over MiniSearch's loaded index that scores only the
 * documents that can be results, and builds result objects only for the page.
 *
 * MiniSearch's own `search` scores every posting of every term a word expands
 * to, builds an object per matching document at every node of the query tree,
 * merges them, then sorts everything: at 100× a common prefix costs hundreds of
 * milliseconds. This executor runs the same query trees (the ones plan.ts
 * builds; MiniSearch's option inheritance, expansion and BM25 scoring are
 * reproduced) in two passes: first which documents match (an AND intersects
 * its children from the cheapest, each next child only tested on the survivors,
 * by posting look-up or by posting scan, whichever is cheaper), then the scores
 * of the matches that pass the filter only, in typed arrays; the first n by
 * score are then picked and only they become result objects.
 *
 * Constraints: scores and the result set are MiniSearch's (service tests
 * compare both on the real index); ties are broken by document order (the
 * build's order, i.e. reading order) where MiniSearch keeps merge order.
 * It reads MiniSearch 7's private index fields (the version is pinned);
 * `check` fails clearly if they change. `boostDocument` is asked once per
 * document (the app's depends only on stored fields, not on the term).
 */
import type MiniSearch from 'minisearch';
import type { QueryCombination, SearchOptions, SearchResult } from 'minisearch';

/** The queries plan.ts builds: words and combinations (no wildcard). */
type Tree = string | QueryCombination;

type Postings = Map<number, Map<number, number>>;
interface Radix {
  get(term: string): Postings | undefined;
  atPrefix(prefix: string): Iterable<[string, Postings]>;
  fuzzyGet(term: string, maxDistance: number): Map<string, [Postings, number]>;
}
type Opts = SearchOptions & {
  weights?: { fuzzy: number; prefix: number };
  bm25?: { k: number; b: number; d: number };
};
/** The private fields of a loaded MiniSearch 7 index that the executor reads. */
interface Internals {
  _index: Radix;
  _fieldIds: Record<string, number>;
  _fieldLength: Map<number, number[]>;
  _avgFieldLength: number[];
  _documentCount: number;
  _nextId: number;
  _documentIds: Map<number, string>;
  _idToShortId: Map<string, number>;
  _storedFields: Map<number, Record<string, unknown> | undefined>;
  _options: {
    fields: string[];
    tokenize: (s: string) => string[];
    processTerm: (t: string) => string | string[] | null | undefined | false;
    searchOptions: Opts;
  };
}

/** One field's postings of one index term, with what its BM25 score needs. */
interface Posting {
  docs: Map<number, number>;
  field: number;
  fieldName: string;
  /** termWeight × termBoost × fieldBoost × idf. */
  factor: number;
  avg: number;
  derived: string;
}
interface Leaf {
  kind: 'leaf';
  source: string;
  postings: Posting[];
  cost: number;
  bm: { k: number; b: number; d: number };
}
interface Branch {
  kind: 'and' | 'or';
  children: Node[];
  cost: number;
}
type Node = Leaf | Branch;
/** A leaf and where it counts (null: for every match). */
interface Live {
  leaf: Leaf;
  on: Uint8Array | null;
}

export type StoredFilter = (stored: Record<string, unknown>) => boolean;

/** The outcome of one query: how many documents matched, and the first ones as MiniSearch results. */
export interface Ranked {
  total: number;
  /** The first `n` results by score (ties in document order). */
  top(n: number): SearchResult[];
  /** The results among `ids` (ids that did not match are left out), in rank order. */
  pick(ids: readonly string[]): SearchResult[];
  /** Per child of the query's root (the plan's slots): whether some result matched it. */
  childMatched: boolean[];
  /** Per child of the root: whether the result `id` matched it (null when `id` is not a result). */
  childrenOf(id: string): boolean[] | null;
}

/** The private fields this executor needs, or an error naming what is missing. */
function internals(index: MiniSearch): Internals {
  const i = index as unknown as Partial<Internals>;
  const ok =
    typeof i._index?.get === 'function' &&
    typeof i._index.atPrefix === 'function' &&
    typeof i._index.fuzzyGet === 'function' &&
    i._fieldLength instanceof Map &&
    i._documentIds instanceof Map &&
    i._idToShortId instanceof Map &&
    i._storedFields instanceof Map &&
    Array.isArray(i._avgFieldLength) &&
    typeof i._nextId === 'number' &&
    typeof i._documentCount === 'number' &&
    typeof i._options?.searchOptions === 'object';
  if (!ok) throw new Error('this MiniSearch version does not keep the index fields the search executor reads');
  return i as Internals;
}

export class Executor {
  private readonly ix: Internals;
  private readonly n: number;
  /** Field lengths per field id, by short document id. */
  private readonly lengths: Float64Array[];
  private readonly boost: Float64Array;
  private readonly stored: Array<Record<string, unknown>>;
  /** Scratch stamps (generation-marked, never cleared). */
  private readonly seen: Int32Array;
  private readonly member: Int32Array;
  private gen = 0;
  /** Position of a document among the matches being scored, valid where `posStamp` is the current rank's. */
  private readonly pos: Int32Array;
  private readonly posStamp: Int32Array;
  private rankGen = 0;

  constructor(index: MiniSearch) {
    this.ix = internals(index);
    this.n = this.ix._nextId;
    const fields = Object.values(this.ix._fieldIds);
    this.lengths = [];
    for (const f of fields) this.lengths[f] = new Float64Array(this.n);
    this.boost = new Float64Array(this.n);
    this.stored = new Array<Record<string, unknown>>(this.n);
    const boostDocument = this.ix._options.searchOptions.boostDocument;
    for (const [short, id] of this.ix._documentIds) {
      const lens = this.ix._fieldLength.get(short) ?? [];
      for (const f of fields) this.lengths[f][short] = lens[f] ?? 0;
      const stored = this.ix._storedFields.get(short) ?? {};
      this.stored[short] = stored;
      this.boost[short] = boostDocument ? boostDocument(id, '', stored) || 0 : 1;
    }
    this.seen = new Int32Array(this.n);
    this.member = new Int32Array(this.n);
    this.pos = new Int32Array(this.n);
    this.posStamp = new Int32Array(this.n);
  }

  /**
   * Runs `query` with `options` (as MiniSearch's search would), keeping the documents `filter`
   * accepts; `byChildren` ranks first by how many of the root's children a result matches.
   */
  run(query: Tree, options: SearchOptions, filter: StoredFilter | null, byChildren = false): Ranked {
    // The root is kept even with one child: its children are the plan's slots.
    const root =
      typeof query === 'string'
        ? this.compile(query, options)
        : this.branch(
            query.combineWith ?? options.combineWith,
            (query.queries as Tree[]).map((q) => this.compile(q, { ...options, ...query, queries: undefined } as Opts)),
            false,
          );
    let docs = this.match(root, null);
    if (filter) docs = docs.filter((d) => filter(this.stored[d]));
    return this.rank(root, docs, byChildren);
  }

  // ------------------------------------------------------------ compiling

  /** The query tree with MiniSearch's option inheritance resolved and every term expanded to its postings. */
  private compile(query: Tree, inherited: Opts): Node {
    if (typeof query !== 'string') {
      const opts: Opts = { ...inherited, ...query, queries: undefined } as Opts;
      return this.branch(
        opts.combineWith,
        (query.queries as Tree[]).map((q) => this.compile(q, opts)),
      );
    }
    const g = this.ix._options;
    const opts: Opts = { tokenize: g.tokenize, processTerm: g.processTerm, ...g.searchOptions, ...inherited };
    const tokenize = opts.tokenize ?? g.tokenize;
    const process = opts.processTerm ?? g.processTerm;
    const terms = tokenize(query)
      .flatMap((t) => process(t))
      .filter((t): t is string => !!t);
    return this.branch(
      opts.combineWith,
      terms.map((term, i) => this.leaf(term, i, terms, opts)),
    );
  }

  private branch(combineWith: string | undefined, children: Node[], collapse = true): Node {
    const kind = (combineWith ?? 'or').toLowerCase() === 'and' ? 'and' : 'or';
    if (children.length === 1 && collapse) return children[0];
    // OR(OR(a, b), c) is OR(a, b, c) and AND(AND(a, b), c) is AND(a, b, c), for matches and scores alike.
    if (collapse) children = children.flatMap((c) => (c.kind === kind ? c.children : [c]));
    const costs = children.map((c) => c.cost);
    const cost = children.length === 0 ? 0 : kind === 'and' ? Math.min(...costs) : costs.reduce((a, b) => a + b, 0);
    return { kind, children, cost };
  }

  /** One processed term: its exact, prefix and fuzzy index terms (MiniSearch's executeQuerySpec). */
  private leaf(term: string, i: number, terms: string[], o: Opts): Leaf {
    const g = this.ix._options.searchOptions;
    const fuzzy = typeof o.fuzzy === 'function' ? o.fuzzy(term, i, terms) : (o.fuzzy ?? false);
    const prefix = typeof o.prefix === 'function' ? o.prefix(term, i, terms) : o.prefix === true;
    const termBoost = typeof o.boostTerm === 'function' ? o.boostTerm(term, i, terms) : 1;
    const weights = { fuzzy: 0.45, prefix: 0.375, ...g.weights, ...o.weights };
    const bm = o.bm25 ?? g.bm25 ?? { k: 1.2, b: 0.7, d: 0.5 };
    const fields = o.fields ?? this.ix._options.fields;
    const postings: Posting[] = [];
    const add = (derived: string, data: Postings | undefined, weight: number): void => {
      if (!data) return;
      for (const field of fields) {
        const fid = this.ix._fieldIds[field];
        const docs = data.get(fid);
        if (!docs) continue;
        const m = docs.size;
        const idf = Math.log(1 + (this.ix._documentCount - m + 0.5) / (m + 0.5));
        const fieldBoost = o.boost?.[field] || 1;
        const avg = this.ix._avgFieldLength[fid];
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
    add(term, this.ix._index.get(term), 1);
    let fuzzyMatches: Map<string, [Postings, number]> | undefined;
    if (fuzzy) {
      const f = fuzzy === true ? 0.2 : fuzzy;
      const max = f < 1 ? Math.min(o.maxFuzzy ?? g.maxFuzzy ?? 6, Math.round(term.length * f)) : f;
      if (max) fuzzyMatches = this.ix._index.fuzzyGet(term, max);
    }
    if (prefix) {
      for (const [t, data] of this.ix._index.atPrefix(term)) {
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

  // ------------------------------------------------------------ matching

  /** The documents matching `node`, among `within` when given (a subset of it, in no set order). */
  private match(node: Node, within: number[] | null): number[] {
    if (node.kind === 'leaf') return this.matchLeaf(node, within);
    if (node.kind === 'and') {
      if (node.children.length === 0) return [];
      let cur = within;
      for (const c of [...node.children].sort((a, b) => a.cost - b.cost)) {
        cur = this.match(c, cur);
        if (cur.length === 0) return cur;
      }
      return cur ?? [];
    }
    const parts = node.children.map((c) => this.match(c, within));
    if (parts.length === 1) return parts[0];
    const g = ++this.gen;
    const out: number[] = [];
    for (const p of parts)
      for (const d of p)
        if (this.seen[d] !== g) {
          this.seen[d] = g;
          out.push(d);
        }
    return out;
  }

  private matchLeaf(leaf: Leaf, within: number[] | null): number[] {
    const ps = leaf.postings;
    if (within && within.length * ps.length < leaf.cost) {
      return within.filter((d) => ps.some((p) => p.docs.has(d)));
    }
    const g = ++this.gen;
    if (within) for (const d of within) this.member[d] = g;
    const out: number[] = [];
    for (const p of ps)
      for (const d of p.docs.keys())
        if (this.seen[d] !== g && (!within || this.member[d] === g)) {
          this.seen[d] = g;
          out.push(d);
        }
    return out;
  }

  // ------------------------------------------------------------ scoring

  /**
   * Scores of `docs` (every one matches the root): a leaf counts for a document where every
   * AND above it holds and, under an OR, where its own branch matches (MiniSearch's combinators);
   * the sum is multiplied by the number of distinct query terms that counted (MiniSearch's quality).
   */
  private rank(root: Node, docs: number[], byChildren: boolean): Ranked {
    const count = docs.length;
    const rg = ++this.rankGen;
    docs.forEach((d, i) => {
      this.pos[d] = i;
      this.posStamp[d] = rg;
    });
    const at = (d: number): number => (this.posStamp[d] === rg ? this.pos[d] : -1);
    const flagsOf = (node: Node, on: Uint8Array | null): Uint8Array => {
      const f = new Uint8Array(count);
      for (const d of this.match(node, on ? docs.filter((_, i) => on[i]) : docs)) f[at(d)] = 1;
      return f;
    };
    const live: Live[] = [];
    const visit = (node: Node, on: Uint8Array | null): void => {
      if (node.kind === 'leaf') live.push({ leaf: node, on });
      else if (node.kind === 'and') for (const c of node.children) visit(c, on);
      // Under an OR a leaf counts only where it has postings anyway; a branch only where it matches.
      else for (const c of node.children) visit(c, c.kind === 'leaf' ? on : and(on, flagsOf(c, on)));
    };
    const rootChildren = root.kind === 'leaf' ? [root] : root.children;
    const childFlags = rootChildren.map((c) => (root.kind === 'or' ? flagsOf(c, null) : null));
    if (root.kind === 'or') rootChildren.forEach((c, j) => visit(c, c.kind === 'leaf' ? null : childFlags[j]));
    else visit(root, null);

    const score = new Float64Array(count);
    const quality = new Uint16Array(count);
    live.sort((x, y) => (x.leaf.source < y.leaf.source ? -1 : x.leaf.source > y.leaf.source ? 1 : 0));
    let source: string | null = null;
    let g = 0;
    for (const { leaf, on } of live) {
      if (leaf.source !== source) {
        source = leaf.source;
        g = ++this.gen;
      }
      const { k, b, d: dd } = leaf.bm;
      for (const p of leaf.postings) {
        const lens = this.lengths[p.field];
        const one = (tf: number, doc: number): void => {
          const i = at(doc);
          if (i < 0 || (on && !on[i])) return;
          const norm = tf + k * (1 - b + (b * lens[doc]) / p.avg);
          score[i] += p.factor * this.boost[doc] * (dd + (tf * (k + 1)) / norm);
          if (this.seen[doc] !== g) {
            this.seen[doc] = g;
            quality[i]++;
          }
        };
        if (p.docs.size < count) p.docs.forEach(one);
        else
          for (const doc of docs) {
            const tf = p.docs.get(doc);
            if (tf !== undefined) one(tf, doc);
          }
      }
    }
    for (let i = 0; i < count; i++) score[i] *= quality[i] || 1;

    // Positions are looked up again after later queries reused the scratch arrays: keep a map from here on.
    let byDoc: Map<number, number> | null = null;
    const index = (id: string): number => {
      byDoc ??= new Map(docs.map((d, i) => [d, i]));
      return byDoc.get(this.ix._idToShortId.get(id) ?? -1) ?? -1;
    };
    const matched = new Uint8Array(count);
    if (byChildren) for (const f of childFlags) if (f) for (let i = 0; i < count; i++) matched[i] += f[i];
    const before = (i: number, j: number): boolean =>
      matched[i] > matched[j] ||
      (matched[i] === matched[j] && (score[i] > score[j] || (score[i] === score[j] && docs[i] < docs[j])));
    const result = (i: number): SearchResult => this.result(docs[i], score[i], live, i);
    return {
      total: count,
      childMatched: rootChildren.map((_, j) => {
        const f = childFlags[j];
        return f === null ? count > 0 : f.includes(1);
      }),
      childrenOf: (id) => {
        const i = index(id);
        return i < 0 ? null : rootChildren.map((_, j) => childFlags[j]?.[i] !== 0);
      },
      top: (n) => topN(count, n, before).map(result),
      pick: (ids) =>
        ids
          .map(index)
          .filter((i) => i >= 0)
          .sort((i, j) => (before(i, j) ? -1 : 1))
          .map(result),
    };
  }

  /** A MiniSearch result for one document: its matched query terms, index terms and their fields. */
  private result(doc: number, score: number, live: Live[], i: number): SearchResult {
    const queryTerms: string[] = [];
    const match: Record<string, string[]> = {};
    for (const { leaf, on } of live) {
      if (on && !on[i]) continue;
      for (const p of leaf.postings) {
        if (!p.docs.has(doc)) continue;
        if (!queryTerms.includes(leaf.source)) queryTerms.push(leaf.source);
        const fields = (match[p.derived] ??= []);
        if (!fields.includes(p.fieldName)) fields.push(p.fieldName);
      }
    }
    const id = this.ix._documentIds.get(doc) as string;
    return { ...this.stored[doc], id, score, terms: Object.keys(match), queryTerms, match };
  }
}

function and(a: Uint8Array | null, b: Uint8Array): Uint8Array {
  if (a === null) return b;
  for (let i = 0; i < b.length; i++) b[i] &= a[i];
  return b;
}

/** Indices 0..count-1 of the first n by `before`, in order (a bounded insertion: n is a page or two). */
function topN(count: number, n: number, before: (i: number, j: number) => boolean): number[] {
  const out: number[] = [];
  if (n <= 0) return out;
  for (let i = 0; i < count; i++) {
    if (out.length === n && !before(i, out[n - 1])) continue;
    let at = out.length === n ? n - 1 : out.length;
    if (out.length < n) out.push(i);
    while (at > 0 && before(i, out[at - 1])) {
      out[at] = out[at - 1];
      at--;
    }
    out[at] = i;
  }
  return out;
}
