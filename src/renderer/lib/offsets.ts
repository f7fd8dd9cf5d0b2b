/**
 * Map a DOM selection inside a rendered block back to offsets in the block's
 * plain text, and build the W3C-style selector an annotation is anchored by.
 *
 * Constraint: everything rendered that is not part of the plain text (footnote
 * reference numbers, buttons) carries `data-skip`, and is not counted here.
 * `segments.ts` guarantees the rest is the plain text, character for character.
 */
import type { Selector } from '../../shared/contract/types';

const CONTEXT = 32;

function textNodes(container: Node): Text[] {
  const doc = container.ownerDocument ?? document;
  const walker = doc.createTreeWalker(container, NodeFilter.SHOW_TEXT, {
    acceptNode: (n) =>
      n.parentElement?.closest('[data-skip]') && container.contains(n.parentElement.closest('[data-skip]'))
        ? NodeFilter.FILTER_REJECT
        : NodeFilter.FILTER_ACCEPT,
  });
  const out: Text[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) out.push(n as Text);
  return out;
}

/** Offset in the plain text of the DOM point (node, offset), which must be inside `container`. */
export function textOffset(container: Node, node: Node, offset: number): number {
  const doc = container.ownerDocument ?? document;
  const point = doc.createRange();
  point.setStart(node, offset);
  point.collapse(true);
  let sum = 0;
  for (const t of textNodes(container)) {
    if (t === node) return sum + offset;
    // (t, 0) at or after the point: the point lies before this text node.
    if (point.comparePoint(t, 0) >= 0) return sum;
    sum += t.length;
  }
  return sum;
}

export interface BlockSelection {
  blockId: string;
  start: number;
  end: number;
  rect: DOMRect;
}

/** The current selection if it lies within one block's text, else null. */
export function selectionInBlock(sel: Selection | null): BlockSelection | null {
  if (!sel || sel.rangeCount === 0 || sel.isCollapsed) return null;
  const range = sel.getRangeAt(0);
  const elementOf = (n: Node): Element | null => (n instanceof Element ? n : n.parentElement);
  const from = elementOf(range.startContainer)?.closest<HTMLElement>('[data-text-of]');
  const to = elementOf(range.endContainer)?.closest<HTMLElement>('[data-text-of]');
  if (!from || from !== to) return null;
  const start = textOffset(from, range.startContainer, range.startOffset);
  const end = textOffset(from, range.endContainer, range.endOffset);
  if (end <= start) return null;
  return { blockId: from.dataset.textOf ?? '', start, end, rect: range.getBoundingClientRect() };
}

/** Selector for [start, end) of `text`: quote, 32 characters of context each side, positions. */
export function makeSelector(text: string, start: number, end: number): Selector {
  return {
    exact: text.slice(start, end),
    prefix: text.slice(Math.max(0, start - CONTEXT), start),
    suffix: text.slice(end, end + CONTEXT),
    start,
    end,
  };
}

/** Trim spaces a double-click or drag often includes, so the quote starts and ends on text. */
export function trimRange(text: string, start: number, end: number): [number, number] {
  let s = start;
  let e = end;
  while (s < e && /\s/.test(text[s])) s++;
  while (e > s && /\s/.test(text[e - 1])) e--;
  return [s, e];
}

/** The DOM range of [start, end) of a rendered block's plain text (the inverse of textOffset). */
export function rangeAt(container: Node, start: number, end: number): Range {
  const doc = container.ownerDocument ?? document;
  const range = doc.createRange();
  let sum = 0;
  let startSet = false;
  for (const t of textNodes(container)) {
    if (!startSet && start <= sum + t.length) {
      range.setStart(t, start - sum);
      startSet = true;
    }
    if (startSet && end <= sum + t.length) {
      range.setEnd(t, end - sum);
      return range;
    }
    sum += t.length;
  }
  range.selectNodeContents(container);
  return range;
}

/** The words of a text as [start, end) pairs (letters and digits, with inner apostrophes and hyphens). */
export function wordsOf(text: string): Array<[number, number]> {
  return [...text.matchAll(/[\p{L}\p{N}](?:[\p{L}\p{N}'’-]*[\p{L}\p{N}])?/gu)].map((m) => [
    m.index,
    m.index + m[0].length,
  ]);
}
