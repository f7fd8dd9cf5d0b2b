/**
 * Import notes from a JSON export: choose the file, see what it would change
 * ("12 new, 3 updated, 1 unattached"), then confirm. A file from another
 * author can instead be added as a read-only layer, or update that
 * author's layer (with Undo). Nothing changes before the confirmation, and a
 * bad file changes nothing at all.
 *
 * Constraint: in the desktop app the shell's open dialog reads the file
 * (`import.open`); where it is unavailable, a file input reads it here.
 */
import { useRef, useState, type ReactNode } from 'react';
import type { LayerAddResult } from '../../shared/contract/layer-types';
import type { ImportPreview } from '../../shared/contract/types';
import { LAYER_COLORS, type LayerColor } from '../../shared/contract/values';
import { LIMITS } from '../../shared/limits';
import { api } from '../api';
import { layers, undoLayerUpdate } from '../state/layers';
import { changed } from '../state/notes';
import { toast } from '../state/toasts';
import { closeOverlays } from '../state/ui';
import { Dialog, DialogActions } from './Dialog';
import { OpenSealField } from './SealFields';

/** The core's sentences ("This file is a spreadsheet…") stand alone; a record's problem gets the lead-in. */
const cannot = (message: string): string =>
  /^[A-Z]/.test(message) ? message : `This file cannot be imported: ${message}`;
import { ImportLayerChoice, layerAction, type ImportMode } from './ImportLayerChoice';

/** The first layer colour no layer has yet (the first again when all are taken). */
function nextColor(): LayerColor {
  const used = new Set(layers.get().list.map((l) => l.color));
  return LAYER_COLORS.find((c) => !used.has(c)) ?? LAYER_COLORS[0];
}

function summary(p: ImportPreview): string {
  const parts = [`${p.added} new`, `${p.updated} updated`, `${p.orphans} unattached`];
  if (p.unchanged) parts.push(`${p.unchanged} unchanged`);
  if (p.skipped) parts.push(`${p.skipped} kept as they are here (newer)`);
  const { added, updated, kept } = p.positions;
  if (added + updated + kept) parts.push(`positions: ${added} new, ${updated} updated, ${kept} kept (newer here)`);
  return parts.join(', ');
}

export function ImportDialog(): ReactNode {
  const [file, setFile] = useState<{ name: string; data: string } | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [needInput, setNeedInput] = useState(false);
  const [busy, setBusy] = useState(false);
  /** A sealed file: its passphrase, asked for once the core says the file is sealed. */
  const [sealed, setSealed] = useState(false);
  const [passphrase, setPassphrase] = useState('');
  const input = useRef<HTMLInputElement>(null);
  // A file from another author can become a read-only layer instead.
  const [layer, setLayer] = useState<LayerAddResult | null>(null);
  const [layerRefusal, setLayerRefusal] = useState<string | null>(null);
  const [mode, setMode] = useState<ImportMode>('merge');
  const [layerName, setLayerName] = useState('');
  const [layerColor, setLayerColor] = useState<LayerColor>(LAYER_COLORS[0]);

  const check = async (f: { name: string; data: string }, key?: string): Promise<void> => {
    setFile(f);
    setPreview(null);
    setMessage(null);
    setLayer(null);
    setLayerRefusal(null);
    if (key === undefined) {
      setSealed(false);
      setPassphrase('');
    }
    setBusy(true);
    // A sealed file is opened with its passphrase, to merge or to add as a layer.
    const [res, lp, me] = await Promise.all([
      api.import.preview({ data: f.data, passphrase: key }),
      api.layers.preview({ data: f.data, passphrase: key }),
      api.author.get({}),
    ]);
    setBusy(false);
    if (res.ok) setPreview(res.value);
    else {
      if (res.error.code === 'PASSPHRASE_NEEDED') setSealed(true);
      setMessage(cannot(res.error.message));
    }
    const fromOther = lp !== null && lp.ok && me.ok && lp.value.author.id !== me.value.id;
    if (fromOther) {
      setLayer(lp.value);
      setLayerName(lp.value.layer?.name ?? lp.value.author.name);
      setLayerColor(lp.value.layer?.color ?? nextColor());
      // Offered, not chosen: a delegate moving their own notes to a new machine (a new author id) merges.
      // A newer file of a layer already held is that layer's update: chosen.
      setMode(lp.value.action === 'update' ? 'layer' : 'merge');
    } else {
      setMode('merge');
      // An older file of a layer already held, say: refused with the core's sentence.
      if (lp !== null && !lp.ok && lp.error.code === 'CONFLICT') setLayerRefusal(lp.error.message);
    }
  };
  const addLayer = async (): Promise<void> => {
    if (!file || !layer) return;
    setBusy(true);
    const res = await api.layers.add({
      data: file.data,
      passphrase: sealed ? passphrase : undefined,
      ...(layer.action === 'add' ? { name: layerName.trim() || layer.author.name, color: layerColor } : {}),
    });
    setBusy(false);
    if (!res.ok) return setMessage(`The layer was not added: ${res.error.message}`);
    const added = res.value.layer;
    if (res.value.action === 'update' && added) {
      toast(`${layerAction(layer)}`, { undo: () => void undoLayerUpdate(added) });
    } else toast(res.value.message);
    changed();
    closeOverlays();
  };
  const choose = async (): Promise<void> => {
    const res = await api.import.open({});
    if (res.ok) {
      if (res.value) await check(res.value);
    } else if (res.error.code === 'UNAVAILABLE') {
      setNeedInput(true);
      input.current?.click();
    } else setMessage(res.error.message);
  };
  const apply = async (): Promise<void> => {
    if (!file) return;
    if (mode === 'layer') return addLayer();
    setBusy(true);
    const res = await api.import.apply({ data: file.data, passphrase: sealed ? passphrase : undefined });
    setBusy(false);
    if (!res.ok)
      return setMessage(
        /^[A-Z]/.test(res.error.message) ? res.error.message : `Nothing was imported: ${res.error.message}`,
      );
    toast(`Imported: ${summary(res.value)}`);
    changed();
    closeOverlays();
  };

  return (
    <Dialog title="Import notes" onClose={closeOverlays} className="import-dialog">
      <p>
        Import bookmarks and notes from a Recollection JSON export (or W3C Web Annotations), sealed (.recollection) or
        not. Records already here are matched by id; the newer version wins.
      </p>
      <div className="field-row">
        <button type="button" className="button" onClick={() => void choose()}>
          Choose a file…
        </button>
        <input
          ref={input}
          type="file"
          accept=".json,.jsonld,.recollection,application/json,application/ld+json"
          aria-label="File to import"
          className={needInput ? undefined : 'visually-hidden'}
          tabIndex={needInput ? 0 : -1}
          onChange={(e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            // A sealed file may be larger than its export (base64); the core holds the export to importBytes.
            if (f.size > LIMITS.sealedImportBytes)
              return setMessage(
                `This file is ${Math.round(f.size / 1e6)} MB; the limit is ${LIMITS.importBytes / 1024 / 1024} MB.`,
              );
            void f.text().then((data) => check({ name: f.name, data }));
          }}
        />
      </div>
      {file ? <p className="muted">File: {file.name}</p> : null}
      {file && sealed ? (
        <OpenSealField
          value={passphrase}
          onChange={setPassphrase}
          busy={busy}
          onOpen={() => void check(file, passphrase)}
        />
      ) : null}
      {message ? <p role="alert">{message}</p> : null}
      {layer ? (
        <ImportLayerChoice
          preview={layer}
          mode={mode}
          onMode={setMode}
          name={layerName}
          onName={setLayerName}
          color={layerColor}
          onColor={setLayerColor}
        />
      ) : null}
      {layerRefusal ? <p className="small">Not offered as a layer: {layerRefusal}</p> : null}
      {preview && mode === 'merge' ? (
        <div className="import-preview" data-testid="import-preview">
          <p>
            <strong>{summary(preview)}</strong>
          </p>
          {preview.details.length ? (
            <ul className="small">
              {preview.details.slice(0, 20).map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <DialogActions
        onCancel={closeOverlays}
        primary={{
          label: mode === 'layer' ? (layer?.action === 'update' ? 'Update the layer' : 'Add the layer') : 'Import',
          disabled: busy || (mode === 'layer' ? !layer || layer.action === 'same' || !layerName.trim() : !preview),
          onClick: () => void apply(),
        }}
      />
    </Dialog>
  );
}
