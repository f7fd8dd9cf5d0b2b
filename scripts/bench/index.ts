/**
 * npm run bench — the performance benchmarks: search latency against FTS5
 * and a scan, relevance, core start-up, the command line's start-up as a
 * whole process, IPC-shaped payloads, the user database, notes under lock, a
 * folder of many notes, growth with corpus size, and the renderer.
 *
 * Usage: npm run bench [-- --quick] [-- --json [file]] [-- --only search,relevance]
 *   --quick   fewer repetitions, no 100× corpus, no renderer, 20,000 heavy notes (a smoke run)
 *   --json    also write the figures as JSON (default file build/bench/latest.json)
 *   --only    run only the named sections
 *
 * Constraint: prints progress to stderr and the figures to stdout; targets
 * are reported as PASS/MISS and never change the exit code. Only a broken
 * benchmark (an exception) exits 1. See docs/performance.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { CONTENT_DB_PATH, ensureContent, REPO_ROOT } from '../../src/core/content-build/ensure';
import { ContentStore } from '../../src/core/content/store';
import { SearchService } from '../../src/core/search/service';
import { benchCli } from './cli';
import { benchDocuments } from './corpus';
import type { BenchContext, SectionOutcome, Skipped } from './context';
import { benchIpc } from './ipc';
import { benchRelevance } from './relevance';
import { benchRenderer, CHROMIUM_PATH } from './renderer';
import { header, machineInfo, table, targetsText, type BenchReport } from './report';
import { benchScale } from './scale';
import { benchSearch } from './search';
import { benchStartup } from './startup';
import { computeTargets, type Results } from './targets';
import { benchHeavy } from './heavy';
import { benchUserDb } from './userdb';
import { benchVault } from './vault';

type SectionId = keyof Results;
// The renderer runs last: a browser's processes can outlive its close() for a while and would disturb later sections.
const ORDER: readonly SectionId[] = [
  'search',
  'relevance',
  'startup',
  'cli',
  'ipc',
  'userdb',
  'vault',
  'heavy',
  'scale',
  'renderer',
];

interface Options {
  quick: boolean;
  json: string | null;
  only: Set<SectionId> | null;
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { quick: false, json: null, only: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--quick') opts.quick = true;
    else if (a === '--json') {
      const next = argv[i + 1];
      opts.json =
        next && !next.startsWith('--') ? resolve(argv[++i]) : join(REPO_ROOT, 'build', 'bench', 'latest.json');
    } else if (a === '--only') {
      const names = (argv[++i] ?? '').split(',').filter(Boolean);
      const bad = names.filter((n) => !(ORDER as readonly string[]).includes(n));
      if (bad.length > 0 || names.length === 0) throw new Error(`--only takes sections among ${ORDER.join(', ')}`);
      opts.only = new Set(names as SectionId[]);
    } else throw new Error(`unknown argument ${a} (use --quick, --json [file], --only a,b)`);
  }
  return opts;
}

type Runner = (ctx: BenchContext) => Promise<SectionOutcome<unknown> | Skipped> | SectionOutcome<unknown> | Skipped;
const RUNNERS: Record<SectionId, { title: string; run: Runner }> = {
  search: { title: '1. Search latency (ms)', run: benchSearch },
  relevance: { title: '2. Relevance (judged queries)', run: benchRelevance },
  startup: { title: '3. Core start-up', run: benchStartup },
  ipc: { title: '4. IPC-shaped cost (structured clone)', run: benchIpc },
  renderer: { title: '5. Renderer (Chromium, browser harness)', run: benchRenderer },
  userdb: { title: '6. User database', run: benchUserDb },
  scale: { title: '7. Scale (synthetic corpora)', run: benchScale },
  cli: { title: '8. Command-line start-up', run: benchCli },
  heavy: { title: '9. Heavy use (100,000 notes)', run: benchHeavy },
  vault: { title: '10. Notes under lock (encryption at rest)', run: benchVault },
};

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  const started = Date.now();
  const log = (m: string): void =>
    void process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0)}s] ${m}\n`);
  const ensured = await ensureContent();
  if (ensured.built) log(`built the content database (${ensured.reason})`);
  const machine = machineInfo(REPO_ROOT, CHROMIUM_PATH);
  console.log(header(machine, opts.quick));

  const store = ContentStore.open(CONTENT_DB_PATH);
  const service = new SearchService(store);
  const ctx: BenchContext = {
    quick: opts.quick,
    contentDbPath: CONTENT_DB_PATH,
    store,
    service,
    docs: benchDocuments(store),
    log,
  };
  const sections: BenchReport['sections'] = {};
  const results: Partial<Results> = {};
  try {
    for (const id of ORDER) {
      if (opts.only && !opts.only.has(id)) continue;
      const { title, run } = RUNNERS[id];
      log(`${title}…`);
      const t0 = Date.now();
      const out = await run(ctx);
      // The 1-minute load average after each section shows which figures other work on the machine disturbed.
      const loadAfter = Math.round(os.loadavg()[0] * 100) / 100;
      log(`${title} done in ${((Date.now() - t0) / 1000).toFixed(1)} s (load average ${loadAfter})`);
      if ('skipped' in out) {
        sections[id] = { skipped: out.skipped };
        console.log(table({ title, skipped: out.skipped }));
      } else {
        sections[id] = { title: out.title, data: out.data, seconds: (Date.now() - t0) / 1000, loadAfter };
        (results as Record<string, unknown>)[id] = out.data;
        console.log(table(out));
      }
    }
  } finally {
    store.close();
  }

  const targets = computeTargets(results);
  console.log(targetsText(targets));
  const report: BenchReport = {
    format: 'recollection-bench',
    version: 1,
    started: new Date(started).toISOString(),
    durationMs: Date.now() - started,
    quick: opts.quick,
    machine,
    sections,
    targets,
  };
  if (opts.json) {
    mkdirSync(dirname(opts.json), { recursive: true });
    writeFileSync(opts.json, `${JSON.stringify(report, null, 2)}\n`);
    console.log(`\nJSON written to ${opts.json}`);
  }
  console.log(
    `\ntotal ${((Date.now() - started) / 1000).toFixed(0)} s; load average at end: ${os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(', ')}`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
