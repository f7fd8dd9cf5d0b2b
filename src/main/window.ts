/**
 * The one application window: hardened web preferences, shown only once its
 * first frame is painted, and placed where the user left it.
 *
 * Constraint: the page gets no Node, no Electron, no <webview>: it runs
 * sandboxed in an isolated world and reaches the core only through the
 * preload's `window.api` (see src/preload/index.ts).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BrowserWindow, screen, type WebPreferences } from 'electron';
import { fitToDisplays, loadWindowState, MIN_SIZE, saveWindowState } from './bounds';
import { errorMessage } from '../shared/errors';

export const WINDOW_STATE_FILE = 'window-state.json';

export function webPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    safeDialogs: true,
    devTools,
  };
}

export interface WindowOptions {
  preloadPath: string;
  /** The window's icon (Linux and Windows show it; macOS uses the app bundle's); skipped when absent. */
  iconPath?: string;
  userDataDir: string;
  devTools: boolean;
}

export function createMainWindow(options: WindowOptions): BrowserWindow {
  const statePath = join(options.userDataDir, WINDOW_STATE_FILE);
  const state = fitToDisplays(
    loadWindowState(statePath),
    screen.getAllDisplays().map((d) => d.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow({
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'Recollection',
    ...(options.iconPath && existsSync(options.iconPath) ? { icon: options.iconPath } : {}),
    backgroundColor: '#fafafa',
    webPreferences: webPreferences(options.preloadPath, options.devTools),
  });
  window.once('ready-to-show', () => {
    if (state.maximized) window.maximize();
    window.show();
  });
  window.on('close', () => {
    try {
      saveWindowState(statePath, { ...window.getNormalBounds(), maximized: window.isMaximized() });
    } catch (err) {
      // Losing the window's place is harmless; say so and close anyway.
      console.warn(`recollection: window state not saved (${errorMessage(err)})`);
    }
  });
  return window;
}
