/**
 * The footnote a reference points to, in a small popover beside it. Focus
 * moves in (keyboard users can reach its links); Esc or a click outside closes
 * it and focus returns to the reference.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Footnote } from '../../shared/model';
import { api } from '../api';
import { useDialogFocus } from '../hooks/useDialogFocus';
import { FootnoteBody } from './FootnoteBody';

interface Props {
  number: number;
  anchor: HTMLElement;
  known: Footnote | null;
  onClose: () => void;
}

export function FootnotePopover({ number, anchor, known, onClose }: Props): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const [footnote, setFootnote] = useState<Footnote | null>(known);
  const [error, setError] = useState<string | null>(null);
  useDialogFocus(ref, onClose, { trap: false, focusRoot: true });

  useEffect(() => {
    if (known) return;
    void api.content
      .footnote({ number })
      .then((res) => (res.ok ? setFootnote(res.value.footnote) : setError(res.error.message)));
  }, [number, known]);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const a = anchor.getBoundingClientRect();
    const width = Math.min(420, window.innerWidth - 24);
    const left = Math.max(12, Math.min(a.left - 24, window.innerWidth - width - 12));
    const below = a.bottom + 8;
    const top = below + el.offsetHeight > window.innerHeight - 12 ? Math.max(12, a.top - el.offsetHeight - 8) : below;
    el.style.width = `${width}px`;
    el.style.left = `${left}px`;
    el.style.top = `${top}px`;
  }, [anchor, footnote]);

  useEffect(() => {
    const onDown = (e: PointerEvent): void => {
      if (ref.current && !ref.current.contains(e.target as Node) && !anchor.contains(e.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', onDown);
    return () => document.removeEventListener('pointerdown', onDown);
  }, [anchor, onClose]);

  return (
    <div ref={ref} className="popover footnote-popover" role="dialog" aria-labelledby="fn-pop-title" tabIndex={-1}>
      <div className="popover-head">
        <h2 id="fn-pop-title">Footnote {number}</h2>
        <button type="button" className="icon-button" aria-label="Close footnote" onClick={onClose}>
          ✕
        </button>
      </div>
      {footnote ? (
        <FootnoteBody footnote={footnote} />
      ) : error ? (
        <p role="alert">{error}</p>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </div>
  );
}
