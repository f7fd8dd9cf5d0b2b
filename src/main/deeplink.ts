/**
 * Deep links from outside the app, as the OS hands them over: on the command
 * line (Windows, Linux: a second instance's argv) or through 'open-url'
 * (macOS); the window is told with the `app.open` event. The link grammar
 * itself (`recollection://block/<id>`, `recollection://page/<id>`) is the
 * shared one, src/shared/vocabulary/links.ts.
 *
 * Constraint: a link is data from outside. Only the two forms with an id of
 * the contract's id alphabet pass; anything else is ignored, never navigated to.
 */
import type { DeepLinkTarget } from '../shared/contract/types';
import { parseDeepLink } from '../shared/vocabulary/links';

/** The first deep link among command-line arguments, if any. */
export function deepLinkFromArgv(argv: readonly string[]): DeepLinkTarget | null {
  for (const arg of argv) {
    const link = parseDeepLink(arg);
    if (link) return link;
  }
  return null;
}
