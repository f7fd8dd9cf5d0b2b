/**
 * Growth with corpus size: the real document (1×) and synthetic corpora of
 * 10× and 100× (synthetic.ts) go through the real content build into a temp
 * folder; then build time, index size, load time (the packed index unpacked alone,
 * and the whole open: store + search service), and search latency of the app
 * over the query set and its keystrokes, with FTS5 and the scan alongside.
 *
 * Constraint: every corpus uses the same query set and the same code path as
 * the app; --quick stops at 10×. Latency at 100× is one timed pass (after a
 * warm-up over a quarter of the items) to keep the whole run near ten minutes.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildContentDb } from '../../src/core/content-build/build';
import { readThesaurus } from '../../src/core/content-build/ensure';
import { ContentStore } from '../../src/core/content/store';
import { indexDocuments } from '../../src/core/search/documents';
import { indexOptions } from '../../src/core/search/options';
import { unpackIndex } from '../../src/core/search/packed-index';
import { SearchService } from '../../src/core/search/service';
import { Fts5Search, ScanSearch } from './baselines';
import type { BenchContext, Row, SectionOutcome } from './context';
import { modelFromStore } from './corpus';
import { fmtBytes, fmtMs, fmtRatio } from './format';
import { allKeystrokes, LATENCY_QUERIES } from './queries';
import { nowMs, summarize, timeMs, type Summary } from './stats';
import { syntheticModel } from './synthetic';

export interface ScalePoint {
  factor: number;
  blocks: number;
  indexedDocuments: number;
  /** Terms in the vocabulary. */
  terms: number;
  buildMs: number;
  dbBytes: number;
  /** The stored (packed) index row. */
  indexBytes: number;
  loadIndex: Summary;
  /** ContentStore.open + new SearchService. */
  open: Summary;
  app: { full: Summary; keystrokes: Summary; all: Summary };
  fts5: Summary;
  scan: Summary;
}

export interface ScaleData {
  points: ScalePoint[];
}

function measurePoint(ctx: BenchContext, factor: number, dir: string): ScalePoint {
  const model = syntheticModel(modelFromStore(ctx.store), factor);
  const outPath = join(dir, `corpus-${factor}x.db`);
  const t0 = performance.now();
  const report = buildContentDb(model, {
    sourceSha256: 'synthetic',
    buildId: `synthetic-${factor}x`,
    outPath,
    thesaurus: readThesaurus(),
  });
  const buildMs = performance.now() - t0;
  ctx.log(`scale ${factor}×: built in ${(buildMs / 1000).toFixed(1)} s`);
  const reps = factor >= 100 ? 2 : 4;

  // Opened `reps` times (the last one is kept for the searches): store + service, as the app opens.
  const open: number[] = [];
  let opened: ContentStore | null = null;
  let svc: SearchService | null = null;
  for (let r = 0; r < reps; r++) {
    opened?.close();
    const t = nowMs();
    opened = ContentStore.open(outPath);
    svc = new SearchService(opened);
    open.push(nowMs() - t);
  }
  if (opened === null || svc === null) throw new Error('the corpus was never opened');
  const s = opened;
  const service = svc;
  try {
    const packed = s.searchIndexData() as Buffer;
    const loadIndex = summarize(Array.from({ length: reps }, () => timeMs(() => unpackIndex(packed, indexOptions()))));
    const terms = s.searchVocabulary().terms().length;

    const docs = indexDocuments(model);
    const fts = new Fts5Search(docs, { porter: true });
    const scan = new ScanSearch(docs);
    const full = LATENCY_QUERIES.map((x) => x.q);
    const keys = allKeystrokes(LATENCY_QUERIES).map((x) => x.q);
    const rounds = factor >= 100 ? 1 : 2;
    for (const q of [...full, ...keys].filter((_, i) => i % 4 === 0)) {
      service.query({ q, limit: 20 });
      fts.query(q, 20);
      scan.query(q, 20);
    }
    // The engines take turns on each item (the order rotating), so a busy moment of a shared machine
    // falls on all of them alike: their ratio is what the run can say.
    type Engine = 'app' | 'fts5' | 'scan';
    const runs: Record<Engine, (q: string) => unknown> = {
      app: (q) => service.query({ q, limit: 20 }),
      fts5: (q) => fts.query(q, 20),
      scan: (q) => scan.query(q, 20),
    };
    const order: Engine[] = ['app', 'fts5', 'scan'];
    const time = (qs: string[]): Record<Engine, number[]> => {
      const out: Record<Engine, number[]> = { app: [], fts5: [], scan: [] };
      for (let r = 0; r < rounds; r++)
        qs.forEach((q, i) => {
          for (let k = 0; k < order.length; k++) {
            const e = order[(i + r + k) % order.length];
            out[e].push(timeMs(() => runs[e](q)));
          }
        });
      return out;
    };
    const onFull = time(full);
    const onKeys = time(keys);
    const appFull = onFull.app;
    const appKeys = onKeys.app;
    ctx.log(`scale ${factor}×: searched`);
    const point: ScalePoint = {
      factor,
      blocks: model.blocks.length,
      indexedDocuments: report.counts.indexedDocuments,
      terms,
      buildMs,
      dbBytes: report.bytes,
      indexBytes: packed.length,
      loadIndex,
      open: summarize(open),
      app: { full: summarize(appFull), keystrokes: summarize(appKeys), all: summarize([...appFull, ...appKeys]) },
      fts5: summarize([...onFull.fts5, ...onKeys.fts5]),
      scan: summarize([...onFull.scan, ...onKeys.scan]),
    };
    fts.close();
    return point;
  } finally {
    s.close();
  }
}

export async function benchScale(ctx: BenchContext): Promise<SectionOutcome<ScaleData>> {
  const factors = ctx.quick ? [1, 10] : [1, 10, 100];
  const dir = mkdtempSync(join(tmpdir(), 'recollection-bench-scale-'));
  const points: ScalePoint[] = [];
  try {
    for (const f of factors) {
      points.push(measurePoint(ctx, f, dir));
      await new Promise((resolve) => setImmediate(resolve)); // let the progress lines out
      rmSync(join(dir, `corpus-${f}x.db`), { force: true });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const rows: Row[] = points.flatMap((p) => [
    {
      label: `${p.factor}×: ${p.indexedDocuments.toLocaleString('en')} docs, ${p.terms.toLocaleString('en')} terms`,
      value: `build ${fmtMs(p.buildMs)} ms; index ${fmtBytes(p.indexBytes)} (DB ${fmtBytes(p.dbBytes)}); unpack p50 ${fmtMs(p.loadIndex.p50)} ms; open p50 ${fmtMs(p.open.p50)} ms`,
    },
    { label: `  app search, all`, n: p.app.all.n, p50: p.app.all.p50, p95: p.app.all.p95, p99: p.app.all.p99 },
    {
      label: `  app search, full queries`,
      n: p.app.full.n,
      p50: p.app.full.p50,
      p95: p.app.full.p95,
      p99: p.app.full.p99,
    },
    {
      label: `  app search, keystroke prefixes`,
      n: p.app.keystrokes.n,
      p50: p.app.keystrokes.p50,
      p95: p.app.keystrokes.p95,
      p99: p.app.keystrokes.p99,
    },
    {
      label: `  FTS5, all`,
      n: p.fts5.n,
      p50: p.fts5.p50,
      p95: p.fts5.p95,
      p99: p.fts5.p99,
      value: `app/FTS5 p50 ${fmtRatio(p.app.all.p50 / p.fts5.p50)}, p95 ${fmtRatio(p.app.all.p95 / p.fts5.p95)}`,
    },
    { label: `  scan, all`, n: p.scan.n, p50: p.scan.p50, p95: p.scan.p95, p99: p.scan.p99 },
  ]);
  return {
    title: '7. Scale (synthetic corpora; latency in ms)',
    data: { points },
    rows,
    notes: [
      'copies of the document with 30% of words substituted from its vocabulary and 2% new words (seeded); built by the real content build',
    ],
  };
}
