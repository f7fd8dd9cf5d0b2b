/**
 * The arithmetic of the benchmarks: percentiles and summaries of timing
 * samples, a high-resolution timer, and the ranking measures of the
 * relevance run (success@k, mean reciprocal rank).
 *
 * Constraint: pure functions with no I/O, so tests/bench/stats.test.ts can
 * check them against values computed by hand. Percentiles interpolate
 * linearly between the two closest ranks (the "type 7" rule of R and NumPy's
 * default), so p95 of a small sample is not stuck on one outlier.
 */

export interface Summary {
  n: number;
  min: number;
  mean: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/** The p-th percentile (0–100) of an ascending array; NaN when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  if (p <= 0) return sorted[0];
  if (p >= 100) return sorted[sorted.length - 1];
  const pos = (p / 100) * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

export function summarize(samples: readonly number[]): Summary {
  const s = [...samples].sort((a, b) => a - b);
  const sum = s.reduce((acc, x) => acc + x, 0);
  return {
    n: s.length,
    min: s.length ? s[0] : NaN,
    mean: s.length ? sum / s.length : NaN,
    p50: percentile(s, 50),
    p95: percentile(s, 95),
    p99: percentile(s, 99),
    max: s.length ? s[s.length - 1] : NaN,
  };
}

/** a / b, or NaN when b is not a positive number (a ratio over zero says nothing). */
export function ratio(a: number, b: number): number {
  return b > 0 ? a / b : NaN;
}

/** Milliseconds since an arbitrary origin, sub-microsecond resolution. */
export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** Duration of one synchronous call, in milliseconds. */
export function timeMs(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

export async function timeMsAsync(fn: () => Promise<unknown>): Promise<number> {
  const t0 = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** `reps` timings of `fn` after `warmup` untimed calls (the JIT and caches settle first). */
export function sampleMs(fn: () => unknown, reps: number, warmup: number): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const out: number[] = [];
  for (let i = 0; i < reps; i++) out.push(timeMs(fn));
  return out;
}

// ---------------------------------------------------------------- ranking

/** 1-based rank of the first result that is relevant, or null when none is. */
export function firstRelevantRank(results: readonly string[], relevant: Iterable<string>): number | null {
  const want = new Set(relevant);
  const i = results.findIndex((id) => want.has(id));
  return i < 0 ? null : i + 1;
}

/** Share of queries whose first relevant result is within the top k. */
export function successAt(ranks: ReadonlyArray<number | null>, k: number): number {
  if (ranks.length === 0) return NaN;
  return ranks.filter((r) => r !== null && r <= k).length / ranks.length;
}

/** Mean reciprocal rank: 1/rank of the first relevant result, 0 when none was returned. */
export function meanReciprocalRank(ranks: ReadonlyArray<number | null>): number {
  if (ranks.length === 0) return NaN;
  return ranks.reduce<number>((acc, r) => acc + (r === null ? 0 : 1 / r), 0) / ranks.length;
}

// ---------------------------------------------------------------- seeded randomness

/** The hardening tests' seeded PRNG (mulberry32), so synthetic corpora are the same on every run. */
export { mulberry32 as seededRandom } from '../../tests/hardening/prng';
