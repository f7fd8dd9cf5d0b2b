/**
 * One exported record as an item with its citation, quote and fields (CSV
 * rows; the briefs merge the items of one option in brief-model.ts).
 *
 * Constraint: the privacy option is applied here, once, so no format can leak a
 * note, a tag or a bookmark's own label when the user chose to leave them out.
 */
import { CoreError } from '../../shared/contract/result';
import type { AnchorStatus, Color, Position, Priority } from '../../shared/contract/types';
import { blockLink } from '../../shared/vocabulary/links';
import type { ExportEntry, ExportOptions } from './types';

export interface BriefItem {
  kind: 'bookmark' | 'annotation';
  id: string;
  /** Annotation's block, or the bookmark's target (block or section). */
  targetId: string;
  /** Citation label a delegate can paste; for orphans, the id they pointed at. */
  label: string;
  /** The annotation's exact quote, or the block text; null when nothing is known. */
  quote: string | null;
  position: Position | null;
  priority: Priority | null;
  color: Color | null;
  /** Empty when notes are left out. */
  tags: string[];
  /** The user's Markdown; empty when notes are left out. */
  note: string;
  /** A bookmark's own label when it says more than the citation; null when notes are left out. */
  bookmarkLabel: string | null;
  created: string;
  modified: string;
  anchor: AnchorStatus;
  link: string;
  /** Headings it sits under (null for orphans and outside the clusters). */
  clusterId: string | null;
  clusterTitle: string | null;
  focusAreaId: string | null;
  focusAreaTitle: string | null;
}

/** One entry as an item; throws when the entry does not carry the record its type names. */
export function toItem(entry: ExportEntry, options: ExportOptions, index: number): BriefItem {
  const common = {
    clusterId: entry.clusterId,
    clusterTitle: entry.clusterTitle,
    focusAreaId: entry.focusAreaId,
    focusAreaTitle: entry.focusAreaTitle,
  };
  if (entry.type === 'bookmark') {
    const b = entry.bookmark;
    if (!b) throw new CoreError('INVALID_ARGUMENT', `export entry ${index}: a bookmark entry without its bookmark`);
    const label = entry.target?.label ?? b.targetId;
    const own = b.label.trim();
    return {
      ...common,
      kind: 'bookmark',
      id: b.id,
      targetId: b.targetId,
      label,
      quote: entry.block?.text ?? (entry.target?.excerpt || null),
      position: null,
      priority: null,
      color: null,
      tags: [],
      note: '',
      bookmarkLabel: options.includeNotes && own !== '' && own !== label ? own : null,
      created: b.created,
      modified: b.modified,
      anchor: entry.target ? 'attached' : 'orphan',
      link: blockLink(b.targetId),
    };
  }
  const a = entry.annotation;
  if (!a) throw new CoreError('INVALID_ARGUMENT', `export entry ${index}: an annotation entry without its annotation`);
  return {
    ...common,
    kind: 'annotation',
    id: a.id,
    targetId: a.blockId,
    label: entry.target?.label ?? a.blockId,
    quote: a.selector?.exact ?? entry.block?.text ?? (entry.target?.excerpt || null),
    position: a.position,
    priority: a.priority,
    color: a.color,
    tags: options.includeNotes ? [...a.tags] : [],
    note: options.includeNotes ? a.note : '',
    bookmarkLabel: null,
    created: a.created,
    modified: a.modified,
    // The store marks an annotation whose quote is gone as orphan even when its block still exists.
    anchor: entry.target ? a.anchor : 'orphan',
    link: blockLink(a.blockId),
  };
}
