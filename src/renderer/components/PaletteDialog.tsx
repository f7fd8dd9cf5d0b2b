/**
 * Rename the highlight colours ("Yellow" → "Ask capital"): the names are the
 * delegation's own vocabulary, shown wherever a colour is offered or listed.
 */
import { useState, type FormEvent, type ReactNode } from 'react';
import { LIMITS } from '../../shared/limits';
import { COLOR_LABELS } from '../../shared/vocabulary/labels';
import { api } from '../api';
import { useStore } from '../lib/store';
import { changed, notes } from '../state/notes';
import { toast, toastError } from '../state/toasts';
import { closeOverlays } from '../state/ui';
import { Dialog, DialogActions } from './Dialog';

export function PaletteDialog(): ReactNode {
  const palette = useStore(notes, (s) => s.palette);
  const [names, setNames] = useState<Record<string, string>>(() =>
    Object.fromEntries(palette.map((p) => [p.color, p.name])),
  );
  const save = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    for (const p of palette) {
      const name = (names[p.color] ?? '').trim();
      if (!name || name === p.name) continue;
      const res = await api.notes.renameColor({ color: p.color, name });
      if (!res.ok) return toastError(`Colour not renamed: ${res.error.message}`);
      notes.set({ palette: res.value });
    }
    toast('Colour names saved');
    changed();
    closeOverlays();
  };
  return (
    <Dialog title="Colour names" onClose={closeOverlays} className="palette-dialog">
      <form onSubmit={(e) => void save(e)}>
        {palette.map((p) => (
          <label key={p.color} className="field palette-row">
            <span>
              <span className={`swatch sw-${p.color}`} aria-hidden="true" /> {COLOR_LABELS[p.color]}
            </span>
            <input
              type="text"
              value={names[p.color] ?? ''}
              maxLength={LIMITS.labelLength}
              onChange={(e) => setNames((n) => ({ ...n, [p.color]: e.target.value }))}
            />
          </label>
        ))}
        <DialogActions onCancel={closeOverlays} primary={{ label: 'Save' }} />
      </form>
    </Dialog>
  );
}
