/**
 * The end-to-end harness: one app session per scenario, on one of two targets.
 *
 * - `browser`: the built renderer in Debian Chromium, `window.api` implemented
 *   by the real core through a Playwright binding (browser-session.ts).
 * - `electron`: the real app with playwright-core's `_electron`, where the
 *   Electron binary exists (electron-session.ts).
 *
 * Constraints: nothing here imports vitest (the benchmark drives it too); each
 * session gets its own data folder (fresh and removed afterwards unless
 * given); the page may reach only the app's own origin, and every request it
 * makes is recorded so a test can prove it.
 *
 * See tests/e2e/README.md for how to write a scenario.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { BrowserSession } from './browser-session';
import { ensureRenderer, ROOT } from './build-renderer';
import { ElectronSession, prepareElectron } from './electron-session';
import { serveStatic, type StaticServer } from './server';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { openCore } from '../../src/core/open';
import type { AppSession, OpenOptions, Target } from './session';

export { AppSession, type OpenOptions, type Target } from './session';
export { BrowserSession } from './browser-session';
export { ElectronSession, electronSkipReason } from './electron-session';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Screenshots per target: test-results/e2e (browser) and test-results/e2e-electron. */
export const SCREENSHOTS: Readonly<Record<Target, string>> = {
  browser: join(ROOT, 'test-results', 'e2e'),
  electron: join(ROOT, 'test-results', 'e2e-electron'),
};

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--no-first-run',
  '--font-render-hinting=none',
];

/**
 * The first-run offer to protect the notes, answered "Not now" in the
 * data folder before the app opens it, as a user who has seen it would have:
 * only scenarios that ask for `firstRun` meet it. A protected folder is left
 * alone (the offer is never made there).
 */
function markProtectionOffered(dataDir: string, contentDbPath = CONTENT_DB_PATH): void {
  const core = openCore({ contentDbPath, dataDir });
  try {
    if (core.user.locked) return;
    core.user.settings.set({ patch: { vaultOffered: true } });
  } finally {
    core.close();
  }
}

/** What a target keeps between sessions: a browser and a server, or the Electron binary. */
type Engine = { target: 'browser'; browser: Browser; server: StaticServer } | { target: 'electron'; binary: string };

/** One target, shared by the tests of a file. */
export class Harness {
  private constructor(private readonly engine: Engine) {}

  get target(): Target {
    return this.engine.target;
  }

  static async launch(target: Target = 'browser'): Promise<Harness> {
    if (target === 'electron') return new Harness({ target, binary: prepareElectron() });
    const root = ensureRenderer();
    const server = await serveStatic(root);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return new Harness({ target, browser, server });
  }

  /** A new app session; the data folder is fresh (and removed on close) unless given. */
  async open(options: OpenOptions = {}): Promise<AppSession> {
    const owns = options.dataDir === undefined;
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), `recollection-e2e-${this.target}-`));
    if (!options.firstRun) markProtectionOffered(dataDir, options.contentDbPath);
    const e = this.engine;
    const session =
      e.target === 'browser'
        ? new BrowserSession(e.browser, dataDir, options, owns, e.server.origin, SCREENSHOTS.browser)
        : new ElectronSession(e.binary, dataDir, options, owns, SCREENSHOTS.electron);
    try {
      await session.start();
    } catch (err) {
      await session.close().catch(() => undefined);
      throw err;
    }
    return session;
  }

  async close(): Promise<void> {
    if (this.engine.target === 'browser') {
      await this.engine.browser.close();
      await this.engine.server.close();
    }
  }
}
