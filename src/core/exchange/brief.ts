/**
 * The brief every document-like export shares (Markdown, Word, HTML): entries
 * turned into items with their citation, quote and fields, grouped by cluster
 * and focus area in the order they come, orphans last.
 *
 * Constraint: the privacy option is applied here, once, so no format can leak a
 * note, a tag or a bookmark's own label when the user chose to leave them out.
 */
import { CoreError } from '../../shared/contract/result';
import type { AnchorStatus, Color, Position, Priority } from '../../shared/contract/types';
import { COLOR_LABELS, POSITION_LABELS, PRIORITY_LABELS } from '../../shared/vocabulary/labels';
import { blockLink } from '../../shared/vocabulary/links';
import { eachOf, type Steps } from './progress';
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

export interface BriefSubgroup {
  /** Null: items of the group that sit outside any focus area (e.g. a cluster's introduction). */
  title: string | null;
  items: BriefItem[];
}

export interface BriefGroup {
  title: string;
  subgroups: BriefSubgroup[];
}

export interface Brief {
  title: string;
  generated: string;
  contentBuildId: string;
  includeNotes: boolean;
  count: number;
  /** Clusters, then "Other parts of the document", then "Unattached notes". */
  groups: BriefGroup[];
}

export const OTHER_PARTS = 'Other parts of the document';
export const UNATTACHED = 'Unattached notes';
export const CLUSTER_INTRO = 'Cluster introduction';

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

/** Items grouped for the document formats, keeping the order the entries came in; one step an entry (progress.ts). */
export function* briefSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<Brief> {
  const clusters = new Map<string, Map<string | null, BriefItem[]>>();
  const clusterTitles = new Map<string, string>();
  const other: BriefItem[] = [];
  const orphans: BriefItem[] = [];
  yield* eachOf(entries, (entry, i) => {
    const item = toItem(entry, options, i);
    if (item.anchor === 'orphan') orphans.push(item);
    else if (entry.clusterId === null) other.push(item);
    else {
      let areas = clusters.get(entry.clusterId);
      if (!areas) {
        areas = new Map();
        clusters.set(entry.clusterId, areas);
        clusterTitles.set(entry.clusterId, entry.clusterTitle ?? entry.clusterId);
      }
      const list = areas.get(entry.focusAreaId) ?? [];
      list.push(item);
      areas.set(entry.focusAreaId, list);
    }
  });

  const groups: BriefGroup[] = [];
  for (const [clusterId, areas] of clusters) {
    const subgroups: BriefSubgroup[] = [];
    // Items outside any focus area come first: the cluster's introduction precedes its focus areas.
    const intro = areas.get(null);
    if (intro) subgroups.push({ title: areas.size > 1 ? CLUSTER_INTRO : null, items: intro });
    for (const [areaId, items] of areas) {
      if (areaId !== null) subgroups.push({ title: items[0]?.focusAreaTitle ?? areaId, items });
    }
    groups.push({ title: clusterTitles.get(clusterId) ?? clusterId, subgroups });
  }
  if (other.length) groups.push({ title: OTHER_PARTS, subgroups: [{ title: null, items: other }] });
  if (orphans.length) groups.push({ title: UNATTACHED, subgroups: [{ title: null, items: orphans }] });

  return {
    title: options.documentTitle,
    generated: options.generated,
    contentBuildId: options.contentBuildId,
    includeNotes: options.includeNotes,
    count: entries.length,
    groups,
  };
}

/** "2024-05-01 14:03 UTC" from an ISO string; the input unchanged when it is not a date. */
export function displayDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** The header line under the title, the same in every document format. */
export function summaryLine(brief: Brief): string {
  const n = `${brief.count} ${brief.count === 1 ? 'item' : 'items'}`;
  const privacy = brief.includeNotes
    ? 'private notes included'
    : 'private notes left out (no notes, tags or bookmark labels)';
  return `Generated ${displayDate(brief.generated)} · content build ${brief.contentBuildId} · ${n} · ${privacy}`;
}

/** Field lines shown for an item, in order, as [name, value]; the same in every document format. */
export function itemFields(item: BriefItem): Array<[string, string]> {
  const fields: Array<[string, string]> = [];
  if (item.bookmarkLabel) fields.push(['Bookmark', item.bookmarkLabel]);
  if (item.position) fields.push(['Position', POSITION_LABELS[item.position].label]);
  if (item.priority) fields.push(['Priority', PRIORITY_LABELS[item.priority]]);
  if (item.color) fields.push(['Colour', COLOR_LABELS[item.color]]);
  if (item.tags.length) fields.push(['Tags', item.tags.join(', ')]);
  if (item.anchor === 'reanchored')
    fields.push(['Anchor', 'moved: the quoted text was found again after a content update']);
  if (item.anchor === 'orphan') fields.push(['Anchor', `no longer found in the document (was ${item.targetId})`]);
  return fields;
}
