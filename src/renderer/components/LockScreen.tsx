/**
 * The lock screen: the notes are locked (protection on). Unlock with the
 * passphrase, or reset it with the recovery code; or present the document,
 * which needs no notes.
 *
 * Constraint: nothing of the notes is on this screen (App.tsx renders it in
 * place of the whole app), and the passphrase never leaves the form but to
 * `vault.unlock`.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { api } from '../api';
import { useStore } from '../lib/store';
import { toast } from '../state/toasts';
import { setVault, vault } from '../state/vault';

interface Props {
  /** Opens the document in presentation mode while the notes stay locked. */
  onPresent: () => void;
}

export function LockScreen({ onPresent }: Props): ReactNode {
  const [recovery, setRecovery] = useState(false);
  const [secret, setSecret] = useState('');
  const [fresh, setFresh] = useState('');
  const [again, setAgain] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  /** What protection found (a plain copy of the notes put back by hand): said before the unlock. */
  const notice = useStore(vault, (v) => v.status?.notice ?? null);
  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const res = await api.vault.unlock(
      recovery ? { recoveryCode: secret, newPassphrase: fresh } : { passphrase: secret },
    );
    setBusy(false);
    if (!res.ok) {
      setError(res.error.message);
      return;
    }
    setSecret('');
    setFresh('');
    setAgain('');
    // …and what the unlock then did about it, once the notes are open.
    if (res.value.notice) toast(res.value.notice);
    setVault(res.value);
  };
  return (
    <main className="lock-screen" aria-labelledby="lock-title">
      <h1 id="lock-title">Your notes are locked</h1>
      {notice ? <p role="status">{notice}</p> : null}
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {recovery ? 'Recovery code' : 'Passphrase'}
          <input
            type={recovery ? 'text' : 'password'}
            autoComplete="off"
            spellCheck={false}
            autoFocus
            value={secret}
            onChange={(e) => setSecret(e.target.value)}
          />
        </label>
        {recovery ? (
          <>
            <label>
              New passphrase (at least 8 characters)
              <input
                type="password"
                autoComplete="new-password"
                value={fresh}
                onChange={(e) => setFresh(e.target.value)}
              />
            </label>
            {/* Typed twice, as when protection is set up: a typo here would lock the notes again at once. */}
            <label>
              The same new passphrase again
              <input
                type="password"
                autoComplete="new-password"
                value={again}
                onChange={(e) => setAgain(e.target.value)}
              />
            </label>
            {again !== '' && again !== fresh ? <p role="alert">The two passphrases differ.</p> : null}
          </>
        ) : null}
        {error ? <p role="alert">{error}</p> : null}
        <div className="lock-actions">
          <button
            type="submit"
            className="button primary"
            disabled={busy || secret === '' || (recovery && (fresh.length < 8 || fresh !== again))}
          >
            {busy ? 'Unlocking…' : recovery ? 'Reset passphrase and unlock' : 'Unlock'}
          </button>
          <button type="button" className="link-button" onClick={() => (setRecovery(!recovery), setError(null))}>
            {recovery ? 'Use my passphrase' : 'I forgot my passphrase: use the recovery code'}
          </button>
        </div>
      </form>
      <p className="muted">
        <button type="button" className="button" onClick={onPresent}>
          Present the document
        </button>{' '}
        shows the document only; your notes stay locked.
      </p>
    </main>
  );
}
