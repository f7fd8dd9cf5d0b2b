/**
 * Settings for working as a delegation: the name this
 * installation signs its exports and layer file with (beside its stable
 * author id, made once), and the shared folder a sync tool carries, with what
 * the app found there (colleagues' files, conflict copies, files it refused).
 *
 * With a delegation passphrase the app seals its layer file and opens
 * colleagues' sealed files; the field is masked and never filled back (the
 * core never answers the passphrase, only whether sealing is on and where the
 * passphrase is kept).
 *
 * Constraint: the folder comes only from the shell's folder dialog
 * (`folder.choose`): the page shows it, never types or sends a path. With the
 * notes protected and no passphrase, writing them unsealed is asked by the
 * shell's own dialog (`folder.allowPlain`), never decided here.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import type { SharedFile, SharedFolderStatus } from '../../shared/contract/layer-types';
import { LIMITS } from '../../shared/limits';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { useStore } from '../lib/store';
import { formatDate } from '../lib/text';
import { changed } from '../state/notes';
import { settings, updateSettings } from '../state/settings';
import { toast } from '../state/toasts';
import { closeOverlays } from '../state/ui';
import { vault } from '../state/vault';
import { Dialog, DialogActions } from './Dialog';
import { ManagedSettings } from './ManagedSettings';
import { VaultLink } from './VaultLink';

const FILE_STATE: Record<SharedFile['state'], string> = {
  own: 'your layer file',
  layer: 'read as a layer',
  conflict: 'conflict copy — not read',
  rejected: 'refused',
  ignored: 'not a layer file',
};

const FOLDER_STATE: Record<SharedFolderStatus['state'], string> = {
  off: 'No shared folder.',
  watching: 'Watching the folder for changes.',
  polling: 'Reading the folder every few seconds (file events are not available there).',
  unavailable: 'The folder cannot be read now.',
};

function FolderFiles({ status }: { status: SharedFolderStatus }): ReactNode {
  return (
    <div className="shared-status" data-testid="shared-status">
      <p className="small">
        {FOLDER_STATE[status.state]} {status.message ?? ''}
        {status.ownFile ? ` Your file there: ${status.ownFile}.` : ''}
      </p>
      {status.files.length ? (
        <ul className="shared-files small">
          {status.files.map((f) => (
            <li key={f.name} data-state={f.state}>
              <code>{f.name}</code> — {FILE_STATE[f.state]}
              {f.sealed === true ? ' · sealed' : f.sealed === false && f.state !== 'own' ? ' · not sealed' : ''}
              {f.authorName ? ` (${f.authorName}${f.exported ? `, ${formatDate(f.exported)}` : ''})` : ''}
              {f.message ? `: ${f.message}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

const SEALING: Record<SharedFolderStatus['sealing'], string> = {
  off: 'Layer files are not sealed: they are as private as the folder they are in.',
  on: 'Your layer file is sealed with the delegation passphrase, and your colleagues’ sealed files are opened with it. Files that are not sealed are not read.',
  'needs-passphrase':
    'Your delegation seals its layer files, and the passphrase has not been entered since the app started: your file is not written and sealed files are not read until it is.',
};

const KEPT = {
  notes: 'It is kept with your protected notes (encrypted with them).',
  session: 'It is kept for this session only: your notes are not protected, so it is asked again after a restart.',
} as const;

/** The delegation passphrase: masked, never shown back; what sealing does now. */
function Sealing({
  status,
  passphrase,
  onPassphrase,
  onStop,
}: {
  status: SharedFolderStatus | null;
  passphrase: string;
  onPassphrase: (value: string) => void;
  onStop: () => void;
}): ReactNode {
  const sealing = status?.sealing ?? 'off';
  return (
    <div className="sealing" data-testid="sealing" data-state={sealing}>
      <div className="field-row">
        <label className="field wide">
          <span>
            Delegation passphrase (seals your layer file; the same for everyone in the delegation, at least{' '}
            {LIMITS.sealPassphraseMin} characters)
          </span>
          <input
            type="password"
            value={passphrase}
            autoComplete="off"
            minLength={LIMITS.sealPassphraseMin}
            maxLength={LIMITS.passphraseLength}
            placeholder={sealing === 'on' ? 'Entered (type a new one to change it)' : 'Not set'}
            onChange={(e) => onPassphrase(e.target.value)}
          />
        </label>
        {sealing !== 'off' ? (
          <button type="button" className="button" onClick={onStop}>
            Stop sealing
          </button>
        ) : null}
      </div>
      <p className="small">
        {SEALING[sealing]} {status?.passphraseKept ? KEPT[status.passphraseKept] : ''}
      </p>
    </div>
  );
}

export function SettingsDialog(): ReactNode {
  const savedName = useStore(settings, (s) => s.authorName);
  const isProtected = useStore(vault, (v) => v.status?.protected ?? false);
  const [name, setName] = useState(savedName);
  const [revision, setRevision] = useState(0);
  const author = useResult(() => api.author.get({}), [revision]);
  const folder = useResult(() => api.folder.status({}), [revision]);
  const [message, setMessage] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const shownPath = folder.value?.path ?? '';

  const folderDone = (res: { ok: true } | { ok: false; error: { message: string } }, what: string): void => {
    if (!res.ok) return setMessage(`${what}: ${res.error.message}`);
    setRevision((r) => r + 1);
    changed();
  };
  const choose = async (): Promise<void> => folderDone(await api.folder.choose({}), 'Shared folder not set');
  const stopSharing = async (): Promise<void> => folderDone(await api.folder.stop({}), 'Shared folder not stopped');
  const allowPlain = async (): Promise<void> =>
    folderDone(await api.folder.allowPlain({}), 'Your layer file is still not written');
  const setSealing = async (to: string | null): Promise<boolean> => {
    const res = await api.folder.setPassphrase({ passphrase: to });
    if (!res.ok) {
      setMessage(`Delegation passphrase not set: ${res.error.message}`);
      return false;
    }
    setPassphrase('');
    setRevision((r) => r + 1);
    changed();
    return true;
  };
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setMessage(null);
    if (name.trim() !== savedName) updateSettings({ authorName: name.trim() });
    if (passphrase && !(await setSealing(passphrase))) return;
    toast('Settings saved');
    closeOverlays();
  };

  return (
    <Dialog title="Settings" onClose={closeOverlays} className="settings-dialog">
      <form onSubmit={(e) => void save(e)}>
        <ManagedSettings />
        <fieldset>
          <legend>Protection</legend>
          <p className="small">
            {isProtected
              ? 'Your notes are encrypted on this computer.'
              : 'Encrypt your notes on this computer with a passphrase: recommended on a laptop that travels.'}{' '}
            <VaultLink />
          </p>
        </fieldset>
        <fieldset>
          <legend>You, as your colleagues see you</legend>
          <label className="field">
            <span>Your name (signs your exports and your layer file)</span>
            <input
              type="text"
              value={name}
              maxLength={LIMITS.labelLength}
              placeholder="e.g. Capital, Expert A"
              onChange={(e) => setName(e.target.value)}
            />
          </label>
          <p className="small muted">
            Author id (made once for this data folder; colleagues' apps know your layer by it):{' '}
            <code data-testid="author-id">{author.value?.id ?? '…'}</code>
          </p>
        </fieldset>
        <fieldset>
          <legend>Shared folder</legend>
          <p className="small">
            A folder your delegation’s sync tool already carries (a network share, OneDrive or SharePoint, Syncthing, a
            USB stick). The app writes only your own layer file there, and reads your colleagues’ files as layers.
          </p>
          <div className="field-row">
            <label className="field wide">
              <span>Folder</span>
              <input type="text" value={shownPath} readOnly spellCheck={false} placeholder="No shared folder" />
            </label>
            <button type="button" className="button" onClick={() => void choose()}>
              Choose…
            </button>
            {folder.value?.path ? (
              <button type="button" className="button" onClick={() => void stopSharing()}>
                Stop sharing
              </button>
            ) : null}
          </div>
          {folder.value?.unsealed === 'needs-choice' ? (
            <p className="small" role="status" data-testid="unsealed-choice">
              <strong>Your layer file is not written.</strong> Your notes are encrypted on this computer; without a
              delegation passphrase, your layer file would put every note and position in this folder unsealed. Set the
              delegation passphrase below, or{' '}
              <button type="button" className="button small" onClick={() => void allowPlain()}>
                Write my notes unsealed…
              </button>
            </p>
          ) : folder.value?.unsealed === 'allowed' ? (
            <p className="small" data-testid="unsealed-choice">
              <strong>Your notes are written to this folder unsealed</strong>, as you chose: anyone who can read the
              folder can read them. Set a delegation passphrase to seal them.
            </p>
          ) : null}
          <Sealing
            status={folder.value}
            passphrase={passphrase}
            onPassphrase={setPassphrase}
            onStop={() => void setSealing(null)}
          />
          {folder.value ? <FolderFiles status={folder.value} /> : null}
        </fieldset>
        {message ? <p role="alert">{message}</p> : null}
        <DialogActions onCancel={closeOverlays} primary={{ label: 'Save' }} />
      </form>
    </Dialog>
  );
}
