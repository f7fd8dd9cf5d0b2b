/**
 * Small stand-ins for the Electron APIs the shell uses, recording every call,
 * for `vi.mock('electron', () => import('./fakes'))` in the shell tests.
 *
 * Constraint: fakes only record and return what a test sets; the code under
 * test (protocol, security, IPC, dialogs, window, preload) is the real code.
 */
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeFrame {
  detached = false;
  parent: FakeFrame | null = null;
  constructor(
    public url: string,
    public processId = 1,
    public frameTreeNodeId = 1,
  ) {}
}

/** An event object like Electron's: records preventDefault. */
export class FakeEvent {
  defaultPrevented = false;
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

export class FakeWebContents extends EventEmitter {
  mainFrame = new FakeFrame('app://bundle/index.html');
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  sent: Array<[string, unknown]> = [];
  url = 'app://bundle/index.html';
  reloads = 0;
  loading = false;
  isLoading(): boolean {
    return this.loading;
  }
  reload(): void {
    this.reloads += 1;
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, payload: unknown): void {
    this.sent.push([channel, payload]);
  }
  printed: Array<Record<string, unknown>> = [];
  printToPDF(options: Record<string, unknown>): Promise<Buffer> {
    this.printed.push(options);
    return Promise.resolve(Buffer.from('%PDF-1.7 fake'));
  }
  getURL(): string {
    return this.url;
  }
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = [];
  webContents = new FakeWebContents();
  shown = false;
  maximized = false;
  destroyed = false;
  normalBounds = { x: 10, y: 20, width: 900, height: 700 };
  constructor(public options: Record<string, unknown>) {
    super();
    BrowserWindow.instances.push(this);
  }
  loaded: string[] = [];
  focused = false;
  minimized = false;
  show(): void {
    this.shown = true;
  }
  loadURL(url: string): Promise<void> {
    this.loaded.push(url);
    return Promise.resolve();
  }
  focus(): void {
    this.focused = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
  /**
   * Electron's BrowserWindow.destroy(): "Force closing the window … it guarantees the closed event
   * will be emitted" (docs/api/browser-window.md). When it was the last window, app emits
   * 'window-all-closed', and with no listener Electron quits: "If you do not subscribe to this event
   * and all windows are closed, the default behavior is to quit the app" (docs/api/app.md).
   */
  destroy(): void {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('closed');
    if (BrowserWindow.instances.every((w) => w.destroyed)) {
      if (app.listeners.has('window-all-closed')) app.emit('window-all-closed');
      else app.quit();
    }
  }
  getNormalBounds(): { x: number; y: number; width: number; height: number } {
    return this.normalBounds;
  }
}

type InvokeListener = (event: unknown, ...args: unknown[]) => unknown;
export const ipcMain = {
  handlers: new Map<string, InvokeListener>(),
  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`second handler for ${channel}`); // as Electron does
    this.handlers.set(channel, listener);
  },
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  },
};

export const dialog = {
  showMessageBox: vi.fn(),
  showSaveDialog: vi.fn(),
  showOpenDialog: vi.fn(),
};

export const shell = { openExternal: vi.fn(async () => {}) };

export const protocol = { registerSchemesAsPrivileged: vi.fn() };

export const displays = {
  all: [{ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }],
};
export const screen = {
  getAllDisplays: () => displays.all,
  getPrimaryDisplay: () => displays.all[0],
};

type Listener = (...args: unknown[]) => void;
let markReady: () => void = () => {};
const ready = new Promise<void>((resolve) => (markReady = resolve));

export const app = {
  paths: new Map<string, string>(),
  getPath(name: string): string {
    const path = this.paths.get(name);
    if (path === undefined) throw new Error(`no fake path for ${name}`);
    return path;
  },
  isPackaged: false,
  appPath: '/nowhere',
  getAppPath(): string {
    return this.appPath;
  },
  /** app.setPath(name, path) (docs/api/app.md): later getPath(name) answers it. */
  setPath(name: string, path: string): void {
    this.paths.set(name, path);
  },
  getVersion: () => '0.1.0',
  enableSandbox: vi.fn(),
  setAppUserModelId: vi.fn(),
  hasLock: true,
  requestSingleInstanceLock(): boolean {
    return this.hasLock;
  },
  listeners: new Map<string, Listener[]>(),
  on(name: string, listener: Listener): void {
    this.listeners.set(name, [...(this.listeners.get(name) ?? []), listener]);
  },
  emit(name: string, ...args: unknown[]): void {
    for (const listener of this.listeners.get(name) ?? []) listener(...args);
  },
  whenReady: vi.fn(() => ready),
  /** Test control: lets `whenReady()` resolve. */
  markReady: () => markReady(),
  quit: vi.fn(),
  exit: vi.fn(),
};

/** A session recording what the shell installs on it. */
export const session = {
  defaultSession: {
    protocolHandler: null as null | ((request: Request) => Promise<Response>),
    protocol: {
      handle(_scheme: string, handler: (request: Request) => Promise<Response>): void {
        session.defaultSession.protocolHandler = handler;
      },
    },
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    setDevicePermissionHandler: vi.fn(),
    webRequest: { onBeforeRequest: vi.fn() },
  },
};

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

/**
 * powerMonitor's events per platform, as docs/api/power-monitor.md lists them: `suspend` and
 * `resume` everywhere; `lock-screen` and `unlock-screen` on macOS and Windows only; `shutdown` on
 * Linux and macOS. `fire` emits an event only where the running platform has it, so a test cannot
 * lock the vault through an event Linux never sends.
 */
export const POWER_EVENTS: Record<string, readonly string[]> = {
  linux: ['suspend', 'resume', 'shutdown'],
  darwin: ['suspend', 'resume', 'shutdown', 'lock-screen', 'unlock-screen'],
  win32: ['suspend', 'resume', 'lock-screen', 'unlock-screen'],
};
export const powerMonitor = Object.assign(new EventEmitter(), {
  platform: String(process.platform),
  getSystemIdleTime: vi.fn(() => 0),
  /** Test control: the OS sends `name`, if this platform has it. Returns whether it was sent. */
  fire(name: string): boolean {
    if (!(POWER_EVENTS[powerMonitor.platform] ?? []).includes(name)) return false;
    powerMonitor.emit(name);
    return true;
  },
});

/**
 * safeStorage (docs/api/safe-storage.md): `isEncryptionAvailable()` false where no keychain is
 * reachable; on Linux `getSelectedStorageBackend()` says which one, and `basic_text` means "no
 * keychain: a hard-coded password" while encryption still reports available. `isEncryptionAvailable`
 * is synchronous and can block on Linux while the keyring answers (electron#43479); `slow` counts
 * each such call as a wait a test can see. Default: no keychain.
 */
export const safeStorage = {
  mode: 'unavailable' as 'available' | 'unavailable' | 'basic_text' | 'slow',
  waits: 0,
  isEncryptionAvailable: vi.fn((): boolean => {
    if (safeStorage.mode === 'slow') safeStorage.waits += 1;
    return safeStorage.mode !== 'unavailable';
  }),
  getSelectedStorageBackend: vi.fn((): string =>
    safeStorage.mode === 'basic_text' ? 'basic_text' : 'gnome_libsecret',
  ),
  encryptString: vi.fn((s: string) => Buffer.from(`sealed:${s}`)),
  decryptString: vi.fn((b: Buffer) => b.toString().replace(/^sealed:/, '')),
};

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const ipcRenderer = {
  invoke: vi.fn((channel: string, args: unknown) => Promise.resolve({ ok: true, value: { channel, args } })),
  on: vi.fn(),
  removeListener: vi.fn(),
};

export default {};

/** Back to a fresh state, for tests that start the app more than once (the mocked module is cached). */
export function resetFakes(): void {
  ipcMain.handlers.clear();
  BrowserWindow.instances = [];
  app.listeners.clear();
  app.hasLock = true;
  app.isPackaged = false;
  session.defaultSession.protocolHandler = null;
  powerMonitor.removeAllListeners();
  powerMonitor.platform = process.platform;
  safeStorage.mode = 'unavailable';
  safeStorage.waits = 0;
  for (const mock of [
    app.quit,
    app.exit,
    app.enableSandbox,
    app.whenReady,
    Menu.setApplicationMenu,
    Menu.buildFromTemplate,
    session.defaultSession.setPermissionRequestHandler,
    session.defaultSession.setPermissionCheckHandler,
    session.defaultSession.setDevicePermissionHandler,
    session.defaultSession.webRequest.onBeforeRequest,
  ]) {
    mock.mockClear();
  }
}
