/**
 * The global keyboard shortcuts: Ctrl/Cmd+K or +F search, J/K blocks, [ / ]
 * focus areas, B bookmark, N note, C copy with citation, ? help, Ctrl/Cmd+Z undo.
 *
 * Constraint: single-letter shortcuts never fire while typing in a field or
 * while a dialog is open; the dialog owns the keyboard then (Esc closes it).
 */
import { useEffect } from 'react';
import { annotateCurrent, bookmarkCurrent, copyCitation, stepBlock, stepPage } from '../state/actions';
import { undo } from '../state/notes';
import { anyOverlayOpen, openDialog, openSearch } from '../state/ui';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      if (mod && !e.altKey && (key === 'k' || key === 'f')) {
        e.preventDefault();
        openSearch();
        return;
      }
      if (mod && !e.shiftKey && key === 'z' && !typing(e.target) && !anyOverlayOpen()) {
        e.preventDefault();
        void undo();
        return;
      }
      if (mod || e.altKey || typing(e.target) || anyOverlayOpen()) return;
      const actions: Record<string, () => void> = {
        j: () => stepBlock(1),
        k: () => stepBlock(-1),
        '[': () => stepPage(-1),
        ']': () => stepPage(1),
        b: () => bookmarkCurrent(),
        n: () => annotateCurrent(),
        c: () => copyCitation(),
        '?': () => openDialog('help'),
      };
      const action = actions[e.key === '?' ? '?' : key];
      if (!action) return;
      // The outline tree and tab lists use arrow keys, not letters, so letters are free everywhere else.
      e.preventDefault();
      action();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
