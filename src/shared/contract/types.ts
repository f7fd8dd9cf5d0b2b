/**
 * Result and argument shapes of the channels: what crosses between the core
 * (main process, command line, test harness) and the renderer.
 *
 * Constraint: plain data that survives structured clone (no classes, Maps,
 * functions or Dates: timestamps are ISO strings; binary data is Uint8Array).
 * Argument shapes are inferred from their zod schemas (schemas.ts), never
 * written again here; the closed lists come from values.ts. Where a result
 * type embeds an argument shape (an annotation's fields, its selector) it is
 * built from the inferred type, and `agreement` below checks the rest.
 */
import type { z } from 'zod';
import type { Block, BlockKind, CrossRefType, Footnote, Section, SectionKind } from '../model';
import type { Provenance } from './layer-types';
import type * as S from './schemas';
import type { AnchorStatus, Color, Position, Priority, SearchKind } from './values';

import { TEXT_SIZE } from './values';

// The lists and their types, where the rest of the code has always found them.
export { COLORS, EXPORT_FORMATS, POSITIONS, PRIORITIES } from './values';
export type { AnchorStatus, Color, ExportFormat, Position, Priority, SearchKind } from './values';

// ---------------------------------------------------------------- argument shapes (inferred)

/** W3C TextQuoteSelector + TextPositionSelector, within the block's plain text. */
export type Selector = z.output<ReturnType<typeof S.selector>>;
/** What a user writes on an annotation: note (Markdown), colour, tags, position, priority. */
export type AnnotationFields = z.output<ReturnType<typeof S.annotationFields>>;
export type AnnotationFilter = z.output<ReturnType<typeof S.annotationFilter>>;
export type ExportScope = z.output<ReturnType<typeof S.exportScope>>;
export type Settings = z.output<ReturnType<typeof S.settings>>;
export type BriefHeader = z.output<ReturnType<typeof S.briefHeader>>;

// ---------------------------------------------------------------- content

export interface DocMeta {
  title: string;
  subtitle: string;
  place: string;
  date: string;
  sourceSha256: string;
  buildId: string;
  schemaVersion: number;
  counts: { clusters: number; focusAreas: number; blocks: number; footnotes: number };
}

export interface OutlineNode {
  id: string;
  kind: SectionKind;
  title: string;
  label: string;
  /** For focus areas and groups: number of items by kind. */
  counts?: { po: number; pa: number; ex: number };
  children: OutlineNode[];
}

export interface Crumb {
  id: string;
  title: string;
  label: string;
}

export interface SectionPayload {
  section: Section;
  breadcrumb: Crumb[];
  /** Sub-sections shown inside this page (groups of a focus area). */
  children: Section[];
  /** Blocks of this section and of its groups, in reading order. */
  blocks: Block[];
  /** Footnotes referenced by these blocks, in number order. */
  footnotes: Footnote[];
  /** Previous / next focus area (or part) in reading order, for [ and ]. */
  prevId: string | null;
  nextId: string | null;
}

export interface BlockPayload {
  block: Block;
  /** The page (section) that shows this block: a focus area, cluster, part or subsection. */
  pageId: string;
  breadcrumb: Crumb[];
  footnotes: Footnote[];
}

export interface FootnotePayload {
  footnote: Footnote;
  /** Blocks that reference this footnote. */
  citedBy: BlockSummary[];
}

export interface BlockSummary {
  id: string;
  kind: BlockKind;
  label: string;
  shortLabel: string;
  pageId: string;
  /** First ~200 characters of the text. */
  excerpt: string;
}

export interface Facet {
  type: CrossRefType;
  key: string;
  display: string;
  /** Number of blocks and footnotes that mention it. */
  count: number;
}

export interface FacetPayload {
  facet: Facet;
  blocks: BlockSummary[];
  footnotes: number[];
}

// ---------------------------------------------------------------- search

export interface Snippet {
  text: string;
  /** [start, end) offsets into `text` of matched words. */
  highlights: Array<[number, number]>;
}

export interface SearchHit {
  /** Block id, `fn.N`, or the annotation / bookmark id for notes. */
  id: string;
  kind: SearchKind;
  label: string;
  shortLabel: string;
  /** Page to open and block to scroll to. */
  pageId: string;
  blockId: string | null;
  score: number;
  snippet: Snippet;
  /** Matched document terms, to highlight in the text once opened. */
  terms: string[];
  /** The query's words (as typed) this hit matched; shown when not every word matched. */
  matched?: string[];
  /** For a note hit from a colleague's layer: the layer's id (absent for the user's own notes). */
  layerId?: string;
}

export interface JumpTarget {
  pageId: string;
  blockId: string | null;
  label: string;
  /** Set when the target is a footnote (`fn 54`, `ppd 5424`): the reader also shows it in the footnotes pane. */
  footnote?: number;
}

export interface SearchResult {
  query: string;
  total: number;
  offset: number;
  hits: SearchHit[];
  /** Set when the query looks like an id or label ("2.2", "c2.f2.po.1"). */
  jump: JumpTarget | null;
  /** A corrected query when there are few or no hits. */
  didYouMean: string | null;
  /** False when no passage has every word and the hits have only some of them (the OR fallback). */
  allWords: boolean;
  /** Query words (as typed) that no hit matched; empty when every word matched. */
  missing: string[];
  /** Thesaurus terms also searched, in the document's wording ("return", "readmission"). */
  expanded: string[];
}

// ---------------------------------------------------------------- user data

export interface Bookmark {
  id: string; // UUID
  targetId: string; // block id or section id
  label: string;
  created: string; // ISO 8601
  modified: string;
}

export interface Annotation extends AnnotationFields {
  id: string; // UUID
  blockId: string;
  /** Null when the annotation is on the whole block. */
  selector: Selector | null;
  /**
   * The position and priority of the option the note is on (read only: they
   * belong to the option, set with `positions.set`; null on other blocks).
   */
  position: Position | null;
  priority: Priority | null;
  anchor: AnchorStatus;
  created: string;
  modified: string;
  /** Set when the note was adopted from a colleague's layer: whose, which item, when. */
  adoptedFrom?: Provenance;
}

export interface NoteEntry {
  type: 'bookmark' | 'annotation';
  bookmark?: Bookmark;
  annotation?: Annotation;
  /** Where it sits, for grouping and jumping; null for orphans. */
  target: BlockSummary | null;
  clusterId: string | null;
  focusAreaId: string | null;
}

/** A page of the Notes list: the entries from `offset`, and the length of the whole list. */
export interface NotesPage {
  entries: NoteEntry[];
  offset: number;
  total: number;
}

/** Annotations of some blocks, capped per block, with each block's full count (blocks with none are left out). */
export interface BlockAnnotations {
  annotations: Annotation[];
  totals: Record<string, number>;
}

export interface TrashItem {
  id: string;
  type: 'bookmark' | 'annotation';
  /** An annotation with no note text (a coloured passage or paragraph): shown as a highlight, not a note. */
  highlight: boolean;
  deleted: string;
  summary: string;
}

export interface PaletteEntry {
  color: Color;
  name: string;
}

/** One row of the positions matrix: a policy option or practical action with its position and notes. */
export interface PositionRow {
  block: BlockSummary;
  clusterId: string;
  focusAreaId: string;
  position: Position | null;
  priority: Priority | null;
  /** When the position or priority last changed (set or cleared); null when never marked. */
  modified: string | null;
  /** Live notes on the option. */
  noteCount: number;
  /** Set when the position was adopted from a colleague's layer and not changed since. */
  adoptedFrom?: Provenance;
}

/** The position of one option (policy option or practical action). */
export interface OptionPosition {
  targetId: string;
  position: Position | null;
  priority: Priority | null;
  modified: string;
  /** Set when the value was adopted from a colleague's layer and not changed since. */
  adoptedFrom?: Provenance;
}

/** An earlier position of an option: what it was, when it was set and when it stopped being current. */
export interface PositionHistoryEntry {
  seq: number;
  targetId: string;
  position: Position | null;
  priority: Priority | null;
  set: string;
  replaced: string;
  /** The note that held this value, when it was carried over from a note (migration 3, older export files). */
  noteId: string | null;
  /** Where the value came from when it was adopted from a colleague's layer (recorded since migration 5). */
  adoptedFrom?: Provenance;
}

export interface UndoResult {
  /** What was undone, for the toast ("Deleted annotation restored"). */
  description: string;
}

// ---------------------------------------------------------------- export / import

export interface ExportFile {
  filename: string;
  mime: string;
  /** Text formats as string; .docx as bytes. */
  data: string | Uint8Array;
}

export interface ImportPreview {
  added: number;
  updated: number;
  unchanged: number;
  /** Incoming record older than the local one: kept local. */
  skipped: number;
  orphans: number;
  /** Options' positions: new here, replaced by a newer imported value, kept because the local one is newer. */
  positions: { added: number; updated: number; kept: number };
  details: string[];
}

// ---------------------------------------------------------------- app / settings / backup

/** What a new data folder starts with (the core), and what the page shows before its settings are read. */
export const DEFAULT_SETTINGS: Settings = {
  theme: 'system',
  textSize: TEXT_SIZE.default,
  lastPageId: null,
  lastBlockId: null,
  panes: { outline: true, side: true, sideTab: 'notes' },
  presentation: false,
  startInPresentation: false,
  paneWidths: { outline: 280, side: 320 },
  searchFilters: { clusters: [], kinds: [] },
  searchExpand: true,
  briefHeader: { title: '', delegation: '', meeting: '', classification: '' },
  authorName: '',
  autoLockMinutes: 15,
  vaultOffered: false,
  searchLayers: null,
};

export interface BackupInfo {
  name: string;
  created: string;
  bytes: number;
  verified: boolean;
}

/** A place to open from outside: `recollection://block/<id>` or `recollection://page/<id>`. */
export interface DeepLinkTarget {
  type: 'block' | 'page';
  id: string;
}

/**
 * Why the document could not be opened: its database is absent, unreadable,
 * made by a newer app (schema version above the one this app reads) or by an
 * older one.
 */
export type ContentProblem = 'missing' | 'damaged' | 'too-new' | 'too-old';

export interface AppStatus {
  version: string;
  /**
   * The document: ok, or the problem's code and a sentence saying what
   * happened and what to do. The user's notes stay reachable either way.
   */
  content: { ok: boolean; code: ContentProblem | null; message: string | null };
  /** Set when the user database was recovered at start (damaged file moved aside, backup restored). */
  recovery: string | null;
  electron: boolean;
  /**
   * The deep link the app was started for (the OS handed it over on the command
   * line), given once, in the first status asked after it arrived, so start-up
   * opens it instead of the last place. Always null in the core.
   */
  open: DeepLinkTarget | null;
}

/** Protection of the notes at rest (docs/security.md). */
export interface VaultStatus {
  /** The notes database is encrypted (a passphrase is set). */
  protected: boolean;
  /** Protected and locked: every notes channel answers LOCKED until unlock. */
  locked: boolean;
  /** The key stretching in use, e.g. "scrypt N=2^17 r=8 p=1"; null when off. */
  kdf: string | null;
  /** The OS offers a keychain (Electron safeStorage) the key can be remembered in; false outside the app. */
  canRemember: boolean;
  /** The key is remembered in the OS keychain on this computer. */
  remembered: boolean;
  /**
   * A sentence the user must read about what protection found or did, shown on the lock screen and after
   * unlocking: a plain notes file found under protection (a copy put back by hand), then encrypted at the
   * unlock. Absent when there is nothing to say.
   */
  notice?: string;
}
