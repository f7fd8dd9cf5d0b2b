/**
 * The window: hardened web preferences, shown only when painted, and placed
 * where it was left — but always on a visible display, whatever the saved file
 * says. BrowserWindow and screen are fakes; the state file is real.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./fakes'));

const { createMainWindow, webPreferences, WINDOW_STATE_FILE } = await import('../../src/main/window');
const { fitToDisplays, MIN_SIZE, parseWindowState } = await import('../../src/main/bounds');
const fakes = await import('./fakes');

const dir = mkdtempSync(join(tmpdir(), 'recollection-window-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const statePath = join(dir, WINDOW_STATE_FILE);

const primary = { x: 0, y: 0, width: 1920, height: 1040 };
const right = { x: 1920, y: 0, width: 1280, height: 1000 };

beforeEach(() => {
  rmSync(statePath, { force: true });
  fakes.displays.all = [{ workArea: primary }];
});

describe('web preferences', () => {
  it('isolate and sandbox the page, with no Node, no webview and full web security', () => {
    const prefs = webPreferences('/app/out/preload/index.cjs', false);
    expect(prefs).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      spellcheck: false,
      devTools: false,
    });
  });

  it('are the ones the window is created with, hidden until ready-to-show', () => {
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      userDataDir: dir,
      devTools: false,
    }) as unknown as InstanceType<typeof fakes.BrowserWindow>;
    expect(window.options['webPreferences']).toEqual(webPreferences('/p.cjs', false));
    expect(window.options['show']).toBe(false);
    expect(window.options['icon']).toBeUndefined();
    expect(window.shown).toBe(false);
    window.emit('ready-to-show');
    expect(window.shown).toBe(true);
  });
});

describe('the window icon', () => {
  it('is set when the file exists, and left out (not an error) when it does not', () => {
    const icon = join(dir, 'icon.png');
    writeFileSync(icon, 'png');
    const withIcon = createMainWindow({ preloadPath: '/p.cjs', iconPath: icon, userDataDir: dir, devTools: false });
    expect((withIcon as unknown as InstanceType<typeof fakes.BrowserWindow>).options['icon']).toBe(icon);
    const missing = join(dir, 'no-such-icon.png');
    const without = createMainWindow({ preloadPath: '/p.cjs', iconPath: missing, userDataDir: dir, devTools: false });
    expect((without as unknown as InstanceType<typeof fakes.BrowserWindow>).options['icon']).toBeUndefined();
  });
});

describe('remembered bounds', () => {
  it('are saved on close and used by the next window', () => {
    const first = createMainWindow({
      preloadPath: '/p.cjs',
      userDataDir: dir,
      devTools: false,
    }) as unknown as InstanceType<typeof fakes.BrowserWindow>;
    first.normalBounds = { x: 100, y: 50, width: 1000, height: 800 };
    first.maximized = true;
    first.emit('close');
    expect(parseWindowState(readFileSync(statePath, 'utf8'))).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 800,
      maximized: true,
    });

    const second = createMainWindow({
      preloadPath: '/p.cjs',
      userDataDir: dir,
      devTools: false,
    }) as unknown as InstanceType<typeof fakes.BrowserWindow>;
    expect(second.options).toMatchObject({ x: 100, y: 50, width: 1000, height: 800 });
    second.emit('ready-to-show');
    expect(second.maximized).toBe(true);
  });

  it.each([
    ['garbage', 'not json {'],
    ['a wrong shape', '{"x":"left","width":10}'],
    ['unknown keys', '{"x":0,"y":0,"width":900,"height":700,"maximized":false,"url":"https://evil"}'],
    ['absurd numbers', '{"x":1e308,"y":0,"width":-5,"height":700,"maximized":false}'],
  ])('fall back to the default placement on %s', (_name, text) => {
    writeFileSync(statePath, text);
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      userDataDir: dir,
      devTools: false,
    }) as unknown as InstanceType<typeof fakes.BrowserWindow>;
    const { x, y, width, height } = window.options as { x: number; y: number; width: number; height: number };
    expect(width).toBe(1280);
    expect(height).toBe(860);
    expect(x).toBe((primary.width - 1280) / 2);
    expect(y).toBe((primary.height - 860) / 2);
  });

  it('survive a state file that cannot be written', () => {
    const window = createMainWindow({
      preloadPath: '/p.cjs',
      userDataDir: join(dir, 'missing'),
      devTools: false,
    }) as unknown as InstanceType<typeof fakes.BrowserWindow>;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(() => window.emit('close')).not.toThrow();
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
    expect(existsSync(join(dir, 'missing'))).toBe(false);
  });
});

describe('fitToDisplays', () => {
  const inside = (s: { x?: number; y?: number; width: number; height: number }, a: typeof primary) =>
    s.x! >= a.x && s.y! >= a.y && s.x! + s.width <= a.x + a.width && s.y! + s.height <= a.y + a.height;

  it('keeps a window that fits where it is', () => {
    const state = { x: 1950, y: 40, width: 1000, height: 700, maximized: false };
    expect(fitToDisplays(state, [primary, right], primary)).toEqual(state);
  });

  it('centres on the primary display a window whose monitor was unplugged', () => {
    const fitted = fitToDisplays({ x: 4000, y: 3000, width: 1000, height: 700, maximized: false }, [primary], primary);
    expect(fitted).toEqual({ x: 460, y: 170, width: 1000, height: 700, maximized: false });
  });

  it('pulls a window hanging off the edge back onto its display', () => {
    const fitted = fitToDisplays({ x: 1700, y: -300, width: 1000, height: 700, maximized: false }, [primary], primary);
    expect(inside(fitted, primary)).toBe(true);
    expect(fitted.width).toBe(1000);
  });

  it('shrinks a window larger than its display, but not below the minimum', () => {
    const fitted = fitToDisplays({ x: 0, y: 0, width: 5000, height: 4000, maximized: false }, [primary], primary);
    expect(fitted).toMatchObject({ x: 0, y: 0, width: primary.width, height: primary.height });
    const tiny = fitToDisplays({ x: 10, y: 10, width: 100, height: 100, maximized: false }, [primary], primary);
    expect(tiny).toMatchObject({ width: MIN_SIZE.width, height: MIN_SIZE.height });
  });

  it('chooses the display the window overlaps most', () => {
    const fitted = fitToDisplays(
      { x: 1800, y: 100, width: 1000, height: 700, maximized: false },
      [primary, right],
      primary,
    );
    expect(inside(fitted, right)).toBe(true);
  });
});
