/**
 * The browser target: the built renderer in Debian Chromium, with `window.api`
 * implemented by the real core (real content database, the session's user
 * data folder) through `page.exposeBinding` instead of Electron's IPC. Same
 * contract, same `dispatch()` validation, a different transport.
 *
 * Constraints: the page's bridge is the preload's own code
 * (src/preload/bridge.ts, bundled from bridge-entry.ts), only its IPC is
 * replaced; results cross the binding as JSON, so binary values (a .docx
 * export) do not survive, which the renderer handles.
 */
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import type { Browser, BrowserContext } from 'playwright-core';
import type { Args, Channel, EventName, EventPayloads, ResultOf } from '../../src/shared/contract/channels';
import type { Result } from '../../src/shared/contract/result';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { dispatch } from '../../src/core/dispatch';
import { openCore, type Core } from '../../src/core/open';
import { machinePolicy } from '../../src/core/policy/read';
import { withStartLink } from '../../src/main/start-link';
import { parseDeepLink } from '../../src/shared/vocabulary/links';
import { AppSession, DEFAULT_VIEWPORT, type OpenOptions, type Place, type Target } from './session';

/** The init script that gives the page its bridge (bridge-entry.ts, bundled once per process). */
let bridgeScript: string | null = null;
function bridge(): string {
  bridgeScript ??= buildSync({
    entryPoints: [fileURLToPath(new URL('./bridge-entry.ts', import.meta.url))],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text;
  return bridgeScript;
}

export class BrowserSession extends AppSession {
  readonly target: Target = 'browser';
  context!: BrowserContext;
  /** The session's core (browser target only): the process the page talks to. */
  core!: Core;
  /** What the shell's folder dialog answers next (folder.choose; none queued: cancelled). */
  readonly folderAnswers: string[] = [];

  constructor(
    private readonly browser: Browser,
    dataDir: string,
    options: OpenOptions,
    ownsDataDir: boolean,
    origin: string,
    screenshots: string,
  ) {
    super(dataDir, options, ownsDataDir, origin, screenshots);
  }

  async start(place: Place = { hash: this.options.hash, link: this.options.link }): Promise<void> {
    this.core = openCore({
      contentDbPath: this.options.contentDbPath ?? CONTENT_DB_PATH,
      dataDir: this.dataDir,
      // The shared folder runs as in the app, quicker: a scenario queues the folder dialog's answer
      // (folderAnswers); the question about writing unsealed is answered Cancel, as a message box is.
      // Sealed layer files at a low scrypt cost (2^12): the key stretching is not what the scenarios test.
      sharedFolder: {
        pollMs: 500,
        debounceMs: 100,
        sealWorkFactor: 12,
        dialogs: {
          chooseFolder: () => Promise.resolve(this.folderAnswers.shift() ?? null),
          confirmUnsealed: () => Promise.resolve(false),
        },
      },
      // The core's events (an export's progress) reach the page as the shell's do.
      emit: (event, payload) => void this.send(event, payload).catch(() => undefined),
      // The managed settings, read as main reads them (with a scenario's policy root on top).
      policy: machinePolicy(
        this.options.policyRoot ? { ...process.env, RECOLLECTION_POLICY_ROOT: this.options.policyRoot } : process.env,
      ),
    });
    // As the shell does: the core's layers.changed reaches the page.
    this.core.onLayersChanged((event) => {
      if (this.page) void this.send('layers.changed', event).catch(() => undefined);
    });
    this.context = await this.browser.newContext({
      viewport: this.options.viewport ?? DEFAULT_VIEWPORT,
      colorScheme: this.options.colorScheme ?? 'light',
      permissions: ['clipboard-read', 'clipboard-write'],
      reducedMotion: 'reduce',
    });
    this.context.on('request', (r) => void this.requests.push(r.url()));
    // The link the OS started the app for: answered in the page's first app.status, as the shell does.
    let link = place.link ? parseDeepLink(place.link) : null;
    const handlers = withStartLink(this.core.handlers, () => {
      const once = link;
      link = null;
      return once;
    });
    const intercept = this.options.intercept;
    await this.context.exposeBinding('__invoke', async (_source, channel: unknown, args: unknown) => {
      const answer = intercept?.(String(channel), args);
      return answer ?? dispatch(handlers, String(channel), args);
    });
    await this.context.addInitScript({ content: bridge() });
    this.page = await this.context.newPage();
    this.watch(this.page);
    await this.page.goto(`${this.origin}/index.html${place.hash ?? ''}`);
    if (this.options.waitReady ?? true) await this.waitReady();
  }

  invoke<K extends Channel>(channel: K, args: Args<K>): Promise<Result<ResultOf<K>>> {
    return dispatch(this.core.handlers, channel, args);
  }

  readClipboard(): Promise<string> {
    return this.page.evaluate<string>('navigator.clipboard.readText()');
  }

  async send<E extends EventName>(event: E, payload: EventPayloads[E]): Promise<void> {
    await this.page.evaluate(([e, p]) => (globalThis as unknown as Emitter).__emit(e, p), [event, payload] as const);
  }

  async openLink(url: string): Promise<void> {
    // The shell's own parser: a malformed link is ignored there, so it is here.
    const link = parseDeepLink(url);
    if (link) await this.send('app.open', link);
  }

  protected async stop(): Promise<void> {
    await this.context?.close().catch(() => undefined);
    this.core?.close();
  }
}

/** What the bridge script adds to the page (page functions are type-checked for Node here). */
type Emitter = { __emit(event: string, payload: unknown): void };
