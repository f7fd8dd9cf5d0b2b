/**
 * The Notes panel's way to protection: an offer while the notes are not
 * encrypted (from the first start: recommended on laptops that travel), and
 * "Protection…" and "Lock now" once they are (one group, apart from the other links).
 */
import type { ReactNode } from 'react';
import { useStore } from '../lib/store';
import { openDialog } from '../state/ui';
import { lockNow, vault } from '../state/vault';

export function VaultLink(): ReactNode {
  const status = useStore(vault, (v) => v.status);
  if (!status) return null;
  if (!status.protected) {
    return (
      <button
        type="button"
        className="link-button"
        title="Encrypt your notes with a passphrase: recommended on a laptop that travels"
        onClick={() => openDialog('vault')}
      >
        Protect my notes…
      </button>
    );
  }
  return (
    <span className="vault-links">
      <button type="button" className="link-button" onClick={() => openDialog('vault')}>
        Protection…
      </button>
      <button type="button" className="link-button" onClick={() => void lockNow()}>
        Lock now
      </button>
    </span>
  );
}
