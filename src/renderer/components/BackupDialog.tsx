/**
 * Backups of the notes database: back up now, and restore one (the current
 * state is backed up first by the core, so a restore loses nothing).
 */
import { useState, type ReactNode } from 'react';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { formatDate } from '../lib/text';
import { changed } from '../state/notes';
import { toast, toastError } from '../state/toasts';
import { closeOverlays } from '../state/ui';
import { Dialog } from './Dialog';

export function BackupDialog(): ReactNode {
  const list = useResult(() => api.backup.list({}), []);
  const [confirm, setConfirm] = useState<string | null>(null);
  const create = async (): Promise<void> => {
    const res = await api.backup.create({});
    if (!res.ok) return toastError(`Backup failed: ${res.error.message}`);
    toast(`Backup made: ${res.value.name}`);
    list.reload();
  };
  const restore = async (name: string): Promise<void> => {
    const res = await api.backup.restore({ name });
    setConfirm(null);
    if (!res.ok) return toastError(`Not restored: ${res.error.message}`);
    toast(`Restored from ${res.value.restored}`);
    changed();
    list.reload();
  };
  return (
    <Dialog title="Backups of your notes" onClose={closeOverlays} className="backup-dialog">
      <p className="muted">
        Backups are made automatically when the app starts and every hour; the newest 10 are kept.
      </p>
      <button type="button" className="button primary" onClick={() => void create()}>
        Back up now
      </button>
      {list.status === 'error' ? <p role="alert">{list.message}</p> : null}
      <ul className="trash-list">
        {(list.value ?? []).map((b) => (
          <li key={b.name}>
            <span className="trash-what">
              {formatDate(b.created)}{' '}
              <span className="muted small">
                ({Math.round(b.bytes / 1024)} KB{b.verified ? ', verified' : ', NOT verified'})
              </span>
            </span>
            {confirm === b.name ? (
              <>
                <button type="button" className="button small danger" onClick={() => void restore(b.name)}>
                  Replace my notes with this backup
                </button>
                <button type="button" className="button small" onClick={() => setConfirm(null)}>
                  Cancel
                </button>
              </>
            ) : (
              <button type="button" className="button small" onClick={() => setConfirm(b.name)}>
                Restore…
              </button>
            )}
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
