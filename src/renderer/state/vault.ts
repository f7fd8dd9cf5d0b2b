/**
 * Protection of the notes as the window knows it (docs/security.md): the
 * vault status from the core, changed by the user (unlock, lock, set-up) or
 * by the shell (auto-lock on idle, suspend, screen lock: `vault.changed`).
 *
 * Constraint: while locked the app shows the lock screen only (App.tsx), so
 * nothing of the notes is on screen; the document can still be presented.
 */
import type { VaultStatus } from '../../shared/contract/types';
import { api } from '../api';
import { createStore } from '../lib/store';
import { policy } from './policy';
import { settings, updateSettings } from './settings';
import { toast } from './toasts';
import { anyOverlayOpen, closeOverlays, openDialog } from './ui';

/** `presenting`: the document shown in presentation mode while the notes stay locked (reset by any change). */
export const vault = createStore<{ status: VaultStatus | null; presenting: boolean }>({
  status: null,
  presenting: false,
});

export async function loadVault(): Promise<VaultStatus | null> {
  const res = await api.vault.status({});
  vault.set({ status: res.ok ? res.value : null, presenting: false });
  // Opened at start with the key the keychain remembered: what protection did is said here (the lock screen was not shown).
  if (res.ok && !res.value.locked && res.value.notice) toast(res.value.notice);
  return res.ok ? res.value : null;
}

export function setVault(status: VaultStatus): void {
  vault.set({ status, presenting: false });
}

export function presentWhileLocked(): void {
  vault.set({ presenting: true });
}

export async function lockNow(): Promise<void> {
  const res = await api.vault.lock({});
  if (res.ok) setVault(res.value);
}

/**
 * The first-run offer, once the document is on screen: only on a data
 * folder whose notes are not protected and were never offered protection
 * (settings read, so `vaultOffered` is the stored one), never in presentation
 * mode, never over a dialog the start opened.
 */
export function offerProtectionOnce(): void {
  const status = vault.get().status;
  const s = settings.get();
  // Required by the organisation: straight to the set-up, at every start until it is done.
  if (policy.get().policy.requireProtection && status && !status.protected && !status.locked) {
    if (!anyOverlayOpen()) openDialog('vault');
    return;
  }
  if (!status || status.protected || status.locked || s.vaultOffered || s.presentation || anyOverlayOpen()) return;
  openDialog('protect-offer');
}

/** Protect now (the set-up dialog) or later; either way the offer is not made again. */
export function answerProtectionOffer(protect: boolean): void {
  updateSettings({ vaultOffered: true });
  if (protect) openDialog('vault');
  else closeOverlays();
}
