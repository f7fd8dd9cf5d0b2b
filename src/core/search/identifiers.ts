/**
 * Identifiers a delegate types or pastes instead of words: Platform for
 * Partnerships numbers (`ppd 5424`, `PfP 2623`, a pasted
 * `https://www.gfmd.org/pfp/ppd/468`), the app's own links
 * (`recollection://block/c2.f2.po.1`), SDG targets and indicators (`10.7`,
 * `10.7.1`, `10.c`, `target 3.c`, `SDG 10.7`) and Sutherland Report
 * recommendations (`Sutherland recommendation 12`, `recommendation 5`).
 *
 * Constraint: pure parsing of the whole query, no content; the jump resolver
 * (jump.ts) decides whether the thing named exists, and the search service
 * pins what it names to the top of the hits. Footnote and label forms stay in
 * jump.ts, which tries these first.
 */
import { fold } from './spelling';

export type Identifier =
  | { type: 'pfp'; id: number }
  | { type: 'link'; kind: 'block' | 'page'; id: string }
  /** `key` is the SDG target (an indicator is keyed by its target), `code` as typed. */
  | { type: 'sdg'; key: string; code: string }
  | { type: 'sutherland'; key: string };

const PFP_RE = /^(?:(?:gfmd\s+)?(?:platform\s+for\s+partnerships?|pfp|ppd)\s*)+(?:no\.?\s*|#\s*|\/\s*)?(\d{1,6})$/;
/** Any host (the document itself has a misspelt "afmd.org"), with or without scheme and www. */
const PFP_URL_RE = /^(?:https?:\/\/)?(?:www\.)?[a-z0-9.-]+\.[a-z]{2,}\/pfp\/ppd\/(\d{1,6})\/?[.,;]?$/;
const SDG_RE =
  /^(?:(?:sdgs?|goal|target|indicator|sdg\s+(?:target|indicator))\s*)?(\d{1,2})\.(\d{1,2}|[a-z])(?:\.(\d{1,2}))?$/;
const SUTHERLAND_RE =
  /^(?:sutherland(?:\s+report)?\s*,?\s*)?(?:recommendation|rec\.?)\s*(\d{1,2}(?:\s*\(\s*[a-z]\s*\))?)(?:\s+(?:of\s+the\s+)?sutherland(?:\s+report)?)?$/;
/**
 * The app's deep links. Kept in this one function so it can switch to the shared
 * deep-link parser (src/shared vocabulary) when that lands; same id alphabet as
 * src/main/deeplink.ts and the renderer's parseDeepLink.
 */
const LINK_RE = /^recollection:\/\/(block|page)\/([A-Za-z0-9._:-]{1,100})\/?$/;

export function parseDeepLinkText(raw: string): { kind: 'block' | 'page'; id: string } | null {
  const m = LINK_RE.exec(raw.trim());
  return m ? { kind: m[1] as 'block' | 'page', id: m[2] } : null;
}

/** The identifier the whole query names, or null when it is words. */
export function parseIdentifier(raw: string): Identifier | null {
  const trimmed = raw.trim();
  if (trimmed === '' || trimmed.length > 200) return null;
  const link = parseDeepLinkText(trimmed);
  if (link) return { type: 'link', ...link };
  const q = fold(trimmed).replace(/\s+/g, ' ');
  let m = PFP_URL_RE.exec(q) ?? PFP_RE.exec(q);
  if (m) return { type: 'pfp', id: Number(m[1]) };
  m = SDG_RE.exec(q);
  if (m) {
    const goal = Number(m[1]);
    if (goal < 1 || goal > 17) return null;
    const key = `${goal}.${m[2]}`;
    return { type: 'sdg', key, code: m[3] ? `${key}.${m[3]}` : key };
  }
  m = SUTHERLAND_RE.exec(q);
  if (m) return { type: 'sutherland', key: m[1].replace(/\s+/g, '') };
  return null;
}

/** The words to search for an identifier (what the index holds for it), or null to search the query as typed. */
export function searchTextOf(id: Identifier): string | null {
  switch (id.type) {
    case 'pfp':
      return `pfp ${id.id}`;
    case 'sdg':
      return id.code;
    case 'sutherland':
      return `sutherland recommendation ${id.key}`;
    case 'link':
      return null;
  }
}
