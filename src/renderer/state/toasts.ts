/**
 * Short messages at the bottom of the window (saved, deleted, failed), with an
 * optional Undo. Errors stay until dismissed; the rest fade after a while.
 */
import { createStore } from '../lib/store';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  /** true: Undo undoes the last change to the notes (history.undo); a function: what Undo does instead. */
  undo: boolean | (() => void);
}

export const toasts = createStore<{ list: Toast[] }>({ list: [] });
let nextId = 1;

export function dismiss(id: number): void {
  toasts.set((s) => ({ list: s.list.filter((t) => t.id !== id) }));
}

export function toast(message: string, opts: { tone?: 'info' | 'error'; undo?: boolean | (() => void) } = {}): number {
  const t: Toast = { id: nextId++, message, tone: opts.tone ?? 'info', undo: opts.undo ?? false };
  // Only the newest undo offer is meaningful: history.undo undoes the last change.
  // The same words again replace the older toast rather than pile up under it.
  toasts.set((s) => ({
    list: [...s.list.filter((x) => x.message !== message).map((x) => (t.undo ? { ...x, undo: false } : x)), t].slice(
      -3,
    ),
  }));
  if (t.tone !== 'error') setTimeout(() => dismiss(t.id), t.undo ? 10_000 : 5_000);
  return t.id;
}

/** An undone change: the toasts that offered to undo it offer nothing any more, so they go. */
export function dropUndoOffers(): void {
  toasts.set((s) => ({ list: s.list.filter((t) => t.undo !== true) }));
}

export function toastError(message: string): void {
  toast(message, { tone: 'error' });
}
