/**
 * One cold start of the core, in a fresh process (spawned by startup.ts with
 * `node --expose-gc --import tsx`): open the content database and then either
 * load the stored search index (what the app does), rebuild the index from
 * the database (the alternative), or open the whole core (content, index and
 * user database). Prints one JSON line with the timings and heap sizes.
 *
 * Constraint: the modules are imported dynamically after the clock starts,
 * so their load time is measured apart (it is inflated here by tsx compiling
 * TypeScript; the built app loads bundled JavaScript). Heap figures are taken
 * after a forced GC, so they count live objects only.
 */
export type StartMode = 'ready' | 'rebuild' | 'core';

export interface ChildResult {
  mode: StartMode;
  importMs: number;
  /** ContentStore.open: the tables read into memory. */
  storeMs: number;
  /** Loading the stored index (ready), rebuilding it (rebuild), or the rest of openCore (core). */
  indexMs: number;
  /** storeMs + indexMs: the core can answer. */
  readyMs: number;
  /** The first search after start (cold JIT), ready and core modes only. */
  firstQueryMs: number | null;
  heapStoreBytes: number;
  heapIndexBytes: number;
}

const gc = (): void => {
  const g = (globalThis as { gc?: () => void }).gc;
  if (!g) throw new Error('run with node --expose-gc');
  g();
  g();
};
const heap = (): number => {
  gc();
  return process.memoryUsage().heapUsed;
};

async function main(): Promise<void> {
  const [mode, dbPath, dataDir] = process.argv.slice(2) as [StartMode, string, string | undefined];
  const t0 = performance.now();
  const { ContentStore } = await import('../../src/core/content/store');
  const { SearchService } = await import('../../src/core/search/service');
  const { buildIndex } = await import('../../src/core/search/documents');
  const { openCore } = await import('../../src/core/open');
  const { modelFromStore } = await import('./corpus');
  const importMs = performance.now() - t0;
  const h0 = heap();

  let storeMs: number;
  let indexMs: number;
  let firstQueryMs: number | null = null;
  let hStore: number;
  let keep: unknown;
  if (mode === 'core') {
    if (!dataDir) throw new Error('core mode needs a data folder');
    const t1 = performance.now();
    const core = openCore({ contentDbPath: dbPath, dataDir });
    storeMs = 0;
    indexMs = performance.now() - t1;
    hStore = h0;
    const t2 = performance.now();
    await core.handlers['search.query']({ q: 'labour mobility' });
    firstQueryMs = performance.now() - t2;
    keep = core;
  } else {
    const t1 = performance.now();
    const store = ContentStore.open(dbPath);
    storeMs = performance.now() - t1;
    hStore = heap();
    const t2 = performance.now();
    if (mode === 'ready') {
      const service = new SearchService(store);
      indexMs = performance.now() - t2;
      const t3 = performance.now();
      service.query({ q: 'labour mobility' });
      firstQueryMs = performance.now() - t3;
      keep = service;
    } else {
      keep = buildIndex(modelFromStore(store));
      indexMs = performance.now() - t2;
    }
  }
  const hIndex = heap();
  const result: ChildResult = {
    mode,
    importMs,
    storeMs,
    indexMs,
    readyMs: storeMs + indexMs,
    firstQueryMs,
    heapStoreBytes: hStore - h0,
    heapIndexBytes: hIndex - hStore,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
  void keep;
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
