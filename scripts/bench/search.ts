/**
 * Search latency: the fixed query set and every keystroke prefix of it, run
 * in one process against (a) the app's search service as configured (ranked
 * first page of 20 with snippets), (b) SQLite FTS5 and (c) the plain scan.
 * Also the work the search overlay really asks for per keystroke (a page of
 * 30 plus 5 suggestions).
 *
 * Constraint: the three engines are timed on the same item back to back, in
 * an order that rotates from one item to the next, so a GC pause or a CPU
 * frequency change cannot favour one engine; every engine gets one untimed
 * warm-up pass first.
 */
import { Fts5Search, ScanSearch } from './baselines';
import { latencyRow, type BenchContext, type Row, type SectionOutcome } from './context';
import { allKeystrokes, LATENCY_QUERIES, type BenchQuery, type QueryKind } from './queries';
import { fmtMs as fmt, fmtRatio as x } from './format';
import { ratio, summarize, timeMs, type Summary } from './stats';

export type Engine = 'app' | 'fts5' | 'scan';
const ENGINES: readonly Engine[] = ['app', 'fts5', 'scan'];

export interface EngineTimes {
  /** Whole queries as typed. */
  full: Summary;
  /** Every prefix while typing. */
  keystrokes: Summary;
  /** Both together: what the target is judged on. */
  all: Summary;
}

export interface SearchData {
  queries: number;
  keystrokes: number;
  rounds: number;
  fts5Tokenizer: string;
  engines: Record<Engine, EngineTimes>;
  /** Full queries by kind of query, per engine. */
  byKind: Record<QueryKind, Record<Engine, Summary>>;
  ratios: {
    appOverFts5: { p50: number; p95: number; p99: number };
    appOverScan: { p50: number; p95: number; p99: number };
  };
  /** search.query (30) + search.suggest (5), per keystroke prefix and full query: the overlay's work. */
  overlay: Summary;
  /** The items on which the app is slowest (median over rounds). */
  slowest: Array<{ q: string; ms: number; total: number }>;
}

interface Item extends BenchQuery {
  full: boolean;
}

export async function benchSearch(ctx: BenchContext): Promise<SectionOutcome<SearchData>> {
  const fts = new Fts5Search(ctx.docs, { porter: true });
  const scan = new ScanSearch(ctx.docs);
  const run: Record<Engine, (q: string) => unknown> = {
    app: (q) => ctx.service.query({ q, limit: 20 }),
    fts5: (q) => fts.query(q, 20),
    scan: (q) => scan.query(q, 20),
  };
  const items: Item[] = [
    ...LATENCY_QUERIES.map((x) => ({ ...x, full: true })),
    ...allKeystrokes(LATENCY_QUERIES).map((x) => ({ ...x, full: false })),
  ];
  const rounds = ctx.quick ? 1 : 4;
  ctx.log(
    `search: ${LATENCY_QUERIES.length} queries + ${items.length - LATENCY_QUERIES.length} keystrokes, ${rounds} round(s)`,
  );

  const warm = ctx.quick ? items.filter((_, i) => i % 4 === 0) : items;
  for (const it of warm) for (const e of ENGINES) run[e](it.q);

  const times: Record<Engine, number[][]> = { app: [], fts5: [], scan: [] };
  for (const e of ENGINES) times[e] = items.map(() => []);
  for (let r = 0; r < rounds; r++) {
    items.forEach((it, i) => {
      for (let k = 0; k < ENGINES.length; k++) {
        const e = ENGINES[(i + r + k) % ENGINES.length];
        times[e][i].push(timeMs(() => run[e](it.q)));
      }
    });
    await new Promise((resolve) => setImmediate(resolve)); // let pending I/O (progress lines) out between rounds
  }

  const pick = (e: Engine, f: (it: Item) => boolean): number[] => items.flatMap((it, i) => (f(it) ? times[e][i] : []));
  const engines = {} as Record<Engine, EngineTimes>;
  for (const e of ENGINES) {
    engines[e] = {
      full: summarize(pick(e, (it) => it.full)),
      keystrokes: summarize(pick(e, (it) => !it.full)),
      all: summarize(pick(e, () => true)),
    };
  }
  const kinds = [...new Set(LATENCY_QUERIES.map((x) => x.kind))];
  const byKind = {} as Record<QueryKind, Record<Engine, Summary>>;
  for (const kind of kinds) {
    byKind[kind] = {} as Record<Engine, Summary>;
    for (const e of ENGINES) byKind[kind][e] = summarize(pick(e, (it) => it.full && it.kind === kind));
  }
  const a = engines.app.all;
  const ratios = {
    appOverFts5: {
      p50: ratio(a.p50, engines.fts5.all.p50),
      p95: ratio(a.p95, engines.fts5.all.p95),
      p99: ratio(a.p99, engines.fts5.all.p99),
    },
    appOverScan: {
      p50: ratio(a.p50, engines.scan.all.p50),
      p95: ratio(a.p95, engines.scan.all.p95),
      p99: ratio(a.p99, engines.scan.all.p99),
    },
  };

  // The overlay's real per-keystroke work: one pass (after the warm-up above).
  const overlay = summarize(
    items.map((it) =>
      timeMs(() => {
        ctx.service.query({ q: it.q, limit: 30 });
        ctx.service.suggest(it.q, 5);
      }),
    ),
  );

  const median = (xs: number[]): number => summarize(xs).p50;
  const slowest = items
    .map((it, i) => ({ q: it.q, ms: median(times.app[i]) }))
    .sort((x, y) => y.ms - x.ms)
    .slice(0, 8)
    .map((s) => ({ ...s, total: ctx.service.query({ q: s.q, limit: 1 }).total }));
  fts.close();

  const data: SearchData = {
    queries: LATENCY_QUERIES.length,
    keystrokes: items.length - LATENCY_QUERIES.length,
    rounds,
    fts5Tokenizer: fts.tokenizer,
    engines,
    byKind,
    ratios,
    overlay,
    slowest,
  };
  return { title: '1. Search latency (ms)', data, rows: rows(data), notes: notes(data) };
}

const lat = latencyRow;

function rows(d: SearchData): Row[] {
  const out: Row[] = [];
  const names: Record<Engine, string> = {
    app: 'app (MiniSearch + snippets)',
    fts5: 'FTS5 (bm25 + snippet)',
    scan: 'scan (includes)',
  };
  for (const e of ENGINES) {
    out.push(lat(`${names[e]}: all`, d.engines[e].all));
    out.push(lat(`  full queries`, d.engines[e].full));
    out.push(lat(`  keystroke prefixes`, d.engines[e].keystrokes));
  }
  for (const [kind, per] of Object.entries(d.byKind)) {
    out.push({
      label: `by kind: ${kind} (app / FTS5 / scan p95)`,
      value: `${fmt(per.app.p95)} / ${fmt(per.fts5.p95)} / ${fmt(per.scan.p95)} ms`,
    });
  }
  out.push(lat('overlay keystroke: query(30) + suggest(5)', d.overlay));
  out.push({
    label: 'app / FTS5 (p50, p95, p99)',
    value: `${x(d.ratios.appOverFts5.p50)} ${x(d.ratios.appOverFts5.p95)} ${x(d.ratios.appOverFts5.p99)}`,
  });
  out.push({
    label: 'app / scan (p50, p95, p99)',
    value: `${x(d.ratios.appOverScan.p50)} ${x(d.ratios.appOverScan.p95)} ${x(d.ratios.appOverScan.p99)}`,
  });
  return out;
}

function notes(d: SearchData): string[] {
  return [
    `${d.queries} queries + ${d.keystrokes} keystroke prefixes × ${d.rounds} round(s); FTS5 tokenizer: ${d.fts5Tokenizer}, prefix indexes 2 and 3`,
    `slowest for the app (median ms, hits): ${d.slowest.map((s) => `"${s.q}" ${fmt(s.ms)} (${s.total})`).join(', ')}`,
  ];
}
