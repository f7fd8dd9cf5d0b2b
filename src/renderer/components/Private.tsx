/**
 * The one gate for private things: notes, positions, priorities,
 * highlights, tags, bookmarks, the Notes and Positions panes and every count
 * of them. In presentation mode they are not rendered at all (not hidden with
 * CSS), so neither the screen, the accessibility tree, a copy of the page nor
 * print can show them.
 *
 * Constraint: every private component is mounted through `<Private>` or asks
 * `usePrivate()`; a new private view (e.g. a positions matrix) is gated by
 * wrapping where it is mounted.
 */
import type { ReactNode } from 'react';
import { useStore } from '../lib/store';
import { settings } from '../state/settings';

/** True when private things may be shown (presentation mode is off). */
export function usePrivate(): boolean {
  return !useStore(settings, (s) => s.presentation);
}

/** The same outside React (shortcuts, search arguments). */
export function privateShown(): boolean {
  return !settings.get().presentation;
}

/** Renders its children only while presentation mode is off; `fallback` otherwise. */
export function Private({ children, fallback = null }: { children: ReactNode; fallback?: ReactNode }): ReactNode {
  return usePrivate() ? children : fallback;
}
