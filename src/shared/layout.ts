/**
 * The window width under which the reader changes layout: at or below it
 * (a small window, or 200 % zoom) the outline and side panes become drawers
 * over the text, closed at first.
 *
 * Constraint: one number. The renderer's scripts read NARROW_QUERY; a CSS media
 * query cannot import it, so tests/renderer/breakpoint.test.ts checks that
 * every `max-width` media query in the style sheets is this one.
 */
export const NARROW_WIDTH = 900;
export const NARROW_QUERY = `(max-width: ${NARROW_WIDTH}px)`;
