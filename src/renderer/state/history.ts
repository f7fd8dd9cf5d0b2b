/**
 * Back and Forward over the places the reader has been, and the
 * recent places offered in the search box: a pure list with no DOM and no
 * API, driven by state/nav.ts on every navigation.
 *
 * Constraint: a place is a page and the block being read there; going Back
 * and then somewhere new drops the Forward list (as a browser does); the same
 * place twice in a row is one entry; both lists are bounded.
 */
export interface Place {
  pageId: string;
  blockId: string | null;
}

export interface HistoryState {
  back: Place[];
  forward: Place[];
  /** Most recent first, one entry per page. */
  recent: Place[];
}

export const HISTORY_LIMIT = 100;
export const RECENT_LIMIT = 8;

const same = (a: Place | undefined, b: Place): boolean => !!a && a.pageId === b.pageId && a.blockId === b.blockId;

export const emptyHistory = (): HistoryState => ({ back: [], forward: [], recent: [] });

/** Leaving `from` for a new place (not Back/Forward): `from` goes on the Back list, Forward is cleared. */
export function leave(h: HistoryState, from: Place | null, to: Place): HistoryState {
  const back = from && !same(from, to) && !same(h.back.at(-1), from) ? [...h.back, from] : h.back;
  return { back: back.slice(-HISTORY_LIMIT), forward: [], recent: visit(h.recent, to) };
}

/** Step back (-1) or forward (+1) from `here`: the place to open and the new lists, or null at the end. */
export function step(h: HistoryState, here: Place | null, dir: -1 | 1): { to: Place; history: HistoryState } | null {
  const from = dir < 0 ? h.back : h.forward;
  const to = from.at(-1);
  if (!to) return null;
  const rest = from.slice(0, -1);
  const other = here ? [...(dir < 0 ? h.forward : h.back), here].slice(-HISTORY_LIMIT) : dir < 0 ? h.forward : h.back;
  const history =
    dir < 0
      ? { back: rest, forward: other, recent: visit(h.recent, to) }
      : { back: other, forward: rest, recent: visit(h.recent, to) };
  return { to, history };
}

function visit(recent: Place[], to: Place): Place[] {
  return [to, ...recent.filter((p) => p.pageId !== to.pageId)].slice(0, RECENT_LIMIT);
}
