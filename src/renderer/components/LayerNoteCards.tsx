/**
 * A colleague's notes beside a block of the reader: each card says
 * whose it is (the layer's name, its colour as a stripe and a swatch) and is
 * read-only — no edit or delete, only "Adopt", which copies it into one's own
 * notes (the core keeps where it came from), once: then it says "Adopted".
 *
 * Constraint: never mistaken for one's own notes: another list with its own
 * accessible name, the author's name in words on every card (colour is never
 * the only sign), a dashed frame; mounted only when private things are shown.
 * A colleague's note is Markdown as one's own is, shown by the same safe
 * renderer (NoteMarkdown: tokens to elements, never a string to markup).
 */
import type { ReactNode } from 'react';
import type { LayerNoteView } from '../lib/layer-view';
import { clip } from '../lib/text';
import { NoteMarkdown } from './NoteMarkdown';
import { PositionBadge } from './PositionBadge';

export function LayerNoteCards({
  notes,
  onAdopt,
}: {
  notes: readonly LayerNoteView[];
  onAdopt: (note: LayerNoteView) => void;
}): ReactNode {
  const shown = notes.filter((n) => n.note.trim() || n.selector || n.tags.length || n.position);
  if (shown.length === 0) return null;
  return (
    <ul className="block-notes layer-notes" aria-label="Colleagues' notes on this block (read-only)">
      {shown.map((n) => (
        <li key={`${n.layerId}:${n.id}`} className={`layer-card layer-c-${n.layerColor}`} data-layer={n.layerId}>
          <span className="layer-card-head">
            <span className={`swatch layer-sw-${n.layerColor}`} aria-hidden="true" />
            <span className="layer-author">{n.layerName}</span>
            <span className="layer-readonly">read-only</span>
          </span>
          {n.position ? <PositionBadge position={n.position} priority={n.priority} /> : null}
          {n.selector ? <span className="note-quote">“{clip(n.selector.exact, 80)}”</span> : null}
          {n.note.trim() ? <NoteMarkdown text={n.note} max={400} /> : null}
          {n.tags.length ? (
            <span className="note-meta">
              {n.tags.map((t) => (
                <span key={t} className="tag">
                  #<bdi>{t}</bdi>
                </span>
              ))}
            </span>
          ) : null}
          <span className="layer-card-actions">
            {n.adopted ? (
              <button type="button" className="button small" disabled aria-label={`${n.layerName}'s note is adopted`}>
                Adopted
              </button>
            ) : (
              <button
                type="button"
                className="button small"
                aria-label={`Adopt ${n.layerName}'s note into my notes`}
                onClick={() => onAdopt(n)}
              >
                Adopt
              </button>
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
