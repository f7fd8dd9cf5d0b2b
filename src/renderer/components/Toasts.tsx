/** Toasts: confirmations with Undo, and errors that stay until dismissed. */
import type { ReactNode } from 'react';
import { useStore } from '../lib/store';
import { undo } from '../state/notes';
import { dismiss, toasts } from '../state/toasts';

export function Toasts(): ReactNode {
  const list = useStore(toasts, (s) => s.list);
  return (
    <div className="toasts" role="status" aria-live="polite">
      {list.map((t) => (
        <div key={t.id} className={`toast toast-${t.tone}`}>
          <span className="toast-message">{t.message}</span>
          {t.undo ? (
            <button
              type="button"
              className="link-button"
              onClick={() => {
                dismiss(t.id);
                if (typeof t.undo === 'function') t.undo();
                else void undo();
              }}
            >
              Undo
            </button>
          ) : null}
          <button type="button" className="icon-button small" aria-label="Dismiss" onClick={() => dismiss(t.id)}>
            ✕
          </button>
        </div>
      ))}
    </div>
  );
}
