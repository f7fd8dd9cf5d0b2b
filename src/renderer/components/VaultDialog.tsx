/**
 * "Protect my notes": turn protection on (passphrase twice, then the recovery
 * code shown once, with "I have saved it"), or, when on: lock now, auto-lock
 * time, remember on this computer, change the passphrase, turn it off. The
 * first start's offer (ProtectOffer.tsx) leads here.
 *
 * Constraint: says plainly that without the passphrase or the recovery code
 * the notes cannot be read; the recovery code is shown here once and kept nowhere.
 */
import { useState, type ReactNode } from 'react';
import { api } from '../api';
import { useStore } from '../lib/store';
import { managedLine, policy } from '../state/policy';
import { settings, updateSettings } from '../state/settings';
import { toast } from '../state/toasts';
import { closeOverlays } from '../state/ui';
import { lockNow, setVault, vault } from '../state/vault';
import { Dialog } from './Dialog';
import { CannotBeRead } from './ProtectOffer';

const AUTO_LOCK = [0, 5, 15, 30, 60, 240];

function Passphrases({ label, onDone }: { label: string; onDone: (p: string) => Promise<string | null> }): ReactNode {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [error, setError] = useState<string | null>(null);
  const mismatch = b !== '' && a !== b;
  return (
    <form
      className="vault-form"
      onSubmit={(e) => {
        e.preventDefault();
        void onDone(a).then((err) => setError(err));
      }}
    >
      <label>
        Passphrase (at least 8 characters; a few words is best)
        <input type="password" autoComplete="new-password" value={a} onChange={(e) => setA(e.target.value)} />
      </label>
      <label>
        The same passphrase again
        <input type="password" autoComplete="new-password" value={b} onChange={(e) => setB(e.target.value)} />
      </label>
      {mismatch ? <p role="alert">The two passphrases differ.</p> : null}
      {error ? <p role="alert">{error}</p> : null}
      <button type="submit" className="button primary" disabled={a.length < 8 || a !== b}>
        {label}
      </button>
    </form>
  );
}

/** Prints the recovery code alone (print.css shows only `.recovery-sheet` while `data-print` is set). */
function printCode(): void {
  document.body.dataset.print = 'recovery';
  window.addEventListener('afterprint', () => delete document.body.dataset.print, { once: true });
  window.print();
}

function RecoveryCode({ code, onSaved }: { code: string; onSaved: () => void }): ReactNode {
  const [saved, setSaved] = useState(false);
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (): void => {
    navigator.clipboard.writeText(code).then(
      () => setCopied('Copied. Paste it somewhere safe, away from this computer.'),
      () => setCopied('The clipboard is not available: write the code down or print it.'),
    );
  };
  return (
    <div className="vault-form">
      <p>
        Your notes are now encrypted. This is your <strong>recovery code</strong>. Write it down or print it, and keep
        it apart from this computer: it is the only way back in if you forget your passphrase. It is shown only now.
      </p>
      <div className="recovery-sheet">
        <p className="print-only">Recollection: the recovery code of my notes</p>
        {/* Focused when the step opens: focus stays in the dialog, and a screen reader reads the code first. */}
        <p className="recovery-code" aria-label="Recovery code" tabIndex={-1} data-autofocus="">
          {code}
        </p>
      </div>
      <div className="lock-actions">
        <button type="button" className="button" onClick={copy}>
          Copy
        </button>
        <button type="button" className="button" onClick={printCode}>
          Print…
        </button>
      </div>
      <p className="muted small" role="status">
        {copied}
      </p>
      <label className="check">
        <input type="checkbox" checked={saved} onChange={(e) => setSaved(e.target.checked)} /> I have saved it
      </label>
      <button type="button" className="button primary" disabled={!saved} onClick={onSaved}>
        Done
      </button>
    </div>
  );
}

export function VaultDialog(): ReactNode {
  const status = useStore(vault, (v) => v.status);
  const autoLock = useStore(settings, (s) => s.autoLockMinutes);
  const managed = useStore(policy, (v) => v.policy);
  // Required by the organisation and not yet set up: the set-up cannot be put off.
  const mustSetUp = managed.requireProtection === true && status?.protected === false;
  const lockChoices =
    managed.maxAutoLockMinutes === undefined
      ? AUTO_LOCK
      : [
          ...new Set([
            ...AUTO_LOCK.filter((m) => m > 0 && m <= managed.maxAutoLockMinutes!),
            managed.maxAutoLockMinutes,
          ]),
        ].sort((a, b) => a - b);
  const [code, setCode] = useState<string | null>(null);
  const [mode, setMode] = useState<'main' | 'change' | 'off'>('main');
  const [current, setCurrent] = useState('');
  const [offError, setOffError] = useState<string | null>(null);
  const refresh = async (): Promise<void> => {
    const s = await api.vault.status({});
    if (s.ok) setVault(s.value);
  };
  // Its own dialog (key): focus moves into the new step; no ✕ and no Esc, only "I have saved it" and Done.
  if (code)
    return (
      <Dialog key="code" title="Protect my notes" className="vault-dialog">
        <RecoveryCode code={code} onSaved={() => (setCode(null), closeOverlays())} />
      </Dialog>
    );
  return (
    <Dialog
      key="main"
      title="Protect my notes"
      onClose={mustSetUp ? () => undefined : closeOverlays}
      className="vault-dialog"
    >
      {!status?.protected ? (
        <>
          {mustSetUp ? (
            <p data-testid="vault-required">
              <strong>Your organisation requires your notes to be protected.</strong> {managedLine()}
            </p>
          ) : null}
          <p>
            Encrypts your notes, positions and their backups on this computer with a passphrase, and locks them when you
            step away. Recommended on a laptop that travels.
          </p>
          <CannotBeRead />
          <Passphrases
            label="Encrypt my notes"
            onDone={async (passphrase) => {
              const res = await api.vault.enable({ passphrase });
              if (!res.ok) return res.error.message;
              // Set up by any way in: the first-run offer has nothing left to offer, even if protection is turned off later.
              if (!settings.get().vaultOffered) updateSettings({ vaultOffered: true });
              setCode(res.value.recoveryCode);
              await refresh();
              return null;
            }}
          />
        </>
      ) : mode === 'main' ? (
        <div className="vault-form">
          <p>Your notes are encrypted.</p>
          {/* The key derivation's parameters are for an auditor (docs/security.md), not a delegate's first line. */}
          <details className="muted small">
            <summary>Technical details</summary>
            Passphrase key derivation: {status.kdf}. Database encryption: SQLCipher 4.
          </details>
          <button type="button" className="button primary" onClick={() => void lockNow().then(closeOverlays)}>
            Lock now
          </button>
          <label>
            Lock after the computer is idle for
            <select value={autoLock} onChange={(e) => updateSettings({ autoLockMinutes: Number(e.target.value) })}>
              {lockChoices.map((m) => (
                <option key={m} value={m}>
                  {m === 0 ? 'never' : m < 60 ? `${m} minutes` : `${m / 60} hour${m > 60 ? 's' : ''}`}
                </option>
              ))}
            </select>
          </label>
          {managed.maxAutoLockMinutes !== undefined || managed.requireProtection ? (
            <p className="small muted" data-testid="vault-managed">
              {managedLine()}
            </p>
          ) : null}
          {status.canRemember ? (
            <label className="check">
              <input
                type="checkbox"
                checked={status.remembered}
                onChange={(e) => void api.vault.remember({ remember: e.target.checked }).then(refresh)}
              />{' '}
              Remember the passphrase on this computer (the OS keychain); it then opens without asking
            </label>
          ) : null}
          <div className="lock-actions">
            <button type="button" className="button" onClick={() => setMode('change')}>
              Change passphrase…
            </button>
            {managed.requireProtection ? null : (
              <button type="button" className="button danger" onClick={() => setMode('off')}>
                Turn protection off…
              </button>
            )}
          </div>
        </div>
      ) : (
        <div className="vault-form">
          <label>
            Current passphrase
            <input
              type="password"
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
            />
          </label>
          {mode === 'change' ? (
            <Passphrases
              label="Change passphrase"
              onDone={async (newPassphrase) => {
                const res = await api.vault.changePassphrase({ passphrase: current, newPassphrase });
                if (!res.ok) return res.error.message;
                toast('Passphrase changed. Your recovery code still works.');
                setMode('main');
                return null;
              }}
            />
          ) : (
            <button
              type="button"
              className="button danger"
              onClick={() =>
                void api.vault.disable({ passphrase: current }).then((res) => {
                  // Said in the dialog (a toast sits under it).
                  if (!res.ok) return setOffError(res.error.message);
                  setVault(res.value);
                  toast('Protection is off: your notes are stored unencrypted again.');
                  closeOverlays();
                })
              }
            >
              Decrypt my notes and turn protection off
            </button>
          )}
          {offError ? <p role="alert">{offError}</p> : null}
        </div>
      )}
    </Dialog>
  );
}
