/**
 * The brief a delegation hands over, the same in Markdown, Word, HTML and PDF:
 * a title block; a positions summary per cluster (a table, with a column per
 * chosen delegation layer); then the options in document order, one entry per
 * option merging its bookmark, position, highlights and notes, each with its
 * citation in the document's own terms and the app link in small print.
 *
 * Constraint: every format renders this model and nothing else, so they cannot
 * disagree; the privacy option is applied by toItem (brief.ts) before any
 * merging, so no format can leak a note, a tag or a bookmark's own label.
 */
import { eachOf, type Steps } from './progress';
import type { AnchorStatus, Color, Position, Priority } from '../../shared/contract/types';
import { noteOneLine } from '../../shared/markdown/note';
import { COLOR_LABELS, POSITION_LABELS, PRIORITY_LABELS } from '../../shared/vocabulary/labels';
import { blockLink } from '../../shared/vocabulary/links';
import { firstWords } from '../../shared/vocabulary/text';
import { toItem, type BriefItem } from './brief';
import type { ExportEntry, ExportOptions, ExportPlace } from './types';

export const OTHER_PARTS = 'Other parts of the document';
export const UNATTACHED = 'Unattached notes';
export const CLUSTER_INTRO = 'Cluster introduction';
export const SUMMARY_TITLE = 'Positions summary';
/** Column headings of the positions table before the delegation layers' columns. */
export const SUMMARY_COLUMNS = ['Option', 'Text', 'Position', 'Priority', 'Note'] as const;

/** A highlight or a note on the option (whole block: no quote). */
export interface BriefNote {
  id: string;
  /** The highlighted words; null for a note on the whole option. */
  quote: string | null;
  color: Color | null;
  /** Empty when notes are left out. */
  tags: string[];
  /** The user's Markdown; empty when notes are left out. */
  note: string;
  anchor: AnchorStatus;
}

/** One option (or other block, or bookmarked section) with everything marked on it. */
export interface BriefEntry {
  targetId: string;
  /** "Cluster 2 (2), Policy option 1"; for an orphan, the id it pointed at. */
  label: string;
  /** "GFMD Thematic Recollection 2007–2017, Cluster 2 (2), Policy option 1"; null for orphans. */
  citation: string | null;
  /** The option's text (a section's title for a section bookmark); null when unknown. */
  text: string | null;
  position: Position | null;
  priority: Priority | null;
  bookmarked: boolean;
  /** A bookmark's own label, when notes are included and it says more than the citation. */
  bookmarkLabel: string | null;
  notes: BriefNote[];
  link: string;
  orphan: boolean;
}

export interface BriefRow {
  targetId: string;
  label: string;
  words: string;
  position: string;
  priority: string;
  /** The first note's first words on one line (plain text); empty without notes. */
  note: string;
  /** One cell per delegation layer: "Support · High", or empty. */
  delegation: string[];
}

export interface BriefArea {
  /** Null: entries that sit outside any focus area (e.g. a cluster's introduction). */
  title: string | null;
  entries: BriefEntry[];
}

export interface BriefGroup {
  title: string;
  areas: BriefArea[];
  /** The positions table of this cluster (empty outside clusters, or when nothing has a position). */
  rows: BriefRow[];
}

export interface BriefHeaderLine {
  name: string;
  value: string;
}

export interface Brief {
  classification: string | null;
  title: string;
  /** Delegation, meeting, date (those given). */
  header: BriefHeaderLine[];
  /** The small line under the title block: source, count, privacy. */
  summary: string;
  /** Metadata only (file properties), never the body. */
  contentBuildId: string;
  generated: string;
  includeNotes: boolean;
  /** Names of the delegation layers (one table column each). */
  layers: string[];
  count: number;
  groups: BriefGroup[];
}

const positionWords = (position: Position | null, priority: Priority | null): string =>
  [position ? POSITION_LABELS[position].label : '', priority ? PRIORITY_LABELS[priority] : '']
    .filter(Boolean)
    .join(' · ');

/** "30 November 2026" from an ISO time (UTC), the way a brief's date line reads. */
export function briefDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** Where an entry or a place sits (an orphan has no target). */
type PlaceLike = Omit<ExportPlace, 'target'> & { target: ExportPlace['target'] | null };

interface Placed {
  entry: BriefEntry;
  place: PlaceLike;
  rank: number;
}

function emptyEntry(place: PlaceLike, targetId: string, orphan: boolean, options: ExportOptions): BriefEntry {
  const label = place.target?.label ?? targetId;
  return {
    targetId,
    label,
    citation: orphan || !place.target ? null : `${options.citationName ?? options.documentTitle}, ${label}`,
    text: place.block?.text ?? (place.target?.excerpt || null),
    position: null,
    priority: null,
    bookmarked: false,
    bookmarkLabel: null,
    notes: [],
    link: blockLink(targetId),
    orphan,
  };
}

function merge(into: BriefEntry, item: BriefItem): void {
  into.position ??= item.position;
  into.priority ??= item.priority;
  if (item.kind === 'bookmark') {
    into.bookmarked = true;
    into.bookmarkLabel ??= item.bookmarkLabel;
    return;
  }
  // The entry already quotes the option; a note on the whole option needs no quote of its own.
  const quote = item.quote !== null && item.quote !== into.text ? item.quote : null;
  into.notes.push({ id: item.id, quote, color: item.color, tags: item.tags, note: item.note, anchor: item.anchor });
}

/** The entries merged per option, in reading order (given order, places slotted in by `options.order`). */
/** The entries merged into one per option, one step an entry (progress.ts). */
function* mergeEntries(entries: readonly ExportEntry[], options: ExportOptions): Steps<Placed[]> {
  const byKey = new Map<string, Placed>();
  const order = options.order ?? {};
  let last = -1;
  const add = (place: PlaceLike, targetId: string, orphan: boolean): Placed => {
    const key = `${orphan ? 'orphan:' : ''}${targetId}`;
    let p = byKey.get(key);
    if (!p) {
      // Without a known rank an entry keeps its place after the one before it.
      const rank = order[targetId] ?? last;
      p = { entry: emptyEntry(place, targetId, orphan, options), place, rank };
      byKey.set(key, p);
    }
    last = Math.max(last, p.rank);
    return p;
  };
  yield* eachOf(entries, (e, i) => {
    const item = toItem(e, options, i);
    merge(add(e, item.targetId, item.anchor === 'orphan').entry, item);
  });
  for (const place of options.places ?? []) add(place, place.target.id, false);
  const known = new Map((options.positions ?? []).map((p) => [p.targetId, p]));
  const placed = [...byKey.values()];
  for (const { entry } of placed) {
    // The option's own position is the truth (a note carries a copy of it).
    const own = entry.orphan ? undefined : known.get(entry.targetId);
    if (own) [entry.position, entry.priority] = [own.position, own.priority];
  }
  // Stable: equal ranks keep the order they came in.
  return placed.sort((a, b) => Number(a.entry.orphan) - Number(b.entry.orphan) || a.rank - b.rank);
}

function summaryRow(entry: BriefEntry, options: ExportOptions): BriefRow | null {
  const layers = options.delegation ?? [];
  const delegation = layers.map((l) => {
    const p = l.positions[entry.targetId];
    return p ? positionWords(p.position, p.priority) : '';
  });
  if (!entry.position && !entry.priority && delegation.every((d) => d === '')) return null;
  const firstNote = entry.notes.find((n) => n.note.trim() !== '');
  return {
    targetId: entry.targetId,
    label: entry.label,
    words: firstWords(entry.text ?? '', 8),
    position: entry.position ? POSITION_LABELS[entry.position].label : '',
    priority: entry.priority ? PRIORITY_LABELS[entry.priority] : '',
    note: firstNote ? noteOneLine(firstNote.note, 80) : '',
    delegation,
  };
}

/** Entries grouped by cluster and focus area, with each cluster's positions table. */
function group(placed: readonly Placed[], options: ExportOptions): BriefGroup[] {
  const clusters = new Map<string, { title: string; areas: Map<string | null, BriefArea> }>();
  const other: BriefEntry[] = [];
  const orphans: BriefEntry[] = [];
  for (const { entry, place } of placed) {
    if (entry.orphan) orphans.push(entry);
    else if (place.clusterId === null) other.push(entry);
    else {
      let c = clusters.get(place.clusterId);
      if (!c) {
        c = { title: place.clusterTitle ?? place.clusterId, areas: new Map() };
        clusters.set(place.clusterId, c);
      }
      const area = c.areas.get(place.focusAreaId) ?? { title: place.focusAreaTitle, entries: [] };
      area.entries.push(entry);
      c.areas.set(place.focusAreaId, area);
    }
  }
  const groups: BriefGroup[] = [];
  for (const c of clusters.values()) {
    const intro = c.areas.get(null);
    const areas = [...c.areas.entries()].filter(([id]) => id !== null).map(([, a]) => a);
    // The cluster's introduction precedes its focus areas.
    if (intro) areas.unshift({ title: areas.length ? CLUSTER_INTRO : null, entries: intro.entries });
    const rows = areas.flatMap((a) => a.entries.map((e) => summaryRow(e, options))).filter((r) => r !== null);
    groups.push({ title: c.title, areas, rows });
  }
  if (other.length) groups.push({ title: OTHER_PARTS, areas: [{ title: null, entries: other }], rows: [] });
  if (orphans.length) groups.push({ title: UNATTACHED, areas: [{ title: null, entries: orphans }], rows: [] });
  return groups;
}

/** The brief of some entries, in steps (progress.ts): a long export can be cancelled while its entries are merged. */
export function* briefModelSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<Brief> {
  const groups = group(yield* mergeEntries(entries, options), options);
  const h = options.header ?? {};
  const source = options.citationName ?? options.documentTitle;
  const header: BriefHeaderLine[] = [];
  if (h.delegation?.trim()) header.push({ name: 'Delegation', value: h.delegation.trim() });
  if (h.meeting?.trim()) header.push({ name: 'Meeting', value: h.meeting.trim() });
  header.push({ name: 'Date', value: h.date?.trim() || briefDate(options.generated) });
  const count = groups.reduce((n, g) => n + g.areas.reduce((m, a) => m + a.entries.length, 0), 0);
  const privacy = options.includeNotes
    ? 'private notes included'
    : 'private notes left out (no notes, tags or bookmark labels)';
  return {
    classification: h.classification?.trim() || null,
    title: h.title?.trim() || `Brief: ${source}`,
    header,
    summary: `Prepared with Recollection from the ${source} · ${count} ${count === 1 ? 'entry' : 'entries'} · ${privacy}`,
    contentBuildId: options.contentBuildId,
    generated: options.generated,
    includeNotes: options.includeNotes,
    layers: (options.delegation ?? []).map((l) => l.name),
    count,
    groups,
  };
}

/** Field lines of an entry, in order, as [name, value]; the same in every format. */
export function entryFields(entry: BriefEntry, layers: readonly string[], rows: readonly BriefRow[]): string[][] {
  const fields: string[][] = [];
  if (entry.bookmarked) fields.push(['Bookmarked', entry.bookmarkLabel ?? 'yes']);
  if (entry.position) fields.push(['Position', POSITION_LABELS[entry.position].label]);
  if (entry.priority) fields.push(['Priority', PRIORITY_LABELS[entry.priority]]);
  const row = rows.find((r) => r.targetId === entry.targetId);
  layers.forEach((name, i) => {
    const value = row?.delegation[i];
    if (value) fields.push([name, value]);
  });
  if (entry.orphan) fields.push(['Anchor', `no longer found in the document (was ${entry.targetId})`]);
  return fields;
}

/** What is said of a highlight or note besides its text: colour, tags, anchor. */
export function noteFields(note: BriefNote): string[] {
  const out: string[] = [];
  if (note.color) out.push(`Colour: ${COLOR_LABELS[note.color]}`);
  if (note.tags.length) out.push(`Tags: ${note.tags.join(', ')}`);
  if (note.anchor === 'reanchored') out.push('moved: the quoted text was found again after a content update');
  return out;
}

/** Text before the app link, in small print after the citation. */
export const LINK_LEAD = 'In the Recollection app:';
