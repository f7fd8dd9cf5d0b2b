/**
 * The Electron target: the real app, started as `npm start` starts it (the
 * built main, preload and renderer; the Electron builds of both SQLite addons) with
 * playwright-core's `_electron`, on the session's data folder
 * (`--user-data-dir`). The page talks to the core through the real preload
 * and IPC, the content comes over app://, every guard of the shell is on.
 *
 * Constraints: the test never meets a real modal or the network: the
 * dialogs and shell.openExternal are replaced in the main process
 * (shell-answers.ts) by answers the scenario gives beforehand. Where the binary is absent (offline
 * installs, as on CI here) or Linux has no display, `electronSkipReason()`
 * says so in one line and the fixture skips. Functions evaluated in the main
 * process or the page are serialised as text: they must not define named
 * inner functions (a keepNames transform, as tsx's, would wrap them in a
 * helper that does not exist there).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ChildProcess } from 'node:child_process';
import type { BrowserWindow } from 'electron';
import { _electron as electron, type ElectronApplication, type JSHandle } from 'playwright-core';
import type { Args, Channel, EventName, EventPayloads, ResultOf } from '../../src/shared/contract/channels';
import type { Result } from '../../src/shared/contract/result';
import { electronBinary, electronVersion, ensureNative, findNodeGyp } from '../../scripts/ensure-native';
import { buildShell } from './build-shell';
import { ensureRenderer, ROOT } from './build-renderer';
import { installShellAnswers, type ShellAnswers } from './shell-answers';
import { AppSession, DEFAULT_VIEWPORT, hashToLink, type OpenOptions, type Place, type Target } from './session';

/** Why the app cannot be started here, in one line; null when it can. */
export function electronSkipReason(
  root: string = ROOT,
  env: NodeJS.ProcessEnv = process.env,
  platform: string = process.platform,
): string | null {
  if (electronBinary(root) === null)
    return 'the Electron binary is absent (node_modules/electron/dist was never downloaded)';
  if (platform === 'linux' && !env['DISPLAY'] && !env['WAYLAND_DISPLAY'])
    return 'Linux without a display: run the tests under xvfb-run to include the Electron app';
  return null;
}

/** Builds what the app needs to start (once per change) and returns the Electron binary. */
export function prepareElectron(): string {
  const binary = electronBinary(ROOT);
  if (binary === null) throw new Error(electronSkipReason() ?? 'the Electron binary is absent');
  // The Electron builds of better-sqlite3 and better-sqlite3-multiple-ciphers (downloads Electron's headers the first time).
  ensureNative({
    root: ROOT,
    electronVersion: electronVersion(ROOT),
    electronBinary: binary,
    nodeGyp: findNodeGyp(ROOT),
  });
  buildShell();
  ensureRenderer();
  return binary;
}

/** The app's environment: the test's, minus what would switch it to the dev server or to Node. */
function appEnv(): Record<string, string> {
  const drop = new Set(['ELECTRON_RENDERER_URL', 'ELECTRON_RUN_AS_NODE', 'NODE_OPTIONS']);
  return Object.fromEntries(
    Object.entries(process.env).filter((e): e is [string, string] => e[1] !== undefined && !drop.has(e[0])),
  );
}

const BLOCKED = 'recollection: blocked request to ';

export class ElectronSession extends AppSession {
  readonly target: Target = 'electron';
  app!: ElectronApplication;
  /** Everything the main process printed, for a failing scenario's message. */
  readonly mainLog: string[] = [];
  /** Files the dialogs were answered with, removed on close. */
  private files: string | null = null;

  constructor(
    private readonly binary: string,
    dataDir: string,
    options: OpenOptions,
    ownsDataDir: boolean,
    screenshots: string,
  ) {
    super(dataDir, options, ownsDataDir, 'app://bundle', screenshots);
    if (options.intercept) throw new Error('intercept answers calls in the test process: browser target only');
  }

  async start(place: Place = { hash: this.options.hash, link: this.options.link }): Promise<void> {
    const link = place.link ?? hashToLink(place.hash);
    this.app = await electron.launch({
      executablePath: this.binary,
      args: [ROOT, `--user-data-dir=${this.dataDir}`, ...(link ? [link] : [])],
      env: { ...appEnv(), ...(this.options.policyRoot ? { RECOLLECTION_POLICY_ROOT: this.options.policyRoot } : {}) },
      cwd: ROOT,
      colorScheme: this.options.colorScheme ?? 'light',
    });
    this.watchMain(this.app.process());
    this.app.context().on('request', (r) => void this.requests.push(r.url()));
    await this.replaceDialogs();
    this.page = await this.app.firstWindow();
    this.watch(this.page);
    await this.page.setViewportSize(this.options.viewport ?? DEFAULT_VIEWPORT);
    await this.page.emulateMedia({ reducedMotion: 'reduce' });
    if (this.options.waitReady ?? true) await this.waitReady();
  }

  invoke<K extends Channel>(channel: K, args: Args<K>): Promise<Result<ResultOf<K>>> {
    // Through the preload and IPC, as the page calls it (sender checks included).
    return this.page.evaluate(([c, a]) => (globalThis as unknown as PageApi).api.invoke(c, a), [
      channel as string,
      args as unknown,
    ] as const) as Promise<Result<ResultOf<K>>>;
  }

  readClipboard(): Promise<string> {
    return this.app.evaluate(({ clipboard }) => clipboard.readText());
  }

  async send<E extends EventName>(event: E, payload: EventPayloads[E]): Promise<void> {
    const window = (await this.app.browserWindow(this.page)) as JSHandle<BrowserWindow>;
    await window.evaluate((w, [e, p]) => w.webContents.send(e, p), [event as string, payload as unknown] as const);
  }

  /** As the OS does on Windows and Linux: a second instance started with the link, which hands it over. */
  async openLink(url: string): Promise<void> {
    await this.app.evaluate(({ app }, link) => {
      app.emit('second-instance', { preventDefault: () => undefined }, [process.execPath, link], process.cwd(), {});
    }, url);
  }

  /** A path in this session's own temporary folder (removed on close), for dialog answers. */
  tempPath(name: string): string {
    this.files ??= mkdtempSync(join(tmpdir(), 'recollection-e2e-files-'));
    return join(this.files, name.replace(/[^A-Za-z0-9._-]+/g, '-'));
  }

  /** The next save dialog answers a new temporary file, whose path is returned (the app writes there). */
  async answerSaveDialog(name: string): Promise<string> {
    const path = this.tempPath(name);
    await this.app.evaluate((_electron, p) => {
      (globalThis as unknown as { __e2e: ShellAnswers }).__e2e.save.push(p);
    }, path);
    return path;
  }

  /** The next open dialog answers a file named `name` holding `data`. */
  async answerOpenDialog(name: string, data: Buffer): Promise<void> {
    const path = this.tempPath(name);
    writeFileSync(path, data);
    await this.app.evaluate((_electron, p) => {
      (globalThis as unknown as { __e2e: ShellAnswers }).__e2e.open.push(p);
    }, path);
  }

  /** The next open dialog answers a folder (the shared folder's dialog). */
  async answerFolderDialog(path: string): Promise<void> {
    await this.app.evaluate((_electron, p) => {
      (globalThis as unknown as { __e2e: ShellAnswers }).__e2e.open.push(p);
    }, path);
  }

  /** The messages of the message boxes shown, and the links the app asked the system to open. */
  shellRecord(): Promise<{ messages: string[]; external: string[] }> {
    return this.app.evaluate(() => {
      const s = (globalThis as unknown as { __e2e: ShellAnswers }).__e2e;
      return { messages: [...s.messages], external: [...s.external] };
    });
  }

  protected async stop(): Promise<void> {
    await this.app?.close().catch(() => undefined);
  }

  override async close(): Promise<void> {
    await super.close();
    if (this.files) rmSync(this.files, { recursive: true, force: true });
  }

  /** Replaces, in the main process, what would block on a person or leave the machine. */
  private async replaceDialogs(): Promise<void> {
    await this.app.evaluate(installShellAnswers);
  }

  /** The main process's output: its blocked requests count as the page's requests, its errors as errors. */
  private watchMain(child: ChildProcess): void {
    const take = (chunk: Buffer | string): void => {
      for (const line of String(chunk).split('\n')) {
        if (line.trim() === '') continue;
        this.mainLog.push(line);
        const at = line.indexOf(BLOCKED);
        if (at >= 0) this.requests.push(line.slice(at + BLOCKED.length).trim());
        else if (line.startsWith('recollection: ')) this.errors.push(`main: ${line}`);
      }
    };
    child.stdout?.on('data', take);
    child.stderr?.on('data', take);
  }
}

/** The page's bridge, as the preload exposes it (page functions are type-checked for Node here). */
type PageApi = { api: { invoke(channel: string, args: unknown): Promise<unknown> } };
