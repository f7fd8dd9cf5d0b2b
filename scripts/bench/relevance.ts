/**
 * Relevance on the judged query set: success@1, success@3 and mean
 * reciprocal rank (over the first page of 20) for the app, FTS5 and
 * MiniSearch with default options, side by side, overall and per class of
 * query (keyword, question, paraphrase, identifier, entity, misspelling),
 * with every miss of the app listed so it can be looked at; and the number of
 * "did you mean" suggestions the app makes on queries of real words (target 0).
 *
 * Constraint: the judged set names blocks by id; an id the document does not
 * have is an error (the set is stale), never a silent miss. FTS5 is run with
 * and without the porter stemmer, the app as configured.
 */
import { Fts5Search, MiniSearchDefaults } from './baselines';
import { delegateNotes, delegateRelevance, delegateRows, type DelegateRelevance } from './delegate-relevance';
import type { BenchContext, Row, SectionOutcome } from './context';
import { classOf, JUDGED_QUERIES, QUERY_CLASSES, type QueryClass } from './judged-queries';
import { firstRelevantRank, meanReciprocalRank, successAt } from './stats';

export type RankedEngine = 'app' | 'fts5' | 'fts5Plain' | 'minisearch';
const ENGINES: readonly RankedEngine[] = ['app', 'fts5', 'fts5Plain', 'minisearch'];

export interface EngineRelevance {
  successAt1: number;
  successAt3: number;
  mrr: number;
  /** Queries with no relevant result on the first page. */
  notFound: number;
}

export interface QueryOutcome {
  q: string;
  cls: QueryClass;
  relevant: readonly string[];
  /** 1-based rank of the first relevant hit per engine, null when absent from the first page. */
  rank: Record<RankedEngine, number | null>;
  /** The app's first three hits. */
  appTop3: string[];
  /** The app's "did you mean", if any. */
  didYouMean: string | null;
}

export interface RelevanceData {
  queries: number;
  pageSize: number;
  fts5Tokenizers: Record<'fts5' | 'fts5Plain', string>;
  engines: Record<RankedEngine, EngineRelevance>;
  byClass: Record<QueryClass, { queries: number } & Record<RankedEngine, EngineRelevance>>;
  /** Suggestions made on queries of real words (every class but misspelling, plus REAL_WORDS). */
  didYouMeanOnRealWords: { queries: number; suggestions: string[] };
  /** The delegates' queries (paraphrase, French, Spanish, pasted), tuning and held-out halves apart. */
  delegates: DelegateRelevance;
  perQuery: QueryOutcome[];
}

const PAGE = 20;

/** Queries of correct English the issue saw rewritten ("Sutherland" → "netherlands"). */
export const REAL_WORDS: readonly string[] = [
  'Sutherland',
  'remittance costs',
  'labour inspection',
  'brain drain',
  'deportation',
  'statelessness',
  'pushbacks',
  'climate refugees',
  'seasonal workers',
  'ppd 5424',
  'PfP 2623',
  'gfmd.org/pfp/ppd/468',
  'xylophone',
  'inception',
];

export function benchRelevance(ctx: BenchContext): SectionOutcome<RelevanceData> {
  const known = new Set(ctx.docs.map((d) => d.id));
  const stale = JUDGED_QUERIES.flatMap((j) => j.relevant.filter((id) => !known.has(id)).map((id) => `${j.q} → ${id}`));
  if (stale.length > 0)
    throw new Error(`judged-queries.ts names blocks the document does not have: ${stale.join('; ')}`);

  const porter = new Fts5Search(ctx.docs, { porter: true });
  const plain = new Fts5Search(ctx.docs, { porter: false });
  const mini = new MiniSearchDefaults(ctx.docs);
  const perQuery: QueryOutcome[] = JUDGED_QUERIES.map((j) => {
    const result = ctx.service.query({ q: j.q, limit: PAGE });
    const app = result.hits.map((h) => h.id);
    const rank = (ids: string[]): number | null => firstRelevantRank(ids, j.relevant);
    return {
      q: j.q,
      cls: classOf(j),
      relevant: j.relevant,
      rank: {
        app: rank(app),
        fts5: rank(porter.query(j.q, PAGE).hits.map((h) => h.id)),
        fts5Plain: rank(plain.query(j.q, PAGE).hits.map((h) => h.id)),
        minisearch: rank(mini.query(j.q, PAGE).hits.map((h) => h.id)),
      },
      appTop3: app.slice(0, 3),
      didYouMean: result.didYouMean,
    };
  });
  const delegates = delegateRelevance(ctx, porter);
  porter.close();
  plain.close();

  const measure = (e: RankedEngine, of: readonly QueryOutcome[]): EngineRelevance => {
    const ranks = of.map((p) => p.rank[e]);
    return {
      successAt1: successAt(ranks, 1),
      successAt3: successAt(ranks, 3),
      mrr: meanReciprocalRank(ranks),
      notFound: ranks.filter((r) => r === null).length,
    };
  };
  const all = (of: readonly QueryOutcome[]): Record<RankedEngine, EngineRelevance> =>
    Object.fromEntries(ENGINES.map((e) => [e, measure(e, of)])) as Record<RankedEngine, EngineRelevance>;
  const byClass = Object.fromEntries(
    QUERY_CLASSES.map((c) => {
      const of = perQuery.filter((p) => p.cls === c);
      return [c, { queries: of.length, ...all(of) }];
    }),
  ) as RelevanceData['byClass'];
  const realWordQueries = [...perQuery.filter((p) => p.cls !== 'misspelling').map((p) => p.q), ...REAL_WORDS];
  const suggestions = realWordQueries.flatMap((q) => {
    const dym = ctx.service.query({ q, limit: 1 }).didYouMean;
    return dym === null ? [] : [`"${q}" → "${dym}"`];
  });
  const data: RelevanceData = {
    queries: perQuery.length,
    pageSize: PAGE,
    fts5Tokenizers: { fts5: porter.tokenizer, fts5Plain: plain.tokenizer },
    engines: all(perQuery),
    byClass,
    didYouMeanOnRealWords: { queries: realWordQueries.length, suggestions },
    delegates,
    perQuery,
  };
  return {
    title: '2. Relevance (judged queries)',
    data,
    rows: rows(data, porter.tokenizer, plain.tokenizer),
    notes: notes(data),
  };
}

function line(r: EngineRelevance): string {
  return `s@1 ${r.successAt1.toFixed(3)}  s@3 ${r.successAt3.toFixed(3)}  MRR ${r.mrr.toFixed(3)}  not found ${r.notFound}`;
}

function rows(d: RelevanceData, porter: string, plain: string): Row[] {
  const names: Record<RankedEngine, string> = {
    app: 'app',
    fts5: `FTS5 (${porter})`,
    fts5Plain: `FTS5 (${plain})`,
    minisearch: 'MiniSearch (default options)',
  };
  const out: Row[] = ENGINES.map((e) => ({ label: names[e], value: line(d.engines[e]) }));
  for (const c of QUERY_CLASSES) {
    const k = d.byClass[c];
    out.push({
      label: `${c} (${k.queries}): app / FTS5 / MiniSearch s@3`,
      value: `${k.app.successAt3.toFixed(3)} / ${k.fts5.successAt3.toFixed(3)} / ${k.minisearch.successAt3.toFixed(3)}  (app s@1 ${k.app.successAt1.toFixed(3)})`,
    });
  }
  out.push({
    label: `did-you-mean on real-word queries (${d.didYouMeanOnRealWords.queries})`,
    value: String(d.didYouMeanOnRealWords.suggestions.length),
  });
  out.push(...delegateRows(d.delegates));
  return out;
}

function notes(d: RelevanceData): string[] {
  const misses = d.perQuery.filter((p) => p.rank.app === null || p.rank.app > 3);
  const second = d.perQuery.filter((p) => p.rank.app !== null && p.rank.app > 1 && p.rank.app <= 3);
  const ftsMisses = d.perQuery.filter((p) => p.rank.fts5 === null || p.rank.fts5 > 3);
  return [
    `${d.queries} judged queries (scripts/bench/judged-queries.ts), first page of ${d.pageSize}`,
    ...misses.map(
      (m) =>
        `app miss@3 [${m.cls}]: "${m.q}" wants ${m.relevant.join('|')}, rank ${m.rank.app ?? '—'} (FTS5 ${m.rank.fts5 ?? '—'}); top 3: ${m.appTop3.join(', ') || 'nothing'}`,
    ),
    ...second.map(
      (m) =>
        `app rank ${m.rank.app} [${m.cls}]: "${m.q}" wants ${m.relevant.join('|')}; top 3: ${m.appTop3.join(', ')}`,
    ),
    `FTS5 (porter) misses@3: ${ftsMisses.length}`,
    ...d.didYouMeanOnRealWords.suggestions.map((s) => `did-you-mean on a real-word query: ${s}`),
    ...delegateNotes(d.delegates),
  ];
}
