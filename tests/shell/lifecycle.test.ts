/**
 * The app's start (src/main/index.ts) on fakes: one instance; the core opened
 * over the right paths; IPC, protocol, guards and menu installed; and a
 * readable error page — never a blank window — when the content, the native
 * module or the core fails. openCore is replaced by a recording stand-in.
 */
import { NO_POLICY } from '../../src/shared/contract/policy';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core, CoreOptions } from '../../src/core/core';
import { CHANNELS } from '../../src/shared/contract/channels';
import type { Handlers } from '../../src/shared/contract/derive';
import type { AppStatus } from '../../src/shared/contract/types';
import type * as FakesModule from './fakes';

vi.mock('electron', () => import('./fakes'));

const control = vi.hoisted(() => ({
  open: null as null | ((options: CoreOptions) => Core),
  calls: [] as CoreOptions[],
  closed: 0,
  autoBackups: 0,
}));
vi.mock('../../src/core/open', () => ({
  openCore: (options: CoreOptions) => {
    control.calls.push(options);
    return control.open!(options);
  },
}));

const ELECTRON = '39.5.0';
const dir = mkdtempSync(join(tmpdir(), 'recollection-lifecycle-'));
const appDir = join(dir, 'app');
const installedDataDir = join(dir, 'userData');
/** The development app's own data folder (and so its own single-instance lock): never the installed app's. */
const dataDir = `${installedDataDir} (development)`;
const native = join(
  appDir,
  '.native',
  `electron-${ELECTRON}-${process.platform}-${process.arch}`,
  'better_sqlite3.node',
);
// The notes database's addon: the cipher build, never the plain one above.
const userNative = join(native, '..', 'better-sqlite3-multiple-ciphers', 'better_sqlite3.node');

beforeAll(() => {
  mkdirSync(join(appDir, 'out', 'renderer'), { recursive: true });
  writeFileSync(join(appDir, 'out', 'renderer', 'index.html'), '<!doctype html><title>reader</title>');
  mkdirSync(dataDir, { recursive: true });
  Object.defineProperty(process.versions, 'electron', { value: ELECTRON, configurable: true });
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  Reflect.deleteProperty(process.versions, 'electron');
});

function fakeCore(content: AppStatus['content'], recovery: string | null = null): Core {
  return {
    handlers: Object.fromEntries(CHANNELS.map((c) => [c, () => c])) as unknown as Handlers,
    status: () => ({ version: '0.1.0', content, recovery, electron: true, open: null }),
    policy: NO_POLICY,
    user: {
      maybeAutoBackup: () => {
        control.autoBackups++;
        return Promise.resolve(null);
      },
    } as unknown as Core['user'],
    vault: {
      status: () => ({ protected: false, locked: false, kdf: null, canRemember: false, remembered: false }),
    } as unknown as Core['vault'],
    close: () => void control.closed++,
    warmUp: () => undefined,
    onLayersChanged: () => () => undefined,
    folder: { stop: () => undefined } as unknown as Core['folder'],
  };
}

beforeEach(() => {
  control.calls = [];
  control.closed = 0;
  control.autoBackups = 0;
  control.open = () => fakeCore({ ok: true, code: null, message: null });
  mkdirSync(join(userNative, '..'), { recursive: true });
  writeFileSync(native, 'addon');
  writeFileSync(userNative, 'cipher addon');
});

type Fakes = typeof FakesModule;

async function launch(setup: (fakes: Fakes) => void = () => {}) {
  vi.resetModules(); // index.ts runs its start-up code on import
  // The mocked 'electron' is cached across resetModules: use it, reset to a fresh state.
  const fakes = (await import('electron')) as unknown as Fakes;
  fakes.resetFakes();
  fakes.app.appPath = appDir;
  fakes.app.paths.set('userData', installedDataDir);
  setup(fakes);
  await import('../../src/main/index');
  fakes.app.markReady();
  await new Promise((resolve) => setTimeout(resolve, 10));
  const window = fakes.BrowserWindow.instances.at(-1);
  const page = async (url: string) => {
    const res = await fakes.session.defaultSession.protocolHandler!(new Request(url));
    return { status: res.status, text: await res.text() };
  };
  return { fakes, window, page };
}

const FN: unknown = expect.any(Function);

describe('a normal start', () => {
  it('opens the core on the development paths and loads the reader', async () => {
    const { fakes, window, page } = await launch();
    expect(control.calls.map(({ emit: _emit, ...options }) => options)).toEqual([
      {
        contentDbPath: join(appDir, 'build', 'content', 'recollection.db'),
        dataDir,
        nativeBinding: native,
        userNativeBinding: userNative,
        version: '0.1.0',
        // The shared folder's path comes from the shell's own dialogs, handed to the core.
        sharedFolder: { dialogs: { chooseFolder: FN, confirmUnsealed: FN } },
        // No policy file on this machine (docs/deployment.md): none in force.
        policy: { sources: [], policy: {}, problems: [] },
      },
    ]);
    // The core's events (an export's progress) go to the window.
    control.calls[0].emit?.('export.progress', { done: 3, total: 10 });
    expect(window!.webContents.sent).toContainEqual(['export.progress', { done: 3, total: 10 }]);
    expect(fakes.app.enableSandbox).toHaveBeenCalled();
    expect(fakes.ipcMain.handlers.size).toBe(CHANNELS.length);
    expect(window?.loaded).toEqual(['app://bundle/index.html']);
    expect((await page('app://bundle/index.html')).text).toContain('reader');
    expect(fakes.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    expect(fakes.session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(fakes.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(control.autoBackups).toBe(1); // checked at start
  });

  it('hardens every web contents created, and closes the core on quit', async () => {
    const { fakes } = await launch();
    const contents = new fakes.FakeWebContents();
    fakes.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    fakes.app.emit('window-all-closed');
    expect(fakes.app.quit).toHaveBeenCalled();
    fakes.app.emit('will-quit');
    expect(control.closed).toBe(1);
  });

  it('tells the page about a recovered notes database once it has loaded', async () => {
    control.open = () => fakeCore({ ok: true, code: null, message: null }, 'The damaged notes file was moved aside.');
    const { window } = await launch();
    window!.webContents.emit('did-finish-load');
    expect(window!.webContents.sent).toEqual([
      ['app.recovered', { message: 'The damaged notes file was moved aside.' }],
    ]);
  });
});

describe('one instance', () => {
  it('quits when another instance holds the lock', async () => {
    const { fakes } = await launch((f) => (f.app.hasLock = false));
    expect(fakes.app.quit).toHaveBeenCalled();
    expect(fakes.app.whenReady).not.toHaveBeenCalled();
    expect(fakes.BrowserWindow.instances).toHaveLength(0);
  });

  it('focuses the window when a second instance starts', async () => {
    const { fakes, window } = await launch();
    window!.minimized = true;
    fakes.app.emit('second-instance', {}, ['/opt/Recollection/recollection']);
    expect(window!.focused).toBe(true);
    expect(window!.minimized).toBe(false);
  });

  it('gives a deep link on the command line to the page’s first status, and sends it only if the page did not ask', async () => {
    const argv = process.argv;
    process.argv = [...argv, 'recollection://block/c4.f2.po.4'];
    try {
      control.open = () => fakeCore({ ok: true, code: null, message: null });
      const asked = await launch();
      const status = asked.fakes.ipcMain.handlers.get('app.status')!;
      const event = { sender: asked.window!.webContents, senderFrame: asked.window!.webContents.mainFrame };
      expect(await status(event, {})).toMatchObject({ ok: true, value: { open: { type: 'block', id: 'c4.f2.po.4' } } });
      expect(await status(event, {})).toMatchObject({ ok: true, value: { open: null } });
      asked.window!.webContents.emit('did-finish-load');
      expect(asked.window!.webContents.sent.filter(([c]) => c === 'app.open')).toEqual([]);

      const notAsked = await launch();
      notAsked.window!.webContents.emit('did-finish-load');
      expect(notAsked.window!.webContents.sent).toEqual([['app.open', { type: 'block', id: 'c4.f2.po.4' }]]);
    } finally {
      process.argv = argv;
    }
  });

  it('hands a deep link from a second instance or open-url to the window, and ignores bad ones', async () => {
    const { fakes, window } = await launch();
    const sent = () => window!.webContents.sent.filter(([channel]) => channel === 'app.open');
    fakes.app.emit('second-instance', {}, ['/opt/Recollection/recollection', 'recollection://block/c2.f3.po.1']);
    expect(sent()).toEqual([['app.open', { type: 'block', id: 'c2.f3.po.1' }]]);
    fakes.app.emit('open-url', { preventDefault() {} }, 'recollection://page/c4.f2');
    fakes.app.emit('open-url', { preventDefault() {} }, 'recollection://block/../../etc/passwd');
    expect(sent()).toEqual([
      ['app.open', { type: 'block', id: 'c2.f3.po.1' }],
      ['app.open', { type: 'page', id: 'c4.f2' }],
    ]);
  });
});

describe('never a blank window', () => {
  it('keeps the core and the window when the document cannot be opened: the page shows the status', async () => {
    const message = 'The content database is missing (/x/recollection.db): run npm run build:content.';
    control.open = () => fakeCore({ ok: false, code: 'missing', message });
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { fakes, window } = await launch();
    expect(log.mock.calls.map((c) => c.join(' ')).join('\n')).toContain('the document could not be opened (missing)');
    log.mockRestore();
    // The reader loads and asks app.status, whose answer carries the problem (the renderer's error screen).
    expect(window?.loaded).toEqual(['app://bundle/index.html']);
    expect(control.closed).toBe(0);
    expect(fakes.ipcMain.handlers.size).toBe(CHANNELS.length);
    expect(control.autoBackups).toBe(1); // the notes are still backed up
  });

  it('shows the error page when the core throws', async () => {
    control.open = () => {
      throw new Error('the notes database is damaged: file is not a database');
    };
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { window, page } = await launch();
    log.mockRestore();
    expect(window?.loaded).toEqual(['app://bundle/__startup-error.html']);
    expect((await page('app://bundle/__startup-error.html')).text).toContain('file is not a database');
  });

  it('explains a missing Electron build of better-sqlite3 without opening the core', async () => {
    rmSync(native);
    const { window, page } = await launch();
    expect(control.calls).toEqual([]);
    expect(window?.loaded).toEqual(['app://bundle/__startup-error.html']);
    expect((await page('app://bundle/__startup-error.html')).text).toContain('npm start');
  });

  it('explains a missing Electron build of better-sqlite3-multiple-ciphers without opening the core', async () => {
    rmSync(userNative);
    const { window, page } = await launch();
    expect(control.calls).toEqual([]);
    const text = (await page('app://bundle/__startup-error.html')).text;
    expect(window?.loaded).toEqual(['app://bundle/__startup-error.html']);
    expect(text).toContain('better-sqlite3-multiple-ciphers');
    expect(text).toContain('npm start');
  });

  it('switches to the error page when the reader fails to load', async () => {
    const { window } = await launch();
    window!.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', 'app://bundle/index.html', true);
    expect(window!.loaded.at(-1)).toBe('app://bundle/__startup-error.html');
    window!.webContents.emit('did-fail-load', {}, -3, 'ERR_ABORTED', 'app://bundle/index.html', true);
    expect(window!.loaded).toHaveLength(2);
  });

  it('reloads a crashed page, then gives up with the error page', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const { window } = await launch();
    for (let i = 0; i < 3; i++) window!.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    log.mockRestore();
    expect(window!.webContents.reloads).toBe(2);
    expect(window!.loaded.at(-1)).toBe('app://bundle/__startup-error.html');
  });
});
