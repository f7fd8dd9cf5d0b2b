/**
 * Citation text and deep links, in the exact forms delegates paste into
 * statements and that exported briefs link back with.
 *
 * Constraint: the citation format is fixed by the brief (tests compare it
 * character for character): “<text>” (GFMD Thematic Recollection 2007–2017, <label>).
 */
export const CITED_WORK = 'GFMD Thematic Recollection 2007–2017';

export function citation(text: string, label: string): string {
  return `“${text}” (${CITED_WORK}, ${label})`;
}

export function blockLink(blockId: string): string {
  return `recollection://block/${blockId}`;
}

export type DeepLink = { type: 'block'; id: string } | { type: 'page'; id: string };

const ID = /^[A-Za-z0-9._:-]{1,100}$/;

/**
 * Parse `recollection://block/<id>`, `recollection://page/<id>` or the same
 * forms as a location hash (`#block/<id>`, `#page/<id>`), which is how the
 * shell hands a deep link to the window. Anything else is null.
 */
export function parseDeepLink(input: string): DeepLink | null {
  const m = /^(?:recollection:\/\/|#\/?)(block|page)\/(.+)$/.exec(input.trim());
  if (!m) return null;
  let id: string;
  try {
    id = decodeURIComponent(m[2]);
  } catch {
    return null;
  }
  if (!ID.test(id)) return null;
  return { type: m[1] as 'block' | 'page', id };
}
