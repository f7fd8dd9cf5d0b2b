/**
 * The places read most recently (state/history.ts), offered in the empty
 * search box and in the command palette, so a delegate can go back to a place
 * without retracing the way. `useRecentPlaces()` is the one list both show.
 *
 * Constraint: document places only (pages and blocks), never a note, so the
 * list is safe in presentation mode.
 */
import type { ReactNode } from 'react';
import type { OutlineNode } from '../../shared/contract/types';
import { useStore } from '../lib/store';
import { clip, sentenceCase } from '../lib/text';
import type { Place } from '../state/history';
import { nav, navigate } from '../state/nav';
import { closeOverlays } from '../state/ui';

/** How a page of the document is named in lists: "2.2 · Fair and ethical recruitment…". */
export function pageName(node: OutlineNode): string {
  return `${node.label} · ${clip(sentenceCase(node.title), 60)}`;
}

/** The recent places but the page being read, most recent first, each with its name. */
export function useRecentPlaces(): Array<{ place: Place; name: string }> {
  const recent = useStore(nav, (s) => s.history.recent);
  const outline = useStore(nav, (s) => s.outline);
  const current = useStore(nav, (s) => s.pageId);
  if (!outline) return [];
  return recent
    .filter((p) => p.pageId !== current)
    .map((place) => {
      const node = outline.byId.get(place.pageId);
      return { place, name: node ? pageName(node) : place.pageId };
    });
}

export function RecentPlaces(): ReactNode {
  const places = useRecentPlaces();
  if (places.length === 0) return null;
  return (
    <nav className="recent-places" aria-label="Recent places">
      <p className="muted">Recent places:</p>
      <ul className="suggestions">
        {places.map(({ place, name }) => (
          <li key={place.pageId}>
            <button
              type="button"
              className="chip"
              onClick={() => {
                closeOverlays();
                void navigate(place);
              }}
            >
              {name}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
