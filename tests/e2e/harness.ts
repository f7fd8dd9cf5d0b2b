/**
 * The browser harness: the built renderer in Debian Chromium, with
 * `window.api` implemented by the real core (real content database, a fresh
 * user data folder) through `page.exposeBinding` instead of Electron's IPC.
 * Same contract, same `dispatch()` validation, a different transport.
 *
 * Constraints: nothing here imports vitest (the benchmark drives it too); the
 * page may reach only the harness's own origin, and every request it makes is
 * recorded so a test can prove it; results cross the binding as JSON, so
 * binary values (a .docx export) do not survive, which the renderer handles.
 *
 * See tests/e2e/README.md for how to write a scenario.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { Args, Channel, ResultOf } from '../../src/shared/contract/channels';
import type { Result } from '../../src/shared/contract/result';
import { CONTENT_DB_PATH } from '../../src/core/content/ensure';
import { dispatch } from '../../src/core/dispatch';
import { openCore, type Core } from '../../src/core/open';
import { ensureRenderer, ROOT } from './build-renderer';
import { serveStatic, type StaticServer } from './server';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOTS = join(ROOT, 'test-results', 'e2e');

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

/** What the preload gives the page in the app, here built on the exposed binding. */
const BRIDGE_SCRIPT = `
  Object.defineProperty(window, 'api', {
    value: Object.freeze({
      invoke: (channel, args) => window.__invoke(channel, args),
      on: () => () => {},
    }),
  });
`;

export interface OpenOptions {
  /** Reuse a data folder (e.g. one filled by another session); default: a fresh temp folder. */
  dataDir?: string;
  /** Location hash to open with, e.g. `#page/c2.f2` or `#block/c2.f2.po.1`. */
  hash?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Wait until the reader shows a page (default true). */
  waitReady?: boolean;
  /**
   * Answer some calls instead of the core (return undefined to pass a call
   * through), e.g. to show the error screen for a missing content database.
   */
  intercept?: (channel: string, args: unknown) => Result<unknown> | undefined;
}

/** One app instance: a browser context and page over a core on one data folder. */
export class AppSession {
  page!: Page;
  context!: BrowserContext;
  core!: Core;
  /** Every URL the page requested, across restarts. */
  readonly requests: string[] = [];
  /** Uncaught page errors and console errors, across restarts. */
  readonly errors: string[] = [];
  private readonly ownsDataDir: boolean;

  constructor(
    private readonly harness: Harness,
    readonly dataDir: string,
    private readonly options: OpenOptions,
    ownsDataDir: boolean,
  ) {
    this.ownsDataDir = ownsDataDir;
  }

  /** Open the core, a browser context and the page; `hash` is a deep link to open with. */
  async start(hash = this.options.hash ?? ''): Promise<void> {
    this.core = openCore({ contentDbPath: CONTENT_DB_PATH, dataDir: this.dataDir });
    this.context = await this.harness.browser.newContext({
      viewport: this.options.viewport ?? { width: 1280, height: 860 },
      colorScheme: this.options.colorScheme ?? 'light',
      permissions: ['clipboard-read', 'clipboard-write'],
      reducedMotion: 'reduce',
    });
    this.context.on('request', (r) => void this.requests.push(r.url()));
    const core = this.core;
    const intercept = this.options.intercept;
    await this.context.exposeBinding('__invoke', async (_source, channel: unknown, args: unknown) => {
      const answer = intercept?.(String(channel), args);
      return answer ?? dispatch(core.handlers, String(channel), args, { shell: false });
    });
    await this.context.addInitScript({ content: BRIDGE_SCRIPT });
    this.page = await this.context.newPage();
    this.page.on('pageerror', (e) => void this.errors.push(`pageerror: ${e.message}`));
    this.page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`console: ${m.text()}`);
    });
    await this.page.goto(`${this.harness.origin}/index.html${hash}`);
    if (this.options.waitReady ?? true) await this.waitReady();
  }

  /** Wait until a page of the document is shown (the article with its title). */
  async waitReady(): Promise<void> {
    await this.page.locator('article[data-page] #page-title').first().waitFor({ state: 'visible', timeout: 20_000 });
  }

  /** Call a channel of this session's core directly, e.g. to check what the UI stored. */
  invoke<K extends Channel>(channel: K, args: Args<K>): Promise<Result<ResultOf<K>>> {
    return dispatch(this.core.handlers, channel, args, { shell: false });
  }

  /**
   * Close the page and the core, then open both again on the same data folder,
   * as the app starts: without the deep link the session was first opened with.
   */
  async restart(): Promise<void> {
    await this.stop();
    await this.start('');
  }

  /** Requests to anything but the harness's own origin. */
  foreignRequests(): string[] {
    return this.requests.filter((u) => !u.startsWith(`${this.harness.origin}/`));
  }

  async screenshot(name: string): Promise<string> {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const file = join(SCREENSHOTS, `${name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120)}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  private async stop(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    this.core?.close();
  }

  async close(): Promise<void> {
    await this.stop();
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }
}

/** One browser and one static server, shared by the tests of a file. */
export class Harness {
  private constructor(
    readonly browser: Browser,
    private readonly server: StaticServer,
  ) {}

  get origin(): string {
    return this.server.origin;
  }

  static async launch(): Promise<Harness> {
    const root = ensureRenderer();
    const server = await serveStatic(root);
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    return new Harness(browser, server);
  }

  /** A new app session; the data folder is fresh (and removed on close) unless given. */
  async open(options: OpenOptions = {}): Promise<AppSession> {
    const owns = options.dataDir === undefined;
    const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'recollection-e2e-'));
    const session = new AppSession(this, dataDir, options, owns);
    await session.start();
    return session;
  }

  async close(): Promise<void> {
    await this.browser.close();
    await this.server.close();
  }
}
