/**
 * Building and patching records from domain inputs: what a new
 * annotation or bookmark looks like, what an edit changes, and the editable
 * fields an undo writes back.
 *
 * Constraint: pure functions over the content lookup (no SQL): every check
 * against the document (block exists, quote matches) runs
 * before anything is written.
 */
import { nodeCrypto } from '../base/builtins';
import type { Color, Selector } from '../../shared/contract/types';
import type { ContentLookup } from '../content/lookup';
import type { AnnotationRecord } from './annotations/rows';
import type { BookmarkRecord } from './bookmarks/rows';
import type { AnnotationFields } from './history';
import { normalizeTags } from './records';
import { checkSelector, requireBlock } from './validate';

/** A new annotation as a user describes it (the rest is computed). */
export interface NewAnnotation {
  blockId: string;
  selector?: Selector | null;
  note?: string;
  color?: Color | null;
  tags?: readonly string[];
}

/** The fields an edit may change; absent means unchanged, null clears. */
export type AnnotationPatch = Partial<AnnotationFields>;

export function newAnnotation(args: NewAnnotation, content: ContentLookup, nowIso: string): AnnotationRecord {
  const block = requireBlock(content, args.blockId);
  const selector = args.selector ? checkSelector(block, args.selector) : null;
  return {
    id: nodeCrypto().randomUUID(),
    blockId: block.id,
    selector,
    note: args.note ?? '',
    color: args.color ?? null,
    tags: normalizeTags(args.tags ?? []),
    anchor: 'attached',
    created: nowIso,
    modified: nowIso,
    sectionId: block.sectionId,
    deleted: null,
  };
}

export function editableFields(rec: AnnotationRecord): AnnotationFields {
  return { note: rec.note, color: rec.color, tags: [...rec.tags] };
}

/** The record after applying `patch`, or null when the patch changes nothing. */
export function patchedAnnotation(
  cur: AnnotationRecord,
  patch: AnnotationPatch,
  nowIso: string,
): AnnotationRecord | null {
  const next: AnnotationRecord = {
    ...cur,
    note: patch.note ?? cur.note,
    color: patch.color === undefined ? cur.color : patch.color,
    tags: patch.tags === undefined ? cur.tags : normalizeTags(patch.tags),
  };
  const same = JSON.stringify(editableFields(next)) === JSON.stringify(editableFields(cur));
  return same ? null : { ...next, modified: nowIso };
}

export function newBookmark(targetId: string, label: string | undefined, nowIso: string): BookmarkRecord {
  return {
    id: nodeCrypto().randomUUID(),
    targetId,
    label: label?.trim() ?? '',
    created: nowIso,
    modified: nowIso,
    deleted: null,
  };
}
