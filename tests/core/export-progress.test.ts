/**
 * Export progress and cancel on the real core over a folder of many
 * notes: progress events arrive in order and end at the total; `export.cancel`
 * stops a running export with CANCELLED and the core keeps working; the
 * command line draws progress on a terminal's stderr, and its Ctrl+C leaves no
 * file, no temporary file and no temporary-file record behind.
 */
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedManyNotes } from '../../scripts/bench/many-notes';
import { main } from '../../src/cli/index';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { dispatch } from '../../src/core/dispatch';
import { TEMP_LOG_DIR } from '../../src/core/base/files';
import { openCore, type Core } from '../../src/core/open';
import type { EventPayloads } from '../../src/shared/contract/channels';
import { removeDir } from '../support/core';

const COUNT = 6_000;
const dataDir = mkdtempSync(join(tmpdir(), 'recollection-export-progress-'));
const events: Array<EventPayloads['export.progress']> = [];
let onEvent: (() => void) | null = null;
let core: Core;

beforeAll(() => {
  seedManyNotes({ contentDbPath: CONTENT_DB_PATH, dataDir, count: COUNT });
  core = openCore({
    contentDbPath: CONTENT_DB_PATH,
    dataDir,
    emit: (event, payload) => {
      if (event !== 'export.progress') return;
      events.push(payload as EventPayloads['export.progress']);
      onEvent?.();
    },
  });
}, 120_000);
afterAll(() => {
  core.close();
  removeDir(dataDir);
});

describe('export progress and cancel through the core', () => {
  it.each(['markdown', 'csv', 'json', 'html'] as const)(
    '%s: progress events in order, the last at the total once the file is whole',
    async (format) => {
      events.length = 0;
      const r = await dispatch(core.handlers, 'export.render', { format, scope: { kind: 'all' }, includeNotes: true });
      expect(r.ok).toBe(true);
      expect(events.length).toBeGreaterThan(1);
      for (const e of events) expect(e.total).toBe(COUNT);
      for (let i = 1; i < events.length; i++) expect(events[i].done).toBeGreaterThan(events[i - 1].done);
      expect(events.at(-1)).toEqual({ done: COUNT, total: COUNT });
      expect(events.slice(0, -1).every((e) => e.done < COUNT)).toBe(true);
    },
    120_000,
  );

  it('export.cancel stops a running export with CANCELLED; nothing is returned and the core keeps working', async () => {
    expect(await dispatch(core.handlers, 'export.cancel', {})).toEqual({ ok: true, value: { cancelled: false } });
    events.length = 0;
    let cancelAnswer: unknown = null;
    onEvent = () => {
      onEvent = null;
      void dispatch(core.handlers, 'export.cancel', {}).then((a) => (cancelAnswer = a));
    };
    const r = await dispatch(core.handlers, 'export.render', {
      format: 'docx',
      scope: { kind: 'all' },
      includeNotes: true,
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('CANCELLED');
      expect(r.error.message).toMatch(/cancelled: nothing was written/);
    }
    expect(cancelAnswer).toEqual({ ok: true, value: { cancelled: true } });
    // Stopped early: it never reached the total.
    expect(events.every((e) => e.done < COUNT)).toBe(true);
    // The next export runs to the end, and the notes answer.
    const again = await dispatch(core.handlers, 'export.render', {
      format: 'csv',
      scope: { kind: 'all' },
      includeNotes: true,
    });
    expect(again.ok).toBe(true);
    const page = await dispatch(core.handlers, 'notes.page', { placed: true, offset: 0, limit: 10 });
    expect(page.ok && page.value.total).toBe(COUNT);
  }, 120_000);
});

describe('export on the command line', () => {
  async function exportWithCtrlC(out: string, press: boolean) {
    let err = '';
    let interrupt: (() => void) | null = null;
    let stopped = false;
    const code = await main(
      ['export', '--format', 'markdown', '--out', out, '--data-dir', dataDir, '--content', CONTENT_DB_PATH],
      {
        out: () => undefined,
        err: (t) => {
          err += t;
          // Ctrl+C as soon as the first progress is drawn.
          if (press && t.includes('Exporting:') && interrupt) {
            const once = interrupt;
            interrupt = null;
            once();
          }
        },
        errIsTTY: true,
        onInterrupt: (handler) => {
          interrupt = handler;
          return () => void (stopped = true);
        },
      },
    );
    return { code, err, stopped };
  }

  /** Runs `fn` with an empty folder for the export, removed after. */
  async function inOutDir(fn: (dir: string) => Promise<void>): Promise<void> {
    const dir = mkdtempSync(join(tmpdir(), 'recollection-export-out-'));
    try {
      await fn(dir);
    } finally {
      removeDir(dir);
    }
  }

  it(
    'draws progress on a terminal and writes the file',
    () =>
      inOutDir(async (dir) => {
        const out = join(dir, 'brief.md');
        const run = await exportWithCtrlC(out, false);
        expect(run.code).toBe(0);
        expect(run.err).toMatch(/\rExporting: [\d,]+ of 6,000 entries \(\d+%\)/);
        expect(run.err).toContain('Exporting: 6,000 of 6,000 entries (100%)');
        expect(run.stopped).toBe(true);
        expect(existsSync(out)).toBe(true);
      }),
    120_000,
  );

  it(
    'Ctrl+C stops it: exit 130, a sentence, no file, no temporary file, no record of one',
    () =>
      inOutDir(async (dir) => {
        const run = await exportWithCtrlC(join(dir, 'brief.md'), true);
        expect(run.code).toBe(130);
        expect(run.err).toContain('The export was cancelled: nothing was written.');
        expect(run.err).not.toContain('6,000 of 6,000');
        expect(readdirSync(dir)).toEqual([]);
        const records = join(dataDir, TEMP_LOG_DIR);
        expect(existsSync(records) ? readdirSync(records) : []).toEqual([]);
      }),
    120_000,
  );
});
