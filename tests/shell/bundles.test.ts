/**
 * The bundles electron-vite emits, loaded as Electron loads them, not only
 * the sources: out/main/index.js is an ES module (package.json "type":
 * "module") that, on import and before 'ready', registers the app:// scheme,
 * turns the sandbox on and listens for open-url (macOS delivers a link that
 * started the app before 'ready'); out/preload/index.cjs is one CommonJS file
 * that requires nothing a sandboxed preload lacks.
 *
 * Built once into a folder of its own (not out/, which other tests read).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type * as FakesModule from './fakes';

vi.mock('electron', () => import('./fakes'));

const root = fileURLToPath(new URL('../../', import.meta.url));
const outDir = join(root, 'out', `shell-bundles-${process.pid}`);
const mainFile = join(outDir, 'main', 'index.js');
const preloadFile = join(outDir, 'preload', 'index.cjs');

beforeAll(() => {
  const built = spawnSync(join(root, 'node_modules', '.bin', 'electron-vite'), ['build', '--outDir', outDir], {
    cwd: root,
    encoding: 'utf8',
    timeout: 170_000,
  });
  expect(built.status, built.stderr).toBe(0);
}, 180_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/**
 * Sandboxed preloads get a `require` that knows only `electron` (its renderer modules), `events`,
 * `timers` and `url`, with or without `node:` (Electron's docs/tutorial/sandbox.md, "Preload scripts").
 */
const SANDBOX_MODULES = new Set(['electron', 'events', 'timers', 'url']);

describe('out/preload/index.cjs', () => {
  it('is one CommonJS file that requires only what a sandboxed preload has, and exposes window.api', () => {
    const code = readFileSync(preloadFile, 'utf8');
    expect(code).not.toMatch(/^\s*import\s/m);
    const required: string[] = [];
    const exposed: Array<[string, unknown]> = [];
    const electron = {
      contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void exposed.push([name, api]) },
      ipcRenderer: { invoke: () => Promise.resolve(), on: () => undefined, removeListener: () => undefined },
    };
    const sandboxRequire = (name: string): unknown => {
      required.push(name);
      const bare = name.replace(/^node:/, '');
      if (!SANDBOX_MODULES.has(bare)) throw new Error(`module not found: ${name}`);
      return bare === 'electron' ? electron : {};
    };
    const module = { exports: {} };
    runInNewContext(code, { require: sandboxRequire, module, exports: module.exports, console });
    expect(required.every((name) => SANDBOX_MODULES.has(name.replace(/^node:/, '')))).toBe(true);
    expect(exposed.map(([name]) => name)).toEqual(['api']);
    expect(Object.keys(exposed[0][1] as object).sort()).toEqual(['invoke', 'on']);
  });
});

describe('out/main/index.js', () => {
  it('is an ES module that, before ready, registers the scheme, sandboxes and listens for open-url', async () => {
    const code = readFileSync(mainFile, 'utf8');
    expect(code).toMatch(/^import .* from "electron";$/m);
    expect(code).not.toContain('require("electron")');
    const fakes = (await import('electron')) as unknown as typeof FakesModule;
    fakes.resetFakes();
    fakes.app.paths.set('userData', join(outDir, 'userData'));
    fakes.protocol.registerSchemesAsPrivileged.mockClear();
    await import(pathToFileURL(mainFile).href);
    // Not ready yet: everything Electron needs before 'ready' is done by the import itself.
    expect(fakes.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(fakes.protocol.registerSchemesAsPrivileged.mock.calls[0][0]).toEqual([
      expect.objectContaining({ scheme: 'app' }),
    ]);
    expect(fakes.app.enableSandbox).toHaveBeenCalled();
    expect(fakes.app.listeners.get('open-url')).toHaveLength(1);
    expect(fakes.app.listeners.get('window-all-closed')).toHaveLength(1);
    expect(fakes.BrowserWindow.instances).toHaveLength(0);
    // The development app's own data folder was set before anything read it.
    expect(fakes.app.getPath('userData')).toBe(`${join(outDir, 'userData')} (development)`);
    expect(existsSync(preloadFile)).toBe(true);
  });
});
