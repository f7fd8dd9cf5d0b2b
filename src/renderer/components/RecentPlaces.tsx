/**
 * The places read most recently (state/history.ts), offered in the empty
 * search box so a delegate can go back to a place without retracing the way.
 *
 * Constraint: document places only (pages and blocks), never a note, so the
 * list is safe in presentation mode.
 */
import type { ReactNode } from 'react';
import { useStore } from '../lib/store';
import { clip, sentenceCase } from '../lib/text';
import { nav, navigate } from '../state/nav';
import { closeOverlays } from '../state/ui';

export function RecentPlaces(): ReactNode {
  const recent = useStore(nav, (s) => s.history.recent);
  const outline = useStore(nav, (s) => s.outline);
  const current = useStore(nav, (s) => s.pageId);
  const places = recent.filter((p) => p.pageId !== current);
  if (!outline || places.length === 0) return null;
  return (
    <nav className="recent-places" aria-label="Recent places">
      <p className="muted">Recent places:</p>
      <ul className="suggestions">
        {places.map((p) => {
          const node = outline.byId.get(p.pageId);
          return (
            <li key={p.pageId}>
              <button
                type="button"
                className="chip"
                onClick={() => {
                  closeOverlays();
                  void navigate(p);
                }}
              >
                {node ? `${node.label} · ${clip(sentenceCase(node.title), 60)}` : p.pageId}
              </button>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
