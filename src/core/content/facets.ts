/**
 * Cross-reference facets: SDG targets, Sutherland recommendations, Platform
 * for Partnerships ids and actors, each with the blocks and footnotes that
 * mention it.
 *
 * Constraint: computed once from the cross_refs rows at open; the order is
 * stable (type, then natural key order: 3.c < 10.7 < 10.c < 17.18).
 */
import type { Facet } from '../../shared/contract/types';
import type { CrossRef, CrossRefType } from '../../shared/model';

const TYPE_ORDER: readonly CrossRefType[] = ['sdg', 'sutherland', 'pfp', 'actor'];

/** Natural order: digit runs compare as numbers, the rest case-insensitively. */
export function naturalCompare(a: string, b: string): number {
  const re = /(\d+)|(\D+)/g;
  const pa = a.toLowerCase().match(re) ?? [];
  const pb = b.toLowerCase().match(re) ?? [];
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    const nx = /^\d/.test(x);
    const ny = /^\d/.test(y);
    if (nx && ny) {
      const d = Number(x) - Number(y);
      if (d !== 0) return d;
    } else if (nx !== ny) {
      return nx ? -1 : 1;
    } else if (x !== y) {
      return x < y ? -1 : 1;
    }
  }
  if (pa.length !== pb.length) return pa.length - pb.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

export interface FacetEntry {
  facet: Facet;
  /** Block ids and footnote ids (`fn.N`) that mention it. */
  sources: string[];
}

export function facetKey(type: string, key: string): string {
  return `${type}\u0000${key}`;
}

/**
 * Groups cross-references into facets. `seqOf` gives a source's reading
 * position (blocks by seq, footnotes after the block that first cites them),
 * used to pick the display text of the first mention.
 */
export function buildFacets(refs: readonly CrossRef[], seqOf: (sourceId: string) => number): FacetEntry[] {
  const byKey = new Map<
    string,
    { type: CrossRefType; key: string; display: string; first: number; sources: Set<string> }
  >();
  for (const r of refs) {
    const k = facetKey(r.type, r.key);
    const seq = seqOf(r.sourceId);
    const entry = byKey.get(k);
    if (!entry) {
      byKey.set(k, { type: r.type, key: r.key, display: r.display, first: seq, sources: new Set([r.sourceId]) });
    } else {
      entry.sources.add(r.sourceId);
      if (seq < entry.first) {
        entry.first = seq;
        entry.display = r.display;
      }
    }
  }
  const out: FacetEntry[] = [...byKey.values()].map((e) => ({
    facet: { type: e.type, key: e.key, display: e.display, count: e.sources.size },
    sources: [...e.sources].sort((a, b) => seqOf(a) - seqOf(b) || (a < b ? -1 : a > b ? 1 : 0)),
  }));
  out.sort(
    (a, b) =>
      TYPE_ORDER.indexOf(a.facet.type) - TYPE_ORDER.indexOf(b.facet.type) || naturalCompare(a.facet.key, b.facet.key),
  );
  return out;
}
