/**
 * Colleagues' layers as the reader needs them: the list of layers, the
 * visible layers' notes on the page shown, and the actions (show or hide,
 * remove, undo an update, adopt a note or a position), each confirmed by a toast.
 *
 * Constraint: a layer never changes the user's own notes, only "Adopt" copies
 * into them (the core keeps where it came from). Every change here, and every
 * `layers.changed` from the shell (a colleague's file changed in the shared
 * folder), moves the notes' `revision`, so every view that lists notes or
 * positions reloads; nothing keeps a stale copy.
 */
import type { LayerAnnotation, LayerInfo } from '../../shared/contract/layer-types';
import { api } from '../api';
import { createStore } from '../lib/store';
import { blocksOf, changed, NOTES_PER_BLOCK } from './notes';
import { toast, toastError } from './toasts';

export interface LayersState {
  list: LayerInfo[];
  /** The visible layers' annotations on the page shown (at most NOTES_PER_BLOCK per block). */
  annotations: LayerAnnotation[];
}

export const layers = createStore<LayersState>({ list: [], annotations: [] });

export async function loadLayers(): Promise<void> {
  const res = await api.layers.list({});
  if (res.ok) layers.set({ list: res.value });
}

/** The list, and the visible layers' notes on a page (none asked when no layer is visible). */
export async function loadPageLayers(pageId: string): Promise<void> {
  await loadLayers();
  if (!layers.get().list.some((l) => l.visible)) return layers.set({ annotations: [] });
  const blockIds = await blocksOf(pageId);
  const res = await api.layers.forBlocks({ blockIds, perBlock: NOTES_PER_BLOCK });
  if (res.ok) layers.set({ annotations: res.value.annotations });
  else if (res.error.code === 'LOCKED') layers.set({ annotations: [] });
  else toastError(`Your colleagues' notes could not be loaded: ${res.error.message}`);
}

export async function setLayerVisible(layer: LayerInfo, visible: boolean): Promise<void> {
  const res = await api.layers.update({ id: layer.id, visible });
  if (!res.ok) return toastError(`${layer.name}'s layer not changed: ${res.error.message}`);
  changed();
}

export async function removeLayer(layer: LayerInfo): Promise<void> {
  const res = await api.layers.remove({ id: layer.id });
  if (!res.ok) return toastError(`${layer.name}'s layer not removed: ${res.error.message}`);
  toast(`${layer.name}'s layer removed (your own notes are unchanged)`);
  changed();
}

export async function undoLayerUpdate(layer: { id: string; name: string }): Promise<void> {
  const res = await api.layers.undo({ id: layer.id });
  if (!res.ok) return toastError(`${layer.name}'s update not undone: ${res.error.message}`);
  toast(`${layer.name}'s layer is back to the file of ${new Date(res.value.exported).toLocaleString()}`);
  changed();
}

/** Copies a layer's note, or its position on an option, into the user's own notes. */
export async function adopt(
  layer: { id: string; name: string },
  what: { note: string } | { position: string; label: string },
): Promise<void> {
  const res =
    'note' in what
      ? await api.layers.adopt({ layerId: layer.id, what: 'note', noteId: what.note })
      : await api.layers.adopt({ layerId: layer.id, what: 'position', targetId: what.position });
  if (!res.ok) return toastError(`Not adopted: ${res.error.message}`);
  if (res.value.already) {
    toast('note' in what ? 'Already adopted: it is in your notes' : `Already adopted: ${what.label} has this position`);
    return changed();
  }
  toast(
    'note' in what
      ? `${layer.name}'s note adopted into your notes`
      : `${layer.name}'s position on ${what.label} adopted`,
    {
      undo: true,
    },
  );
  changed();
}
