/**
 * The real Electron app, what only the app has: the page comes from app://
 * with no Node or Electron in it, the preload exposes the bridge and nothing
 * else, and IPC refuses what the contract does not list. The reader's
 * scenarios run on the app as well (tests/e2e, vitest project e2e-electron).
 * Skips (one line, below) where the Electron binary was never downloaded, as
 * on machines installed offline, or Linux has no display.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { NativeBuildError } from '../../scripts/ensure-native';
import type { OutlineNode, SearchResult } from '../../src/shared/contract/types';
import type { Result } from '../../src/shared/contract/result';
import { electronSkipReason, Harness, type AppSession } from '../e2e/harness';

/**
 * What only a real Electron shows and tests/shell checks through its fakes (tests/shell/fakes.ts)
 * alone: said in one line whenever the binary does not run here, so a green `npm test` is not read
 * as "the app ran".
 */
const FAKED = [
  'last-window quit during cli PDF export',
  'stdout drain before app.exit',
  'powerMonitor events per platform and idle time',
  'safeStorage keychain and basic_text',
  'sessionData and userData paths',
  'packaged addon paths',
  'scheme registration and open-url before ready',
  'sandboxed preload require',
  'save dialog path',
];

const skipReason = electronSkipReason();
if (skipReason) {
  console.info(`tests/electron/smoke.test.ts skipped: ${skipReason}`);
  console.info(`Electron-only behaviours exercised through fakes alone: ${FAKED.join('; ')}.`);
}

describe.skipIf(skipReason !== null)('the Electron app', () => {
  let harness: Harness | undefined;
  let app: AppSession;
  let cannotBuild: string | null = null;

  beforeAll(async () => {
    // Builds the Electron builds of both SQLite addons, main, preload and renderer when needed.
    try {
      harness = await Harness.launch('electron');
    } catch (err) {
      if (!(err instanceof NativeBuildError)) throw err;
      cannotBuild = `the Electron builds of the SQLite addons cannot be made here: ${err.message}`;
      console.info(`tests/electron/smoke.test.ts skipped: ${cannotBuild}`);
      return;
    }
    app = await harness.open();
  }, 15 * 60_000);

  beforeEach((ctx) => {
    if (cannotBuild !== null) ctx.skip(cannotBuild);
  });

  afterAll(async () => {
    await app?.close();
    await harness?.close();
  });

  // Page functions run in the page; `globalThis` is its window (this file is type-checked for Node).
  type PageGlobals = { api: { invoke(c: string, a: unknown): Promise<unknown> }; require?: unknown; process?: unknown };
  const raw = <T>(channel: string, args: unknown): Promise<Result<T>> =>
    app.page.evaluate(([c, a]) => (globalThis as unknown as PageGlobals).api.invoke(c, a), [
      channel,
      args,
    ] as const) as Promise<Result<T>>;

  it('serves the page from app:// with no Node or Electron in it', async () => {
    expect(app.page.url()).toBe('app://bundle/index.html');
    const globals = await app.page.evaluate(() => {
      const w = globalThis as unknown as PageGlobals;
      return { require: typeof w.require, process: typeof w.process, api: Object.keys(w.api).sort() };
    });
    expect(globals).toEqual({ require: 'undefined', process: 'undefined', api: ['invoke', 'on'] });
  });

  it('shows the outline', async () => {
    const outline = await raw<OutlineNode[]>('content.outline', {});
    if (!outline.ok) throw new Error(outline.error.message);
    const cluster = outline.value.flatMap((n) => [n, ...n.children]).find((n) => n.kind === 'cluster');
    expect(cluster).toBeDefined();
    await expect.poll(() => app.page.textContent('body'), { timeout: 30_000 }).toContain(cluster!.title);
  });

  it('answers a search', async () => {
    const result = await raw<SearchResult>('search.query', { q: 'remittances' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.total).toBeGreaterThan(0);
    expect(result.value.hits[0].snippet.text.toLowerCase()).toContain('remittance');
  });

  it('refuses a channel outside the contract, and arguments outside a channel’s schema', async () => {
    expect(await raw<unknown>('app.quit', {})).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await raw<unknown>('content.block', { id: 'c2.f2.po.1', extra: 1 })).toMatchObject({
      ok: false,
      error: { code: 'INVALID_ARGUMENT' },
    });
  });
});
