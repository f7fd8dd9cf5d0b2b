/**
 * Real app start-up: Electron process start → window shown → outline
 * painted, with playwright-core's `_electron`, on a fresh user data folder
 * per run (so every run is a first start with its own user database).
 *
 * Usage: npm run build && npx tsx scripts/bench/electron-startup.ts [--runs 5]
 *   Linux needs a display (DISPLAY set, or under xvfb-run).
 *
 * Constraint: only measures where it can: without the Electron binary it
 * prints "Electron is absent: …" and exits 0 (Electron's postinstall download
 * is skipped on offline machines), and likewise without a display. Marks:
 * "process start" is Electron's own `process.getCreationTime()` in the main
 * process; "window shown" is polled in the main process every 5 ms; "outline
 * painted" is the Contents tree present plus a double requestAnimationFrame
 * in the window. All are wall-clock (Date.now) across the two processes.
 */
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { _electron } from 'playwright-core';
import { REPO_ROOT } from '../../src/core/content-build/ensure';
import { fmtMs } from './format';
import { summarize } from './stats';
import { errorMessage } from '../../src/shared/errors';

interface Run {
  launchToPainted: number;
  startToShown: number;
  startToPainted: number;
}

function electronBinary(): string {
  // The electron package's main module is the binary's path; it throws when the download was skipped.
  const path = createRequire(import.meta.url)('electron') as unknown;
  if (typeof path !== 'string' || !existsSync(path)) throw new Error(`no binary at ${String(path)}`);
  return path;
}

async function once(executablePath: string): Promise<Run> {
  const home = mkdtempSync(join(tmpdir(), 'recollection-electron-start-'));
  const t0 = Date.now();
  const app = await _electron.launch({
    executablePath,
    args: [REPO_ROOT, '--no-sandbox', `--user-data-dir=${join(home, 'user-data')}`],
    // On Linux the user data folder follows XDG_CONFIG_HOME: a fresh one per run.
    env: { ...process.env, XDG_CONFIG_HOME: home, NODE_ENV: 'production' },
    timeout: 60_000,
  });
  try {
    const shown = app.evaluate(
      ({ BrowserWindow }) =>
        new Promise<number>((resolve) => {
          const check = (): void => {
            if (BrowserWindow.getAllWindows().some((w) => w.isVisible())) resolve(Date.now());
            else setTimeout(check, 5);
          };
          check();
        }),
    );
    const started = await app.evaluate(() => process.getCreationTime() ?? NaN);
    const page = await app.firstWindow();
    await page.locator('[role=tree][aria-label="Contents"]').waitFor({ state: 'visible', timeout: 60_000 });
    const painted = Number(
      await page.evaluate(
        'new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r(Date.now()))))',
      ),
    );
    const shownAt = await shown;
    return { launchToPainted: painted - t0, startToShown: shownAt - started, startToPainted: painted - started };
  } finally {
    await app.close();
    rmSync(home, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const i = process.argv.indexOf('--runs');
  const runs = i >= 0 ? Math.max(1, Number(process.argv[i + 1]) || 5) : 5;
  let binary: string;
  try {
    binary = electronBinary();
  } catch (err) {
    console.log(`Electron is absent: ${errorMessage(err)}`);
    return;
  }
  if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('Electron start-up not measured: no display (set DISPLAY or run under xvfb-run)');
    return;
  }
  if (!existsSync(join(REPO_ROOT, 'out', 'main', 'index.js'))) {
    console.error('the app is not built: run `npm run build` first (out/main/index.js is missing)');
    process.exitCode = 1;
    return;
  }
  const results: Run[] = [];
  for (let r = 0; r < runs; r++) {
    results.push(await once(binary));
    process.stderr.write(`run ${r + 1}/${runs}\n`);
  }
  const line = (label: string, xs: number[]): string => {
    const s = summarize(xs);
    return `  ${label.padEnd(44)} p50 ${fmtMs(s.p50).padStart(7)} ms   p95 ${fmtMs(s.p95).padStart(7)} ms   (n=${s.n})`;
  };
  console.log(`Electron start-up, ${runs} first starts (fresh user data each)`);
  console.log(
    line(
      'process start → window shown',
      results.map((x) => x.startToShown),
    ),
  );
  console.log(
    line(
      'process start → outline painted',
      results.map((x) => x.startToPainted),
    ),
  );
  console.log(
    line(
      'launch call → outline painted (incl. spawn)',
      results.map((x) => x.launchToPainted),
    ),
  );
}

main().catch((err: unknown) => {
  console.error(`electron start-up failed: ${errorMessage(err)}`);
  process.exit(1);
});
