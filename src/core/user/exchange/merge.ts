/**
 * Merging imported records (parsed by src/core/exchange/import.ts) into the
 * user database: match by id, the newer `modified` wins, each incoming
 * annotation re-anchored against the current content (unknown blocks kept as
 * orphans), options' positions merged by merge-positions.ts, with a preview
 * that counts what would happen.
 *
 * Constraint: all or nothing. The plan is computed and checked in full before
 * the first write, and the writes run in one transaction; a record that breaks
 * a rule (a position on a block that takes none, an id twice, a bookmark
 * taking a note's id or the other way round) rejects the whole import with a
 * message naming the record: one id names one record across both tables, or
 * the next export would hold it twice and no longer import.
 */
import { CoreError } from '../../../shared/contract/result';
import type { Annotation, Bookmark, ImportPreview, OptionPosition } from '../../../shared/contract/types';
import type { ContentLookup } from '../../content/lookup';
import type { AnnotationRecord } from '../annotations/rows';
import type { BookmarkRecord } from '../bookmarks/rows';
import { type Candidate, planPositions, type PositionStep } from './merge-positions';
import { editableFields } from '../edits';
import { anchorAnnotation } from '../annotations/reanchor';
import { normalizeTags } from '../records';
import type { Session } from '../session';
import { POSITIONABLE } from '../validate';

export interface ImportBundleLike {
  bookmarks: readonly Bookmark[];
  annotations: readonly Annotation[];
  /** Options' positions (format 2); absent in older files, whose notes each carry one. */
  positions?: readonly OptionPosition[];
}

const MAX_DETAILS = 100;

type Step =
  | { kind: 'insert-bookmark'; rec: BookmarkRecord }
  | { kind: 'put-bookmark'; rec: BookmarkRecord }
  | { kind: 'insert-annotation'; rec: AnnotationRecord }
  | { kind: 'put-annotation'; rec: AnnotationRecord }
  | PositionStep;

/** Classifies each incoming record against the database; throws before any write on a bad record. */
function plan(s: Session, content: ContentLookup, bundle: ImportBundleLike): { preview: ImportPreview; steps: Step[] } {
  const preview: ImportPreview = {
    added: 0,
    updated: 0,
    unchanged: 0,
    skipped: 0,
    orphans: 0,
    positions: { added: 0, updated: 0, kept: 0 },
    details: [],
  };
  const steps: Step[] = [];
  const detail = (line: string): void => {
    if (preview.details.length < MAX_DETAILS) preview.details.push(line);
  };
  const seen = new Set<string>();
  const candidates: Candidate[] = (bundle.positions ?? []).map((p) => ({ ...p, noteId: null }));
  const once = (id: string, where: string): void => {
    if (seen.has(id)) throw new CoreError('INVALID_ARGUMENT', `${where}: id ${id} appears more than once`);
    seen.add(id);
  };

  // Where each target stands once this import is applied, so the plan does not depend on the order
  // of the file and a second import of it finds nothing left to do. A newer copy of a local bookmark
  // may move it to another target (freeing its old one) unless that target is held by a bookmark that
  // stays, or by another move (then it is kept where it is); a new bookmark takes a target left free.
  const moves = new Map<string, ImportBundleLike['bookmarks'][number]>();
  for (const b of bundle.bookmarks) {
    const local = s.bookmarks.get(b.id);
    if (local && !local.deleted && b.modified > local.modified && local.targetId !== b.targetId) moves.set(b.id, b);
  }
  const blocked = new Set<string>();
  const claimed = new Map<string, string>();
  for (let settled = false; !settled;) {
    settled = true;
    claimed.clear();
    for (const b of moves.values()) {
      const there = s.bookmarks.onTarget(b.targetId);
      if ((there && there.id !== b.id && !moves.has(there.id)) || claimed.has(b.targetId)) {
        moves.delete(b.id);
        blocked.add(b.id);
        settled = false;
        break;
      }
      claimed.set(b.targetId, b.id);
    }
  }
  const holder = (targetId: string): string | null => {
    const mine = claimed.get(targetId);
    if (mine !== undefined) return mine;
    const other = s.bookmarks.onTarget(targetId);
    return other && !moves.has(other.id) ? other.id : null;
  };

  bundle.bookmarks.forEach((b, i) => {
    once(b.id, `bookmarks[${i}]`);
    if (s.annotations.get(b.id))
      throw new CoreError(
        'INVALID_ARGUMENT',
        `bookmarks[${i}]: id ${b.id} is already a note here, not a bookmark; an id names one record only`,
      );
    const local = s.bookmarks.get(b.id);
    const rec: BookmarkRecord = { ...b, label: b.label.trim(), deleted: null };
    if (!content.block(b.targetId) && !content.section(b.targetId)) {
      preview.orphans++;
      detail(`bookmark ${b.id}: ${b.targetId} is not in this edition of the document (kept, unattached)`);
    }
    if (!local) {
      if (holder(b.targetId) !== null) {
        preview.unchanged++;
        detail(`bookmark ${b.id}: ${b.targetId} is already bookmarked here (kept the local bookmark)`);
        return;
      }
      claimed.set(b.targetId, b.id);
      preview.added++;
      steps.push({ kind: 'insert-bookmark', rec });
    } else if (local.label === rec.label && local.targetId === rec.targetId && local.modified === rec.modified) {
      preview.unchanged++;
    } else if (blocked.has(b.id)) {
      preview.skipped++;
      detail(`bookmark ${b.id}: ${b.targetId} is already bookmarked here (kept the local bookmark where it is)`);
    } else if (rec.modified > local.modified) {
      preview.updated++;
      detail(
        `bookmark ${b.id}: replaced by the newer imported copy${local.deleted ? ' (taken out of the trash)' : ''}`,
      );
      steps.push({ kind: 'put-bookmark', rec: { ...rec, created: local.created } });
    } else {
      preview.skipped++;
      detail(`bookmark ${b.id}: the local copy is newer (kept)`);
    }
  });

  bundle.annotations.forEach((a, i) => {
    once(a.id, `annotations[${i}]`);
    if (s.bookmarks.get(a.id))
      throw new CoreError(
        'INVALID_ARGUMENT',
        `annotations[${i}]: id ${a.id} is already a bookmark here, not a note; an id names one record only`,
      );
    const anchored = anchorAnnotation(
      { blockId: a.blockId, selector: a.selector, sectionId: null, anchor: a.anchor },
      content,
    );
    const block = anchored.anchor === 'orphan' ? null : content.block(anchored.blockId);
    if (block && (a.position || a.priority) && !POSITIONABLE.has(block.kind)) {
      throw new CoreError(
        'INVALID_ARGUMENT',
        `annotations[${i}] (${a.id}): a position or priority on ${block.id}, a ${block.kind}; only policy options and practical actions take one`,
      );
    }
    // Older files: the note's position becomes a candidate for its option's (newest wins, the rest go to history).
    if (!bundle.positions && (a.position || a.priority)) {
      candidates.push({
        targetId: anchored.anchor === 'orphan' ? a.blockId : anchored.blockId,
        position: a.position,
        priority: a.priority,
        modified: a.modified,
        noteId: a.id,
      });
    }
    const { position: _p, priority: _q, ...fields } = a;
    const rec: AnnotationRecord = { ...fields, ...anchored, tags: normalizeTags(a.tags), deleted: null };
    const local = s.annotations.get(a.id);
    const orphan = (): void => {
      preview.orphans++;
      detail(
        `annotation ${a.id}: its passage in ${a.blockId} was not found in this edition (kept as an unattached note)`,
      );
    };
    if (!local) {
      preview.added++;
      if (rec.anchor === 'orphan') orphan();
      steps.push({ kind: 'insert-annotation', rec });
    } else if (
      JSON.stringify(editableFields(local)) === JSON.stringify(editableFields(rec)) &&
      local.modified === rec.modified
    ) {
      preview.unchanged++;
    } else if (rec.modified > local.modified) {
      preview.updated++;
      if (rec.anchor === 'orphan') orphan();
      detail(
        `annotation ${a.id}: replaced by the newer imported copy${local.deleted ? ' (taken out of the trash)' : ''}`,
      );
      steps.push({ kind: 'put-annotation', rec: { ...rec, created: local.created } });
    } else {
      preview.skipped++;
      detail(`annotation ${a.id}: the local copy is newer (kept)`);
    }
  });
  steps.push(...planPositions(s, content, candidates, detail, preview.positions));
  return { preview, steps };
}

/** Counts what an import would do, writing nothing. */
export function previewImport(s: Session, content: ContentLookup, bundle: ImportBundleLike): ImportPreview {
  return plan(s, content, bundle).preview;
}

/** Applies an import in one transaction and reports what it did. */
export function applyImport(s: Session, content: ContentLookup, bundle: ImportBundleLike): ImportPreview {
  return s.db
    .transaction(() => {
      const { preview, steps } = plan(s, content, bundle);
      for (const step of steps) {
        switch (step.kind) {
          case 'insert-bookmark':
            s.bookmarks.insert(step.rec);
            break;
          case 'put-bookmark':
            s.bookmarks.put(step.rec);
            break;
          case 'insert-annotation':
            s.annotations.insert(step.rec);
            break;
          case 'put-annotation':
            s.annotations.put(step.rec);
            break;
          case 'put-position':
            s.positions.put(step.value);
            break;
          case 'remember-position':
            s.positions.remember(step.past);
            break;
        }
      }
      return preview;
    })
    .immediate(); // reads then writes: the write lock is taken first, so no other process commits in between
}
