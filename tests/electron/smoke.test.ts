/**
 * The real Electron app, end to end: it starts on a fresh data folder, shows
 * the outline, answers a search, and its page has no Node or Electron in it.
 * Skips (one line, below) where the Electron binary was never downloaded, as
 * on machines installed offline; everything else it needs it builds itself.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { electronBinary, electronVersion, ensureNative, findNodeGyp } from '../../scripts/ensure-native';
import { ensureRenderer } from '../e2e/build-renderer';
import { buildShell } from './build-shell';
import type { OutlineNode, SearchResult } from '../../src/shared/contract/types';
import type { Result } from '../../src/shared/contract/result';

const root = fileURLToPath(new URL('../../', import.meta.url));
const binary = electronBinary(root);
const skipReason =
  binary === null ? 'the Electron binary is absent (node_modules/electron/dist was never downloaded)' : null;
if (skipReason) console.info(`tests/electron/smoke.test.ts skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('the Electron app', () => {
  let app: ElectronApplication;
  let page: Page;
  const dataDir = mkdtempSync(join(tmpdir(), 'recollection-electron-'));

  beforeAll(async () => {
    // The Electron build of better-sqlite3 (downloads Electron's headers the first time).
    ensureNative({ root, electronVersion: electronVersion(root), electronBinary: binary, nodeGyp: findNodeGyp(root) });
    // Fresh bundles of the code under test: main and preload here, the renderer shared with the browser tests.
    buildShell();
    ensureRenderer();
    // Not the dev server, not Node mode: the app as `npm start` runs it.
    const env = Object.fromEntries(
      Object.entries(process.env).filter(
        (e): e is [string, string] =>
          e[1] !== undefined && !['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE'].includes(e[0]),
      ),
    );
    app = await electron.launch({
      executablePath: binary!,
      args: [root, `--user-data-dir=${dataDir}`],
      env,
      cwd: root,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  }, 600_000);

  afterAll(async () => {
    await app?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  // Page functions run in the page; `globalThis` is its window (this file is type-checked for Node).
  type PageGlobals = { api: { invoke(c: string, a: unknown): Promise<unknown> }; require?: unknown; process?: unknown };
  const invoke = <T>(channel: string, args: unknown): Promise<Result<T>> =>
    page.evaluate(([c, a]) => (globalThis as unknown as PageGlobals).api.invoke(c, a), [
      channel,
      args,
    ] as const) as Promise<Result<T>>;

  it('serves the page from app:// with no Node or Electron in it', async () => {
    expect(page.url()).toBe('app://bundle/index.html');
    const globals = await page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return { require: typeof w.require, process: typeof w.process, api: Object.keys(w.api).sort() };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: ['invoke', 'on'] });
  });

  it('shows the outline', async () => {
    const outline = await invoke<OutlineNode[]>('content.outline', {});
    if (!outline.ok) throw new Error(outline.error.message);
    const cluster = outline.value.flatMap((n) => [n, ...n.children]).find((n) => n.kind === 'cluster');
    expect(cluster).toBeDefined();
    await expect.poll(() => page.textContent('body'), { timeout: 30_000 }).toContain(cluster!.title);
  });

  it('answers a search', async () => {
    const result = await invoke<SearchResult>('search.query', { q: 'remittances' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.total).toBeGreaterThan(0);
    expect(result.value.hits[0].snippet.text.toLowerCase()).toContain('remittance');
  });

  it('refuses a channel outside the contract', async () => {
    const answer = await invoke<unknown>('app.quit', {});
    expect(answer).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
  });
});
