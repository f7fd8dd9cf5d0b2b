/**
 * The text box at the top of the search overlay and of the command palette:
 * an ARIA combobox over a listbox (focus stays in the box; the active entry
 * is aria-activedescendant), with its icon and the Esc hint.
 *
 * Constraint: one markup for both overlays, so their keyboard and screen
 * reader behaviour cannot drift apart.
 */
import type { ChangeEvent, FocusEvent, KeyboardEvent, ReactNode } from 'react';
import { LIMITS } from '../../shared/limits';

export function ComboInput({
  icon,
  label,
  listId,
  activeId,
  placeholder,
  value,
  onChange,
  onKeyDown,
  onFocus,
  role,
}: {
  icon: string;
  label: string;
  /** The listbox it controls. */
  listId: string;
  /** The active option's id, or null when the list is empty. */
  activeId: string | null;
  placeholder: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
  onKeyDown: (e: KeyboardEvent<HTMLInputElement>) => void;
  onFocus?: (e: FocusEvent<HTMLInputElement>) => void;
  /** A landmark role for the box ("search"), if any. */
  role?: 'search';
}): ReactNode {
  return (
    <div role={role} className="search-box">
      <span className="search-icon" aria-hidden="true">
        {icon}
      </span>
      <input
        data-autofocus=""
        type="text"
        role="combobox"
        aria-label={label}
        aria-expanded={activeId !== null}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={activeId ?? undefined}
        placeholder={placeholder}
        value={value}
        maxLength={LIMITS.queryLength}
        onChange={onChange}
        onFocus={onFocus}
        onKeyDown={onKeyDown}
        spellCheck={false}
        autoComplete="off"
      />
      <kbd className="esc-hint">Esc</kbd>
    </div>
  );
}
