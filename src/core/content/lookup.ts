/**
 * What the rest of the core (user data, re-anchoring, export, notes search)
 * needs to know about the content: a read-only view, implemented by the
 * content store over the content database.
 *
 * Constraint: user-data code depends on this interface only, never on the
 * content database's tables, so the two databases stay independent and a new
 * content build never requires a user-data migration.
 */
import type { BlockSummary } from '../../shared/contract/types';
import type { Block, Section } from '../../shared/model';

export interface BlockLocation {
  /** The page that shows the block (focus area, cluster, part or Part III subsection). */
  pageId: string;
  clusterId: string | null;
  focusAreaId: string | null;
}

export interface ContentLookup {
  /** A block by id, or null. */
  block(id: string): Block | null;
  /** A section by id, or null. */
  section(id: string): Section | null;
  /** Summary of a block, or of a section (for bookmarks on a whole focus area), or null. */
  summary(id: string): BlockSummary | null;
  location(blockOrSectionId: string): BlockLocation | null;
  /** Every block in reading order (policy options and practical actions for the Positions view, re-anchoring). */
  allBlocks(): readonly Block[];
  /** Every section in outline order. */
  allSections(): readonly Section[];
}
