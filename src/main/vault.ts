/**
 * The shell's part of the app lock (docs/security.md): the key remembered in
 * the OS keychain through Electron's safeStorage (when the user asks and the
 * OS offers one), the `vault.*` channels that need it, and locking on system
 * suspend, screen lock and after the idle time the user chose.
 *
 * Constraints: the core gets a key, never Electron; the remembered key is
 * stored only as safeStorage's ciphertext, in an owner-only file; a key that
 * no longer opens the notes (keychain reset, passphrase changed elsewhere) is
 * forgotten, never retried; nothing here logs a key; a keychain that is no
 * keychain (Linux's `basic_text`, a key built into Chromium) never holds it;
 * the keychain is asked once whether it works (the question can block for
 * long on Linux), not at every status.
 *
 * Platforms differ (docs/threat-model.md): `lock-screen` exists on macOS and
 * Windows only, and on Linux under Wayland the system idle time can read 0, so
 * there the idle time is also measured from the last input in the window.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { powerMonitor, safeStorage, type BrowserWindow } from 'electron';
import type { Core } from '../core/core';
import { settingsInForce } from '../core/policy/guard';
import type { Handlers } from '../shared/contract/derive';
import type { VaultStatus } from '../shared/contract/types';
import { sendEvent } from './ipc';

const REMEMBERED = 'vault-key.safestorage';
/** How often the idle time is compared with the user's auto-lock setting. */
const IDLE_POLL_MS = 30_000;

export interface VaultShell {
  handlers: Handlers;
  /** The user typed, clicked or scrolled in the window (webContents 'input-event'). */
  noteInput(): void;
  stop(): void;
}

/** Whether the OS keychain can hold the key: a real one, not Chromium's built-in `basic_text` key. */
function keychainWorks(platform: string): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  // Linux only (docs/api/safe-storage.md): `basic_text` encrypts with a password hard-coded in Chromium.
  // Electron reports it as unavailable unless told otherwise; refused here all the same.
  return platform !== 'linux' || safeStorage.getSelectedStorageBackend() !== 'basic_text';
}

export function vaultShell(
  core: Core,
  dataDir: string,
  window: () => BrowserWindow | null,
  platform: string = process.platform,
): VaultShell {
  const file = join(dataDir, REMEMBERED);
  // The organisation's policy may forbid the keychain: the option is gone and a remembered key is forgotten.
  const keychainAllowed = core.policy.policy.allowKeychain !== false;
  let works: boolean | null = null;
  const canRemember = (): boolean => keychainAllowed && (works ??= keychainWorks(platform));
  let lastInput = Date.now();
  const status = (): VaultStatus => ({
    ...core.vault.status(),
    canRemember: canRemember(),
    remembered: existsSync(file),
  });
  const forget = (): void => rmSync(file, { force: true });
  const remember = (): void => {
    const key = core.user.dataKey();
    if (!key || !canRemember()) return;
    writeFileSync(file, safeStorage.encryptString(key.toString('hex')), { mode: 0o600 });
    key.fill(0);
  };

  if (!keychainAllowed) forget();
  // At start: a remembered key opens the notes without asking.
  if (core.vault.status().locked && existsSync(file) && canRemember()) {
    try {
      const key = Buffer.from(safeStorage.decryptString(readFileSync(file)), 'hex');
      core.vault.unlockWith(key);
      key.fill(0);
    } catch {
      forget();
    }
  }

  const lock = (): void => {
    const s = core.vault.status();
    if (!s.protected || s.locked) return;
    core.vault.lock();
    sendEvent(window(), 'vault.changed', status());
  };
  const onSuspend = (): void => lock();
  powerMonitor.on('suspend', onSuspend);
  powerMonitor.on('lock-screen', onSuspend);
  const idle = setInterval(() => {
    const s = core.vault.status();
    if (!s.protected || s.locked) return;
    const minutes = settingsInForce(core.user.settings.get(), core.policy.policy).autoLockMinutes;
    const inWindow = Math.floor((Date.now() - lastInput) / 1000);
    // On Linux the system's idle time can be 0 whatever the user does (Wayland): the window's own counts too.
    const idleSeconds =
      platform === 'linux' ? Math.max(powerMonitor.getSystemIdleTime(), inWindow) : powerMonitor.getSystemIdleTime();
    if (minutes > 0 && idleSeconds >= minutes * 60) lock();
  }, IDLE_POLL_MS);
  idle.unref();

  const after = async <T>(work: () => Promise<T> | T): Promise<T> => {
    const value = await work();
    // A remembered key follows the notes: forgotten when protection is turned off.
    if (!core.vault.status().protected) forget();
    return value;
  };
  const handlers = {
    'vault.status': () => status(),
    'vault.unlock': async (args) => {
      await core.handlers['vault.unlock'](args);
      if (existsSync(file)) remember();
      return status();
    },
    'vault.lock': () => {
      core.vault.lock();
      return status();
    },
    'vault.disable': (args) => after(() => core.handlers['vault.disable'](args)),
    'vault.changePassphrase': async (args) => {
      await core.handlers['vault.changePassphrase'](args);
      return status();
    },
    'vault.remember': ({ remember: on }) => {
      if (on) remember();
      else forget();
      return status();
    },
  } satisfies Partial<Handlers>;
  return {
    handlers: handlers as unknown as Handlers,
    noteInput() {
      lastInput = Date.now();
    },
    stop() {
      clearInterval(idle);
      powerMonitor.off('suspend', onSuspend);
      powerMonitor.off('lock-screen', onSuspend);
    },
  };
}
