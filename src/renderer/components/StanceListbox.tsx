/**
 * A keyboard editor for one position or priority: a button that opens a
 * listbox; arrow keys, Home and End move through the choices without saving;
 * Enter (or a click, or focus leaving the list) saves the choice once; Escape
 * leaves the value as it was.
 *
 * Constraint: one save per commit. A native <select> fires `change` on every
 * arrow key, which would write a record per key press; this never does.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

export interface Choice<T extends string> {
  value: T | null;
  label: string;
  icon?: string;
}

export function StanceListbox<T extends string>({
  label,
  value,
  choices,
  onCommit,
  className,
}: {
  /** Accessible name, e.g. "Position on 2.2 PO 1". */
  label: string;
  value: T | null;
  choices: ReadonlyArray<Choice<T>>;
  onCommit: (value: T | null) => void;
  className?: string;
}): ReactNode {
  const id = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);
  const current = choices.find((c) => c.value === value) ?? choices[0];

  useEffect(() => {
    if (open) list.current?.focus();
  }, [open]);

  const show = (): void => {
    setActive(
      Math.max(
        0,
        choices.findIndex((c) => c.value === value),
      ),
    );
    setOpen(true);
  };
  /** Closes the list, saving `index` when it differs from the value; focus goes back to the button. */
  const close = (index: number | null, refocus: boolean): void => {
    setOpen(false);
    const chosen = index === null ? undefined : choices[index];
    if (chosen && chosen.value !== value) onCommit(chosen.value);
    // After the key event is done: an Enter still being delivered must not press the button again.
    if (refocus) setTimeout(() => button.current?.focus(), 0);
  };
  const onListKey = (e: KeyboardEvent): void => {
    const last = choices.length - 1;
    const moves: Record<string, number> = {
      ArrowDown: Math.min(last, active + 1),
      ArrowUp: Math.max(0, active - 1),
      Home: 0,
      End: last,
    };
    if (e.key in moves) {
      e.preventDefault();
      setActive(moves[e.key]);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      close(active, true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close(null, true);
    } else if (e.key === 'Tab') {
      close(active, false);
    }
  };

  return (
    <div className={`stance-listbox ${className ?? ''}`}>
      <button
        ref={button}
        type="button"
        className="stance-button"
        aria-haspopup="listbox"
        aria-expanded={open}
        aria-label={`${label}: ${current?.label ?? ''}`}
        data-value={value ?? ''}
        onClick={() => (open ? close(null, true) : show())}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
            e.preventDefault();
            show();
          }
        }}
      >
        {current?.icon ? <span aria-hidden="true">{current.icon} </span> : null}
        {current?.label}
      </button>
      {open ? (
        <ul
          ref={list}
          role="listbox"
          tabIndex={-1}
          aria-label={label}
          aria-activedescendant={`${id}-${active}`}
          className="stance-options"
          onKeyDown={onListKey}
          onBlur={(e) => {
            // Focus leaving the list saves what is chosen (not when it goes to one of its own options).
            if (!e.currentTarget.contains(e.relatedTarget)) close(active, false);
          }}
        >
          {choices.map((c, i) => (
            <li
              key={c.value ?? ''}
              id={`${id}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => close(i, true)}
            >
              {c.icon ? <span aria-hidden="true">{c.icon} </span> : null}
              {c.label}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
