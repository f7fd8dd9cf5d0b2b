/**
 * The Notes panel's list, for any number of notes (100,000 is the import
 * limit): only the entries on screen (and a few beyond) are in the page, and
 * they are asked of the core a page at a time (notes.page) as they come into
 * view. Group titles ("by place") are drawn on the first entry of each group.
 *
 * Why @tanstack/react-virtual: it measures entries of varying height (a note
 * may be one line or ten) after they render and keeps the scroll position
 * steady while it does, works with a scroll container that is not the list
 * itself (here the side pane, which also holds the filters), is headless (our
 * markup and styles), small, without dependencies and widely maintained.
 *
 * Constraints: the side pane stays the one scroll container (the pane
 * scrolls inside itself, the frame never moves); positions are set through
 * the CSSOM (React's style prop), which the CSP's style-src allows, never a
 * style attribute in markup; a change of filter, order or any note reloads.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { LayerInfo, LayerNoteEntry } from '../../shared/contract/layer-types';
import type { Result } from '../../shared/contract/result';
import type { AnnotationFilter, NoteEntry } from '../../shared/contract/types';
import { api } from '../api';
import { useStore } from '../lib/store';
import { nav } from '../state/nav';
import { NoteEntryView } from './NoteEntryView';

/** Entries per notes.page request. */
const PAGE = 200;

export interface VirtualNoteListProps {
  filter: AnnotationFilter;
  sort: 'document' | 'date';
  /** Leave out unattached notes (listed apart) and bookmarks whose section is gone. */
  placed?: boolean;
  revision: number;
  /** Group key and title of an entry, when the list is grouped by place. */
  groupOf?: (entry: NoteEntry) => { key: string; title: string };
  showPlace?: boolean;
  /** Told the total once known (null while loading), and an error message. */
  onTotal?: (total: number | null, error: string | null) => void;
  /** List these colleagues' layers' notes instead of the user's own; each entry is signed with its layer. */
  layers?: readonly LayerInfo[];
}

type Page = { entries: NoteEntry[]; total: number };

/** One page of the user's own notes, or of the chosen layers' notes. */
function fetchPage(
  args: { filter: AnnotationFilter; sort: 'document' | 'date'; placed: boolean; offset: number; limit: number },
  layers: readonly LayerInfo[] | undefined,
): Promise<Result<Page>> {
  if (!layers) return api.notes.page(args);
  const { filter, sort, offset, limit } = args;
  return api.layers.notesPage({ filter, sort, offset, limit, layerIds: layers.map((l) => l.id) });
}

function entryId(e: NoteEntry): string {
  return e.annotation?.id ?? e.bookmark?.id ?? '';
}

export function VirtualNoteList({
  filter,
  sort,
  placed = false,
  revision,
  groupOf,
  showPlace = false,
  onTotal,
  layers,
}: VirtualNoteListProps): ReactNode {
  const list = useRef<HTMLDivElement>(null);
  const [scroller, setScroller] = useState<HTMLElement | null>(null);
  const [margin, setMargin] = useState(0);
  const [total, setTotal] = useState<number | null>(null);
  const [pages, setPages] = useState<ReadonlyMap<number, NoteEntry[]>>(new Map());
  const asked = useRef(new Set<number>());
  const generation = useRef(0);
  const layerIds = layers?.map((l) => l.id) ?? null;
  const key = JSON.stringify([filter, sort, placed, revision, layerIds]);
  const layerOf = (e: NoteEntry): LayerInfo | undefined =>
    'layerId' in e ? layers?.find((l) => l.id === (e as LayerNoteEntry).layerId) : undefined;
  // The document first: the list's first request waits until a page is shown, so that with
  // 100,000 notes the first page of the Notes list never delays the reader.
  const pageShown = useStore(nav, (s) => s.page !== null);

  const load = useCallback(
    (page: number): void => {
      if (asked.current.has(page)) return;
      asked.current.add(page);
      const mine = generation.current;
      void fetchPage({ filter, sort, placed, offset: page * PAGE, limit: PAGE }, layers).then((res) => {
        if (mine !== generation.current) return;
        if (!res.ok) {
          asked.current.delete(page);
          onTotal?.(null, res.error.message);
          return;
        }
        setTotal(res.value.total);
        onTotal?.(res.value.total, null);
        setPages((old) => new Map(old).set(page, res.value.entries));
      });
    },
    // `key` stands for filter and sort (the objects change identity on every render of the parent).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [key, onTotal],
  );

  // New filter, order or data: forget every page (keep showing the old ones until the first new one comes).
  useEffect(() => {
    if (!pageShown) return;
    generation.current++;
    asked.current = new Set();
    const mine = generation.current;
    void fetchPage({ filter, sort, placed, offset: 0, limit: PAGE }, layers).then((res) => {
      if (mine !== generation.current) return;
      if (!res.ok) return onTotal?.(null, res.error.message);
      asked.current.add(0);
      setTotal(res.value.total);
      onTotal?.(res.value.total, null);
      setPages(new Map([[0, res.value.entries]]));
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, pageShown]);

  // The side pane scrolls; the list starts below the filters, at `margin`.
  useLayoutEffect(() => {
    const el = list.current;
    const pane = el?.closest<HTMLElement>('.side-pane') ?? null;
    setScroller(pane);
    if (el && pane) {
      setMargin(el.getBoundingClientRect().top - pane.getBoundingClientRect().top + pane.scrollTop);
    }
  }, [total]);

  // The virtualiser's functions change with every scroll; nothing below memoises them (no React Compiler here).
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: total ?? 0,
    getScrollElement: () => scroller,
    estimateSize: () => 76,
    overscan: 6,
    scrollMargin: margin,
    getItemKey: (i) => {
      const e = pages.get(Math.floor(i / PAGE))?.[i % PAGE];
      return e ? entryId(e) : `slot-${i}`;
    },
  });
  const items = virtualizer.getVirtualItems();

  useEffect(() => {
    for (const item of items) {
      const page = Math.floor(item.index / PAGE);
      if (!pages.has(page)) load(page);
    }
  }, [items, pages, load]);

  const at = (i: number): NoteEntry | undefined => pages.get(Math.floor(i / PAGE))?.[i % PAGE];

  return (
    <div
      ref={list}
      className="virtual-notes"
      data-total={total ?? ''}
      style={{ height: `${virtualizer.getTotalSize()}px` }}
    >
      {items.map((item) => {
        const entry = at(item.index);
        const prev = item.index > 0 ? at(item.index - 1) : undefined;
        const group = entry && groupOf ? groupOf(entry) : null;
        const startsGroup =
          group !== null && (item.index === 0 || (prev !== undefined && groupOf?.(prev).key !== group.key));
        return (
          <div
            key={item.key}
            ref={virtualizer.measureElement}
            data-index={item.index}
            className="virtual-row"
            style={{ transform: `translateY(${item.start - virtualizer.options.scrollMargin}px)` }}
          >
            {startsGroup && group ? <h3 className="notes-group-title">{group.title}</h3> : null}
            <ul className="note-entries">
              {entry ? (
                <NoteEntryView entry={entry} showPlace={showPlace} layer={layerOf(entry)} />
              ) : (
                <li className="note-entry is-loading" aria-hidden="true">
                  …
                </li>
              )}
            </ul>
          </div>
        );
      })}
    </div>
  );
}
