/**
 * The export dialog's "Seal with a passphrase" fields (a .recollection file,
 * docs/export-import.md) and the import dialog's passphrase field for a
 * sealed file.
 *
 * Constraint: the passphrase lives in this dialog's state only: never stored,
 * never put in a message, forgotten when the dialog closes. The warning says
 * plainly that a lost passphrase means a lost file (there is no recovery).
 */
import { useId, type ReactNode } from 'react';
import { LIMITS } from '../../shared/limits';

export interface SealState {
  on: boolean;
  passphrase: string;
  again: string;
}
export const SEAL_OFF: SealState = { on: false, passphrase: '', again: '' };

/** Why the fields cannot seal yet, or null when they can (or sealing is off). */
export function sealProblem(s: SealState): string | null {
  if (!s.on) return null;
  if (s.passphrase.length < LIMITS.sealPassphraseMin)
    return `The passphrase needs at least ${LIMITS.sealPassphraseMin} characters.`;
  if (s.passphrase !== s.again) return 'The two passphrases differ.';
  return null;
}

/** The `seal` argument of export.save / export.render. */
export const sealArg = (s: SealState): { passphrase: string } | undefined =>
  s.on ? { passphrase: s.passphrase } : undefined;

export function SealFields({
  value,
  onChange,
  lockedOn,
}: {
  value: SealState;
  onChange: (s: SealState) => void;
  /** Sealing is required (the organisation's policy): the box stays ticked, and this says why. */
  lockedOn?: string;
}): ReactNode {
  const warning = useId();
  return (
    <fieldset className="seal-fields">
      <legend>Seal</legend>
      <label className="check">
        <input
          type="checkbox"
          checked={value.on}
          disabled={lockedOn !== undefined}
          onChange={(e) => onChange({ ...value, on: e.target.checked })}
        />
        Seal with a passphrase (a .recollection file that only this passphrase opens)
      </label>
      {lockedOn ? (
        <p className="small muted" data-testid="seal-required">
          {lockedOn}
        </p>
      ) : null}
      {value.on ? (
        <>
          <div className="field-row">
            <label className="field">
              Passphrase
              <input
                type="password"
                autoComplete="new-password"
                maxLength={LIMITS.passphraseLength}
                aria-describedby={warning}
                value={value.passphrase}
                onChange={(e) => onChange({ ...value, passphrase: e.target.value })}
              />
            </label>
            <label className="field">
              Passphrase again
              <input
                type="password"
                autoComplete="new-password"
                maxLength={LIMITS.passphraseLength}
                value={value.again}
                onChange={(e) => onChange({ ...value, again: e.target.value })}
              />
            </label>
          </div>
          <p id={warning} className="small muted">
            Without this passphrase the file cannot be opened, by you or anyone: there is no way to recover it. Give it
            to the recipient by another route than the file.
          </p>
        </>
      ) : null}
    </fieldset>
  );
}

/** The import dialog's field for the passphrase of a sealed file. */
export function OpenSealField({
  value,
  onChange,
  onOpen,
  busy,
}: {
  value: string;
  onChange: (v: string) => void;
  onOpen: () => void;
  busy: boolean;
}): ReactNode {
  return (
    <form
      className="field-row"
      onSubmit={(e) => {
        e.preventDefault();
        onOpen();
      }}
    >
      <label className="field">
        Passphrase of the sealed file
        <input
          type="password"
          autoComplete="off"
          maxLength={LIMITS.passphraseLength}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        />
      </label>
      <button type="submit" className="button" disabled={busy || value === ''}>
        Open
      </button>
    </form>
  );
}
