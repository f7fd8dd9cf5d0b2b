/**
 * The note editor: Markdown note, colour from the named palette, tags, and for
 * policy options and practical actions a position and a priority.
 *
 * Constraint: positions are shown with icon and words, never colour alone;
 * the editor only offers a position where the core accepts one.
 */
import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import type { Color, Position, Priority } from '../../shared/contract/types';
import { COLORS } from '../../shared/contract/types';
import { COLOR_LABELS } from '../../shared/vocabulary/labels';
import { LIMITS } from '../../shared/limits';
import type { Block } from '../../shared/model';
import { api } from '../api';
import { useResult } from '../hooks/useResult';
import { takesPosition } from '../lib/labels';
import { useStore } from '../lib/store';
import { blockById } from '../state/actions';
import { createAnnotation, notes, removeAnnotation, setPosition as saveStance, updateAnnotation } from '../state/notes';
import { closeOverlays, type EditorTarget } from '../state/ui';
import { Dialog, DialogActions } from './Dialog';
import { PositionOptions, PriorityOptions } from './StanceOptions';

function parseTags(s: string): string[] {
  return [
    ...new Set(
      s
        .split(',')
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export function NoteEditor({ target }: { target: EditorTarget }): ReactNode {
  const a = target.annotation;
  const palette = useStore(notes, (s) => s.palette);
  const knownTags = useResult(() => api.notes.tags({}), []);
  const [block, setBlock] = useState<Block | null>(() => blockById(target.blockId));
  const [note, setNote] = useState(a?.note ?? '');
  const [color, setColor] = useState<Color | null>(a?.color ?? (target.selector ? 'yellow' : null));
  const [tags, setTags] = useState((a?.tags ?? []).join(', '));
  // The option's position (every note on it shows the same one; a new note starts from it).
  // A position set without any note (in the matrix) is the option's too: the page's stances hold it.
  const [held] = useState(
    () => a ?? notes.get().annotations.find((x) => x.blockId === target.blockId) ?? notes.get().stances[target.blockId],
  );
  const [position, setPosition] = useState<Position | null>(held?.position ?? null);
  const [priority, setPriority] = useState<Priority | null>(held?.priority ?? null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (block) return;
    void api.content.block({ id: target.blockId }).then((res) => res.ok && setBlock(res.value.block));
  }, [block, target.blockId]);

  const withPosition = block ? takesPosition(block.kind) : Boolean(a?.position);
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    setBusy(true);
    const fields = { note, color, tags: parseTags(tags) };
    const before = { position: held?.position ?? null, priority: held?.priority ?? null };
    // The position belongs to the option: saved on its own, only when it changed.
    const stanceChanged = withPosition && (position !== before.position || priority !== before.priority);
    const stanceOk =
      !stanceChanged ||
      (await saveStance(target.blockId, block?.label ?? target.blockId, { position, priority }, before));
    const ok =
      stanceOk &&
      (a
        ? await updateAnnotation({ id: a.id, patch: fields })
        : (await createAnnotation({ blockId: target.blockId, selector: target.selector, ...fields })) !== null);
    setBusy(false);
    if (ok) closeOverlays();
  };

  return (
    <Dialog title={a ? 'Edit note' : 'New note'} onClose={closeOverlays} className="note-editor">
      <form onSubmit={(e) => void save(e)}>
        <p className="editor-target">
          <strong>{block?.label ?? target.blockId}</strong>
          {target.selector ? <span className="editor-quote">“{target.selector.exact}”</span> : null}
        </p>
        <label className="field wide">
          <span>Note (Markdown)</span>
          <textarea
            data-autofocus=""
            rows={7}
            value={note}
            maxLength={LIMITS.noteLength}
            onChange={(e) => setNote(e.target.value)}
          />
        </label>
        <fieldset className="colors">
          <legend>Colour</legend>
          <label className="color-option">
            <input type="radio" name="color" checked={color === null} onChange={() => setColor(null)} />
            <span className="swatch sw-none" aria-hidden="true" />
            None
          </label>
          {COLORS.map((c) => (
            <label key={c} className="color-option">
              <input type="radio" name="color" checked={color === c} onChange={() => setColor(c)} />
              <span className={`swatch sw-${c}`} aria-hidden="true" />
              {palette.find((p) => p.color === c)?.name ?? COLOR_LABELS[c]}
            </label>
          ))}
        </fieldset>
        <label className="field wide">
          <span>Tags (separated by commas)</span>
          <input
            type="text"
            value={tags}
            list="known-tags"
            onChange={(e) => setTags(e.target.value)}
            placeholder="e.g. brief, capital"
          />
          <datalist id="known-tags">
            {(knownTags.value ?? []).map((t) => (
              <option key={t} value={t} />
            ))}
          </datalist>
        </label>
        {withPosition ? (
          <div className="field-row">
            <label className="field">
              <span>Position</span>
              <select value={position ?? ''} onChange={(e) => setPosition((e.target.value || null) as Position | null)}>
                <PositionOptions empty="— None" />
              </select>
            </label>
            <label className="field">
              <span>Priority</span>
              <select value={priority ?? ''} onChange={(e) => setPriority((e.target.value || null) as Priority | null)}>
                <PriorityOptions empty="— None" />
              </select>
            </label>
          </div>
        ) : null}
        <DialogActions
          onCancel={closeOverlays}
          primary={{ label: 'Save', disabled: busy }}
          start={
            a ? (
              <button
                type="button"
                className="button danger"
                onClick={() => {
                  closeOverlays();
                  void removeAnnotation(a.id, `Note on ${block?.label ?? target.blockId}`);
                }}
              >
                Delete
              </button>
            ) : null
          }
        />
      </form>
    </Dialog>
  );
}
