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
 * Constraints: scores and the result set are MiniSearch's (engine.test.ts
 * compares both on the real index); ties are broken by document order (the
 * build's order, i.e. reading order) where MiniSearch keeps merge order. The
 * trees are compiled (options resolved, terms expanded) by query-tree.ts.
 * `boostDocument` is asked once per document (the app's depends only on
 * stored fields, not on the term).
 */
import type { SearchOptions, SearchResult } from 'minisearch';
import type { HasInternals, Internals } from './owned-index';
import { branch, compile, type Leaf, type Node, type Opts, type Tree } from './query-tree';

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

  constructor(index: HasInternals) {
    this.ix = index.internals();
    this.n = this.ix.nextId;
    const fields = Object.values(this.ix.fieldIds);
    this.lengths = [];
    for (const f of fields) this.lengths[f] = new Float64Array(this.n);
    this.boost = new Float64Array(this.n);
    this.stored = new Array<Record<string, unknown>>(this.n);
    const boostDocument = this.ix.options.searchOptions.boostDocument;
    for (const [short, id] of this.ix.documentIds) {
      const lens = this.ix.fieldLength.get(short) ?? [];
      for (const f of fields) this.lengths[f][short] = lens[f] ?? 0;
      const stored = this.ix.storedFields.get(short) ?? {};
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
        ? compile(this.ix, query, options)
        : branch(
            query.combineWith ?? options.combineWith,
            (query.queries as Tree[]).map((q) =>
              compile(this.ix, q, { ...options, ...query, queries: undefined } as Opts),
            ),
            false,
          );
    let docs = this.match(root, null);
    if (filter) docs = docs.filter((d) => filter(this.stored[d]));
    return this.rank(root, docs, byChildren);
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
      return byDoc.get(this.ix.idToShortId.get(id) ?? -1) ?? -1;
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
    const id = this.ix.documentIds.get(doc) as string;
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
