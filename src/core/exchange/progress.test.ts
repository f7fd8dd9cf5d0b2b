/**
 * Exports in steps: driven (progress, turns of the event loop, cancel) they
 * give exactly what the pure exporter gives at once; a signal aborted before
 * or during the run ends it with CANCELLED.
 */
import { describe, expect, it } from 'vitest';
import * as fx from '../../../tests/support/entries';
import { CoreError } from '../../shared/contract/result';
import { csvExportSteps, exportCsv } from './csv';
import { exportMarkdown, markdownExportSteps } from './markdown';
import { driveSteps, eachOf, runSteps, type Steps } from './progress';

/** Steps that take about `ms` each, so the driver's time slices pass between them. */
function* slow(n: number, ms: number): Steps<number> {
  yield* eachOf(
    Array.from({ length: n }, (_, i) => i),
    () => {
      const until = performance.now() + ms;
      while (performance.now() < until) {
        /* busy */
      }
    },
  );
  return n;
}

describe('steps', () => {
  it('driven, an exporter gives the same text as run at once', async () => {
    const entries = fx.realisticEntries();
    expect(await driveSteps(markdownExportSteps(entries, fx.OPTIONS), entries.length)).toBe(
      exportMarkdown(entries, fx.OPTIONS),
    );
    expect(await driveSteps(csvExportSteps(entries, fx.OPTIONS), entries.length)).toBe(exportCsv(entries, fx.OPTIONS));
    expect(runSteps(csvExportSteps(entries, fx.OPTIONS))).toBe(exportCsv(entries, fx.OPTIONS));
  });

  it('reports rising progress below the total while it runs', async () => {
    const seen: number[] = [];
    const result = await driveSteps(slow(10, 15), 10, { onProgress: (done, total) => seen.push(done, total) });
    expect(result).toBe(10);
    const dones = seen.filter((_, i) => i % 2 === 0);
    expect(dones.length).toBeGreaterThan(0);
    expect(seen.filter((_, i) => i % 2 === 1).every((t) => t === 10)).toBe(true);
    for (let i = 1; i < dones.length; i++) expect(dones[i]).toBeGreaterThan(dones[i - 1]);
    expect(Math.max(...dones)).toBeLessThan(10);
  });

  it('stops with CANCELLED when the signal is aborted while it runs, and gives the event loop turns meanwhile', async () => {
    const controller = new AbortController();
    let turns = 0;
    const timer = setInterval(() => void turns++, 1);
    setTimeout(() => controller.abort(), 60);
    try {
      await expect(driveSteps(slow(1_000, 2), 1_000, { signal: controller.signal })).rejects.toMatchObject({
        code: 'CANCELLED',
      });
    } finally {
      clearInterval(timer);
    }
    expect(turns).toBeGreaterThan(0);
    const e = await driveSteps(slow(1_000, 2), 1_000, { signal: AbortSignal.abort() }).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(CoreError);
  });
});
