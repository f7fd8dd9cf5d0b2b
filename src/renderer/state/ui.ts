/**
 * Which overlay or dialog is open, and what the note editor is editing.
 *
 * Constraint: one modal at a time; opening one closes the others, so Esc and
 * focus return always have a single, obvious target.
 */
import type { Annotation, AnnotationFilter, Selector } from '../../shared/contract/types';
import { MY_NOTES } from '../../shared/contract/values';
import { NARROW_QUERY } from '../../shared/layout';
import { createStore } from '../lib/store';

export type DialogName =
  | 'help'
  | 'export'
  | 'import'
  | 'trash'
  | 'backup'
  | 'colors'
  | 'palette'
  | 'settings'
  | 'vault'
  | 'protect-offer'
  | 'presentation-off';

export interface EditorTarget {
  blockId: string;
  /** Editing an existing annotation, or creating one (optionally on a passage). */
  annotation: Annotation | null;
  selector: Selector | null;
}

export interface UiState {
  search: boolean;
  dialog: DialogName | null;
  editor: EditorTarget | null;
  /** Notes chosen in the Notes panel, for "export the selection". */
  selected: string[];
  /** The Notes panel's filter, for "export the current filter". */
  filter: AnnotationFilter;
  /**
   * On narrow windows the outline and side panes are drawers over the text,
   * closed at first; each opens on its own (one flag each).
   */
  drawers: { outline: boolean; side: boolean };
  /** The full-width positions matrix in place of the panes (not remembered across restarts). */
  matrix: boolean;
  /** Whose notes the Notes panel lists: 'mine' (MY_NOTES) or a colleague's layer id. */
  notesLayer: string;
}

export const ui = createStore<UiState>({
  search: false,
  dialog: null,
  editor: null,
  selected: [],
  filter: {},
  drawers: { outline: false, side: false },
  matrix: false,
  notesLayer: MY_NOTES,
});

export function openMatrix(): void {
  ui.set({ search: false, dialog: null, editor: null, drawers: { outline: false, side: false }, matrix: true });
}
export function closeMatrix(): void {
  ui.set({ matrix: false });
}

export function openSearch(): void {
  ui.set({ search: true, dialog: null, editor: null });
}
export function openDialog(dialog: DialogName): void {
  ui.set({ search: false, dialog, editor: null });
}
export function openEditor(target: EditorTarget): void {
  ui.set({ search: false, dialog: null, editor: target });
}
export function closeOverlays(): void {
  ui.set({ search: false, dialog: null, editor: null });
}
export function anyOverlayOpen(): boolean {
  const s = ui.get();
  return s.search || s.dialog !== null || s.editor !== null;
}

/** Close the drawers (narrow windows), e.g. once a place was chosen in one. */
export function closeDrawers(): void {
  ui.set({ drawers: { outline: false, side: false } });
}

export function isNarrow(): boolean {
  return window.matchMedia(NARROW_QUERY).matches;
}
