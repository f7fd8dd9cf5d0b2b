/**
 * The zod schemas of the shapes that channels share (ids, selectors, filters,
 * the annotation fields, settings), from which channels.ts builds each
 * channel's argument schema and types.ts infers the argument types.
 *
 * Constraint: each shape is written here once. A type that crosses IPC as an
 * argument is `z.output` of its schema, never written again by hand; a new
 * field (a setting, an annotation field) is added to the schema and the type,
 * the patch schema and the channel follow.
 */
import * as z from 'zod';
import { once } from '../lazy';
import { LIMITS, PANE_WIDTH } from '../limits';
import { CROSS_REF_TYPES } from '../model';
import {
  ANCHOR_STATUSES,
  CLUSTER_NUMBERS,
  COLORS,
  ID_CHARS,
  LAYER_COLORS,
  MY_NOTES,
  POSITIONS,
  PRIORITIES,
  SEARCH_KINDS,
  SIDE_TABS,
  TEXT_SIZE,
  THEMES,
} from './values';

// min, max and the alphabet are separate checks so that each failure gets its own message.
export const id = once(() =>
  z
    .string()
    .min(1)
    .max(LIMITS.idLength)
    .regex(new RegExp(`^[${ID_CHARS}]+$`), 'an id of letters, digits and . _ : -'),
);
export const uuid = once(() =>
  z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'a UUID'),
);
export const empty = once(() => z.object({}).strict());
export const color = once(() => z.enum(COLORS));
export const position = once(() => z.enum(POSITIONS));
export const priority = once(() => z.enum(PRIORITIES));
export const anchorStatus = once(() => z.enum(ANCHOR_STATUSES));
export const searchKind = once(() => z.enum(SEARCH_KINDS));
export const crossRefType = once(() => z.enum(CROSS_REF_TYPES));
export const tag = once(() => z.string().trim().min(1).max(LIMITS.tagLength));
export const tags = once(() => z.array(tag()).max(LIMITS.tagsPerNote));
export const clusterNumbers = once(() =>
  z.array(z.number().int().min(1).max(CLUSTER_NUMBERS.length)).max(CLUSTER_NUMBERS.length),
);
export const searchKinds = once(() => z.array(searchKind()).max(SEARCH_KINDS.length));

/** W3C TextQuoteSelector + TextPositionSelector, within the block's plain text. */
export const selector = once(() =>
  z
    .object({
      exact: z.string().min(1).max(LIMITS.quoteLength),
      prefix: z.string().max(LIMITS.quoteContext),
      suffix: z.string().max(LIMITS.quoteContext),
      start: z.number().int().min(0).max(LIMITS.blockLength),
      end: z.number().int().min(0).max(LIMITS.blockLength),
    })
    .strict()
    .refine((s) => s.end > s.start, 'selector end must be after start'),
);

/**
 * The fields a user writes on an annotation, as an annotation holds them.
 * `annotations.create` takes them all optional (defaults: empty note, no tags,
 * nulls), `annotations.update` takes any of them as a patch.
 */
export const annotationFields = once(() =>
  z
    .object({
      note: z.string().max(LIMITS.noteLength),
      color: color().nullable(),
      tags: tags(),
    })
    .strict(),
);

export const annotationFilter = once(() =>
  z
    .object({
      tags: tags().optional(),
      colors: z.array(color()).max(COLORS.length).optional(),
      positions: z.array(position()).max(POSITIONS.length).optional(),
      priorities: z.array(priority()).max(PRIORITIES.length).optional(),
      blockId: id().optional(),
      pageId: id().optional(),
      text: z.string().max(LIMITS.queryLength).optional(),
      anchor: z.array(anchorStatus()).max(ANCHOR_STATUSES.length).optional(),
    })
    .strict(),
);

export const exportScope = once(() =>
  z
    .object({
      kind: z.enum(['all', 'filter', 'selection']),
      filter: annotationFilter().optional(),
      /** Annotation / bookmark ids, for `selection`. */
      ids: z.array(uuid()).max(LIMITS.selectionSize).optional(),
      /**
       * Narrows any kind to some options: in these clusters (ids `c1`…), with a note
       * carrying one of these tags, with one of these positions. Applied per option, so an
       * option kept keeps its bookmark, highlights and notes together.
       */
      only: z
        .object({
          clusters: z.array(id()).max(20).optional(),
          tags: tags().optional(),
          positions: z.array(position()).max(POSITIONS.length).optional(),
        })
        .strict()
        .optional(),
      /** Layers whose positions a brief shows beside the user's own, one column each, in this order. */
      layers: z.array(uuid()).max(LIMITS.layers).optional(),
    })
    .strict(),
);

const headerText = once(() => z.string().max(LIMITS.labelLength));
/** A brief's title block; empty strings are left out of the brief. */
export const briefHeader = once(() =>
  z
    .object({
      title: headerText(),
      delegation: headerText(),
      meeting: headerText(),
      date: headerText(),
      /** E.g. "Restricted — delegation use", printed above the title. */
      classification: headerText(),
    })
    .strict(),
);

/** Every setting, as `settings.get` answers; `settings.set` takes any of them (`.partial()`). */
export const settings = once(() =>
  z
    .object({
      theme: z.enum(THEMES),
      /** Reading text size in px. */
      textSize: z.number().int().min(TEXT_SIZE.min).max(TEXT_SIZE.max),
      lastPageId: id().nullable(),
      lastBlockId: id().nullable(),
      panes: z.object({ outline: z.boolean(), side: z.boolean(), sideTab: z.enum(SIDE_TABS) }).strict(),
      /** Presentation mode: nothing private (notes, positions, highlights, tags, bookmarks) on screen or in print. */
      presentation: z.boolean(),
      /** Start every session in presentation mode, whatever it was when the app closed. */
      startInPresentation: z.boolean(),
      /** Widths of the outline and side panes in CSS pixels. */
      paneWidths: z
        .object({
          outline: z.number().int().min(PANE_WIDTH.min).max(PANE_WIDTH.max),
          side: z.number().int().min(PANE_WIDTH.min).max(PANE_WIDTH.max),
        })
        .strict(),
      searchFilters: z.object({ clusters: clusterNumbers(), kinds: searchKinds() }).strict(),
      /** Search also the thesaurus's document wording for the words typed ("also searched: …"). */
      searchExpand: z.boolean(),
      /** The brief's title block as last exported (the date is not kept: it defaults to the day of export). */
      briefHeader: briefHeader().omit({ date: true }),
      /** The name this installation signs its exports and layer file with; '' until set. */
      authorName: z.string().trim().max(LIMITS.labelLength),
      /** Lock the notes after this many minutes without use of the computer (0: never); protection on only. */
      autoLockMinutes: z
        .number()
        .int()
        .min(0)
        .max(24 * 60),
      /** The first-run offer to protect the notes was answered (Protect or Not now): it is not shown again. */
      vaultOffered: z.boolean(),
      /** Whose notes search looks in: 'mine' and layer ids as last chosen; null until chosen (mine and the visible layers). */
      searchLayers: z
        .array(z.union([z.literal(MY_NOTES), uuid()]))
        .max(LIMITS.layers + 1)
        .nullable(),
    })
    .strict(),
);

/** A passphrase: long enough to be worth stretching, short enough to stretch in bounded time. */
export const vaultPassphrase = once(() => z.string().min(8, 'at least 8 characters').max(1024));
/** A recovery code as typed back (dashes and spaces allowed). */
export const recoveryCode = once(() => z.string().min(20).max(64));

// ---------------------------------------------------------------- sealed files (.recollection)

/** A sealed file's passphrase. Never echoed: zod's messages for these checks do not quote the value. */
export const passphrase = once(() => z.string().min(1).max(LIMITS.passphraseLength));
/** Seal the export with this passphrase (export.render, export.save). */
export const seal = once(() =>
  z.object({ passphrase: z.string().min(LIMITS.sealPassphraseMin).max(LIMITS.passphraseLength) }).strict(),
);
/** An import file's text: a sealed file may be larger than the export it holds (base64 armor). */
export const importData = once(() => z.string().max(LIMITS.sealedImportBytes));
// ---------------------------------------------------------------- layers

export const layerColor = once(() => z.enum(LAYER_COLORS));
/** Which notes: my own (`'mine'`) and/or layers by id. */
export const layerSelection = once(() => z.array(z.union([z.literal(MY_NOTES), uuid()])).max(LIMITS.layers + 1));
