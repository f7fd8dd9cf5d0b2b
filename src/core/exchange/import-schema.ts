/**
 * The per-record schema of an imported Web Annotation (zod), and the wording
 * of its errors: each says what is wrong and where ("first.items[3].target: missing").
 *
 * Constraint: objects are parsed in zod's default strip mode, never loose or
 * passthrough, so an unknown key (including `__proto__`) never reaches a record.
 */
import * as z from 'zod';
import { once } from '../../shared/lazy';
import { LIMITS } from '../../shared/limits';
import { COLORS, POSITIONS, PRIORITIES } from '../../shared/contract/types';
import { parseDeepLink } from '../../shared/vocabulary/links';

export const ANCHORS = ['attached', 'reanchored', 'orphan'] as const;
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
export const ANNOTATION_ID = new RegExp(`^urn:uuid:(${UUID})$`, 'i');
/** The block a target names (`recollection://block/<id>`, the one deep-link grammar), or null. */
export function targetBlockId(source: string): string | null {
  const link = parseDeepLink(source);
  return link?.type === 'block' ? link.id : null;
}
const ISO_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})$/i;

/** A value as it may appear in a message: short, on one line. */
export function show(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') {
    const s = JSON.stringify(value);
    return s.length > 60 ? `${s.slice(0, 57)}…"` : s;
  }
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}

/** Messages for the issue codes the schema raises; anything else keeps zod's own wording. */
export const errorMap: z.core.$ZodErrorMap = (iss) => {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined
        ? 'missing'
        : `expected ${iss.expected === 'int' ? 'an integer' : `a ${iss.expected}`}, got ${show(iss.input)}`;
    case 'invalid_value':
      return `must be ${iss.values.length === 1 ? show(iss.values[0]) : `one of ${iss.values.map(String).join(', ')}`}; got ${show(iss.input)}`;
    case 'too_big':
      if (iss.origin === 'string') return `longer than ${String(iss.maximum)} characters`;
      if (iss.origin === 'array') return `more than ${String(iss.maximum)} entries`;
      return `must be at most ${String(iss.maximum)}; got ${show(iss.input)}`;
    case 'too_small':
      if (iss.origin === 'string') return 'empty';
      return `must be at least ${String(iss.minimum)}; got ${show(iss.input)}`;
    default:
      return undefined;
  }
};

/** Date.parse alone accepts 2025-02-30 (rolling over to March); check the fields themselves. */
function isRealDate(s: string): boolean {
  const n = (from: number, length: number): number => Number(s.slice(from, from + length));
  const [year, month, day] = [n(0, 4), n(5, 2), n(8, 2)];
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const fits = month >= 1 && month <= 12 && day >= 1 && day <= days && n(11, 2) <= 23 && n(14, 2) <= 59;
  return fits && !Number.isNaN(Date.parse(s));
}

/**
 * The record and positions schemas, made on first use: every command opens the core, few import
 * a file, and building these at start was part of every command's start-up.
 */
export const importSchemas = once(() => {
  const isoDate = z
    .string()
    .regex(ISO_DATE, {
      abort: true, // a string that is not ISO 8601 gets one message, not two
      error: (iss) => `expected an ISO 8601 date-time with a time zone (2024-05-01T14:03:00Z); got ${show(iss.input)}`,
    })
    .refine(isRealDate, { error: (iss) => `not a real date: ${show(iss.input)}` });

  const quoteSelector = z.object({
    type: z.literal('TextQuoteSelector'),
    exact: z.string().min(1).max(LIMITS.quoteLength),
    prefix: z.string().max(LIMITS.quoteContext).optional(),
    suffix: z.string().max(LIMITS.quoteContext).optional(),
  });

  const offset = z.number().int().min(0).max(LIMITS.blockLength);
  const positionSelector = z.object({ type: z.literal('TextPositionSelector'), start: offset, end: offset });

  const selector = z.discriminatedUnion('type', [quoteSelector, positionSelector], {
    error: (iss) => {
      const input: unknown = iss.input;
      const type = input && typeof input === 'object' && 'type' in input ? input.type : undefined;
      return `unsupported selector ${type === undefined ? 'without a type' : show(type)}: only TextQuoteSelector with TextPositionSelector`;
    },
  });

  const textualBody = z.object({
    type: z
      .literal('TextualBody', {
        error: (iss) =>
          iss.input === undefined ? 'missing' : `only TextualBody bodies are supported; got ${show(iss.input)}`,
      })
      .optional(),
    value: z.string().max(LIMITS.noteLength),
    purpose: z.string().max(100).optional(),
    format: z.string().max(100).optional(),
  });

  const recordSchema = z.object({
    id: z.string().regex(ANNOTATION_ID, { error: (iss) => `expected urn:uuid:<UUID>; got ${show(iss.input)}` }),
    type: z.array(z.string()).refine((t) => t.includes('Annotation'), {
      error: (iss) =>
        `expected "Annotation"; got ${Array.isArray(iss.input) && iss.input.length === 1 ? show(iss.input[0]) : show(iss.input)}`,
    }),
    motivation: z.array(z.string().max(100)).max(20).optional(),
    // Tags, a note, a position, plus room for foreign purposes; the exact tag limit is checked on the tags.
    body: z
      .array(textualBody)
      .max(LIMITS.tagsPerNote + 20)
      .optional(),
    bodyValue: z.string().max(LIMITS.noteLength).optional(),
    target: z.object({
      source: z.string().refine((s) => targetBlockId(s) !== null, {
        error: (iss) => `not a Recollection block (expected recollection://block/<id>); got ${show(iss.input)}`,
      }),
      selector: z.array(selector).max(2).optional(),
    }),
    created: isoDate.optional(),
    modified: isoDate.optional(),
    'rec:color': z.enum(COLORS).nullable().optional(),
    'rec:priority': z.enum(PRIORITIES).nullable().optional(),
    'rec:anchor': z.enum(ANCHORS).optional(),
  });

  /**
   * `rec:positions` of a collection (format 2 and later): the position of each
   * option, which belongs to the option and not to a note. Older files have none
   * and carry a position on each annotation instead.
   */
  const positionsSchema = z
    .array(
      z.object({
        target: z.string().refine((t) => targetBlockId(t) !== null, {
          error: (iss) => `not a Recollection block (expected recollection://block/<id>); got ${show(iss.input)}`,
        }),
        position: z.enum(POSITIONS).nullable(),
        priority: z.enum(PRIORITIES).nullable(),
        modified: isoDate,
      }),
    )
    .max(LIMITS.importRecords);
  return { record: recordSchema, positions: positionsSchema };
});
export type RawRecord = z.output<ReturnType<typeof importSchemas>['record']>;

/** Where a one-or-many value was wrapped into an array before parsing, so messages can drop the invented `[0]`. */
export const WRAPPABLE = ['type', 'motivation', 'body', 'target.selector'] as const;

/** "first.items[3].target.selector[1].start" from a base path and a zod issue path. */
export function formatPath(base: string, path: ReadonlyArray<PropertyKey>, wrapped: ReadonlySet<string>): string {
  let out = base;
  let key = '';
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    if (typeof seg === 'number') {
      if (!(seg === 0 && wrapped.has(key))) out += `[${seg}]`;
      key = `${key}[]`;
    } else {
      const name = String(seg);
      out += out === '' ? name : `.${name}`;
      key = key === '' ? name : `${key}.${name}`;
    }
  }
  return out === '' ? '(annotation)' : out;
}
