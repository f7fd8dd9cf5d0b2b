/**
 * What every section of the benchmark receives, and what it gives back: a
 * typed result for the JSON file and rows for the printed table.
 *
 * Constraint: sections share one opened content store and search service
 * (opening costs are measured separately, in fresh processes, by startup.ts),
 * and never print directly: progress goes through `log` (stderr), figures
 * through the result, so `--json` output and the table always agree.
 */
import type { ContentStore } from '../../src/core/content/store';
import type { Summary } from './stats';
import type { IndexDoc } from '../../src/core/search/options';
import type { SearchService } from '../../src/core/search/service';

export interface BenchContext {
  quick: boolean;
  contentDbPath: string;
  store: ContentStore;
  service: SearchService;
  /** The documents of the app's index (blocks and footnotes). */
  docs: IndexDoc[];
  log(message: string): void;
}

/** One line of the printed table: a latency (p50/p95/p99 in ms) or a plain value. */
export interface Row {
  label: string;
  n?: number;
  p50?: number;
  p95?: number;
  p99?: number;
  value?: string;
}

/** A table row of latencies: the sample count and percentiles of `s`, and an optional figure. */
export function latencyRow(label: string, s: Summary, value?: string): Row {
  return { label, n: s.n, p50: s.p50, p95: s.p95, p99: s.p99, ...(value === undefined ? {} : { value }) };
}

export interface SectionOutcome<T> {
  title: string;
  data: T;
  rows: Row[];
  /** Short remarks printed under the table (method, caveats). */
  notes: string[];
}

export interface Skipped {
  skipped: string;
}
