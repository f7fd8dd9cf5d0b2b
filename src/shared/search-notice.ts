/**
 * The words of search's honest fallback, shared by the overlay and the
 * command line so a delegate reads one message wherever they search.
 */

/** "No passage has all your words — showing passages with some of them; not found: 10.7". */
export function fallbackNotice(missing: readonly string[]): string {
  const notFound = missing.length ? `; not found: ${missing.join(', ')}` : '';
  return `No passage has all your words — showing passages with some of them${notFound}`;
}
