/**
 * Deep links: `recollection://block/<id>` and `recollection://page/<id>`, as
 * exported briefs and Web Annotation targets write them, the OS hands them to
 * the app, and "Copy link" puts them on the clipboard; and the same place as a
 * location hash (`#block/<id>`), which is how a page is told where to open.
 *
 * Constraint: one builder and one parser, over the contract's one id pattern.
 * A link is data from outside: only these forms with a whole id pass (after
 * percent-decoding, so `%2E` cannot smuggle a `/` or `..`); anything else is null.
 */
import { LIMITS } from '../limits';
import type { DeepLinkTarget } from '../contract/types';
import { ID_PATTERN } from '../contract/values';

export type { DeepLinkTarget };

/** The URL scheme the app registers with the OS (without the colon). */
export const DEEP_LINK_SCHEME = 'recollection';

/** `recollection://block/<id>` (block and section ids share one namespace). */
export function deepLink(target: DeepLinkTarget): string {
  return `${DEEP_LINK_SCHEME}://${target.type}/${target.id}`;
}

export function blockLink(blockId: string): string {
  return deepLink({ type: 'block', id: blockId });
}

// Type, then the id up to an optional trailing slash (some launchers add one).
const PATH = '(block|page)/([^/]+)/?';
const URL_FORM = new RegExp(`^${DEEP_LINK_SCHEME}://${PATH}$`);
const HASH_FORM = new RegExp(`^#/?${PATH}$`);
/** A whole id percent-encoded, with the scheme: anything longer is refused before matching. */
const MAX_INPUT = 3 * LIMITS.idLength + 32;

function read(form: RegExp, input: unknown): DeepLinkTarget | null {
  if (typeof input !== 'string' || input.length > MAX_INPUT) return null;
  const m = form.exec(input);
  if (!m) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[2]);
  } catch {
    return null; // a malformed escape
  }
  return ID_PATTERN.test(id) ? { type: m[1] as DeepLinkTarget['type'], id } : null;
}

/** `recollection://block/<id>` or `recollection://page/<id>`; anything else is null. */
export function parseDeepLink(input: unknown): DeepLinkTarget | null {
  return read(URL_FORM, input);
}

/** The same place as a location hash: `#block/<id>`, `#/page/<id>`; anything else is null. */
export function parseDeepLinkHash(hash: string): DeepLinkTarget | null {
  return read(HASH_FORM, hash);
}
