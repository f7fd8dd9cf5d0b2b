/**
 * `Recollection cli <command> …`: the installed app runs the command line
 * (its fuses forbid running as Node). The real main module and the real
 * command line over the real content database and a temporary data folder;
 * only Electron is a stand-in (./fakes).
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { nodeAddon } from '../../src/cli/paths';
import { CLI_SESSION_DIR, cliModeArgs } from '../../src/main/cli-mode';
import { addonIn, PACKAGED_NATIVE_DIR } from '../../src/main/paths';
import type * as FakesModule from './fakes';

vi.mock('electron', () => import('./fakes'));

type Fakes = typeof FakesModule;
const folders: string[] = [];
const temp = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'recollection-cli-mode-'));
  folders.push(dir);
  return dir;
};
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
afterEach(() => vi.restoreAllMocks());

/**
 * The installed app's layout (electron-builder): resources/app.asar (the app's code), its
 * app.asar.unpacked/ beside it, and resources/native/ with the two addons (here the Node builds,
 * which load in this process as the Electron builds load in the app). No repository above it.
 */
function packagedLayout(withAddons = true): string {
  const resources = join(temp(), 'resources');
  mkdirSync(join(resources, 'app.asar.unpacked'), { recursive: true });
  writeFileSync(join(resources, 'app.asar'), 'asar');
  if (withAddons) {
    for (const pkg of ['better-sqlite3', 'better-sqlite3-multiple-ciphers'] as const) {
      const target = addonIn(join(resources, PACKAGED_NATIVE_DIR), pkg);
      mkdirSync(join(target, '..'), { recursive: true });
      copyFileSync(nodeAddon(pkg)!, target);
    }
  }
  return resources;
}

interface AppRun {
  code: unknown;
  out: string;
  err: string;
  fakes: Fakes;
  /** What was written to stdout before app.exit was called, as far as the OS had taken it. */
  flushedAtExit: string;
}

/** Starts the main module as the packaged app started with `argv`, and waits for app.exit. */
async function runApp(argv: string[], userData: string, resources = packagedLayout()): Promise<AppRun> {
  vi.resetModules();
  const fakes = (await import('electron')) as unknown as Fakes;
  fakes.resetFakes();
  fakes.app.isPackaged = true;
  fakes.app.appPath = join(resources, 'app.asar');
  fakes.app.paths.set('userData', userData);
  fakes.protocol.registerSchemesAsPrivileged.mockClear();
  Object.defineProperty(process, 'resourcesPath', { value: resources, configurable: true });
  let out = '';
  let err = '';
  let flushed = '';
  // A pipe that takes each write a turn later, as stdout to a pipe does on macOS and Windows
  // (Node's docs, "A note on process I/O"): the callback runs once the OS has the text.
  const later = (chunk: string | Uint8Array, cb: unknown, onTaken: (text: string) => void): boolean => {
    setTimeout(() => {
      onTaken(String(chunk));
      if (typeof cb === 'function') (cb as () => void)();
    }, 5);
    return true;
  };
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array, a?: unknown, b?: unknown) => {
    out += String(chunk);
    return later(chunk, typeof a === 'function' ? a : b, (text) => (flushed += text));
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array, a?: unknown, b?: unknown) => {
    err += String(chunk);
    return later(chunk, typeof a === 'function' ? a : b, () => undefined);
  });
  let flushedAtExit = '';
  fakes.app.exit.mockImplementation(() => void (flushedAtExit = flushed));
  const saved = process.argv;
  process.argv = ['/opt/Recollection/recollection', ...argv];
  try {
    await import('../../src/main/index');
  } finally {
    process.argv = saved;
  }
  fakes.app.markReady();
  await vi.waitFor(() => expect(fakes.app.exit).toHaveBeenCalled(), { timeout: 20_000 });
  return { code: fakes.app.exit.mock.calls[0]?.[0], out, err, fakes, flushedAtExit };
}

describe('cliModeArgs', () => {
  it('takes the words after "cli", packaged and in development', () => {
    expect(cliModeArgs(['/opt/R/recollection', 'cli', 'search', 'x'], true)).toEqual(['search', 'x']);
    expect(cliModeArgs(['/x/electron', '.', 'cli', 'show', 'c1'], false)).toEqual(['show', 'c1']);
    expect(cliModeArgs(['/opt/R/recollection'], true)).toBeNull();
    expect(cliModeArgs(['/opt/R/recollection', 'recollection://block/c1.f1.po.1'], true)).toBeNull();
    // Only the first word counts: a deep link or a file named "cli" later on is not a command.
    expect(cliModeArgs(['/opt/R/recollection', '--flag', 'cli'], true)).toBeNull();
  });
});

describe('the installed app as a command line', () => {
  it('answers a command with no window and no single-instance lock, and exits with its code', async () => {
    const data = temp();
    const { code, out, fakes } = await runApp(
      ['cli', 'show', 'c2.f2.po.1', '--json', '--content', CONTENT_DB_PATH, '--data-dir', data],
      data,
    );
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      type: 'block',
      data: { block: { id: 'c2.f2.po.1', shortLabel: '2.2 PO 1' } },
    });
    expect(fakes.BrowserWindow.instances).toHaveLength(0);
    expect(fakes.protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
    // The guards are on all the same: the session's request blocker is installed.
    expect(fakes.session.defaultSession.webRequest.onBeforeRequest).toHaveBeenCalled();
  });

  it("writes to the app's own notes folder unless told otherwise, and reports errors with exit 1", async () => {
    const userData = temp();
    const added = await runApp(
      ['cli', 'annotate', 'c2.f2.po.1', '--note', 'from the installed app', '--content', CONTENT_DB_PATH],
      userData,
    );
    expect(added.code).toBe(0);
    expect(existsSync(join(userData, 'user.db'))).toBe(true);
    const listed = await runApp(['cli', 'notes', '--json', '--content', CONTENT_DB_PATH], userData);
    expect(listed.out).toContain('from the installed app');
    const missing = await runApp(['cli', 'show', 'nowhere', '--content', CONTENT_DB_PATH], userData);
    expect(missing.code).toBe(1);
  });

  it("prints PDF with the app's own printer (no browser needed)", async () => {
    const data = temp();
    const pdf = join(data, 'brief.pdf');
    const { code, fakes } = await runApp(
      ['cli', 'export', '--format', 'pdf', '--out', pdf, '--content', CONTENT_DB_PATH, '--data-dir', data],
      data,
    );
    expect(code).toBe(0);
    expect(readFileSync(pdf, 'utf8')).toBe('%PDF-1.7 fake');
    const printer = fakes.BrowserWindow.instances[0];
    expect(printer?.options).toMatchObject({ show: false, webPreferences: { javascript: false } });
    expect(printer?.destroyed).toBe(true);
    // Destroying the printer closed the app's last window: Electron quits then unless someone listens.
    expect(fakes.app.quit).not.toHaveBeenCalled();
    expect(readdirSync(data).filter((f) => f.includes('recollection-tmp'))).toEqual([]);
  });

  it('exits only once all its output is written out (a long --json answer is not cut)', async () => {
    const data = temp();
    const r = await runApp(['cli', 'outline', '--json', '--content', CONTENT_DB_PATH, '--data-dir', data], data);
    expect(r.code).toBe(0);
    expect(r.out.length).toBeGreaterThan(10_000);
    expect(r.flushedAtExit).toBe(r.out);
  });

  it('refuses, and says so, when its own addon is missing: never one from node_modules in the current folder', async () => {
    const data = temp();
    const planted = temp();
    const addon = join(planted, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(join(addon, '..'), { recursive: true });
    copyFileSync(nodeAddon('better-sqlite3')!, addon);
    const here = process.cwd();
    process.chdir(planted);
    try {
      const r = await runApp(['cli', 'show', 'c2.f2.po.1', '--content', CONTENT_DB_PATH], data, packagedLayout(false));
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/^recollection: the app's SQLite addon is missing \(.*resources\/native\/.*\); reinstall/);
      expect(existsSync(join(data, 'user.db'))).toBe(false);
    } finally {
      process.chdir(here);
    }
  });

  it("keeps its Chromium profile apart from a running window's", async () => {
    const data = temp();
    const { fakes } = await runApp(['cli', 'outline', '--content', CONTENT_DB_PATH], data);
    expect(fakes.app.getPath('sessionData')).toBe(join(data, CLI_SESSION_DIR));
  });
});
