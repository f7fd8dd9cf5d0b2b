/** Deleted bookmarks and notes, kept 30 days, each restorable. */
import type { ReactNode } from 'react';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { useStore } from '../lib/store';
import { formatDate } from '../lib/text';
import { changed, notes } from '../state/notes';
import { toast, toastError } from '../state/toasts';
import { closeOverlays } from '../state/ui';
import { NoteMarkdown } from './NoteMarkdown';
import { Dialog } from './Dialog';

export function TrashDialog(): ReactNode {
  const revision = useStore(notes, (s) => s.revision);
  const items = useResult(() => api.trash.list({}), [revision]);
  const restore = async (id: string): Promise<void> => {
    const res = await api.trash.restore({ id });
    if (!res.ok) return toastError(`Not restored: ${res.error.message}`);
    toast('Restored');
    changed();
  };
  return (
    <Dialog title="Trash" onClose={closeOverlays} className="trash-dialog">
      <p className="muted">Deleted bookmarks and notes are kept here for 30 days.</p>
      {items.status === 'error' ? <p role="alert">{items.message}</p> : null}
      {items.value && items.value.length === 0 ? <p>The trash is empty.</p> : null}
      <ul className="trash-list">
        {(items.value ?? []).map((t) => (
          <li key={t.id}>
            <span className="trash-what">
              <strong>{t.type === 'bookmark' ? 'Bookmark' : t.highlight ? 'Highlight' : 'Note'}</strong>{' '}
              {t.type === 'annotation' ? (
                <NoteMarkdown text={t.summary} max={200} className="trash-summary" />
              ) : (
                t.summary
              )}
              <span className="muted small"> — deleted {formatDate(t.deleted)}</span>
            </span>
            <button type="button" className="button small" onClick={() => void restore(t.id)}>
              Restore
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
