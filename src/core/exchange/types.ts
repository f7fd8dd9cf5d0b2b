/**
 * What the exporters take and what the importer gives back: plain records,
 * prepared by the user store (src/core/user), which alone touches the database.
 *
 * Constraint: the exchange functions are pure over these values (no database,
 * no file system, no clock), so every format is testable on its own and the
 * same records always give the same output (except the collection's fresh UUID).
 */
import type {
  Annotation,
  Bookmark,
  BlockSummary,
  BriefHeader,
  OptionPosition,
  Position,
  Priority,
} from '../../shared/contract/types';
import type { Block } from '../../shared/model';
import type { LayerPositions } from '../../shared/contract/layer-types';

/** One bookmark or annotation with what the exporters need to know about where it sits. */
export interface ExportEntry {
  type: 'bookmark' | 'annotation';
  /** Set when `type` is `bookmark`. */
  bookmark?: Bookmark;
  /** Set when `type` is `annotation`. */
  annotation?: Annotation;
  /** Where it sits; null for orphans (the block is no longer in the document). */
  target: BlockSummary | null;
  /** The full block, for the quoted text; null for orphans and for bookmarks on a whole section. */
  block: Block | null;
  clusterId: string | null;
  focusAreaId: string | null;
  /** Heading texts as shown in the outline, e.g. "Cluster 2: Irregular migration and regular pathways…". */
  clusterTitle: string | null;
  focusAreaTitle: string | null;
}

export interface ExportOptions {
  /**
   * False: share the brief without the private part. Kept: what is marked
   * (citation, quoted document text, link), position, priority, colour, dates.
   * Dropped: the note text, the tags and a bookmark's own label.
   */
  includeNotes: boolean;
  /** When the export was made (ISO 8601); printed in the header. */
  generated: string;
  /** Title of the document the notes are about. */
  documentTitle: string;
  /** Content build the ids refer to, recorded so a reader can tell which text was quoted. */
  contentBuildId: string;
  /** The positions of the options the exported notes are on (all of them for a whole export); JSON writes them. */
  positions?: readonly OptionPosition[];
  /** The brief's title block (title, delegation, meeting, date, classification); empty fields are left out. */
  header?: Partial<BriefHeader>;
  /** The document as a citation names it, e.g. "GFMD Thematic Recollection 2007–2017"; default `documentTitle`. */
  citationName?: string;
  /**
   * Options marked with a position (own or a delegation layer's) that no exported
   * note is on: the briefs give them an entry and a row of the positions table.
   */
  places?: readonly ExportPlace[];
  /** Reading order of the targets (lower first), so `places` fall in among the entries. */
  order?: Readonly<Record<string, number>>;
  /** Delegation layers whose positions the briefs' positions tables show, one column each. */
  delegation?: readonly DelegationLayer[];
  /** Who made the file; JSON writes it as `rec:author`, and a layer is keyed by its id. */
  author?: { id: string; name: string };
  /**
   * The colleagues' layers chosen in the scope (`scope.layers`), in that order: each one's
   * name, colour and positions by option id, for a brief's "delegation positions" columns.
   */
  layers?: readonly LayerPositions[];
}

/** Where an option sits, without a note: an ExportEntry's place fields. */
export type ExportPlace = Omit<ExportEntry, 'type' | 'bookmark' | 'annotation'> & { target: BlockSummary };

/** A colleague's or the capital's positions, as plain data (supplied by the layers, src/core/user). */
export interface DelegationLayer {
  /** Column heading, e.g. "Capital", "Expert A". */
  name: string;
  /** By option id. */
  positions: Readonly<Record<string, { position: Position | null; priority: Priority | null }>>;
}

/** What an import file holds, validated; the store matches by id and applies it in one transaction. */
export interface ImportBundle {
  bookmarks: Bookmark[];
  annotations: Annotation[];
  /**
   * The options' positions (files of format 2 and later). Absent in older files,
   * whose annotations each carry a position: the merge then takes the newest
   * note's value per option and keeps the others in the option's history.
   */
  positions?: OptionPosition[];
}
