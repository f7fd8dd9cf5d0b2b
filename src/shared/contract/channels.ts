/**
 * THE contract: every channel between the renderer and the core, its argument
 * schema (checked in main before any handler runs) and its result type.
 *
 * Constraint: this is the single source of truth. The preload API, the renderer
 * client, the handler map, the CLI and the browser harness are all derived from
 * `Channels` and `argSchemas`; adding a channel here and forgetting its schema
 * or handler is a type error. Names are `domain.verb`; one object argument.
 *
 * Validation library: zod 4 (see docs/architecture.md): typed inference from the
 * schema, strict objects, good error paths, no code generation step.
 */
import * as z from 'zod';
import { LIMITS } from '../limits';
import { onFirstUse } from '../lazy';
import {
  annotationFields,
  annotationFilter,
  clusterNumbers,
  color,
  crossRefType,
  empty,
  briefHeader,
  exportScope,
  id,
  importData,
  passphrase,
  layerColor,
  layerSelection,
  position,
  priority,
  seal,
  searchKinds,
  selector,
  settings,
  uuid,
  vaultPassphrase,
  recoveryCode,
} from './schemas';
import type * as L from './layer-types';
import type { PolicyView } from './policy';
import type * as T from './types';
import { EXPORT_FORMATS, SAVE_FORMATS } from './values';

/** export.render and export.save take the same arguments, each with its own list of formats. */
const exportArgs = <F extends readonly [string, ...string[]]>(formats: F) =>
  z
    .object({
      format: z.enum(formats),
      scope: exportScope(),
      includeNotes: z.boolean(),
      seal: seal().optional(),
      header: briefHeader().partial().optional(),
      /**
       * The HTML is for printing to PDF: the caller prints it and seals the PDF with `seal`, so
       * export.render returns it unsealed (a managed policy of sealed exports still needs `seal`).
       */
      printed: z.boolean().optional(),
    })
    .strict();

/**
 * Argument schema of every channel, each made on first use: a command-line call checks one or two
 * channels, and making all of them at start cost more than the command's own work.
 */
const argSchemaMakers = {
  'app.status': () => empty(),
  'app.openExternal': () => z.object({ url: z.string().min(1).max(LIMITS.urlLength) }).strict(),
  /** The organisation's managed settings in force, where they came from and what was wrong with them. */
  'app.policy': () => empty(),

  'content.meta': () => empty(),
  'content.outline': () => empty(),
  'content.section': () => z.object({ id: id() }).strict(),
  'content.block': () => z.object({ id: id() }).strict(),
  'content.footnote': () => z.object({ number: z.number().int().min(1).max(10_000) }).strict(),
  'content.facets': () => z.object({ type: crossRefType().optional() }).strict(),
  'content.facet': () => z.object({ type: crossRefType(), key: z.string().min(1).max(200) }).strict(),

  'search.query': () =>
    z
      .object({
        q: z.string().max(LIMITS.queryLength),
        clusters: clusterNumbers().optional(),
        focusAreaId: id().optional(),
        kinds: searchKinds().optional(),
        includeNotes: z.boolean().optional(),
        /** Also search the thesaurus's document wording for the words typed (default true). */
        expand: z.boolean().optional(),
        offset: z.number().int().min(0).max(10_000).optional(),
        limit: z.number().int().min(1).max(LIMITS.pageSize).optional(),
        /** With includeNotes: whose notes (`'mine'` and/or layer ids); default my own only. */
        layers: layerSelection().optional(),
      })
      .strict(),
  'search.suggest': () =>
    z.object({ q: z.string().max(LIMITS.queryLength), limit: z.number().int().min(1).max(20).optional() }).strict(),
  'search.jump': () => z.object({ q: z.string().max(LIMITS.queryLength) }).strict(),

  'bookmarks.list': () => empty(),
  'bookmarks.add': () => z.object({ targetId: id(), label: z.string().max(LIMITS.labelLength).optional() }).strict(),
  'bookmarks.update': () => z.object({ id: uuid(), label: z.string().max(LIMITS.labelLength) }).strict(),
  'bookmarks.remove': () => z.object({ id: uuid() }).strict(),

  'annotations.list': () => z.object({ filter: annotationFilter().optional() }).strict(),
  /** The page's blocks' annotations, at most `perBlock` on each (oldest first), with each block's total. */
  'annotations.forBlocks': () =>
    z
      .object({
        blockIds: z.array(id()).max(LIMITS.blocksPerQuery),
        perBlock: z.number().int().min(1).max(LIMITS.notesPerBlock).optional(),
      })
      .strict(),
  'annotations.create': () =>
    annotationFields().partial().extend({ blockId: id(), selector: selector().nullable().optional() }).strict(),
  'annotations.update': () => z.object({ id: uuid(), patch: annotationFields().partial().strict() }).strict(),
  'annotations.remove': () => z.object({ id: uuid() }).strict(),

  'notes.list': () =>
    z.object({ filter: annotationFilter().optional(), sort: z.enum(['document', 'date']).optional() }).strict(),
  /** One page of notes.list: `limit` entries from `offset`, and how many there are in all. */
  'notes.page': () =>
    z
      .object({
        filter: annotationFilter().optional(),
        sort: z.enum(['document', 'date']).optional(),
        /** Only entries with a place in the document (no unattached note, no bookmark on a vanished section). */
        placed: z.boolean().optional(),
        offset: z.number().int().min(0).max(LIMITS.importRecords),
        limit: z.number().int().min(1).max(LIMITS.notesPageSize),
      })
      .strict(),
  'notes.tags': () => empty(),
  'notes.palette': () => empty(),
  'notes.renameColor': () =>
    z.object({ color: color(), name: z.string().trim().min(1).max(LIMITS.labelLength) }).strict(),

  /** Positions belong to the option (policy option or practical action), not to notes. */
  'positions.list': () => z.object({ clusterId: id().optional() }).strict(),
  /** Absent field: unchanged; null: cleared. Both null clears the option's position (kept in its history). */
  'positions.set': () =>
    z
      .object({
        targetId: id(),
        position: position().nullable().optional(),
        priority: priority().nullable().optional(),
      })
      .strict(),
  'positions.history': () => z.object({ targetId: id() }).strict(),
  /** Makes an earlier value (from `positions.history`) the option's position again. */
  'positions.restore': () => z.object({ targetId: id(), seq: z.number().int().min(1) }).strict(),

  'trash.list': () => empty(),
  'trash.restore': () => z.object({ id: uuid() }).strict(),
  'history.undo': () => empty(),

  'export.render': () => exportArgs(EXPORT_FORMATS),
  /** `pdf` only here: the shell prints the HTML brief to PDF (Electron's printToPDF). */
  'export.save': () => exportArgs(SAVE_FORMATS),
  /** `passphrase` opens a sealed (.recollection) file; without one a sealed file answers PASSPHRASE_NEEDED. */
  'import.preview': () => z.object({ data: importData(), passphrase: passphrase().optional() }).strict(),
  'import.apply': () => z.object({ data: importData(), passphrase: passphrase().optional() }).strict(),
  'import.open': () => empty(),

  'settings.get': () => empty(),
  'settings.set': () => z.object({ patch: settings().partial().strict() }).strict(),

  'backup.create': () => empty(),
  'backup.list': () => empty(),
  'backup.restore': () =>
    z
      .object({
        name: z
          .string()
          .min(1)
          .max(200)
          .regex(/^[A-Za-z0-9._-]+$/),
      })
      .strict(),

  // ------------------------------------------------------------ delegation
  /** This installation's author: a stable id made once, and the name from Settings. */
  'author.get': () => empty(),
  /** Every layer held, with its state (visible, version, conflict). */
  'layers.list': () => empty(),
  /** What adding an export file as a layer would do (new, update, same); refuses an older file with a sentence. */
  'layers.preview': () =>
    z.object({ data: z.string().max(LIMITS.importBytes), passphrase: passphrase().optional() }).strict(),
  /** Adds the file as a read-only layer, or replaces the same author's layer with a newer version (previous kept for undo). */
  'layers.add': () =>
    z
      .object({
        data: z.string().max(LIMITS.importBytes),
        /** Opens a sealed layer file; without it a sealed file answers PASSPHRASE_NEEDED. */
        passphrase: passphrase().optional(),
        name: z.string().trim().min(1).max(LIMITS.labelLength).optional(),
        color: layerColor().optional(),
      })
      .strict(),
  'layers.update': () =>
    z
      .object({
        id: uuid(),
        visible: z.boolean().optional(),
        color: layerColor().optional(),
        name: z.string().trim().min(1).max(LIMITS.labelLength).optional(),
      })
      .strict(),
  'layers.remove': () => z.object({ id: uuid() }).strict(),
  /** Restores the version the last update replaced. */
  'layers.undo': () => z.object({ id: uuid() }).strict(),
  /** The layers' annotations on some blocks (default: the visible layers), like annotations.forBlocks. */
  'layers.forBlocks': () =>
    z
      .object({
        blockIds: z.array(id()).max(LIMITS.blocksPerQuery),
        layerIds: z.array(uuid()).max(LIMITS.layers).optional(),
        perBlock: z.number().int().min(1).max(LIMITS.notesPerBlock).optional(),
      })
      .strict(),
  /** One page of a layer's notes (or several layers'), like notes.page. */
  'layers.notesPage': () =>
    z
      .object({
        layerIds: z.array(uuid()).min(1).max(LIMITS.layers),
        filter: annotationFilter().optional(),
        sort: z.enum(['document', 'date']).optional(),
        offset: z.number().int().min(0).max(LIMITS.importRecords),
        limit: z.number().int().min(1).max(LIMITS.notesPageSize),
      })
      .strict(),
  /** Each layer's positions by option, for the matrix's columns (default: the visible layers). */
  'layers.positions': () =>
    z.object({ clusterId: id().optional(), layerIds: z.array(uuid()).max(LIMITS.layers).optional() }).strict(),
  /** Copies a layer's position of an option, or one of its notes, into the user's own notes, saying where it came from. */
  'layers.adopt': () =>
    z
      .object({
        layerId: uuid(),
        what: z.enum(['position', 'note']),
        targetId: id().optional(),
        noteId: uuid().optional(),
      })
      .strict()
      .refine((a) => (a.what === 'position' ? a.targetId !== undefined : a.noteId !== undefined), {
        message: 'a position needs targetId; a note needs noteId',
      }),
  'folder.status': () => empty(),
  /** Stops using the shared folder (nothing in it is removed). */
  'folder.stop': () => empty(),
  /**
   * Shell: the system's folder dialog; the folder chosen there becomes the shared folder. The path never
   * comes from the page. Answers the folder's status, or null when the dialog was cancelled.
   */
  'folder.choose': () => empty(),
  /**
   * Shell: with the notes protected and no delegation passphrase, asks in a system dialog whether to write
   * this installation's layer file (every note and position) to the shared folder unsealed; answers the status.
   */
  'folder.allowPlain': () => empty(),
  // Export progress and cancel.
  'export.cancel': () => empty(),
  // Protection of the notes at rest and the app lock (docs/security.md).
  'vault.status': () => empty(),
  'vault.enable': () => z.object({ passphrase: vaultPassphrase() }).strict(),
  'vault.disable': () => z.object({ passphrase: vaultPassphrase() }).strict(),
  'vault.unlock': () =>
    z.union([
      z.object({ passphrase: vaultPassphrase() }).strict(),
      z.object({ recoveryCode: recoveryCode(), newPassphrase: vaultPassphrase() }).strict(),
    ]),
  'vault.lock': () => empty(),
  'vault.changePassphrase': () =>
    z.object({ passphrase: vaultPassphrase(), newPassphrase: vaultPassphrase() }).strict(),
  /** Shell: remember (or forget) the key in the OS keychain on this computer. */
  'vault.remember': () => z.object({ remember: z.boolean() }).strict(),
  // Sealed layer files.
  /**
   * Seals this installation's layer file with the delegation passphrase and reads colleagues' sealed files
   * with it (null: layer files are plain again). Kept wrapped by the notes' key when they are protected,
   * for this session only otherwise; never answered back.
   */
  'folder.setPassphrase': () =>
    z
      .object({
        passphrase: z.string().min(LIMITS.sealPassphraseMin).max(LIMITS.passphraseLength).nullable(),
      })
      .strict(),
} as const;

type ArgSchemaMakers = typeof argSchemaMakers;
export type ArgSchemas = { readonly [K in keyof ArgSchemaMakers]: ReturnType<ArgSchemaMakers[K]> };
export const argSchemas: ArgSchemas = onFirstUse(argSchemaMakers);

/** Result type of every channel. Keys must equal `argSchemas`' keys (checked below). */
export interface ChannelResults {
  'app.status': T.AppStatus;
  'app.openExternal': { opened: boolean };
  'app.policy': PolicyView;

  'content.meta': T.DocMeta;
  'content.outline': T.OutlineNode[];
  'content.section': T.SectionPayload;
  'content.block': T.BlockPayload;
  'content.footnote': T.FootnotePayload;
  'content.facets': T.Facet[];
  'content.facet': T.FacetPayload;

  'search.query': T.SearchResult;
  'search.suggest': string[];
  'search.jump': T.JumpTarget | null;

  'bookmarks.list': T.Bookmark[];
  'bookmarks.add': T.Bookmark;
  'bookmarks.update': T.Bookmark;
  'bookmarks.remove': { id: string };

  'annotations.list': T.Annotation[];
  'annotations.forBlocks': T.BlockAnnotations;
  'annotations.create': T.Annotation;
  'annotations.update': T.Annotation;
  'annotations.remove': { id: string };

  'notes.list': T.NoteEntry[];
  'notes.page': T.NotesPage;
  'notes.tags': string[];
  'notes.palette': T.PaletteEntry[];
  'notes.renameColor': T.PaletteEntry[];

  'positions.list': T.PositionRow[];
  /** The option's position after the change; null when it has none now. */
  'positions.set': T.OptionPosition | null;
  /** Earlier values, newest first. */
  'positions.history': T.PositionHistoryEntry[];
  'positions.restore': T.OptionPosition | null;

  'trash.list': T.TrashItem[];
  'trash.restore': { id: string };
  'history.undo': T.UndoResult | null;

  'export.render': T.ExportFile;
  /** Shell: asks where to save (save dialog), writes the file. Null when cancelled. */
  'export.save': { path: string } | null;
  'import.preview': T.ImportPreview;
  'import.apply': T.ImportPreview;
  /** Shell: open dialog, returns the chosen file's text (checked for size) or null when cancelled. */
  'import.open': { name: string; data: string } | null;

  'settings.get': T.Settings;
  'settings.set': T.Settings;

  'backup.create': T.BackupInfo;
  'backup.list': T.BackupInfo[];
  'backup.restore': { restored: string };

  'author.get': L.Author;
  'layers.list': L.LayerInfo[];
  'layers.preview': L.LayerAddResult;
  'layers.add': L.LayerAddResult;
  'layers.update': L.LayerInfo;
  'layers.remove': { id: string };
  'layers.undo': L.LayerInfo;
  'layers.forBlocks': L.LayerBlockAnnotations;
  'layers.notesPage': L.LayerNotesPage;
  'layers.positions': L.LayerPositions[];
  'layers.adopt': L.AdoptResult;
  'folder.status': L.SharedFolderStatus;
  'folder.stop': L.SharedFolderStatus;
  'folder.choose': L.SharedFolderStatus | null;
  'folder.allowPlain': L.SharedFolderStatus;
  /** Stops the running export(s): each answers CANCELLED and writes nothing. False when none was running. */
  'export.cancel': { cancelled: boolean };
  'vault.status': T.VaultStatus;
  /** The recovery code, shown once: it is stored nowhere. */
  'vault.enable': { recoveryCode: string };
  'vault.disable': T.VaultStatus;
  'vault.unlock': T.VaultStatus;
  'vault.lock': T.VaultStatus;
  'vault.changePassphrase': T.VaultStatus;
  'vault.remember': T.VaultStatus;
  'folder.setPassphrase': L.SharedFolderStatus;
}

export type Channel = keyof typeof argSchemas;
export const CHANNELS = Object.keys(argSchemas) as Channel[];

export type Args<K extends Channel> = z.input<(typeof argSchemas)[K]>;
export type ParsedArgs<K extends Channel> = z.output<(typeof argSchemas)[K]>;
export type ResultOf<K extends Channel> = ChannelResults[K];

// Compile-time check that both maps name exactly the same channels.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameChannels: Exact<Channel, keyof ChannelResults> = true;
void sameChannels;

// Compile-time check that results and argument schemas agree where a shape crosses both ways: what
// the core answers can be sent back as it is (an annotation's fields as an update patch, the settings
// as a settings patch), and what a patch may carry is exactly what the result holds.
const agreement: [
  Exact<Required<ParsedArgs<'annotations.update'>['patch']>, Pick<T.Annotation, keyof T.AnnotationFields>>,
  Exact<
    Required<Omit<ParsedArgs<'annotations.create'>, 'blockId'>>,
    Pick<T.Annotation, keyof T.AnnotationFields | 'selector'>
  >,
  Exact<Required<ParsedArgs<'settings.set'>['patch']>, ResultOf<'settings.get'>>,
  Exact<NonNullable<ParsedArgs<'annotations.list'>['filter']>, ParsedArgs<'export.render'>['scope']['filter'] & {}>,
  Exact<ResultOf<'notes.palette'>[number]['color'], ParsedArgs<'notes.renameColor'>['color']>,
  Exact<ResultOf<'search.query'>['hits'][number]['kind'], NonNullable<ParsedArgs<'search.query'>['kinds']>[number]>,
  Exact<ResultOf<'content.facets'>[number]['type'], ParsedArgs<'content.facet'>['type']>,
] = [true, true, true, true, true, true, true];
void agreement;

/** Events sent main → renderer (none carry user input back). */
export interface EventPayloads {
  'app.recovered': { message: string };
  'app.command': {
    command:
      | 'search'
      | 'export'
      | 'import'
      | 'backup'
      | 'print'
      | 'shortcuts'
      | 'presentation'
      | 'back'
      | 'forward'
      | 'palette';
  };
  /** A deep link (`recollection://block/<id>`) opened from outside, e.g. from an exported brief. */
  'app.open': T.DeepLinkTarget;
  /** Layers were added, updated or removed, or the shared folder's files changed. */
  'layers.changed': L.LayersChanged;
  /** A running export: entries done of the total, in order; the last has done === total (the file is whole). */
  'export.progress': { done: number; total: number };
  /** The notes were locked or unlocked by the shell (idle time, suspend, screen lock). */
  'vault.changed': T.VaultStatus;
}
export type EventName = keyof EventPayloads;
export const EVENTS = [
  'app.recovered',
  'app.command',
  'app.open',
  'layers.changed',
  'export.progress',
  'vault.changed',
] as const satisfies readonly EventName[];
