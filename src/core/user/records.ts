/**
 * Small shared helpers for the user-data repositories: reading enum columns
 * back safely, tag normalisation, and the quote context computed around a
 * selector.
 *
 * Constraint: values read from the database are treated as untrusted (the file
 * may have been edited or partly restored): an unknown enum value reads as null
 * rather than crossing the contract with a value the renderer cannot show.
 */
import { LIMITS } from '../../shared/limits';
import type { AnchorStatus, Color, Position, Priority } from '../../shared/contract/types';
import { COLORS, POSITIONS, PRIORITIES } from '../../shared/contract/types';

/** Characters of context kept before and after a quote (as Hypothesis does). */
export const CONTEXT_CHARS = 32;

function member<T extends string>(list: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (list as readonly string[]).includes(value) ? (value as T) : null;
}

export const asColor = (v: unknown): Color | null => member(COLORS, v);
export const asPosition = (v: unknown): Position | null => member(POSITIONS, v);
export const asPriority = (v: unknown): Priority | null => member(PRIORITIES, v);
export const asAnchor = (v: unknown): AnchorStatus =>
  member(['attached', 'reanchored', 'orphan'] as const, v) ?? 'orphan';

/**
 * Characters that change how a tag looks or reads without being seen: zero-width
 * characters (U+200B–U+200D, U+2060, U+FEFF, U+180E, soft hyphen), bidirectional
 * controls (LRM, RLM, ALM, U+202A–U+202E, U+2066–U+2069) and C0/C1 controls.
 * "\u202Egpj.exe" shows as "exe.jpg", and "a\u200Bb" looks like "ab" yet is another tag.
 */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex
  /[\u00ad\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff\u061c\x00-\x08\x0e-\x1f\x7f-\x9f]/g;

/**
 * Trims, drops empties, merges case-insensitive duplicates (the first spelling
 * wins, order kept) and caps the count and length at the contract's limits.
 * Each tag is first put in Unicode NFC with its invisible characters removed,
 * so tags that look the same are the same tag (on input and on import).
 */
export function normalizeTags(tags: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of tags) {
    const visible = raw.normalize('NFC').replace(INVISIBLE, '');
    const tag = visible.trim().replace(/\s+/g, ' ').slice(0, LIMITS.tagLength);
    const key = tag.toLocaleLowerCase('en');
    if (!tag || seen.has(key)) continue;
    seen.add(key);
    out.push(tag);
    if (out.length >= LIMITS.tagsPerNote) break;
  }
  return out;
}

/** The text just before and after [start, end) in a block's text. */
export function contextAround(text: string, start: number, end: number): { prefix: string; suffix: string } {
  return {
    prefix: text.slice(Math.max(0, start - CONTEXT_CHARS), start),
    suffix: text.slice(end, end + CONTEXT_CHARS),
  };
}

/** First characters of a text, on one line, for summaries. */
export function excerpt(text: string, max = 80): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
