/**
 * Relevance on the judged query set: success@1, success@3 and mean
 * reciprocal rank (over the first page of 20) for the app and for FTS5,
 * side by side, with every miss of the app listed so it can be looked at.
 *
 * Constraint: the judged set names blocks by id; an id the document does not
 * have is an error (the set is stale), never a silent miss. FTS5 is run with
 * and without the porter stemmer, the app as configured.
 */
import { Fts5Search } from './baselines';
import type { BenchContext, Row, SectionOutcome } from './context';
import { JUDGED_QUERIES } from './judged-queries';
import { firstRelevantRank, meanReciprocalRank, successAt } from './stats';

export type RankedEngine = 'app' | 'fts5' | 'fts5Plain';

export interface EngineRelevance {
  successAt1: number;
  successAt3: number;
  mrr: number;
  /** Queries with no relevant result on the first page. */
  notFound: number;
}

export interface QueryOutcome {
  q: string;
  relevant: readonly string[];
  /** 1-based rank of the first relevant hit per engine, null when absent from the first page. */
  rank: Record<RankedEngine, number | null>;
  /** The app's first three hits. */
  appTop3: string[];
}

export interface RelevanceData {
  queries: number;
  pageSize: number;
  fts5Tokenizers: Record<'fts5' | 'fts5Plain', string>;
  engines: Record<RankedEngine, EngineRelevance>;
  perQuery: QueryOutcome[];
}

const PAGE = 20;

export function benchRelevance(ctx: BenchContext): SectionOutcome<RelevanceData> {
  const known = new Set(ctx.docs.map((d) => d.id));
  const stale = JUDGED_QUERIES.flatMap((j) => j.relevant.filter((id) => !known.has(id)).map((id) => `${j.q} → ${id}`));
  if (stale.length > 0)
    throw new Error(`judged-queries.ts names blocks the document does not have: ${stale.join('; ')}`);

  const porter = new Fts5Search(ctx.docs, { porter: true });
  const plain = new Fts5Search(ctx.docs, { porter: false });
  const perQuery: QueryOutcome[] = JUDGED_QUERIES.map((j) => {
    const app = ctx.service.query({ q: j.q, limit: PAGE }).hits.map((h) => h.id);
    return {
      q: j.q,
      relevant: j.relevant,
      rank: {
        app: firstRelevantRank(app, j.relevant),
        fts5: firstRelevantRank(
          porter.query(j.q, PAGE).hits.map((h) => h.id),
          j.relevant,
        ),
        fts5Plain: firstRelevantRank(
          plain.query(j.q, PAGE).hits.map((h) => h.id),
          j.relevant,
        ),
      },
      appTop3: app.slice(0, 3),
    };
  });
  porter.close();
  plain.close();

  const measure = (e: RankedEngine): EngineRelevance => {
    const ranks = perQuery.map((p) => p.rank[e]);
    return {
      successAt1: successAt(ranks, 1),
      successAt3: successAt(ranks, 3),
      mrr: meanReciprocalRank(ranks),
      notFound: ranks.filter((r) => r === null).length,
    };
  };
  const data: RelevanceData = {
    queries: perQuery.length,
    pageSize: PAGE,
    fts5Tokenizers: { fts5: porter.tokenizer, fts5Plain: plain.tokenizer },
    engines: { app: measure('app'), fts5: measure('fts5'), fts5Plain: measure('fts5Plain') },
    perQuery,
  };

  const names: Record<RankedEngine, string> = {
    app: 'app',
    fts5: `FTS5 (${porter.tokenizer})`,
    fts5Plain: `FTS5 (${plain.tokenizer})`,
  };
  const rows: Row[] = (Object.keys(names) as RankedEngine[]).map((e) => ({
    label: names[e],
    value: `success@1 ${data.engines[e].successAt1.toFixed(3)}  success@3 ${data.engines[e].successAt3.toFixed(3)}  MRR ${data.engines[e].mrr.toFixed(3)}  not found ${data.engines[e].notFound}`,
  }));
  const misses = perQuery.filter((p) => p.rank.app === null || p.rank.app > 3);
  const ftsMisses = perQuery.filter((p) => p.rank.fts5 === null || p.rank.fts5 > 3);
  const notes = [
    `${data.queries} judged queries (scripts/bench/judged-queries.ts), first page of ${PAGE}`,
    ...misses.map(
      (m) =>
        `app miss@3: "${m.q}" wants ${m.relevant.join('|')}, rank ${m.rank.app ?? '—'} (FTS5 ${m.rank.fts5 ?? '—'}); top 3: ${m.appTop3.join(', ') || 'nothing'}`,
    ),
    `FTS5 (porter) misses@3: ${ftsMisses.map((m) => `"${m.q}" (rank ${m.rank.fts5 ?? '—'})`).join(', ') || 'none'}`,
  ];
  return { title: '2. Relevance (judged queries)', data, rows, notes };
}
