/**
 * When words are selected inside one block: a small "Highlight / Note" popup.
 * Highlight saves the passage at once in the chosen colour; Note opens the
 * editor on it.
 *
 * Constraint: the passage is anchored by offsets into the block's plain text
 * (lib/offsets.ts) with its quote and 32 characters of context either side.
 */
import { useEffect, useState, type ReactNode } from 'react';
import { COLORS, type Color } from '../../shared/contract/types';
import { COLOR_LABELS } from '../../shared/vocabulary/labels';
import { makeSelector, selectionInBlock, trimRange, type BlockSelection } from '../lib/offsets';
import { useStore } from '../lib/store';
import { blockById } from '../state/actions';
import { createAnnotation, notes } from '../state/notes';
import { openEditor } from '../state/ui';

export function SelectionPopup(): ReactNode {
  const [sel, setSel] = useState<BlockSelection | null>(null);
  const palette = useStore(notes, (s) => s.palette);

  useEffect(() => {
    const update = (): void => setSel(selectionInBlock(window.getSelection()));
    const onUp = (): void => void setTimeout(update, 0);
    const onChange = (): void => {
      if (window.getSelection()?.isCollapsed) setSel(null);
    };
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'Escape') return;
      window.getSelection()?.removeAllRanges();
      setSel(null);
    };
    document.addEventListener('mouseup', onUp);
    document.addEventListener('keyup', onUp);
    document.addEventListener('keydown', onKey);
    document.addEventListener('selectionchange', onChange);
    return () => {
      document.removeEventListener('mouseup', onUp);
      document.removeEventListener('keyup', onUp);
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('selectionchange', onChange);
    };
  }, []);

  if (!sel) return null;
  const block = blockById(sel.blockId);
  if (!block) return null;
  const [start, end] = trimRange(block.text, sel.start, sel.end);
  if (end <= start) return null;
  const selector = makeSelector(block.text, start, end);
  const done = (): void => {
    window.getSelection()?.removeAllRanges();
    setSel(null);
  };
  const highlight = (color: Color): void => {
    void createAnnotation({ blockId: block.id, selector, color });
    done();
  };
  const top = Math.max(8, sel.rect.top - 44);
  const left = Math.max(8, Math.min(window.innerWidth - 300, sel.rect.left + sel.rect.width / 2 - 140));
  return (
    <div
      className="selection-popup"
      role="toolbar"
      aria-label="Selected passage"
      ref={(el) => {
        el?.style.setProperty('top', `${top}px`);
        el?.style.setProperty('left', `${left}px`);
      }}
      onMouseDown={(e) => e.preventDefault()}
    >
      <button type="button" className="button small" onClick={() => highlight('yellow')}>
        Highlight
      </button>
      {COLORS.filter((c) => c !== 'yellow').map((c) => (
        <button
          key={c}
          type="button"
          className={`swatch-button sw-${c}`}
          aria-label={`Highlight as ${palette.find((p) => p.color === c)?.name ?? COLOR_LABELS[c]}`}
          title={palette.find((p) => p.color === c)?.name ?? COLOR_LABELS[c]}
          onClick={() => highlight(c)}
        />
      ))}
      <button
        type="button"
        className="button small"
        onClick={() => {
          openEditor({ blockId: block.id, annotation: null, selector });
          done();
        }}
      >
        Note
      </button>
    </div>
  );
}
