/**
 * Start-up of the core: open the content database and load the stored index
 * (what the app does) against rebuilding the index from the database; cold
 * (a fresh child process per run, see startup-child.ts) and warm (repeated
 * in this process); the index's size on disk and in memory.
 *
 * Constraint: cold runs alternate the modes so neither always runs first
 * after a cache flush; the OS file cache is warm for both (dropping it needs
 * root and would measure the disk, not the app). The whole-core mode reuses
 * one data folder that already holds a user database, as on every start but
 * the first.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ContentStore } from '../../src/core/content/store';
import { buildIndex } from '../../src/core/search/documents';
import { indexOptions } from '../../src/core/search/options';
import { unpackIndex } from '../../src/core/search/packed-index';
import { SearchService } from '../../src/core/search/service';
import { openCore } from '../../src/core/open';
import { latencyRow, type BenchContext, type Row, type SectionOutcome } from './context';
import { modelFromStore } from './corpus';
import { fmtBytes, fmtMs, fmtRatio } from './format';
import type { ChildResult, StartMode } from './startup-child';
import { ratio, sampleMs, summarize, type Summary } from './stats';

const CHILD = join(dirname(fileURLToPath(import.meta.url)), 'startup-child.ts');
const MODES: readonly StartMode[] = ['ready', 'rebuild', 'core'];

export interface ColdFigures {
  runs: number;
  ready: Summary;
  store: Summary;
  index: Summary;
  imports: Summary;
  firstQuery: Summary | null;
  /** Spawn to exit, including Node and tsx start-up. */
  process: Summary;
  heapStoreBytes: number;
  heapIndexBytes: number;
}

export interface StartupData {
  cold: Record<StartMode, ColdFigures>;
  warm: { ready: Summary; rebuild: Summary; storeOpen: Summary; loadIndex: Summary; service: Summary };
  /** cold median ready / cold median rebuild. */
  readyOverRebuild: number;
  /** The stored (packed) index row. */
  indexBytes: number;
  vocabularyJsonBytes: number;
  contentDbBytes: number;
}

function runChild(mode: StartMode, dbPath: string, dataDir: string): { result: ChildResult; processMs: number } {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', CHILD, mode, dbPath, dataDir], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  const processMs = performance.now() - t0;
  if (run.status !== 0)
    throw new Error(`start-up child (${mode}) failed: ${(run.stderr || run.stdout).slice(0, 2000)}`);
  const line = run.stdout.trim().split('\n').pop() ?? '';
  return { result: JSON.parse(line) as ChildResult, processMs };
}

const median = (xs: number[]): number => summarize(xs).p50;

function withStore<T>(path: string, fn: (store: ContentStore) => T): T {
  const store = ContentStore.open(path);
  try {
    return fn(store);
  } finally {
    store.close();
  }
}

export function benchStartup(ctx: BenchContext): SectionOutcome<StartupData> {
  const runs = ctx.quick ? 2 : 6;
  const dataDir = mkdtempSync(join(tmpdir(), 'recollection-bench-start-'));
  try {
    // A user database made once, as on every start after the first.
    openCore({ contentDbPath: ctx.contentDbPath, dataDir }).close();
    const raw: Record<StartMode, Array<{ result: ChildResult; processMs: number }>> = {
      ready: [],
      rebuild: [],
      core: [],
    };
    for (let i = 0; i < runs; i++) {
      const order = i % 2 === 0 ? MODES : [...MODES].reverse();
      for (const mode of order) raw[mode].push(runChild(mode, ctx.contentDbPath, dataDir));
      ctx.log(`start-up: cold run ${i + 1}/${runs}`);
    }
    const cold = {} as Record<StartMode, ColdFigures>;
    for (const mode of MODES) {
      const rs = raw[mode].map((r) => r.result);
      const firsts = rs.map((r) => r.firstQueryMs).filter((x): x is number => x !== null);
      cold[mode] = {
        runs: rs.length,
        ready: summarize(rs.map((r) => r.readyMs)),
        store: summarize(rs.map((r) => r.storeMs)),
        index: summarize(rs.map((r) => r.indexMs)),
        imports: summarize(rs.map((r) => r.importMs)),
        firstQuery: firsts.length ? summarize(firsts) : null,
        process: summarize(raw[mode].map((r) => r.processMs)),
        heapStoreBytes: median(rs.map((r) => r.heapStoreBytes)),
        heapIndexBytes: median(rs.map((r) => r.heapIndexBytes)),
      };
    }

    const reps = ctx.quick ? 3 : 10;
    const packed = ctx.store.searchIndexData() as Buffer;
    const warm = {
      ready: summarize(sampleMs(() => withStore(ctx.contentDbPath, (s) => new SearchService(s)), reps, 1)),
      rebuild: summarize(sampleMs(() => withStore(ctx.contentDbPath, (s) => buildIndex(modelFromStore(s))), reps, 1)),
      storeOpen: summarize(sampleMs(() => ContentStore.open(ctx.contentDbPath).close(), reps, 1)),
      loadIndex: summarize(sampleMs(() => unpackIndex(packed, indexOptions()), reps, 1)),
      service: summarize(sampleMs(() => new SearchService(ctx.store), reps, 1)),
    };
    const data: StartupData = {
      cold,
      warm,
      readyOverRebuild: ratio(cold.ready.ready.p50, cold.rebuild.ready.p50),
      indexBytes: packed.length,
      vocabularyJsonBytes: Buffer.byteLength(JSON.stringify(ctx.store.searchVocabulary().all()), 'utf8'),
      contentDbBytes: statSync(ctx.contentDbPath).size,
    };
    return { title: '3. Core start-up', data, rows: rows(data), notes: notes(data) };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const lat = latencyRow;

function rows(d: StartupData): Row[] {
  const c = d.cold;
  return [
    lat(
      'cold: open DB + load stored index (ready)',
      c.ready.ready,
      `store ${fmtMs(c.ready.store.p50)} + index ${fmtMs(c.ready.index.p50)}`,
    ),
    lat(
      'cold: open DB + rebuild index',
      c.rebuild.ready,
      `store ${fmtMs(c.rebuild.store.p50)} + build ${fmtMs(c.rebuild.index.p50)}`,
    ),
    lat('cold: openCore (content + index + user DB)', c.core.ready),
    ...(c.ready.firstQuery ? [lat('cold: first search after ready', c.ready.firstQuery)] : []),
    lat('cold: module imports (tsx, inflated)', c.ready.imports),
    lat('cold: process spawn → exit (node + tsx)', c.ready.process),
    lat('warm: open DB + load stored index', d.warm.ready),
    lat('warm: open DB + rebuild index', d.warm.rebuild),
    lat('warm: ContentStore.open alone', d.warm.storeOpen),
    lat('warm: stored index unpacked alone', d.warm.loadIndex),
    lat('warm: new SearchService (load + vocabulary + jump)', d.warm.service),
    { label: 'ready / rebuild (cold medians)', value: fmtRatio(d.readyOverRebuild) },
    {
      label: 'index on disk (packed)',
      value: `${fmtBytes(d.indexBytes)} + vocabulary ${fmtBytes(d.vocabularyJsonBytes)}; content DB ${fmtBytes(d.contentDbBytes)}`,
    },
    {
      label: 'heap: content store / loaded index',
      value: `${fmtBytes(c.ready.heapStoreBytes)} / ${fmtBytes(c.ready.heapIndexBytes)} (rebuilt: ${fmtBytes(c.rebuild.heapIndexBytes)})`,
    },
  ];
}

function notes(d: StartupData): string[] {
  return [
    `cold = a fresh \`node --expose-gc --import tsx\` process per run, ${d.cold.ready.runs} runs per mode, modes alternated; OS file cache warm`,
    'heap figures: heapUsed after forced GC, median over cold runs',
  ];
}
