/**
 * Settings for working as a delegation (#17.1, #17.5): the name this
 * installation signs its exports and layer file with (beside its stable
 * author id, made once), and the shared folder a sync tool carries, with what
 * the app found there (colleagues' files, conflict copies, files it refused).
 *
 * Constraint: the folder dialog is the shell's (`sharedFolder.choose`); where
 * there is none (the browser build) a path is typed. The core checks the path.
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
              {f.authorName ? ` (${f.authorName}${f.exported ? `, ${formatDate(f.exported)}` : ''})` : ''}
              {f.message ? `: ${f.message}` : ''}
            </li>
          ))}
        </ul>
      ) : null}
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
  const [path, setPath] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const shownPath = path ?? folder.value?.path ?? '';

  const choose = async (): Promise<void> => {
    const res = await api.folder.choose({});
    if (res.ok && res.value) setPath(res.value.path);
    else if (!res.ok && res.error.code !== 'UNAVAILABLE') setMessage(res.error.message);
    else if (!res.ok) setMessage('No folder dialog here: type the folder’s path.');
  };
  const setFolder = async (to: string | null): Promise<boolean> => {
    const res = await api.folder.set({ path: to });
    if (!res.ok) {
      setMessage(`Shared folder not set: ${res.error.message}`);
      return false;
    }
    setPath(null);
    setRevision((r) => r + 1);
    changed();
    return true;
  };
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setMessage(null);
    if (name.trim() !== savedName) updateSettings({ authorName: name.trim() });
    const current = folder.value?.path ?? '';
    if (shownPath.trim() !== current && !(await setFolder(shownPath.trim() || null))) return;
    toast('Settings saved');
    closeOverlays();
  };

  return (
    <Dialog title="Settings" onClose={closeOverlays} className="settings-dialog">
      <form onSubmit={(e) => void save(e)}>
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
              <input
                type="text"
                value={shownPath}
                maxLength={LIMITS.pathLength}
                spellCheck={false}
                placeholder="No shared folder"
                onChange={(e) => setPath(e.target.value)}
              />
            </label>
            <button type="button" className="button" onClick={() => void choose()}>
              Choose…
            </button>
            {folder.value?.path ? (
              <button type="button" className="button" onClick={() => void setFolder(null)}>
                Stop sharing
              </button>
            ) : null}
          </div>
          {folder.value ? <FolderFiles status={folder.value} /> : null}
        </fieldset>
        {message ? <p role="alert">{message}</p> : null}
        <DialogActions onCancel={closeOverlays} primary={{ label: 'Save' }} />
      </form>
    </Dialog>
  );
}
