/**
 * The user's bookmarks and annotations as the reader needs them: all
 * bookmarks, the current page's annotations, the palette; and the actions that
 * change them, each confirmed by a toast with Undo.
 *
 * Constraint: after any change (here, by undo, or by an import) the
 * `revision` counter moves, and every view that lists notes reloads; nothing
 * keeps a stale copy.
 */
import type { Args } from '../../shared/contract/channels';
import type { Annotation, Bookmark, PaletteEntry, Position, Priority } from '../../shared/contract/types';
import { api } from '../api';
import { POSITION_LABELS as POSITION, PRIORITY_LABELS as PRIORITY } from '../../shared/vocabulary/labels';
import { createStore } from '../lib/store';
import { nav } from './nav';
import { settings } from './settings';
import { dropUndoOffers, toast, toastError } from './toasts';

/** Notes drawn beside one block at most; a block with more offers "show all" (the Notes panel). */
export const NOTES_PER_BLOCK = 50;

export interface NotesState {
  revision: number;
  bookmarks: Bookmark[];
  /** Annotations on the page shown, at most NOTES_PER_BLOCK on each block. */
  annotations: Annotation[];
  /** How many annotations each block of the page has in all (blocks with none are absent). */
  totals: Record<string, number>;
  palette: PaletteEntry[];
  /**
   * The position and priority of each option on the page shown that has one,
   * whether or not a note is on it (a position set in the matrix alone is shown too).
   */
  stances: Record<string, Stance>;
}

export interface Stance {
  position: Position | null;
  priority: Priority | null;
}

export const notes = createStore<NotesState>({
  revision: 0,
  bookmarks: [],
  annotations: [],
  totals: {},
  palette: [],
  stances: {},
});

export function changed(): void {
  notes.set((s) => ({ ...s, revision: s.revision + 1 }));
}

export async function loadPalette(): Promise<void> {
  const res = await api.notes.palette({});
  if (res.ok) notes.set({ palette: res.value });
}

/** The blocks of a page: those of the page shown, or asked of the core while it loads. */
export async function blocksOf(pageId: string): Promise<string[]> {
  const shown = nav.get().page;
  if (shown?.section.id === pageId) return shown.blocks.map((b) => b.id);
  const res = await api.content.section({ id: pageId });
  return res.ok ? res.value.blocks.map((b) => b.id) : [];
}

export async function loadPageNotes(pageId: string): Promise<void> {
  const blockIds = await blocksOf(pageId);
  const [bm, an, pos] = await Promise.all([
    api.bookmarks.list({}),
    api.annotations.forBlocks({ blockIds, perBlock: NOTES_PER_BLOCK }),
    api.positions.list({}),
  ]);
  // Locked notes (the vault) are not a failure: the page shows the document alone, as in presentation.
  if (bm.ok) notes.set({ bookmarks: bm.value });
  else if (bm.error.code === 'LOCKED') notes.set({ bookmarks: [] });
  else toastError(`Your bookmarks could not be loaded: ${bm.error.message}`);
  if (an.ok) notes.set({ annotations: an.value.annotations, totals: an.value.totals });
  else if (an.error.code === 'LOCKED') notes.set({ annotations: [], totals: {} });
  else toastError(`Your notes could not be loaded: ${an.error.message}`);
  // The positions: shown with the notes; a failure to load them is the notes' failure (said above).
  const onPage = new Set(blockIds);
  const stances: Record<string, Stance> = {};
  for (const row of pos.ok ? pos.value : [])
    if (onPage.has(row.block.id) && (row.position || row.priority))
      stances[row.block.id] = { position: row.position, priority: row.priority };
  notes.set({ stances });
}

export function bookmarkOf(targetId: string): Bookmark | undefined {
  return notes.get().bookmarks.find((b) => b.targetId === targetId);
}

export async function toggleBookmark(targetId: string, label?: string): Promise<void> {
  const existing = bookmarkOf(targetId);
  const res = existing
    ? await api.bookmarks.remove({ id: existing.id })
    : await api.bookmarks.add({ targetId, ...(label ? { label } : {}) });
  if (!res.ok) return toastError(`Bookmark not changed: ${res.error.message}`);
  toast(existing ? 'Bookmark removed' : 'Bookmarked', { undo: true });
  changed();
}

export async function createAnnotation(args: Args<'annotations.create'>): Promise<Annotation | null> {
  const res = await api.annotations.create(args);
  if (!res.ok) {
    toastError(`Note not saved: ${res.error.message}`);
    return null;
  }
  toast(args.note ? 'Note saved' : args.selector ? 'Passage highlighted' : 'Saved', { undo: true });
  changed();
  return res.value;
}

export async function updateAnnotation(args: Args<'annotations.update'>): Promise<boolean> {
  const res = await api.annotations.update(args);
  if (!res.ok) {
    toastError(`Note not saved: ${res.error.message}`);
    return false;
  }
  toast('Note updated', { undo: true });
  changed();
  return true;
}

function stanceWords(v: { position: Position | null; priority: Priority | null }): string {
  const words = [v.position ? POSITION[v.position].label : '', v.priority ? `${PRIORITY[v.priority]} priority` : ''];
  return words.filter(Boolean).join(', ');
}

/**
 * Sets (null clears) the position and/or priority of an option — they belong to
 * the option, not to a note. The toast names the option and what it now is, or
 * what was cleared ("Position on 2.2 PO 1 cleared: Red line").
 */
export async function setPosition(
  targetId: string,
  label: string,
  patch: { position?: Position | null; priority?: Priority | null },
  before: { position: Position | null; priority: Priority | null },
): Promise<boolean> {
  const res = await api.positions.set({ targetId, ...patch });
  if (!res.ok) {
    toastError(`Position not saved: ${res.error.message}`);
    return false;
  }
  const now = res.value ?? { position: null, priority: null };
  toast(
    now.position || now.priority
      ? `Position on ${label}: ${stanceWords(now)}`
      : `Position on ${label} cleared${stanceWords(before) ? `: ${stanceWords(before)}` : ''}`,
    { undo: true },
  );
  changed();
  return true;
}

/** Delete to the trash; `what` names it for the reader, e.g. "Note on 2.2 PO 1". */
export async function removeAnnotation(id: string, what = 'Note'): Promise<void> {
  const res = await api.annotations.remove({ id });
  if (!res.ok) return toastError(`${what} not deleted: ${res.error.message}`);
  toast(`${what} moved to the trash`, { undo: true });
  changed();
}

/**
 * Undoes the last change to the notes. Not in presentation mode: undoing would
 * change a private thing in front of the room and its toast would name it.
 */
export async function undo(): Promise<void> {
  if (settings.get().presentation) {
    toast('Nothing undone: undo is off while presenting.');
    return;
  }
  const res = await api.history.undo({});
  if (!res.ok) return toastError(`Nothing undone: ${res.error.message}`);
  if (res.value) dropUndoOffers();
  toast(res.value ? `Undone: ${res.value.description}` : 'Nothing to undo');
  if (res.value) changed();
}

export function paletteName(color: string | null): string {
  if (!color) return '';
  return notes.get().palette.find((p) => p.color === color)?.name ?? color;
}
