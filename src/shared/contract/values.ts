/**
 * The closed lists and bounds of the contract: every value a field may take
 * (positions, colours, search kinds, themes, side tabs, export formats) and
 * the text-size bounds, each written once. The schemas (schemas.ts) build
 * their enums from these lists, the types are read off them, and the renderer
 * draws its choices from them instead of keeping copies.
 *
 * Constraint: runtime values only, no zod and no imports from the rest of the
 * contract, so any module (schemas, types, vocabulary, renderer) can import
 * them without a cycle.
 */
import { LIMITS } from '../limits';

/** Characters of every id (block, section, page); with the length bound, the one id pattern. */
export const ID_CHARS = 'A-Za-z0-9._:-';
/** A whole id: 1 to LIMITS.idLength characters of ID_CHARS. */
export const ID_PATTERN = new RegExp(`^[${ID_CHARS}]{1,${LIMITS.idLength}}$`);

export const POSITIONS = [
  'support',
  'support-with-amendments',
  'oppose',
  'red-line',
  'no-position',
  'ask-capital',
] as const;
export type Position = (typeof POSITIONS)[number];

export const PRIORITIES = ['high', 'medium', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const COLORS = ['yellow', 'green', 'blue', 'red', 'purple'] as const;
export type Color = (typeof COLORS)[number];

export const ANCHOR_STATUSES = ['attached', 'reanchored', 'orphan'] as const;
export type AnchorStatus = (typeof ANCHOR_STATUSES)[number];

/** What a search hit is; the search overlay offers one filter chip each, in this order. */
export const SEARCH_KINDS = ['policy-option', 'practical-action', 'example', 'context', 'footnote', 'note'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** The six thematic clusters, by number (search and settings filters; one chip each). */
export const CLUSTER_NUMBERS = [1, 2, 3, 4, 5, 6] as const;

export const THEMES = ['system', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

/** The side pane's tabs, in the order they are shown. */
export const SIDE_TABS = ['notes', 'footnotes', 'xrefs', 'positions'] as const;
export type SideTab = (typeof SIDE_TABS)[number];

/** Reading text size in px: A− and A+ stop at the bounds, `settings.set` refuses anything outside. */
export const TEXT_SIZE = { min: 14, max: 28, default: 18 } as const;

/** Formats the core renders (`export.render`). */
export const EXPORT_FORMATS = ['markdown', 'docx', 'html', 'csv', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** Formats the desktop app saves (`export.save`): the rendered ones, plus PDF printed by the shell from the HTML. */
export const SAVE_FORMATS = [...EXPORT_FORMATS, 'pdf'] as const;
export type SaveFormat = (typeof SAVE_FORMATS)[number];

/** Colours a colleague's layer can be drawn in: distinct from the user's own highlight colours. */
export const LAYER_COLORS = ['teal', 'orange', 'indigo', 'olive', 'magenta', 'slate'] as const;
export type LayerColor = (typeof LAYER_COLORS)[number];

/** A search / notes filter value meaning "my own notes", beside layer ids. */
export const MY_NOTES = 'mine' as const;
