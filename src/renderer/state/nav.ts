/**
 * Where the reader is: the outline, the page shown (loaded with
 * `content.section`), the block to bring into view, the search terms to mark,
 * the block the keyboard acts on, and the places before and after (Back and
 * Forward over every navigation: outline, search, jump, cross-reference,
 * footnote, deep link, state/history.ts).
 *
 * Constraint: a slow answer for an old page never replaces a newer one (the
 * latest answer wins); a failed load shows a message, not a blank.
 */
import type { ErrorCode } from '../../shared/contract/result';
import type { OutlineNode, SectionPayload } from '../../shared/contract/types';
import { api } from '../api';
import { latestAnswer } from '../lib/latest';
import { createStore } from '../lib/store';
import { indexOutline, pageOf, type OutlineIndex } from '../lib/outline';
import { emptyHistory, leave, step, type HistoryState, type Place } from './history';
import { updateSettings } from './settings';

export interface Target {
  blockId: string | null;
  /** A group (Policy options…) heading to scroll to instead of a block. */
  anchorId: string | null;
  terms: string[];
  /** Changes on every navigation, so the same block can be flashed twice. */
  token: number;
}

export interface NavState {
  outline: OutlineIndex | null;
  pageId: string | null;
  page: SectionPayload | null;
  loading: boolean;
  error: string | null;
  /** Code of the last failed load: NOT_FOUND means the place no longer exists. */
  errorCode: ErrorCode | null;
  target: Target | null;
  /** The block J/K/B/N/C act on. */
  currentBlockId: string | null;
  /** Section (page or group) at the top of the reading pane, for the outline. */
  visibleSectionId: string | null;
  history: HistoryState;
}

export const nav = createStore<NavState>({
  outline: null,
  pageId: null,
  page: null,
  loading: false,
  error: null,
  errorCode: null,
  target: null,
  currentBlockId: null,
  visibleSectionId: null,
  history: emptyHistory(),
});

const pageLoads = latestAnswer();
let token = 0;

export function setOutline(nodes: OutlineNode[]): void {
  nav.set({ outline: indexOutline(nodes) });
}

async function loadPage(pageId: string): Promise<boolean> {
  const current = pageLoads.next();
  nav.set({ loading: true, error: null });
  const res = await api.content.section({ id: pageId });
  if (!current()) return false;
  if (!res.ok) {
    nav.set({ loading: false, error: res.error.message, errorCode: res.error.code, pageId, page: null });
    return false;
  }
  nav.set({ loading: false, page: res.value, pageId: res.value.section.id, error: null, errorCode: null });
  return true;
}

export interface NavigateTo {
  pageId?: string;
  blockId?: string | null;
  anchorId?: string | null;
  terms?: string[];
}

/**
 * Open a page (or the page of a block) and bring a block or heading into view.
 * A block id alone is resolved with `content.block`.
 */
export async function navigate(to: NavigateTo, how: 'new' | 'history' = 'new'): Promise<void> {
  const from = here();
  let pageId = to.pageId ?? null;
  const blockId = to.blockId ?? null;
  if (!pageId && blockId) {
    const res = await api.content.block({ id: blockId });
    if (!res.ok) {
      nav.set({ error: res.error.message, errorCode: res.error.code });
      return;
    }
    pageId = res.value.pageId;
  }
  if (!pageId) return;
  const outline = nav.get().outline;
  let anchorId = to.anchorId ?? null;
  if (outline && pageOf(outline, pageId) !== pageId) {
    anchorId = anchorId ?? pageId;
    pageId = pageOf(outline, pageId);
  }
  const state = nav.get();
  if (state.pageId !== pageId || !state.page || state.error) {
    if (!(await loadPage(pageId))) return;
  }
  const place = { pageId, blockId };
  nav.set({
    target: { blockId, anchorId, terms: to.terms ?? [], token: ++token },
    currentBlockId: blockId,
    ...(how === 'new' ? { history: leave(nav.get().history, from, place) } : {}),
  });
  updateSettings({ lastPageId: pageId, lastBlockId: blockId });
}

/** The place being read now: the page and the block the keyboard acts on (null before any page). */
function here(): Place | null {
  const { pageId, page, currentBlockId } = nav.get();
  return pageId && page ? { pageId, blockId: currentBlockId } : null;
}

/** Back (-1) or Forward (+1); nothing at either end. */
export async function goHistory(dir: -1 | 1): Promise<void> {
  const moved = step(nav.get().history, here(), dir);
  if (!moved) return;
  nav.set({ history: moved.history });
  await navigate(moved.to, 'history');
}

export function retryPage(): void {
  const id = nav.get().pageId;
  if (id) void loadPage(id);
}

let remember: ReturnType<typeof setTimeout> | undefined;

/** The block the keyboard acts on; remembered (after a pause) as the place to reopen at. */
export function setCurrentBlock(blockId: string | null): void {
  if (nav.get().currentBlockId === blockId) return;
  nav.set({ currentBlockId: blockId });
  clearTimeout(remember);
  remember = setTimeout(() => {
    const { pageId, currentBlockId } = nav.get();
    if (pageId && currentBlockId) updateSettings({ lastPageId: pageId, lastBlockId: currentBlockId });
  }, 800);
}
