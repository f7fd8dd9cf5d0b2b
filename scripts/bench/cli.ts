/**
 * Command-line start-up, as a person at a shell meets it: the wall time of a
 * whole process, from spawn to exit, for `search` and `show` through the
 * built program (`bin/recollection.cjs`: the bundle in out/cli, started from
 * its code cache) against the same commands run from the TypeScript sources
 * through tsx (how every command started before the bundle).
 *
 * Constraints: every run is a fresh process on the same data folder (which
 * already holds a user database, as on every run but the first); the modes
 * alternate so neither always runs first; the bundle is built (or found up to
 * date) before timing. The target: p50 under 300 ms for `search`
 * and `show` through the built program.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../build-cli';
import { latencyRow, type BenchContext, type Row, type SectionOutcome } from './context';
import { fmtRatio } from './format';
import { ratio, summarize, type Summary } from './stats';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const COMMANDS = { search: ['search', 'remittance', 'costs'], show: ['show', 'c2.f2.po.1'] } as const;
type CommandName = keyof typeof COMMANDS;
/**
 * Built program only, the two commands that were slowest to start: a query whose words the document lacks but the
 * thesaurus knows ("inspection": this once built the English dictionary checkers), and a label
 * "jump to" resolves (this once loaded the search index).
 */
const MORE = {
  'search labour inspection': ['search', 'labour', 'inspection'],
  'show 2.2 PO 1': ['show', '2.2 PO 1'],
} as const;
type MoreName = keyof typeof MORE;

export interface CliData {
  built: Record<CommandName, Summary>;
  tsx: Record<CommandName, Summary>;
  /** tsx p50 / built p50, per command. */
  speedup: Record<CommandName, number>;
  more: Record<MoreName, Summary>;
  /** Load average (1 min) at the start and at the end of the section. */
  load: [number, number];
}

function wallMs(argv: readonly string[]): number {
  const t0 = performance.now();
  const run = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  const ms = performance.now() - t0;
  if (run.status !== 0) throw new Error(`${argv.join(' ')} exited ${run.status}: ${run.stderr}`);
  return ms;
}

export async function benchCli(ctx: BenchContext): Promise<SectionOutcome<CliData>> {
  const { cached } = await buildCli();
  const dataDir = mkdtempSync(join(tmpdir(), 'recollection-bench-cli-'));
  try {
    const global = ['--data-dir', dataDir, '--content', ctx.contentDbPath];
    const built = (c: CommandName) => ['bin/recollection.cjs', ...COMMANDS[c], ...global];
    const builtMore = (c: MoreName) => ['bin/recollection.cjs', ...MORE[c], ...global];
    const loadStart = loadavg()[0];
    const viaTsx = (c: CommandName) => ['--import', 'tsx', 'src/cli/index.ts', ...COMMANDS[c], ...global];
    wallMs(built('show')); // creates the user database: later runs are ordinary starts
    const runs = ctx.quick ? 5 : 15;
    const tsxRuns = ctx.quick ? 3 : 6; // several seconds each
    const samples = {
      built: { search: [] as number[], show: [] as number[] },
      tsx: { search: [] as number[], show: [] as number[] },
      more: Object.fromEntries(Object.keys(MORE).map((c) => [c, [] as number[]])) as Record<MoreName, number[]>,
    };
    for (let i = 0; i < runs; i++) {
      for (const c of ['search', 'show'] as const) {
        samples.built[c].push(wallMs(built(c)));
        if (i < tsxRuns) samples.tsx[c].push(wallMs(viaTsx(c)));
      }
      for (const c of Object.keys(MORE) as MoreName[]) samples.more[c].push(wallMs(builtMore(c)));
      ctx.log(`cli: run ${i + 1}/${runs}`);
    }
    const data: CliData = {
      built: { search: summarize(samples.built.search), show: summarize(samples.built.show) },
      tsx: { search: summarize(samples.tsx.search), show: summarize(samples.tsx.show) },
      speedup: { search: 0, show: 0 },
      more: Object.fromEntries(Object.entries(samples.more).map(([c, xs]) => [c, summarize(xs)])) as Record<
        MoreName,
        Summary
      >,
      load: [loadStart, loadavg()[0]],
    };
    for (const c of ['search', 'show'] as const) data.speedup[c] = ratio(data.tsx[c].p50, data.built[c].p50);
    const rows: Row[] = (['search', 'show'] as const).flatMap((c) => [
      latencyRow(`${c}: built program (bin/recollection.cjs)`, data.built[c]),
      latencyRow(`${c}: from sources through tsx (before)`, data.tsx[c], `${fmtRatio(data.speedup[c])} slower`),
    ]);
    for (const c of Object.keys(MORE) as MoreName[]) rows.push(latencyRow(`${c}: built program`, data.more[c]));
    return {
      title: '8. Command-line start-up (whole process, ms)',
      data,
      rows,
      notes: [
        'Wall time from spawn to exit of a fresh Node process per run, on a data folder that already holds notes.',
        `Commands: ${Object.values(COMMANDS)
          .map((c) => c.join(' '))
          .join('; ')}.`,
        `Code cache (out/cli/cli.cache): ${cached ? 'written by the build, used by every run' : 'none (no content database when the bundle was built)'}.`,
        `Load average (1 min): ${data.load[0].toFixed(1)} at the start, ${data.load[1].toFixed(1)} at the end (2 cores: above 1 the times include waiting for a core).`,
      ],
    };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}
