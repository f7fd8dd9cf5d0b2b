/**
 * The deep link the app was started for (a link clicked in an exported brief
 * while the app was closed) reaches the page in the answer to its first
 * `app.status`, not only as an `app.open` event.
 *
 * Why: the page asks for its status first thing at start-up, so the link
 * decides the first page shown; an event sent on did-finish-load can arrive
 * after start-up has already opened the last place read (a flash of the wrong
 * page, then a jump). The event stays the way for links that come later.
 *
 * Constraint: no Electron import, so the browser test harness wraps the core
 * with this same function; the link is given once, then the status says null.
 */
import type { Handlers } from '../shared/contract/derive';
import type { DeepLinkTarget } from '../shared/contract/types';

export function withStartLink(handlers: Handlers, take: () => DeepLinkTarget | null): Handlers {
  return {
    ...handlers,
    'app.status': async (args) => ({ ...(await handlers['app.status'](args)), open: take() }),
  };
}
