/**
 * Read models over the user's records joined with the content: the filter of
 * the Notes panel and the Notes list (grouped/sorted by document order or
 * date); the positions matrix is ../positions/domain.ts.
 *
 * Constraint: pure functions of (records, content) — no SQL and no writes —
 * so the same views serve the app, the command line and the export.
 */
import type { Annotation, AnnotationFilter, Bookmark, NoteEntry } from '../../../shared/contract/types';
import type { ContentLookup } from '../../content/lookup';
import { fold } from './text';

/** Filter facets that only annotations have: when one is set, bookmarks are left out. */
const ANNOTATION_ONLY: Array<keyof AnnotationFilter> = ['tags', 'colors', 'positions', 'priorities', 'anchor'];

function hasAny<T>(wanted: readonly T[] | undefined): wanted is readonly T[] {
  return !!wanted && wanted.length > 0;
}

function pageOf(content: ContentLookup, id: string): string | null {
  return content.location(id)?.pageId ?? null;
}

export function matchesAnnotation(a: Annotation, f: AnnotationFilter, content: ContentLookup): boolean {
  if (hasAny(f.tags)) {
    const wanted = new Set(f.tags.map((t) => fold(t.trim())));
    if (!a.tags.some((t) => wanted.has(fold(t)))) return false;
  }
  if (hasAny(f.colors) && !(a.color && f.colors.includes(a.color))) return false;
  if (hasAny(f.positions) && !(a.position && f.positions.includes(a.position))) return false;
  if (hasAny(f.priorities) && !(a.priority && f.priorities.includes(a.priority))) return false;
  if (hasAny(f.anchor) && !f.anchor.includes(a.anchor)) return false;
  if (f.blockId && a.blockId !== f.blockId) return false;
  if (f.pageId && (a.anchor === 'orphan' || pageOf(content, a.blockId) !== f.pageId)) return false;
  if (f.text && f.text.trim()) {
    const label = a.anchor === 'orphan' ? '' : (content.summary(a.blockId)?.label ?? '');
    const hay = fold([a.note, a.selector?.exact ?? '', a.tags.join(' '), label].join('\n'));
    if (!hay.includes(fold(f.text.trim()))) return false;
  }
  return true;
}

export function matchesBookmark(b: Bookmark, f: AnnotationFilter, content: ContentLookup): boolean {
  if (ANNOTATION_ONLY.some((k) => hasAny(f[k] as readonly unknown[] | undefined))) return false;
  if (f.blockId && b.targetId !== f.blockId) return false;
  if (f.pageId && b.targetId !== f.pageId && pageOf(content, b.targetId) !== f.pageId) return false;
  if (f.text && f.text.trim()) {
    const hay = fold(`${b.label}\n${content.summary(b.targetId)?.label ?? ''}`);
    if (!hay.includes(fold(f.text.trim()))) return false;
  }
  return true;
}

/** Reading-order key of a block, or of a section (its first block). */
export class DocumentOrder {
  private readonly seq = new Map<string, number>();

  constructor(content: ContentLookup) {
    const parent = new Map(content.allSections().map((s) => [s.id, s.parentId]));
    for (const b of content.allBlocks()) {
      this.seq.set(b.id, b.seq);
      // A section sorts at its first block; walk up so a focus area sorts at its first group's block too.
      for (let s: string | null | undefined = b.sectionId; s; s = parent.get(s)) {
        if (!this.seq.has(s)) this.seq.set(s, b.seq);
      }
    }
  }

  of(id: string): number {
    return this.seq.get(id) ?? Number.MAX_SAFE_INTEGER;
  }
}

function entryFor(type: 'bookmark' | 'annotation', targetId: string, orphan: boolean, content: ContentLookup) {
  const loc = orphan ? null : content.location(targetId);
  return {
    target: orphan ? null : content.summary(targetId),
    clusterId: loc?.clusterId ?? null,
    focusAreaId: loc?.focusAreaId ?? null,
    type,
  };
}

export function noteEntries(
  annotations: readonly Annotation[],
  bookmarks: readonly Bookmark[],
  content: ContentLookup,
  order: DocumentOrder,
  sort: 'document' | 'date',
): NoteEntry[] {
  type Keyed = { entry: NoteEntry; seq: number; start: number; time: string; id: string };
  const keyed: Keyed[] = [];
  for (const annotation of annotations) {
    const orphan = annotation.anchor === 'orphan';
    keyed.push({
      entry: { ...entryFor('annotation', annotation.blockId, orphan, content), annotation },
      seq: orphan ? Number.MAX_SAFE_INTEGER : order.of(annotation.blockId),
      start: annotation.selector?.start ?? -1,
      time: annotation.modified,
      id: annotation.id,
    });
  }
  for (const bookmark of bookmarks) {
    const gone = !content.block(bookmark.targetId) && !content.section(bookmark.targetId);
    keyed.push({
      entry: { ...entryFor('bookmark', bookmark.targetId, gone, content), bookmark },
      seq: order.of(bookmark.targetId),
      // A bookmark sorts before the annotations on the same block.
      start: -2,
      time: bookmark.modified,
      id: bookmark.id,
    });
  }
  // A total order: equal times are broken by id, so the list is the same on every machine.
  const byTime = (a: Keyed, b: Keyed): number =>
    a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  keyed.sort((a, b) => (sort === 'date' ? byTime(b, a) : a.seq - b.seq || a.start - b.start || byTime(a, b)));
  return keyed.map((k) => k.entry);
}
