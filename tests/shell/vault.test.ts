/**
 * The shell's part of the app lock (src/main/vault.ts) on the Electron fakes
 * (./fakes): the keychain asked once, never `basic_text`; locking on the
 * power events the running platform really sends; the idle lock on Linux
 * where the system's idle time reads 0 (Wayland); no keychain where the
 * organisation's policy forbids it. The core is a small
 * stand-in recording lock and unlock.
 */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Core } from '../../src/core/core';
import type { ManagedPolicy } from '../../src/shared/contract/policy';
import { vaultShell, type VaultShell } from '../../src/main/vault';
import type * as FakesModule from './fakes';

vi.mock('electron', () => import('./fakes'));
const fakes = (await import('electron')) as unknown as typeof FakesModule;

const dir = mkdtempSync(join(tmpdir(), 'recollection-vault-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let locked = false;
let managed: ManagedPolicy = {};
const core = {
  vault: {
    status: () => ({ protected: true, locked, kdf: null }),
    lock: () => void (locked = true),
  },
  user: { settings: { get: () => ({ autoLockMinutes: 5 }) }, dataKey: () => null },
  handlers: {},
  get policy() {
    return { sources: [], policy: managed, problems: [] };
  },
} as unknown as Core;

let shells: VaultShell[] = [];
const open = (platform: string): VaultShell => {
  fakes.powerMonitor.platform = platform;
  const shell = vaultShell(core, dir, () => null, platform);
  shells.push(shell);
  return shell;
};
beforeEach(() => {
  fakes.resetFakes();
  fakes.safeStorage.isEncryptionAvailable.mockClear();
  locked = false;
  managed = {};
});
afterEach(() => {
  shells.forEach((s) => s.stop());
  shells = [];
  vi.useRealTimers();
});

const status = async (shell: VaultShell): Promise<{ canRemember: boolean }> =>
  (await (shell.handlers['vault.status'] as (a: object) => unknown)({})) as { canRemember: boolean };

describe('the keychain', () => {
  it('is asked once whether it works, not at every vault.status (the question can block on Linux)', async () => {
    fakes.safeStorage.mode = 'slow';
    const shell = open('linux');
    for (let i = 0; i < 5; i++) expect((await status(shell)).canRemember).toBe(true);
    expect(fakes.safeStorage.waits).toBe(1);
  });

  it("never holds the key in Linux's basic_text store (a password built into Chromium)", async () => {
    fakes.safeStorage.mode = 'basic_text';
    expect((await status(open('linux'))).canRemember).toBe(false);
    fakes.safeStorage.mode = 'available';
    expect((await status(open('linux'))).canRemember).toBe(true);
    fakes.safeStorage.mode = 'unavailable';
    expect((await status(open('win32'))).canRemember).toBe(false);
  });

  it("is not offered where the organisation's policy forbids it, and a remembered key is forgotten", async () => {
    fakes.safeStorage.mode = 'available';
    writeFileSync(join(dir, 'vault-key.safestorage'), 'remembered');
    managed = { allowKeychain: false };
    expect((await status(open('win32'))).canRemember).toBe(false);
    expect(existsSync(join(dir, 'vault-key.safestorage'))).toBe(false);
  });
});

describe('locking', () => {
  it('locks on screen lock where the platform sends it, and on suspend everywhere', () => {
    open('darwin');
    expect(fakes.powerMonitor.fire('lock-screen')).toBe(true);
    expect(locked).toBe(true);
    shells.forEach((s) => s.stop());
    locked = false;
    open('linux');
    // Linux has no lock-screen event (docs/api/power-monitor.md): only suspend locks there.
    expect(fakes.powerMonitor.fire('lock-screen')).toBe(false);
    expect(locked).toBe(false);
    expect(fakes.powerMonitor.fire('suspend')).toBe(true);
    expect(locked).toBe(true);
  });

  it('locks on Linux after the idle time with no input in the window, though the system idle time reads 0', () => {
    vi.useFakeTimers();
    fakes.powerMonitor.getSystemIdleTime.mockReturnValue(0); // Wayland (electron#34826)
    const shell = open('linux');
    vi.advanceTimersByTime(4 * 60_000);
    shell.noteInput(); // the user works in the window: the clock starts again
    vi.advanceTimersByTime(4 * 60_000);
    expect(locked).toBe(false);
    vi.advanceTimersByTime(90_000);
    expect(locked).toBe(true);
  });

  it('elsewhere goes by the system idle time alone', () => {
    vi.useFakeTimers();
    fakes.powerMonitor.getSystemIdleTime.mockReturnValue(0);
    open('win32');
    vi.advanceTimersByTime(10 * 60_000);
    expect(locked).toBe(false);
    fakes.powerMonitor.getSystemIdleTime.mockReturnValue(5 * 60);
    vi.advanceTimersByTime(30_000);
    expect(locked).toBe(true);
  });
});
