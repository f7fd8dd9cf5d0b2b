/**
 * Reader actions shared by buttons and keyboard shortcuts: move between blocks
 * and focus areas, copy with citation, copy a deep link, bookmark, annotate.
 *
 * Constraint: each action works on "the current block": the one focused or
 * last opened, else the first one visible, so a shortcut never acts on
 * something the reader cannot see.
 */
import type { Block } from '../../shared/model';
import { api } from '../api';
import { blockLink } from '../../shared/vocabulary/links';
import { citation } from '../lib/citation';
import { nav, navigate, setCurrentBlock } from './nav';
import { toggleBookmark } from './notes';
import { toast, toastError } from './toasts';
import { openEditor } from './ui';

function blockElements(): HTMLElement[] {
  return [...document.querySelectorAll<HTMLElement>('#reading [data-block-id]')];
}

export function blockById(id: string | null): Block | null {
  if (!id) return null;
  return nav.get().page?.blocks.find((b) => b.id === id) ?? null;
}

function firstVisible(): HTMLElement | null {
  const pane = document.getElementById('reading');
  const top = pane ? pane.getBoundingClientRect().top : 0;
  return blockElements().find((el) => el.getBoundingClientRect().bottom > top + 8) ?? null;
}

export function currentBlock(): Block | null {
  const focused = document.activeElement?.closest<HTMLElement>('#reading [data-block-id]');
  const id = focused?.dataset.blockId ?? nav.get().currentBlockId ?? firstVisible()?.dataset.blockId ?? null;
  return blockById(id);
}

export function focusBlock(id: string, opts: { scroll?: boolean } = {}): void {
  const el = document.querySelector<HTMLElement>(`#reading [data-block-id="${CSS.escape(id)}"]`);
  if (!el) return;
  setCurrentBlock(id);
  el.focus({ preventScroll: true });
  if (opts.scroll ?? true) el.scrollIntoView({ block: 'nearest' });
}

export function stepBlock(delta: 1 | -1): void {
  const els = blockElements();
  if (els.length === 0) return;
  const focused = document.activeElement?.closest<HTMLElement>('#reading [data-block-id]')?.dataset.blockId;
  const known = focused ?? nav.get().currentBlockId;
  const i = known ? els.findIndex((el) => el.dataset.blockId === known) : -1;
  // Nothing chosen yet: the first key press lands on the first block in view.
  const start = firstVisible();
  const next =
    i < 0
      ? Math.max(0, start ? els.indexOf(start) : delta > 0 ? 0 : els.length - 1)
      : Math.max(0, Math.min(els.length - 1, i + delta));
  const id = els[next].dataset.blockId;
  if (id) focusBlock(id);
}

export function stepPage(delta: 1 | -1): void {
  const page = nav.get().page;
  const id = delta > 0 ? page?.nextId : page?.prevId;
  if (id) void navigate({ pageId: id });
}

async function writeClipboard(text: string, done: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
    toast(done);
  } catch {
    toastError('The clipboard is not available: select the text and copy it by hand.');
  }
}

export function copyCitation(block: Block | null = currentBlock()): void {
  if (!block) return;
  void writeClipboard(citation(block.text, block.label), `Copied with citation: ${block.label}`);
}

export function copyLink(block: Block | null = currentBlock()): void {
  if (!block) return;
  void writeClipboard(blockLink(block.id), `Link copied: ${blockLink(block.id)}`);
}

export function bookmarkCurrent(block: Block | null = currentBlock()): void {
  if (block) void toggleBookmark(block.id);
}

export function annotateCurrent(block: Block | null = currentBlock()): void {
  if (block) openEditor({ blockId: block.id, annotation: null, selector: null });
}

/** Links leave the app only through the shell, which asks the user first. */
export async function openExternal(url: string): Promise<void> {
  const res = await api.app.openExternal({ url });
  if (res.ok) return;
  try {
    await navigator.clipboard.writeText(url);
    toast(`This link opens in your browser from the desktop app. The address was copied: ${url}`);
  } catch {
    toastError(`The link could not be opened: ${res.error.message}`);
  }
}

/** Focus moving onto (or into) a block makes it the current block. */
export function setCurrentFromFocus(e: { target: EventTarget }): void {
  const el = e.target instanceof Element ? e.target.closest<HTMLElement>('[data-block-id]') : null;
  const id = el?.dataset.blockId;
  if (id) setCurrentBlock(id);
}
