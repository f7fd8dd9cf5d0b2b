/**
 * The contract's record types (src/shared/contract/types.ts) as strict zod
 * schemas, to check what the channels return after fuzzing, a crash or an
 * import: a record missing a part, with a stray field, or with a value outside
 * its list would fail here.
 *
 * Constraint: written from the contract types and the limits, not from the
 * store's code, so a store bug cannot make its own output look right.
 */
import * as z from 'zod';
import { COLORS, POSITIONS, PRIORITIES } from '../../src/shared/contract/types';
import { LIMITS } from '../../src/shared/limits';

const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
const id = z.string().min(1).max(LIMITS.idLength);
const iso = z.iso.datetime({ offset: true });

const selectorShape = z
  .object({
    exact: z.string().min(1).max(LIMITS.quoteLength),
    prefix: z.string().max(LIMITS.quoteContext),
    suffix: z.string().max(LIMITS.quoteContext),
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  })
  .strict()
  .refine((s) => s.end > s.start && s.end - s.start === s.exact.length, 'selector offsets must span the quote');

export const annotationShape = z
  .object({
    id: uuid,
    blockId: id,
    selector: selectorShape.nullable(),
    note: z.string().max(LIMITS.noteLength),
    color: z.enum(COLORS).nullable(),
    tags: z
      .array(
        z
          .string()
          .min(1)
          .max(LIMITS.tagLength)
          .refine((t) => t === t.trim(), 'tags are stored trimmed'),
      )
      .max(LIMITS.tagsPerNote)
      .refine((tags) => new Set(tags.map((t) => t.toLowerCase())).size === tags.length, 'tags are unique'),
    position: z.enum(POSITIONS).nullable(),
    priority: z.enum(PRIORITIES).nullable(),
    anchor: z.enum(['attached', 'reanchored', 'orphan']),
    created: iso,
    modified: iso,
  })
  .strict()
  .refine((a) => a.modified >= a.created, 'modified before created');

export const bookmarkShape = z
  .object({ id: uuid, targetId: id, label: z.string().max(LIMITS.labelLength), created: iso, modified: iso })
  .strict();

const summaryShape = z
  .object({
    id,
    kind: z.string().min(1),
    label: z.string(),
    shortLabel: z.string(),
    pageId: id,
    excerpt: z.string(),
  })
  .strict();

export const noteEntryShape = z
  .object({
    type: z.enum(['bookmark', 'annotation']),
    bookmark: bookmarkShape.optional(),
    annotation: annotationShape.optional(),
    target: summaryShape.nullable(),
    clusterId: id.nullable(),
    focusAreaId: id.nullable(),
  })
  .strict()
  .refine((n) => (n.type === 'bookmark' ? !!n.bookmark && !n.annotation : !!n.annotation && !n.bookmark));

export const trashItemShape = z
  .object({
    id: uuid,
    type: z.enum(['bookmark', 'annotation']),
    deleted: iso,
    summary: z.string(),
    highlight: z.boolean(),
  })
  .strict();
