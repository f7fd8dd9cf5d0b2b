/**
 * The layers list: each colleague's layer with its
 * colour and name, shown or hidden, removed, or its last update undone; a
 * conflict (a sync tool's conflict copy of a colleague's file) is said
 * plainly: which files, and what to do. A layer read from the shared folder
 * says whether its file is sealed, and when the author's latest file
 * could not be read (another passphrase, damaged, not sealed) why, while the
 * layer keeps the version it had.
 *
 * Constraint: plain props; the Notes pane mounts it behind the private gate.
 * Colour is never alone: the name is always written beside the swatch.
 */
import type { ReactNode } from 'react';
import type { LayerInfo } from '../../shared/contract/layer-types';
import { countOf, formatDate } from '../lib/text';

export interface LayersListProps {
  layers: readonly LayerInfo[];
  onVisible: (layer: LayerInfo, visible: boolean) => void;
  onRemove: (layer: LayerInfo) => void;
  onUndoUpdate: (layer: LayerInfo) => void;
}

export function LayersList({ layers, onVisible, onRemove, onUndoUpdate }: LayersListProps): ReactNode {
  if (layers.length === 0) return null;
  const shown = layers.filter((l) => l.visible).length;
  return (
    <details className="layers-section" open data-testid="layers">
      <summary>
        Colleagues' layers ({shown} of {layers.length} shown)
      </summary>
      <ul className="layers-list">
        {layers.map((l) => (
          <li key={l.id} className={`layer-item layer-c-${l.color}`} data-layer={l.id}>
            <label className="check">
              <input type="checkbox" checked={l.visible} onChange={(e) => onVisible(l, e.target.checked)} />{' '}
              <span className={`swatch layer-sw-${l.color}`} aria-hidden="true" /> <strong>{l.name}</strong>
            </label>
            {l.canUndo ? (
              <button
                type="button"
                className="link-button small"
                aria-label={`Undo the last update of ${l.name}'s layer`}
                onClick={() => onUndoUpdate(l)}
              >
                Undo update
              </button>
            ) : null}
            <button
              type="button"
              className="link-button small"
              aria-label={`Remove ${l.name}'s layer`}
              onClick={() => onRemove(l)}
            >
              Remove
            </button>
            <span className="layer-when">
              {l.name}'s file of {formatDate(l.exported)} · {countOf(l.counts.annotations, 'note')} ·{' '}
              {countOf(l.counts.positions, 'position')}
              {l.source === 'shared-folder' ? ' · from the shared folder' : ''}
              {l.shared?.sealed === true ? (
                <span className="layer-seal" data-testid="layer-sealed">
                  {' '}
                  · sealed
                </span>
              ) : null}
              {l.shared?.sealed === false ? (
                <span className="layer-seal" data-testid="layer-not-sealed">
                  {' '}
                  · not sealed
                </span>
              ) : null}
            </span>
            {l.shared?.state === 'rejected' ? (
              <div className="layer-refused" role="note" data-testid="layer-refused">
                <strong>{l.name}'s latest file was not read.</strong> {l.shared.message} This layer still shows the file
                of {formatDate(l.exported)}.
              </div>
            ) : null}
            {l.conflict ? (
              <div className="layer-conflict" role="note" data-testid="layer-conflict">
                <strong>Conflict copy, not merged.</strong> A sync tool left more than one file for {l.name}:
                <ul>
                  {l.conflict.files.map((f) => (
                    <li key={f.name}>
                      <code>{f.name}</code>
                      {f.state === 'conflict' ? ' — conflict copy, not read' : ' — read: the layer shows this one'}
                      {f.exported ? `, written ${formatDate(f.exported)}` : ''}
                    </li>
                  ))}
                </ul>
                What to do: check with {l.name} which version is current, then delete the copy from the shared folder.
                Nothing of the copy is in this layer.
                <details>
                  <summary>Details</summary>
                  {l.conflict.message}
                </details>
              </div>
            ) : null}
          </li>
        ))}
      </ul>
    </details>
  );
}
