/**
 * A modal dialog: backdrop, title, close button, focus kept inside, Esc closes,
 * focus returns to where it was; and the row of actions every dialog ends with.
 * Focus starts on the dialog's first field or action, never on the ✕; a step
 * that must not be left but by its own action (`onClose` absent) has no ✕ and
 * ignores Esc and clicks beside it.
 */
import { useId, useRef, type ReactNode } from 'react';
import { useDialogFocus } from '../hooks/useDialogFocus';

interface Props {
  title: string;
  /** Absent: the dialog cannot be dismissed (no ✕, Esc and the backdrop do nothing). */
  onClose?: () => void;
  children: ReactNode;
  className?: string;
}

export function Dialog({ title, onClose, children, className = '' }: Props): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const id = useId();
  useDialogFocus(ref, onClose ?? (() => undefined));
  return (
    <div className="overlay-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose?.()}>
      <div ref={ref} className={`dialog ${className}`} role="dialog" aria-modal="true" aria-labelledby={id}>
        <div className="dialog-head">
          <h2 id={id}>{title}</h2>
          {onClose ? (
            <button type="button" className="icon-button" aria-label="Close" data-dialog-close="" onClick={onClose}>
              ✕
            </button>
          ) : null}
        </div>
        <div className="dialog-body">{children}</div>
      </div>
    </div>
  );
}

interface ActionsProps {
  onCancel: () => void;
  /** The dialog's action; without onClick it submits the dialog's form. */
  primary: { label: string; disabled?: boolean; onClick?: () => void };
  /** Shown on the left, apart from Cancel and the action (e.g. Delete). */
  start?: ReactNode;
}

/** Cancel and the dialog's action, on the right. */
export function DialogActions({ onCancel, primary, start }: ActionsProps): ReactNode {
  return (
    <div className="dialog-actions">
      {start}
      <span className="spacer" />
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button
        type={primary.onClick ? 'button' : 'submit'}
        className="button primary"
        disabled={primary.disabled}
        onClick={primary.onClick}
      >
        {primary.label}
      </button>
    </div>
  );
}
