/**
 * One entry of the Notes panel: what is marked (label, quote or excerpt),
 * the note, position, colour and tags; opens its place; can be chosen for
 * export or deleted (to the trash, with Undo). A colleague's entry is
 * signed with its layer and read-only: it can only be adopted.
 */
import type { ReactNode } from 'react';
import type { NoteEntry } from '../../shared/contract/types';
import type { LayerColor } from '../../shared/contract/values';
import { api } from '../api';
import { useStore } from '../lib/store';
import { clip, formatDate } from '../lib/text';
import { navigate } from '../state/nav';
import { adopt } from '../state/layers';
import { changed, paletteName, removeAnnotation } from '../state/notes';
import { toast, toastError } from '../state/toasts';
import { openEditor, ui } from '../state/ui';
import { NoteMarkdown } from './NoteMarkdown';
import { PositionBadge } from './PositionBadge';

async function removeBookmark(id: string, label: string): Promise<void> {
  const res = await api.bookmarks.remove({ id });
  if (!res.ok) return toastError(`Bookmark on ${label} not removed: ${res.error.message}`);
  toast(`Bookmark on ${label} removed`, { undo: true });
  changed();
}

export function NoteEntryView({
  entry,
  showPlace = false,
  layer,
}: {
  entry: NoteEntry;
  showPlace?: boolean;
  /** A colleague's layer the entry belongs to: read-only, signed, with Adopt instead of edit and delete. */
  layer?: { id: string; name: string; color: LayerColor };
}): ReactNode {
  const selected = useStore(ui, (s) => s.selected);
  const a = entry.annotation;
  const b = entry.bookmark;
  const id = a?.id ?? b?.id ?? '';
  const t = entry.target;
  const isChosen = selected.includes(id);
  const open = (): void => {
    if (t) void navigate({ pageId: t.pageId, blockId: t.id === t.pageId ? null : t.id });
    else if (a && !layer) openEditor({ blockId: a.blockId, annotation: a, selector: a.selector });
  };
  const what = a ? (a.note.trim() ? 'Note' : a.selector ? 'Highlight' : a.position ? 'Position' : 'Note') : 'Bookmark';
  const label = t?.label ?? a?.blockId ?? b?.targetId ?? '';
  return (
    <li
      className={`note-entry${layer ? ` layer-entry layer-c-${layer.color}` : a?.color ? ` note-${a.color}` : ''}`}
      data-entry-type={entry.type}
      data-layer={layer?.id}
    >
      {layer ? null : (
        <input
          type="checkbox"
          className="entry-check"
          checked={isChosen}
          aria-label={`Choose ${what.toLowerCase()} on ${label} for export`}
          onChange={() =>
            ui.set((s) => ({ ...s, selected: isChosen ? s.selected.filter((x) => x !== id) : [...s.selected, id] }))
          }
        />
      )}
      <button type="button" className="entry" onClick={open}>
        <span className="entry-head">
          <span className="entry-icon" aria-hidden="true">
            {b ? '★' : a?.selector ? '▍' : '✎'}
          </span>
          <span className="entry-label">{label}</span>
          <span className="entry-kind">{what}</span>
        </span>
        {layer ? (
          <span className="layer-card-head">
            <span className={`swatch layer-sw-${layer.color}`} aria-hidden="true" />
            <span className="layer-author">{layer.name}</span>
            <span className="layer-readonly">read-only</span>
          </span>
        ) : null}
        {a?.selector ? <span className="entry-quote">“{clip(a.selector.exact, 160)}”</span> : null}
        {!a?.selector && t ? <span className="entry-text">{clip(t.excerpt, a?.note.trim() ? 70 : 120)}</span> : null}
        {b?.label ? (
          <span className="entry-text" dir="auto">
            {b.label}
          </span>
        ) : null}
        {a?.note.trim() ? <NoteMarkdown text={a.note} max={240} className="entry-note" /> : null}
        {a ? <PositionBadge position={a.position} priority={a.priority} /> : null}
        <span className="note-meta">
          {a?.adoptedFrom ? <span className="adopted-from">Adopted from {a.adoptedFrom.authorName}</span> : null}
          {a?.color ? (
            <>
              <span className={`swatch sw-${a.color}`} aria-hidden="true" />
              {paletteName(a.color)}
            </>
          ) : null}
          {a?.tags.map((tag) => (
            <span key={tag} className="tag">
              #<bdi>{tag}</bdi>
            </span>
          ))}
          {showPlace || !t ? <span className="entry-date">{formatDate((a ?? b)?.modified ?? '')}</span> : null}
        </span>
      </button>
      {layer ? (
        <div className="entry-actions">
          {a ? (
            <button
              type="button"
              className="button small"
              aria-label={`Adopt ${layer.name}'s ${what.toLowerCase()} on ${label} into my notes`}
              onClick={() => void adopt(layer, { note: a.id })}
            >
              Adopt
            </button>
          ) : null}
        </div>
      ) : (
        <div className="entry-actions">
          {a ? (
            <button
              type="button"
              className="icon-button small"
              aria-label={`Edit note on ${label}`}
              onClick={() => openEditor({ blockId: a.blockId, annotation: a, selector: a.selector })}
            >
              ✎
            </button>
          ) : null}
          <button
            type="button"
            className="icon-button small"
            aria-label={`Delete ${what.toLowerCase()} on ${label}`}
            onClick={() =>
              a ? void removeAnnotation(a.id, `${what} on ${label}`) : b ? void removeBookmark(b.id, label) : undefined
            }
          >
            ✕
          </button>
        </div>
      )}
    </li>
  );
}
