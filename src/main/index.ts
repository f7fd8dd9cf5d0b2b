/**
 * The app's lifecycle: one instance, one window, the core opened over the
 * content database and the user's data folder, IPC wired, the menu installed.
 *
 * Constraint: the window is never blank — when the core cannot open (content
 * database missing or damaged, native module not built, renderer not built)
 * the window shows a static page saying why, and that the notes are untouched.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, session, type BrowserWindow } from 'electron';
import type { Core } from '../core/core';
import { openCore } from '../core/open';
import { guardPolicy } from '../core/policy/guard';
import { machinePolicy } from '../core/policy/read';
import type { DeepLinkTarget } from '../shared/contract/types';
import { DEEP_LINK_SCHEME, parseDeepLink } from '../shared/vocabulary/links';
import { scheduleAutoBackup } from './auto-backup';
import { cliModeArgs, runCliMode } from './cli-mode';
import { deepLinkFromArgv } from './deeplink';
import { renderErrorPage } from './error-page';
import { folderDialogs } from './dialogs';
import { shellHandlers } from './handlers';
import { withStartLink } from './start-link';
import { registerIpc, sendEvent } from './ipc';
import { vaultShell, type VaultShell } from './vault';
import { installMenu } from './menu';
import { appLocations, developmentDataDir, type AppLocations } from './paths';
import { APP_ERROR_URL, APP_INDEX_URL, registerAppScheme, serveApp } from './protocol';
import { hardenContents, hardenSession, type TrustOptions } from './security';
import { createMainWindow } from './window';
import { errorMessage } from '../shared/errors';

// Before anything reads it (the single-instance lock, the command line's defaults): see developmentDataDir.
if (!app.isPackaged) app.setPath('userData', developmentDataDir(app.getPath('userData')));

/** `Recollection cli <command> …`: the command line, no window (cli-mode.ts). */
const cliArgs = cliModeArgs(process.argv, app.isPackaged);
if (cliArgs === null) {
  registerAppScheme(); // must precede 'ready'
  app.enableSandbox();
  app.setAppUserModelId('org.recollection.app');
}

// `npm run dev` serves the renderer from electron-vite's dev server; never when packaged.
const devUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'] || undefined;
const trust: TrustOptions = devUrl ? { devOrigin: new URL(devUrl).origin } : {};

let window: BrowserWindow | null = null;
let core: Core | null = null;
let startupError: string | null = null;
let crashes = 0;
let stopBackups: () => void = () => {};
let vault: VaultShell | null = null;
/** A deep link that arrived before the window finished loading. */
let pendingLink = deepLinkFromArgv(process.argv);

/** The pending link, once: to the page's first app.status (see start-link.ts), else on did-finish-load. */
function takePendingLink(): DeepLinkTarget | null {
  const link = pendingLink;
  pendingLink = null;
  return link;
}

function openLink(link: DeepLinkTarget | null): void {
  if (link === null) return;
  if (window === null || window.webContents.isLoading()) pendingLink = link;
  else sendEvent(window, 'app.open', link);
}

const log = (message: string, err: unknown): void => {
  console.error(`recollection: ${message}:`, err instanceof Error ? (err.stack ?? err.message) : err);
};

/** Opens the core, or returns why it cannot be used. */
function openOrExplain(where: AppLocations, dataDir: string): { core: Core | null; error: string | null } {
  const missing = [where.nativeBinding, where.userNativeBinding].find((p) => !existsSync(p));
  if (missing !== undefined) {
    return {
      core: null,
      error:
        `The Electron build of a native SQLite addon is missing:\n${missing}\n\n` +
        (app.isPackaged
          ? 'The installation is incomplete: reinstall Recollection. Your notes are untouched.'
          : 'Start the app with "npm start" or "npm run dev", which build it first (scripts/ensure-native.ts).'),
    };
  }
  if (devUrl === undefined && !existsSync(join(where.rendererRoot, 'index.html'))) {
    return { core: null, error: `The user interface is not built (${where.rendererRoot}). Run "npm run build".` };
  }
  let opened: Core;
  try {
    opened = openCore({
      contentDbPath: where.contentDbPath,
      dataDir,
      nativeBinding: where.nativeBinding,
      userNativeBinding: where.userNativeBinding,
      version: app.getVersion(),
      // The shared folder: the own layer file written on change, colleagues' read on change; the
      // folder comes from the shell's own dialog only.
      sharedFolder: { dialogs: folderDialogs(() => window) },
      // An export's progress goes to the window showing it (the export dialog's bar).
      emit: (event, payload) => void sendEvent(window, event, payload),
      // The organisation's managed settings (docs/deployment.md), read once at start.
      policy: machinePolicy(),
    });
  } catch (err) {
    log('the core could not open', err);
    return { core: null, error: `Recollection could not open its data: ${errorMessage(err)}` };
  }
  // A document that cannot be opened is not a start-up error: the window shows the problem and what
  // to do (the renderer's error screen, from app.status), and the notes stay reachable and backed up.
  const { content } = opened.status();
  if (!content.ok) log(`the document could not be opened (${content.code ?? 'unknown'})`, content.message);
  return { core: opened, error: null };
}

function showStartupError(message: string): void {
  startupError = message;
  void window?.loadURL(APP_ERROR_URL);
}

function start(): void {
  const dataDir = app.getPath('userData');
  const where = appLocations({
    isPackaged: app.isPackaged,
    appPath: app.getAppPath(),
    resourcesPath: process.resourcesPath,
    electronVersion: process.versions.electron,
  });
  hardenSession(session.defaultSession, trust);
  ({ core, error: startupError } = openOrExplain(where, dataDir));
  serveApp(session.defaultSession, where.rendererRoot, {
    startupError: () => startupError,
    renderError: (message) => renderErrorPage(message, dataDir),
  });
  if (core !== null) {
    vault = vaultShell(core, dataDir, () => window);
    const opened = core;
    const handlers = withStartLink(
      // The policy again over the shell's own channels (vault.remember, export.save, folder.choose).
      guardPolicy({ ...shellHandlers(core.handlers, () => window), ...vault.handlers }, core.policy, {
        isProtected: () => opened.vault.status().protected,
      }),
      takePendingLink,
    );
    for (const problem of core.policy.problems) log('managed settings', problem);
    registerIpc({ handlers, window: () => window, trust, log });
    core.onLayersChanged((event) => sendEvent(window, 'layers.changed', event));
    stopBackups = scheduleAutoBackup(core.user, log);
    // The English word list of did-you-mean loads after the window is up, not on the first misspelt query.
    const warm = core;
    setTimeout(() => warm.warmUp(), 3000).unref();
  }

  window = createMainWindow({
    preloadPath: where.preloadPath,
    iconPath: where.iconPath,
    userDataDir: dataDir,
    devTools: !app.isPackaged,
  });
  window.on('closed', () => {
    window = null;
    core?.folder.stop(); // the last edits reach the shared folder; nothing watches it without a window
  });
  installMenu({
    isMac: process.platform === 'darwin',
    development: !app.isPackaged,
    send: (command) => sendEvent(window, 'app.command', { command }),
  });

  const contents = window.webContents;
  contents.on('input-event', () => vault?.noteInput());
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    // -3 (ABORTED) is a load replaced by another one, not a failure.
    if (isMainFrame && code !== -3 && url !== APP_ERROR_URL) {
      showStartupError(`The window could not be loaded (${description}).`);
    }
  });
  contents.on('render-process-gone', (_event, details) => {
    if (details.reason === 'clean-exit') return;
    log('the window stopped', details.reason);
    if (++crashes <= 2) contents.reload();
    else showStartupError(`The window stopped unexpectedly (${details.reason}).`);
  });
  contents.once('did-finish-load', () => {
    const recovery = core?.status().recovery ?? null;
    if (recovery !== null) sendEvent(window, 'app.recovered', { message: recovery });
    const link = takePendingLink(); // not yet asked for by the page's app.status
    if (link !== null) sendEvent(window, 'app.open', link);
  });

  void window.loadURL(startupError !== null ? APP_ERROR_URL : (devUrl ?? APP_INDEX_URL));
}

if (cliArgs !== null) {
  runCliMode(cliArgs);
} else if (!app.requestSingleInstanceLock()) {
  app.quit(); // another window is open: 'second-instance' focuses it
} else {
  // Packaged installers register the scheme (electron-builder.yml `protocols`); this covers the first run.
  if (app.isPackaged) app.setAsDefaultProtocolClient(DEEP_LINK_SCHEME);
  app.on('open-url', (event, url) => {
    event.preventDefault();
    openLink(parseDeepLink(url));
  });
  app.on('second-instance', (_event, argv) => {
    openLink(deepLinkFromArgv(argv));
    if (window === null) return;
    if (window.isMinimized()) window.restore();
    window.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    stopBackups();
    vault?.stop();
    core?.close();
    core = null;
  });
  app
    .whenReady()
    .then(start)
    .catch((err: unknown) => {
      log('start failed', err);
      app.exit(1);
    });
}
