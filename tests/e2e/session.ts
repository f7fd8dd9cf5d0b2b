/**
 * What a scenario holds: one running app on one data folder, whatever the
 * target. The browser target (browser-session.ts) runs the built renderer in
 * Debian Chromium over the real core; the Electron target (electron-session.ts)
 * runs the real app. A scenario written against this class runs on both.
 *
 * Constraints: nothing here imports vitest (the benchmark drives sessions
 * too); the few things that differ between the targets (reading the
 * clipboard, events from the shell, deep links from the OS) are methods here,
 * so scenarios never branch on the target for them.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Args, Channel, EventName, EventPayloads, ResultOf } from '../../src/shared/contract/channels';
import type { Result } from '../../src/shared/contract/result';
import { deepLink, parseDeepLinkHash } from '../../src/shared/vocabulary/links';

export type Target = 'browser' | 'electron';

export interface OpenOptions {
  /** Reuse a data folder (e.g. one filled by another session); default: a fresh temp folder. */
  dataDir?: string;
  /**
   * Open at a place: `#page/<id>` or `#block/<id>`. The browser loads the page
   * with this location hash; the app gets the same place as a deep link on its
   * command line (`recollection://page/<id>`), as the OS hands it over.
   */
  hash?: string;
  /**
   * A deep link (`recollection://block/<id>`) the OS started the app for: on the
   * app's command line; in the browser, given to the page's first app.status
   * by the shell's own `withStartLink` (src/main/start-link.ts).
   */
  link?: string;
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  /** Wait until the reader shows a page (default true). */
  waitReady?: boolean;
  /**
   * Browser target only: answer some calls instead of the core (return
   * undefined to pass a call through), e.g. to show the error screen for a
   * missing content database. Scenarios that need it skip on Electron.
   */
  intercept?: (channel: string, args: unknown) => Result<unknown> | undefined;
  /**
   * Browser target only: the content database the core opens (default: the
   * built one), e.g. a damaged copy. Scenarios that need it skip on Electron.
   */
  contentDbPath?: string;
  /**
   * Start as a user's first start does: the data folder is left as it is, so
   * the first-run offer to protect the notes appears on a plain folder. By
   * default the harness marks the offer answered before the app starts
   * (harness.ts), so scenarios about other things never meet it.
   */
  firstRun?: boolean;
  /**
   * A folder standing for a system root whose policy file (docs/deployment.md) the app reads on
   * top of the machine's own, as RECOLLECTION_POLICY_ROOT (the organisation's managed settings).
   */
  policyRoot?: string;
}

/** Where a start opens: a location hash (`#page/<id>`) or a deep link (`recollection://…`). */
export interface Place {
  hash?: string;
  link?: string;
}

export const DEFAULT_VIEWPORT = { width: 1280, height: 860 };

/** `#page/<id>` / `#block/<id>` → `recollection://page/<id>`; anything else → null. */
export function hashToLink(hash: string | undefined): string | null {
  const target = hash ? parseDeepLinkHash(hash) : null;
  return target ? deepLink(target) : null;
}

export abstract class AppSession {
  page!: Page;
  /** Every URL the page requested, across restarts. */
  readonly requests: string[] = [];
  /** Uncaught page errors, console errors (and, in the app, the main process's errors), across restarts. */
  readonly errors: string[] = [];
  abstract readonly target: Target;

  constructor(
    readonly dataDir: string,
    protected readonly options: OpenOptions,
    private readonly ownsDataDir: boolean,
    /** Where the page comes from: `http://127.0.0.1:<port>` or `app://bundle`. */
    readonly origin: string,
    private readonly screenshots: string,
  ) {}

  /** Start the app on the data folder, at `place` if given (the first start: the session's hash or link). */
  abstract start(place?: Place): Promise<void>;
  protected abstract stop(): Promise<void>;

  /** Call a channel as the page would (typed by the contract), e.g. to check what the UI stored. */
  abstract invoke<K extends Channel>(channel: K, args: Args<K>): Promise<Result<ResultOf<K>>>;

  /** The text on the clipboard now. */
  abstract readClipboard(): Promise<string>;

  /** Send an event from the shell to the page (`app.command`, `app.open`, `app.recovered`). */
  abstract send<E extends EventName>(event: E, payload: EventPayloads[E]): Promise<void>;

  /** The OS hands over a deep link while the app runs (a second instance on Windows/Linux). */
  abstract openLink(url: string): Promise<void>;

  /** Wait until a page of the document is shown (the article with its title). */
  async waitReady(): Promise<void> {
    await this.page.locator('article[data-page] #page-title').first().waitFor({ state: 'visible', timeout: 20_000 });
  }

  /**
   * Close the app and open it again on the same data folder, as a user does:
   * without the place the session was first opened at, or, with `link`, as
   * the OS starts it for a deep link clicked in a brief.
   */
  async restart(place: { link?: string } = {}): Promise<void> {
    await this.stop();
    await this.start(place);
  }

  /** Requests to anything but the app's own origin. */
  foreignRequests(): string[] {
    return this.requests.filter((u) => !u.startsWith(`${this.origin}/`));
  }

  /**
   * Save what the window shows, once the page has rendered a frame: Chromium applies a change of the
   * root's color-scheme to the light-dark() colours held in custom properties (theme.css) only at the
   * next frame, so a screenshot taken in the same task as a theme change showed the old theme.
   */
  async screenshot(name: string): Promise<string> {
    mkdirSync(this.screenshots, { recursive: true });
    const file = join(this.screenshots, `${name.replace(/[^A-Za-z0-9._-]+/g, '-').slice(0, 120)}.png`);
    await this.page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
    await this.page.screenshot({ path: file });
    return file;
  }

  async close(): Promise<void> {
    await this.stop();
    if (this.ownsDataDir) rmSync(this.dataDir, { recursive: true, force: true });
  }

  /** Record the page's uncaught errors and console errors. */
  protected watch(page: Page): void {
    page.on('pageerror', (e) => void this.errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(`console: ${m.text()}`);
    });
  }
}
