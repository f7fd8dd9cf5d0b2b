/**
 * The benchmark's output: the machine header, the printed table, the
 * PASS/MISS list of targets, and the JSON file (format in docs/performance.md).
 *
 * Constraint: the table and the JSON come from the same values; targets are
 * reported, never asserted (a slow CI machine must not fail a build), and a
 * target whose figure was not measured (skipped section) says so instead of
 * passing or failing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Row, SectionOutcome, Skipped } from './context';
import { fmtMs } from './format';

export interface Machine {
  cpu: string;
  cores: number;
  memoryBytes: number;
  platform: string;
  node: string;
  sqlite: string;
  betterSqlite3: string;
  minisearch: string;
  chromium: string | null;
  /** 1, 5 and 15-minute load averages when the run started: other work on the machine skews every figure. */
  loadAverage: number[];
}

export interface Target {
  id: string;
  description: string;
  /** The measured figure, formatted. */
  measured: string;
  /** null: not measured in this run. */
  pass: boolean | null;
  /** How far from the limit, e.g. "2.1 ms over" or "with 40% to spare". */
  margin: string;
}

export interface BenchReport {
  format: 'recollection-bench';
  version: 1;
  started: string;
  durationMs: number;
  quick: boolean;
  machine: Machine;
  /** Per section: its figures, how long it ran, and the 1-minute load average when it ended. */
  sections: Record<string, { title: string; data: unknown; seconds: number; loadAfter: number } | Skipped>;
  targets: Target[];
}

function packageVersion(root: string, name: string): string {
  const file = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return 'absent';
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version ?? 'unknown';
}

function chromiumVersion(path: string): string | null {
  if (!existsSync(path)) return null;
  try {
    return execFileSync(path, ['--version'], {
      encoding: 'utf8',
      timeout: 10_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'present (version unknown)';
  }
}

export function machineInfo(root: string, chromiumPath: string): Machine {
  const db = new Database(':memory:');
  const sqlite = db.prepare<[], { v: string }>('SELECT sqlite_version() AS v').get()?.v ?? 'unknown';
  db.close();
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryBytes: os.totalmem(),
    platform: `${os.platform()} ${os.arch()} ${os.release()}`,
    node: process.version,
    sqlite,
    betterSqlite3: packageVersion(root, 'better-sqlite3'),
    minisearch: packageVersion(root, 'minisearch'),
    chromium: chromiumVersion(chromiumPath),
    loadAverage: os.loadavg().map((x) => Math.round(x * 100) / 100),
  };
}

export function header(m: Machine, quick: boolean): string {
  return [
    `Recollection benchmarks${quick ? ' (--quick)' : ''} — ${new Date().toISOString()}`,
    `machine: ${m.cpu}, ${m.cores} cores, ${(m.memoryBytes / 1024 ** 3).toFixed(1)} GiB, ${m.platform}`,
    `node ${m.node}, SQLite ${m.sqlite} (better-sqlite3 ${m.betterSqlite3}), MiniSearch ${m.minisearch}, Chromium: ${m.chromium ?? 'absent'}`,
    `load average at start: ${m.loadAverage.join(', ')}${m.loadAverage[0] > m.cores / 2 ? ' — WARNING: the machine is busy, figures will be inflated' : ''}`,
  ].join('\n');
}

const pad = (s: string, n: number): string => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const lpad = (s: string, n: number): string => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

export function table(outcome: SectionOutcome<unknown> | (Skipped & { title: string })): string {
  const lines = [`\n${outcome.title}`];
  if ('skipped' in outcome) {
    lines.push(`  skipped: ${outcome.skipped}`);
    return lines.join('\n');
  }
  const width = Math.max(40, ...outcome.rows.map((r) => r.label.length + 2));
  const hasLatency = outcome.rows.some((r) => r.p50 !== undefined);
  if (hasLatency)
    lines.push(`  ${pad('', width)}${lpad('n', 7)}${lpad('p50', 10)}${lpad('p95', 10)}${lpad('p99', 10)}`);
  for (const r of outcome.rows) lines.push(`  ${formatRow(r, width)}`);
  for (const n of outcome.notes) lines.push(`  · ${n}`);
  return lines.join('\n');
}

function formatRow(r: Row, width: number): string {
  if (r.p50 === undefined) return `${pad(r.label, width)}${r.value ?? ''}`;
  const cols = [r.p50, r.p95, r.p99].map((v) => lpad(v === undefined ? '' : fmtMs(v), 10)).join('');
  return `${pad(r.label, width)}${lpad(r.n === undefined ? '' : String(r.n), 7)}${cols}${r.value ? `  ${r.value}` : ''}`;
}

export function targetsText(targets: readonly Target[]): string {
  const lines = ['\nTargets (reported, not asserted)'];
  for (const t of targets) {
    const verdict = t.pass === null ? 'N/A ' : t.pass ? 'PASS' : 'MISS';
    lines.push(`  ${verdict}  ${t.description}: ${t.measured}${t.margin ? ` (${t.margin})` : ''}`);
  }
  return lines.join('\n');
}

/** A "lower is better" target: value against limit. */
export function atMost(
  id: string,
  description: string,
  value: number | null,
  limit: number,
  unit: string,
  show: (v: number) => string,
): Target {
  if (value === null || !Number.isFinite(value))
    return { id, description, measured: 'not measured', pass: null, margin: '' };
  const pass = value <= limit;
  const margin = pass
    ? `limit ${show(limit)}${unit}, ${Math.round((1 - value / limit) * 100)}% to spare`
    : `limit ${show(limit)}${unit}, ${show(value - limit)}${unit} over (${(value / limit).toFixed(2)}× the limit)`;
  return { id, description, measured: `${show(value)}${unit}`, pass, margin };
}

/** A "higher is better" target. */
export function atLeast(
  id: string,
  description: string,
  value: number | null,
  limit: number,
  show: (v: number) => string,
): Target {
  if (value === null || !Number.isFinite(value))
    return { id, description, measured: 'not measured', pass: null, margin: '' };
  const pass = value >= limit;
  return {
    id,
    description,
    measured: show(value),
    pass,
    margin: pass ? `limit ${show(limit)}` : `limit ${show(limit)}, ${show(limit - value)} short`,
  };
}
