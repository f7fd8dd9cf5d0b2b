/**
 * The reading pane in the DOM: its element, its blocks in reading order, the
 * block that has focus, the first block in view, and bringing one into view.
 *
 * Constraint: the only module that queries the reading pane's DOM; the state
 * modules (state/actions.ts) ask it by block id and never touch elements.
 */
const PANE = 'reading';
const BLOCKS = `#${PANE} [data-block-id]`;

export function readingPane(): HTMLElement | null {
  return document.getElementById(PANE);
}

export function blockElement(id: string): HTMLElement | null {
  return document.querySelector<HTMLElement>(`#${PANE} [data-block-id="${CSS.escape(id)}"]`);
}

/** Ids of the blocks shown, in reading order. */
export function shownBlockIds(): string[] {
  return [...document.querySelectorAll<HTMLElement>(BLOCKS)].map((el) => el.dataset.blockId ?? '');
}

/** The block that holds the keyboard focus, if any. */
export function focusedBlockId(): string | null {
  return document.activeElement?.closest<HTMLElement>(BLOCKS)?.dataset.blockId ?? null;
}

/** The first block whose bottom is below the top of the pane. */
export function firstVisibleBlockId(): string | null {
  const pane = readingPane();
  const top = pane ? pane.getBoundingClientRect().top : 0;
  const els = [...document.querySelectorAll<HTMLElement>(BLOCKS)];
  return els.find((el) => el.getBoundingClientRect().bottom > top + 8)?.dataset.blockId ?? null;
}

/** Scroll the pane so `el` sits in its top third (`third`) or just under the breadcrumb. */
export function bringIntoView(el: HTMLElement, third: boolean): void {
  const pane = readingPane();
  if (!pane) return;
  const offset = el.getBoundingClientRect().top - pane.getBoundingClientRect().top;
  pane.scrollTop += offset - (third ? pane.clientHeight / 3 : 56);
}

/** Focus a block (false when it is not shown), scrolling it into view unless told not to. */
export function focusBlockElement(id: string, scroll: boolean): boolean {
  const el = blockElement(id);
  if (!el) return false;
  el.focus({ preventScroll: true });
  if (scroll) el.scrollIntoView({ block: 'nearest' });
  return true;
}
