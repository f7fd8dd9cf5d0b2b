/**
 * The renderer in Debian Chromium through the browser harness
 * (tests/e2e/harness.ts: the built renderer, `window.api` served by the real
 * core): navigation to a focus area until painted, and keystroke in the
 * search box until its results are painted.
 *
 * Constraint: measured inside the page with performance.now(), ending at a
 * double requestAnimationFrame (the frame after the one that holds the
 * change has been produced). For a keystroke the clock starts at the keydown
 * event's own timestamp and "results" means both answers the overlay waits
 * for (search.query and search.suggest for that text) have arrived and a
 * frame was painted after them. The harness's transport (a CDP binding) is
 * not Electron's IPC, so these are upper bounds for the app.
 * Skipped, with the reason, when Chromium or the harness is absent.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../../src/core/content-build/ensure';
import type { BenchContext, Row, SectionOutcome, Skipped } from './context';
import { summarize, type Summary } from './stats';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const HARNESS = join(REPO_ROOT, 'tests', 'e2e', 'harness.ts');

export interface RendererData {
  chromium: string;
  navigation: Summary;
  keystroke: Summary;
  /** Keystrokes whose results never arrived within the timeout. */
  timeouts: number;
}

export const TYPED_QUERIES = [
  'labour mobility',
  'fair recruitment',
  'remittances',
  'SDG 10.7',
  'trafficking in persons',
  'diaspora',
];

interface HarnessModule {
  Harness: {
    launch(): Promise<{
      open(o?: { hash?: string }): Promise<{ page: Page; close(): Promise<void> }>;
      close(): Promise<void>;
    }>;
  };
}

/** Installed in the page: times navigations and keystrokes (see the header). */
const PAGE_SCRIPT = `(() => {
  const twoFrames = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r())));
  const b = { armed: null };
  window.__bench = b;
  b.navigate = async (id) => {
    const t0 = performance.now();
    location.hash = '#page/' + id;
    const sel = 'article[data-page="' + id + '"] #page-title';
    const until = t0 + 10000;
    while (!document.querySelector(sel)) {
      if (performance.now() > until) return NaN;
      await new Promise((r) => requestAnimationFrame(r));
    }
    await twoFrames();
    return performance.now() - t0;
  };
  const original = window.__invoke;
  window.__invoke = (channel, args) => {
    const p = original(channel, args);
    const a = b.armed;
    if (a && (channel === 'search.query' || channel === 'search.suggest') && args && args.q === a.q) {
      p.then(() => {
        a.seen.add(channel);
        if (a.seen.size === 2 && a.t0 !== null) {
          setTimeout(() => twoFrames().then(() => a.resolve(performance.now() - a.t0)), 0);
        }
      });
    }
    return p;
  };
  window.addEventListener('keydown', (e) => { if (b.armed && b.armed.t0 === null) b.armed.t0 = e.timeStamp; }, true);
  b.arm = (q) => {
    b.armed = { q, t0: null, seen: new Set() };
    b.done = new Promise((resolve) => {
      b.armed.resolve = resolve;
      setTimeout(() => resolve(NaN), 10000);
    });
  };
})()`;

/** Evaluates an expression of the page script (a string: this file is type-checked without the DOM library). */
async function inPage(page: Page, expression: string): Promise<number> {
  const v: unknown = await page.evaluate(expression);
  return typeof v === 'number' ? v : NaN;
}

export async function benchRenderer(ctx: BenchContext): Promise<SectionOutcome<RendererData> | Skipped> {
  if (ctx.quick) return { skipped: '--quick skips the renderer' };
  if (!existsSync(CHROMIUM_PATH))
    return { skipped: `Chromium is absent at ${CHROMIUM_PATH} (apt-get install -y chromium)` };
  if (!existsSync(HARNESS)) return { skipped: `the browser harness is absent (${HARNESS})` };
  const mod = (await import(/* @vite-ignore */ HARNESS)) as Partial<HarnessModule>;
  if (!mod.Harness) return { skipped: 'tests/e2e/harness.ts does not export Harness' };

  const harness = await mod.Harness.launch();
  try {
    const session = await harness.open({ hash: '#page/c1.f1' });
    try {
      const { page } = session;
      await page.evaluate(PAGE_SCRIPT);
      const areas = ctx.store
        .allSections()
        .filter((s) => s.kind === 'focus-area')
        .map((s) => s.id);
      const nav: number[] = [];
      for (let round = 0; round < 4; round++) {
        for (const id of areas) {
          if (round === 0 && id === areas[0]) continue; // already shown
          const ms = await inPage(page, `__bench.navigate(${JSON.stringify(id)})`);
          if (round > 0) nav.push(ms); // the first round warms up
        }
      }
      ctx.log(`renderer: ${nav.length} navigations`);

      await page.keyboard.press('Control+k');
      const box = page.getByRole('combobox', { name: 'Search' });
      await box.waitFor({ state: 'visible' });
      const keys: number[] = [];
      let timeouts = 0;
      for (let round = 0; round < 3; round++) {
        for (const q of TYPED_QUERIES) {
          await box.fill('');
          for (let i = 1; i <= q.length; i++) {
            const typed = q.slice(0, i);
            if (typed.trim() === '') continue;
            await inPage(page, `__bench.arm(${JSON.stringify(typed.trim())})`);
            await page.keyboard.type(q[i - 1]);
            const ms = await inPage(page, '__bench.done');
            if (!Number.isFinite(ms)) timeouts++;
            else if (round > 0) keys.push(ms);
          }
        }
      }
      ctx.log(`renderer: ${keys.length} keystrokes`);
      const data: RendererData = {
        chromium: CHROMIUM_PATH,
        navigation: summarize(nav),
        keystroke: summarize(keys),
        timeouts,
      };
      const rows: Row[] = [
        {
          label: 'navigate to a focus area → painted',
          n: data.navigation.n,
          p50: data.navigation.p50,
          p95: data.navigation.p95,
          p99: data.navigation.p99,
        },
        {
          label: 'keystroke → results painted',
          n: data.keystroke.n,
          p50: data.keystroke.p50,
          p95: data.keystroke.p95,
          p99: data.keystroke.p99,
        },
      ];
      const notes = [
        `${areas.length} focus areas × 3 rounds (after one warm-up round); queries typed: ${TYPED_QUERIES.map((q) => `"${q}"`).join(', ')} × 2 rounds (after one warm-up)`,
        'harness transport (CDP binding, JSON) instead of Electron IPC: an upper bound',
        ...(timeouts ? [`${timeouts} keystroke(s) timed out (10 s) and are not counted`] : []),
      ];
      return { title: '5. Renderer (ms, Chromium via browser harness)', data, rows, notes };
    } finally {
      await session.close();
    }
  } finally {
    await harness.close();
  }
}
