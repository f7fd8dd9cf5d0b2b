/**
 * The performance targets (docs/performance.md#targets), judged on the figures of a run: PASS, MISS (with
 * the margin) or N/A when the figure was not measured (section skipped).
 *
 * Constraint: reported, never asserted; each target names the exact figure
 * it reads, so docs/performance.md can explain a MISS precisely.
 */
import type { VaultData } from './vault';
import { fmtMs, fmtRatio } from './format';
import type { CliData } from './cli';
import type { IpcData } from './ipc';
import type { RelevanceData } from './relevance';
import type { RendererData } from './renderer';
import { atLeast, atMost, type Target } from './report';
import type { ScaleData } from './scale';
import type { SearchData } from './search';
import type { StartupData } from './startup';
import type { HeavyData } from './heavy';
import type { UserDbData } from './userdb';

export interface Results {
  search: SearchData;
  relevance: RelevanceData;
  startup: StartupData;
  ipc: IpcData;
  renderer: RendererData;
  userdb: UserDbData;
  scale: ScaleData;
  cli: CliData;
  heavy: HeavyData;
  vault: VaultData;
}

export function computeTargets(r: Partial<Results>): Target[] {
  const s = r.search;
  const rel = r.relevance;
  const at100 = r.scale?.points.find((p) => p.factor === 100);
  const at10 = r.scale?.points.find((p) => p.factor === 10);
  const fts5S3 = rel ? Math.max(rel.engines.fts5.successAt3, rel.engines.fts5Plain.successAt3) : null;
  const score = (v: number): string => v.toFixed(3);
  return [
    atMost(
      'search-vs-scan',
      'search p95 within 10× of the scan (queries + keystrokes, 1×)',
      s ? s.ratios.appOverScan.p95 : null,
      10,
      '',
      fmtRatio,
    ),
    atMost(
      'search-vs-fts5',
      'search p95 below FTS5 (queries + keystrokes, 1×; app/FTS5 ratio)',
      s ? s.ratios.appOverFts5.p95 : null,
      1,
      '',
      fmtRatio,
    ),
    atMost(
      'search-100x',
      'search p95 < 10 ms at 100× (queries + keystrokes)',
      at100 ? at100.app.all.p95 : null,
      10,
      ' ms',
      fmtMs,
    ),
    atMost(
      'search-vs-fts5-10x',
      'search p95 below FTS5 at 10× (app/FTS5 ratio, interleaved)',
      at10 ? at10.app.all.p95 / at10.fts5.p95 : null,
      1,
      '',
      fmtRatio,
    ),
    atMost(
      'search-vs-fts5-100x',
      'search p95 below FTS5 at 100× (app/FTS5 ratio, interleaved)',
      at100 ? at100.app.all.p95 / at100.fts5.p95 : null,
      1,
      '',
      fmtRatio,
    ),
    atLeast('relevance-s3', 'success@3 = 1.00 (judged queries)', rel ? rel.engines.app.successAt3 : null, 1, score),
    atLeast('relevance-s1', 'success@1 ≥ 0.95 (judged queries)', rel ? rel.engines.app.successAt1 : null, 0.95, score),
    atLeast(
      'relevance-class-s3',
      'success@3 ≥ 0.90 in every class of query (the lowest)',
      rel ? Math.min(...Object.values(rel.byClass).map((c) => c.app.successAt3)) : null,
      0.9,
      score,
    ),
    atLeast(
      'delegates-held-s3',
      'delegates, held-out half: success@3 ≥ 0.90 in every class (the lowest)',
      rel ? Math.min(...Object.values(rel.delegates.byClass).map((c) => c.held.successAt3)) : null,
      0.9,
      score,
    ),
    atLeast(
      'delegates-held-s1',
      'delegates, held-out half: success@1 ≥ 0.80',
      rel ? rel.delegates.overall.held.successAt1 : null,
      0.8,
      score,
    ),
    atMost(
      'did-you-mean-romance',
      'no "did you mean" on French and Spanish queries',
      rel ? rel.delegates.didYouMean.length : null,
      0,
      '',
      String,
    ),
    atMost(
      'did-you-mean-real-words',
      'no "did you mean" on queries of real words',
      rel ? rel.didYouMeanOnRealWords.suggestions.length : null,
      0,
      '',
      String,
    ),
    {
      ...atLeast(
        'relevance-vs-fts5',
        'success@3 above FTS5 (best of the two FTS5 tokenizers)',
        rel ? rel.engines.app.successAt3 : null,
        fts5S3 ?? NaN,
        score,
      ),
      ...(rel && fts5S3 !== null && rel.engines.app.successAt3 === fts5S3
        ? { pass: false, margin: 'equal, not above' }
        : {}),
    },
    atMost(
      'startup-half-rebuild',
      'core ready ≤ half of rebuild (cold medians, ready/rebuild)',
      r.startup ? r.startup.readyOverRebuild : null,
      0.5,
      '',
      fmtRatio,
    ),
    atMost(
      'annotation-save',
      'annotation save p99 < 5 ms (WAL + synchronous=FULL)',
      r.userdb ? r.userdb.save.all.p99 : null,
      5,
      ' ms',
      fmtMs,
    ),
    ...(['search', 'show'] as const).map((command) =>
      atMost(
        `cli-${command}`,
        `command line \`${command}\` p50 < 300 ms (whole process, built program)`,
        r.cli ? r.cli.built[command].p50 : null,
        300,
        ' ms',
        fmtMs,
      ),
    ),
  ];
}
