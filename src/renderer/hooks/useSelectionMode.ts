/**
 * Keyboard selection mode: V on the current block selects its first
 * word; ← → move to the previous or next word, Shift+← → shrink or extend the
 * selection by a word, Enter highlights it, N writes a note on it, Esc (or
 * Tab) leaves. The selection is a real DOM selection, so Ctrl+C copies it
 * with its citation and the selection popup offers its colours too.
 *
 * Constraint: while the mode is on it owns the arrow keys, Enter, N and Esc
 * (capture phase, before the global shortcuts); in presentation mode Enter
 * and N make no private mark.
 */
import { useEffect } from 'react';
import { blockElement } from '../components/reading-pane';
import { privateShown } from '../components/Private';
import { makeSelector, rangeAt, wordsOf } from '../lib/offsets';
import { currentBlock } from '../state/actions';
import { createAnnotation } from '../state/notes';
import { anyOverlayOpen, openEditor } from '../state/ui';

interface Mode {
  blockId: string;
  text: string;
  words: Array<[number, number]>;
  /** Indexes of the first and last selected words. */
  from: number;
  to: number;
}

function typing(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

function show(mode: Mode): void {
  const el = blockElement(mode.blockId)?.querySelector(`[data-text-of]`);
  if (!el) return;
  const sel = window.getSelection();
  sel?.removeAllRanges();
  sel?.addRange(rangeAt(el, mode.words[mode.from][0], mode.words[mode.to][1]));
  // The selection popup follows the selection on key up.
}

export function useSelectionMode(): void {
  useEffect(() => {
    let mode: Mode | null = null;
    const leave = (): void => {
      mode = null;
      document.documentElement.removeAttribute('data-selection-mode');
    };
    const onKey = (e: KeyboardEvent): void => {
      if (!mode) {
        if (e.key.toLowerCase() !== 'v' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target) || anyOverlayOpen())
          return;
        const block = currentBlock();
        if (!block) return;
        const words = wordsOf(block.text);
        if (words.length === 0) return;
        e.preventDefault();
        e.stopImmediatePropagation();
        mode = { blockId: block.id, text: block.text, words, from: 0, to: 0 };
        document.documentElement.setAttribute('data-selection-mode', block.id);
        show(mode);
        return;
      }
      const m = mode;
      const last = m.words.length - 1;
      const key = e.key;
      if (key === 'Escape' || key === 'Tab') {
        if (key === 'Escape') window.getSelection()?.removeAllRanges();
        leave();
        return;
      }
      if (key === 'ArrowRight' || key === 'ArrowLeft') {
        const d = key === 'ArrowRight' ? 1 : -1;
        if (e.shiftKey) m.to = Math.max(m.from, Math.min(last, m.to + d));
        else m.from = m.to = Math.max(0, Math.min(last, (d > 0 ? m.to : m.from) + d));
      } else if (key === 'Enter' || key.toLowerCase() === 'n') {
        const selector = makeSelector(m.text, m.words[m.from][0], m.words[m.to][1]);
        window.getSelection()?.removeAllRanges();
        leave();
        e.preventDefault();
        e.stopImmediatePropagation();
        if (!privateShown()) return;
        if (key === 'Enter') void createAnnotation({ blockId: m.blockId, selector, color: 'yellow' });
        else openEditor({ blockId: m.blockId, annotation: null, selector });
        return;
      } else if (!e.ctrlKey && !e.metaKey) {
        // Other keys do nothing while selecting (Ctrl+C still copies).
        if (key.length === 1) e.preventDefault();
        return;
      } else return;
      e.preventDefault();
      e.stopImmediatePropagation();
      show(m);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}
