/**
 * Heavy use: a user folder with 100,000 notes (the documented import limit;
 * 20,000 with --quick), 1,000 of them on one policy option, seeded by
 * many-notes.ts. Measured through dispatch(), as the renderer's calls go:
 * opening (core start + what the page asks first: the page's notes capped per
 * block and the Notes panel's first page), paging the Notes list, a filter,
 * the whole list for comparison, exports of every note, and how soon a
 * cancelled export stops.
 *
 * Constraint: one pass for the slow rows (the whole list, exports) so the
 * section stays within minutes; the figures go to docs/performance.md.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dispatch } from '../../src/core/dispatch';
import { openCore } from '../../src/core/open';
import type { Core } from '../../src/core/core';
import type { Args, Channel, ResultOf } from '../../src/shared/contract/channels';
import { latencyRow, type BenchContext, type Row, type SectionOutcome } from './context';
import { fmtBytes } from './format';
import { seedManyNotes, TAG } from './many-notes';
import { summarize, timeMsAsync, type Summary } from './stats';

export interface HeavyData {
  notes: number;
  seedMs: number;
  rows: Record<string, Summary & { bytes?: number }>;
}

async function call<K extends Channel>(core: Core, channel: K, args: Args<K>): Promise<ResultOf<K>> {
  const r = await dispatch(core.handlers, channel, args);
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
  return r.value;
}

export async function benchHeavy(ctx: BenchContext): Promise<SectionOutcome<HeavyData>> {
  const count = ctx.quick ? 20_000 : 100_000;
  const dir = mkdtempSync(join(tmpdir(), 'recollection-bench-heavy-'));
  const rows: HeavyData['rows'] = {};
  const once = async (label: string, fn: () => Promise<unknown>): Promise<void> => {
    rows[label] = summarize([await timeMsAsync(fn)]);
  };
  const reps = async (label: string, n: number, fn: () => Promise<unknown>): Promise<void> => {
    const xs: number[] = [];
    for (let i = 0; i < n; i++) xs.push(await timeMsAsync(fn));
    rows[label] = summarize(xs);
  };
  try {
    const t0 = performance.now();
    const seeded = seedManyNotes({ contentDbPath: ctx.contentDbPath, dataDir: dir, count });
    const seedMs = performance.now() - t0;
    ctx.log(`heavy: ${count.toLocaleString('en')} notes seeded in ${(seedMs / 1000).toFixed(1)} s`);
    const pageId = seeded.crowdedBlockId.split('.').slice(0, 2).join('.');
    let core: Core | null = null;
    let progressed: ((done: number, total: number) => void) | null = null;
    let blockIds: string[] = [];
    // Open as the app does: the core, the page shown, its notes (capped) and the Notes panel's first page.
    await once('open: core + page + its notes + first Notes page', async () => {
      core = openCore({
        contentDbPath: ctx.contentDbPath,
        dataDir: dir,
        emit: (event, payload) => {
          if (event === 'export.progress') {
            const { done, total } = payload as { done: number; total: number };
            progressed?.(done, total);
          }
        },
      });
      const section = await call(core, 'content.section', { id: pageId });
      blockIds = section.blocks.map((b) => b.id);
      await call(core, 'annotations.forBlocks', { blockIds, perBlock: 50 });
      await call(core, 'notes.page', { placed: true, offset: 0, limit: 200 });
    });
    const c = core as unknown as Core;
    try {
      await reps('annotations.forBlocks, the crowded page (50 per block)', 10, () =>
        call(c, 'annotations.forBlocks', { blockIds, perBlock: 50 }),
      );
      let offset = 0;
      await reps('notes.page, next 200 while scrolling (list kept)', 50, () =>
        call(c, 'notes.page', { placed: true, offset: (offset += 2_000) % count, limit: 200 }),
      );
      await once('notes.page filtered by tag, first page (new list)', () =>
        call(c, 'notes.page', { placed: true, filter: { tags: [TAG] }, offset: 0, limit: 200 }),
      );
      await once('notes.page filtered by text, first page (new list)', () =>
        call(c, 'notes.page', { placed: true, filter: { text: 'zanzibar' }, offset: 0, limit: 200 }),
      );
      await once(`notes.list, all ${count.toLocaleString('en')} (the old way, for comparison)`, () =>
        call(c, 'notes.list', {}),
      );
      for (const format of ['markdown', 'docx', 'csv'] as const) {
        let bytes = 0;
        await once(`export all ${count.toLocaleString('en')} → ${format}`, async () => {
          const file = await call(c, 'export.render', { format, scope: { kind: 'all' }, includeNotes: true });
          bytes = typeof file.data === 'string' ? Buffer.byteLength(file.data, 'utf8') : file.data.byteLength;
        });
        rows[`export all ${count.toLocaleString('en')} → ${format}`].bytes = bytes;
        ctx.log(`heavy: exported ${format}`);
      }
      // Cancel latency: a Word export cancelled at its first progress event, which comes while the
      // entries are still being written (done < total), so the cancel always meets a running export
      // whatever the machine's speed; the time from export.cancel to its CANCELLED answer is how long
      // the step in hand takes to run out and the export to stop.
      const cancelLatency: number[] = [];
      for (let i = 0; i < 3; i++) {
        let cancelledAt = 0;
        let cancel: Promise<unknown> = Promise.resolve();
        progressed = (done, total) => {
          if (done >= total) return;
          progressed = null;
          cancelledAt = performance.now();
          cancel = call(c, 'export.cancel', {}).then(({ cancelled }) => {
            if (!cancelled) throw new Error('export.cancel: no export was running at its first progress event');
          });
        };
        const r = await dispatch(c.handlers, 'export.render', {
          format: 'docx',
          scope: { kind: 'all' },
          includeNotes: true,
        });
        const answeredAt = performance.now();
        await cancel;
        if (cancelledAt === 0) throw new Error('export.render: no progress event before the end');
        if (r.ok || r.error.code !== 'CANCELLED') throw new Error('export.cancel: the export was not cancelled');
        cancelLatency.push(answeredAt - cancelledAt);
      }
      rows['export → docx, cancelled at its first progress: export.cancel to CANCELLED'] = summarize(cancelLatency);
    } finally {
      c.close();
    }
    return {
      title: `8. Heavy use: ${count.toLocaleString('en')} notes (ms)`,
      data: { notes: count, seedMs, rows },
      rows: [
        {
          label: 'notes seeded (one SQLite transaction)',
          value: `${count.toLocaleString('en')} in ${Math.round(seedMs)} ms`,
        },
        ...Object.entries(rows).map(([label, s]): Row => latencyRow(label, s, s.bytes ? fmtBytes(s.bytes) : undefined)),
      ],
      notes: [
        'through dispatch(), as over IPC; one pass for the rows with n=1',
        'the renderer draws only the Notes entries on screen (tests/e2e/heavy.test.ts checks fewer than 200 in the page)',
      ],
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
