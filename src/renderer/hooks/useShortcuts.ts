/**
 * The global keyboard shortcuts: Ctrl/Cmd+K or +F search, J/K blocks, [ / ]
 * focus areas, B bookmark, N note, C copy with citation, ? help, Ctrl/Cmd+Z undo,
 * Ctrl/Cmd+Shift+P presentation mode, Ctrl/Cmd+Shift+K the command palette, Alt+Left/Right and mouse buttons 4/5 Back/Forward.
 *
 * Constraint: single-letter shortcuts never fire while typing in a field or
 * while a dialog is open; the dialog owns the keyboard then (Esc closes it).
 * In presentation mode no key shows or changes anything private: B, N and
 * Undo do nothing, Alt+3/4 have no pane to go to, and Ctrl/Cmd+Shift+P asks
 * before turning the mode off (state/presentation.ts).
 */
import { useEffect } from 'react';
import { annotateCurrent, bookmarkCurrent, copyCitation, stepBlock, stepPage } from '../state/actions';
import { focusPane, type PaneKey } from '../components/pane-focus';
import { privateShown } from '../components/Private';
import { goHistory } from '../state/nav';
import { undo } from '../state/notes';
import { presentationKey } from '../state/presentation';
import { anyOverlayOpen, openDialog, openSearch } from '../state/ui';

function typing(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName);
}

/** Alt+1…4 (by key position, so any keyboard layout): the outline, the text, the notes, the positions. */
const PANE_KEYS: Record<string, PaneKey> = {
  Digit1: 'outline',
  Digit2: 'reader',
  Digit3: 'notes',
  Digit4: 'positions',
};

export function useShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      const mod = e.ctrlKey || e.metaKey;
      const key = e.key.toLowerCase();
      const pane = e.altKey && !mod && !e.shiftKey ? PANE_KEYS[e.code] : undefined;
      if (pane) {
        e.preventDefault();
        focusPane(pane);
        return;
      }
      if (e.altKey && !mod && !e.shiftKey && (e.key === 'ArrowLeft' || e.key === 'ArrowRight') && !typing(e.target)) {
        e.preventDefault();
        void goHistory(e.key === 'ArrowLeft' ? -1 : 1);
        return;
      }
      if (mod && e.shiftKey && !e.altKey && key === 'k') {
        e.preventDefault();
        openDialog('palette');
        return;
      }
      if (mod && !e.altKey && (key === 'k' || key === 'f')) {
        e.preventDefault();
        openSearch();
        return;
      }
      if (mod && e.shiftKey && !e.altKey && key === 'p') {
        e.preventDefault();
        presentationKey();
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
      // Presentation mode: nothing that makes or shows a private mark.
      if ((key === 'b' || key === 'n') && !privateShown()) return;
      // The outline tree and tab lists use arrow keys, not letters, so letters are free everywhere else.
      e.preventDefault();
      action();
    };
    // Mouse buttons 4 and 5 (the side buttons): Back and Forward, as in a browser.
    const onMouse = (e: MouseEvent): void => {
      if (e.button !== 3 && e.button !== 4) return;
      e.preventDefault();
      if (e.type === 'mouseup' && !anyOverlayOpen()) void goHistory(e.button === 3 ? -1 : 1);
    };
    window.addEventListener('keydown', onKey);
    window.addEventListener('mousedown', onMouse);
    window.addEventListener('mouseup', onMouse);
    return () => {
      window.removeEventListener('keydown', onKey);
      window.removeEventListener('mousedown', onMouse);
      window.removeEventListener('mouseup', onMouse);
    };
  }, []);
}
