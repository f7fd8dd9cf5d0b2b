/**
 * The first-run offer to protect the notes: shown once, over the
 * document already open, on a data folder whose notes are not encrypted;
 * "Protect my notes…" goes on to the set-up (VaultDialog, with its recovery
 * code), "Not now" (or Esc, or ✕) is remembered (`vaultOffered`). Settings and
 * the Notes tab still offer protection afterwards.
 *
 * Constraint: says plainly that without the passphrase or the recovery code
 * the notes cannot be read; never shown in presentation mode (App.tsx does not
 * open it then, and Shell renders it inside Private).
 */
import type { ReactNode } from 'react';
import { answerProtectionOffer } from '../state/vault';
import { Dialog } from './Dialog';

/** The sentence every way into protection says plainly (the offer and the set-up). */
export function CannotBeRead(): ReactNode {
  return (
    <p>
      <strong>Without the passphrase or the recovery code, the notes cannot be read — by anyone, you included.</strong>
    </p>
  );
}

export function ProtectOffer(): ReactNode {
  const later = (): void => answerProtectionOffer(false);
  return (
    <Dialog title="Protect your notes?" onClose={later} className="vault-dialog protect-offer">
      <p>
        Your notes, positions and bookmarks are kept on this computer unencrypted: anyone who copies its files can read
        them.
      </p>
      <p>
        A passphrase encrypts them, with their backups, and locks them when you step away.{' '}
        <strong>Recommended on a laptop that travels.</strong>
      </p>
      <CannotBeRead />
      <p className="small muted">You can also protect them later, from Settings or the Notes tab.</p>
      <div className="dialog-actions">
        <span className="spacer" />
        <button type="button" className="button" onClick={later}>
          Not now
        </button>
        <button type="button" className="button primary" data-autofocus onClick={() => answerProtectionOffer(true)}>
          Protect my notes…
        </button>
      </div>
    </Dialog>
  );
}
