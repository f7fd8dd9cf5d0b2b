/**
 * Focus handling for modal dialogs and popovers: focus moves in on open, Tab
 * stays inside, Esc closes, and focus returns to where it was on close.
 */
import { useEffect, useLayoutEffect, useRef, type RefObject } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Open dialogs and popovers, newest last: only the newest answers Esc and Tab. */
const stack: object[] = [];

export function useDialogFocus(
  ref: RefObject<HTMLElement | null>,
  onClose: () => void,
  opts: { trap?: boolean; focusRoot?: boolean } = {},
): void {
  const close = useRef(onClose);
  useLayoutEffect(() => {
    close.current = onClose;
  });
  const trap = opts.trap ?? true;
  const focusRoot = opts.focusRoot ?? false;
  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const root = ref.current;
    if (!root) return;
    // The first field or action, not the dialog's ✕ (data-dialog-close): Enter must never just close it.
    const first = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].find(
      (el) => !el.hasAttribute('data-dialog-close'),
    );
    const auto = focusRoot
      ? root
      : (root.querySelector<HTMLElement>('[data-autofocus]') ??
        first ??
        root.querySelector<HTMLElement>(FOCUSABLE) ??
        root);
    auto.focus();
    const me = {};
    stack.push(me);
    const onKey = (e: KeyboardEvent): void => {
      if (stack[stack.length - 1] !== me) return;
      if (e.key === 'Escape') {
        e.preventDefault();
        e.stopPropagation();
        close.current();
        return;
      }
      if (e.key !== 'Tab' || !trap) return;
      const items = [...root.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.offsetParent !== null);
      if (items.length === 0) return;
      const first = items[0];
      const last = items[items.length - 1];
      if (!root.contains(document.activeElement)) {
        // Focus fell out (a button that disabled itself): bring it back in.
        e.preventDefault();
        first.focus();
      } else if (e.shiftKey && document.activeElement === first) {
        e.preventDefault();
        last.focus();
      } else if (!e.shiftKey && document.activeElement === last) {
        e.preventDefault();
        first.focus();
      }
    };
    // On the document, not the dialog: Esc must work even when focus has fallen out of it.
    document.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      stack.splice(stack.indexOf(me), 1);
      if (previous && previous.isConnected) previous.focus();
    };
  }, [ref, trap, focusRoot]);
}
