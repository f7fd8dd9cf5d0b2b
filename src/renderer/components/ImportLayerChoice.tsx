/**
 * The import dialog's choice for a file from another author:
 * "Add as a layer" (read-only, named after its author, with a colour) or
 * "Merge into my notes", with what the layer would hold, and for a newer file
 * of a layer already held, the version it replaces.
 *
 * Constraint: plain props; the dialog owns the file and the actions. Nothing
 * changes before the dialog's confirmation.
 */
import type { ReactNode } from 'react';
import type { LayerAddResult } from '../../shared/contract/layer-types';
import { LAYER_COLORS, type LayerColor } from '../../shared/contract/values';
import { LIMITS } from '../../shared/limits';
import { countOf, formatDate } from '../lib/text';

export type ImportMode = 'layer' | 'merge';

/** "Adds Capital's layer" / "Replaces Capital's layer of 3 Nov 2026, 10:04" — the words for the action. */
export function layerAction(p: LayerAddResult): string {
  if (p.action === 'update' && p.layer)
    return `Replaces ${p.layer.name}'s layer of ${formatDate(p.layer.exported)} with the file of ${formatDate(p.exported)}.`;
  if (p.action === 'same') return `${p.layer?.name ?? p.author.name}'s layer already holds this file: nothing to do.`;
  return `Adds ${p.author.name}'s layer (file of ${formatDate(p.exported)}).`;
}

const COLOR_NAMES: Record<LayerColor, string> = {
  teal: 'Teal',
  orange: 'Orange',
  indigo: 'Indigo',
  olive: 'Olive',
  magenta: 'Magenta',
  slate: 'Slate',
};

export function ImportLayerChoice({
  preview,
  mode,
  onMode,
  name,
  onName,
  color,
  onColor,
}: {
  preview: LayerAddResult;
  mode: ImportMode;
  onMode: (m: ImportMode) => void;
  name: string;
  onName: (name: string) => void;
  color: LayerColor;
  onColor: (c: LayerColor) => void;
}): ReactNode {
  const isNew = preview.action === 'add';
  return (
    <fieldset className="import-mode">
      <legend>
        {preview.author.name.trim()
          ? `This file is ${preview.author.name}'s notes`
          : "This file is a colleague's notes (no name set)"}
      </legend>
      <label className="radio">
        <input type="radio" name="import-mode" checked={mode === 'layer'} onChange={() => onMode('layer')} />
        <span>
          <strong>Add as a layer</strong> — read-only, shown beside your notes, can be hidden or removed; your own notes
          are not changed.
        </span>
      </label>
      <label className="radio">
        <input type="radio" name="import-mode" checked={mode === 'merge'} onChange={() => onMode('merge')} />
        <span>
          <strong>Merge into my notes</strong> — the notes become yours; whose they were is not kept.
        </span>
      </label>
      {mode === 'layer' ? (
        <div className="layer-preview" data-testid="layer-preview">
          <p>
            <strong>{layerAction(preview)}</strong>
          </p>
          <p className="small">
            It holds {countOf(preview.counts.annotations, 'note')} and highlights,{' '}
            {countOf(preview.counts.positions, 'position')} and {countOf(preview.counts.bookmarks, 'bookmark')}.
          </p>
          {isNew ? (
            <div className="field-row">
              <label className="field">
                <span>Layer name</span>
                <input
                  type="text"
                  value={name}
                  maxLength={LIMITS.labelLength}
                  required
                  onChange={(e) => onName(e.target.value)}
                />
              </label>
              <label className="field">
                <span>Colour</span>
                <select value={color} onChange={(e) => onColor(e.target.value as LayerColor)}>
                  {LAYER_COLORS.map((c) => (
                    <option key={c} value={c}>
                      {COLOR_NAMES[c]}
                    </option>
                  ))}
                </select>
              </label>
              <span className={`swatch layer-sw-${color}`} aria-hidden="true" />
            </div>
          ) : null}
        </div>
      ) : null}
    </fieldset>
  );
}
