/**
 * Deep links from outside the app: `recollection://block/<id>` and
 * `recollection://page/<id>`, as written into exported briefs. The OS hands
 * them over on the command line (Windows, Linux: a second instance's argv) or
 * through 'open-url' (macOS); the window is told with the `app.open` event.
 *
 * Constraint: a link is data from outside. Only the two forms with an id of
 * the contract's id alphabet pass; anything else is ignored, never navigated to.
 */
import type { EventPayloads } from '../shared/contract/channels';

export const DEEP_LINK_SCHEME = 'recollection';
const LINK = /^recollection:\/\/(block|page)\/([A-Za-z0-9._:-]{1,100})\/?$/;

export function parseDeepLinkUrl(url: string): EventPayloads['app.open'] | null {
  if (typeof url !== 'string' || url.length > 200) return null;
  const m = LINK.exec(url.trim());
  return m ? { type: m[1] as 'block' | 'page', id: m[2] } : null;
}

/** The first deep link among command-line arguments, if any. */
export function deepLinkFromArgv(argv: readonly string[]): EventPayloads['app.open'] | null {
  for (const arg of argv) {
    const link = parseDeepLinkUrl(arg);
    if (link) return link;
  }
  return null;
}
