/**
 * Relevance on the delegates' queries (delegate-queries.ts): success@1,
 * success@3 and MRR of the app and of FTS5 (porter), per class and per half
 * (tuning / held-out) reported apart, every held-out miss listed, and the
 * "did you mean" suggestions made on the French and Spanish queries (correct
 * words of those languages: target 0).
 *
 * Constraint: the halves are fixed in the query file; this module only reads
 * them, so a result can never be moved from one half to the other here.
 */
import type { Fts5Search } from './baselines';
import type { BenchContext, Row } from './context';
import { DELEGATE_CLASSES, DELEGATE_QUERIES, type DelegateClass, type Half } from './delegate-queries';
import { firstRelevantRank, meanReciprocalRank, successAt } from './stats';

export interface DelegateFigures {
  queries: number;
  successAt1: number;
  successAt3: number;
  mrr: number;
  fts5SuccessAt3: number;
}

export interface DelegateRelevance {
  /** Per class, per half. */
  byClass: Record<DelegateClass, Record<Half, DelegateFigures>>;
  /** Over every class, per half. */
  overall: Record<Half, DelegateFigures>;
  /** "did you mean" offered on French and Spanish queries. */
  didYouMean: string[];
  misses: string[];
}

const PAGE = 20;

export function delegateRelevance(ctx: BenchContext, porter: Fts5Search): DelegateRelevance {
  const known = new Set(ctx.docs.map((d) => d.id));
  const stale = DELEGATE_QUERIES.flatMap((j) =>
    j.relevant.filter((id) => !known.has(id)).map((id) => `${j.q} → ${id}`),
  );
  if (stale.length > 0)
    throw new Error(`delegate-queries.ts names blocks the document does not have: ${stale.join('; ')}`);
  const didYouMean: string[] = [];
  const misses: string[] = [];
  const outcomes = DELEGATE_QUERIES.map((j) => {
    const result = ctx.service.query({ q: j.q, limit: PAGE });
    const ids = result.hits.map((h) => h.id);
    const app = firstRelevantRank(ids, j.relevant);
    const fts5 = firstRelevantRank(
      porter.query(j.q, PAGE).hits.map((h) => h.id),
      j.relevant,
    );
    if ((j.cls === 'french' || j.cls === 'spanish') && result.didYouMean !== null)
      didYouMean.push(`"${j.q}" → "${result.didYouMean}"`);
    if (app === null || app > 3)
      misses.push(
        `miss@3 [${j.cls}, ${j.half}]: "${j.q}" wants ${j.relevant.join('|')}, rank ${app ?? '—'}; top 3: ${ids.slice(0, 3).join(', ') || 'nothing'}`,
      );
    return { ...j, app, fts5 };
  });
  const figures = (of: typeof outcomes): DelegateFigures => {
    const ranks = of.map((o) => o.app);
    return {
      queries: of.length,
      successAt1: successAt(ranks, 1),
      successAt3: successAt(ranks, 3),
      mrr: meanReciprocalRank(ranks),
      fts5SuccessAt3: successAt(
        of.map((o) => o.fts5),
        3,
      ),
    };
  };
  const halves = (of: typeof outcomes): Record<Half, DelegateFigures> => ({
    tune: figures(of.filter((o) => o.half === 'tune')),
    held: figures(of.filter((o) => o.half === 'held')),
  });
  const byClass = Object.fromEntries(
    DELEGATE_CLASSES.map((c) => [c, halves(outcomes.filter((o) => o.cls === c))]),
  ) as DelegateRelevance['byClass'];
  return { byClass, overall: halves(outcomes), didYouMean, misses };
}

const cell = (f: DelegateFigures): string =>
  `s@1 ${f.successAt1.toFixed(3)}  s@3 ${f.successAt3.toFixed(3)}  MRR ${f.mrr.toFixed(3)}  (FTS5 s@3 ${f.fts5SuccessAt3.toFixed(3)})`;

export function delegateRows(d: DelegateRelevance): Row[] {
  const out: Row[] = [];
  for (const half of ['held', 'tune'] as const) {
    out.push({ label: `delegates, ${half} half (${d.overall[half].queries})`, value: cell(d.overall[half]) });
    for (const c of DELEGATE_CLASSES)
      out.push({ label: `  ${c}, ${half} (${d.byClass[c][half].queries})`, value: cell(d.byClass[c][half]) });
  }
  out.push({ label: 'did-you-mean on French and Spanish queries', value: String(d.didYouMean.length) });
  return out;
}

export function delegateNotes(d: DelegateRelevance): string[] {
  return [
    `${DELEGATE_QUERIES.length} delegate queries (scripts/bench/delegate-queries.ts): tuning and held-out halves fixed in the file`,
    ...d.misses,
    ...d.didYouMean.map((s) => `did-you-mean on a French or Spanish query: ${s}`),
  ];
}
