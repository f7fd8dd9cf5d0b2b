/**
 * Merging imported positions into the options' positions: a format-2 file
 * gives each option's position; an older file gives one per note. Per option,
 * the newest incoming value is compared with the local one (newer wins); every
 * value that does not win — older incoming notes that disagreed, the local
 * value replaced, an incoming value older than the local one — goes into the
 * option's history, so an import never loses a position.
 *
 * Constraint: planning only (no writes); merge.ts applies the steps in
 * its one transaction. The preview counts positions apart (`positions`: new,
 * updated, kept), each with its details line in words ("Red line, High
 * priority"). A value already in the history is not written twice, so
 * importing the same file again changes nothing.
 */
import { CoreError } from '../../../shared/contract/result';
import { POSITION_LABELS, PRIORITY_LABELS } from '../../../shared/vocabulary/labels';
import type { OptionPosition } from '../../../shared/contract/types';
import type { ContentLookup } from '../../content/lookup';
import type { PastPosition } from '../positions/rows';
import type { Session } from '../session';
import { POSITIONABLE } from '../validate';

export interface Candidate extends OptionPosition {
  /** The note it came from (older files), or null. */
  noteId: string | null;
}

export type PositionStep =
  { kind: 'put-position'; value: OptionPosition } | { kind: 'remember-position'; past: PastPosition };

const same = (a: Pick<OptionPosition, 'position' | 'priority'>, b: Pick<OptionPosition, 'position' | 'priority'>) =>
  a.position === b.position && a.priority === b.priority;

export function planPositions(
  s: Session,
  content: ContentLookup,
  candidates: readonly Candidate[],
  detail: (line: string) => void,
  /** Counted here, one a line of the details, so the preview's counts and its list agree. */
  count: { added: number; updated: number; kept: number },
): PositionStep[] {
  const byTarget = new Map<string, Candidate[]>();
  for (const c of candidates) byTarget.set(c.targetId, [...(byTarget.get(c.targetId) ?? []), c]);
  const steps: PositionStep[] = [];
  for (const [targetId, list] of byTarget) {
    const block = content.block(targetId);
    if (block && !POSITIONABLE.has(block.kind)) {
      throw new CoreError(
        'INVALID_ARGUMENT',
        `rec:positions: a position on ${targetId}, a ${block.kind}; only policy options and practical actions take one`,
      );
    }
    const known = s.positions.history(targetId);
    const remember = (past: PastPosition): void => {
      const dup = known.some((h) => same(h, past) && h.set === past.set && h.noteId === past.noteId);
      if (!dup) steps.push({ kind: 'remember-position', past });
    };
    const sorted = [...list].sort((a, b) => b.modified.localeCompare(a.modified));
    const [newest, ...older] = sorted as [Candidate, ...Candidate[]];
    for (const o of older) remember({ ...o, set: o.modified, replaced: newest.modified });
    const local = s.positions.get(targetId);
    const value: OptionPosition = {
      targetId,
      position: newest.position,
      priority: newest.priority,
      modified: newest.modified,
    };
    const where = content.summary(targetId)?.label ?? targetId;
    if (!block) detail(`position on ${targetId}: not in this edition of the document (kept)`);
    // In words, as the app shows them ("Red line, High").
    const words = [
      newest.position ? POSITION_LABELS[newest.position].label : 'No position',
      newest.priority ? `${PRIORITY_LABELS[newest.priority]} priority` : null,
    ]
      .filter(Boolean)
      .join(', ');
    if (!local) {
      count.added++;
      detail(`position on ${where}: ${words} (new)`);
      steps.push({ kind: 'put-position', value });
    } else if (same(local, newest) && local.modified === newest.modified) {
      // unchanged: nothing to say
    } else if (newest.modified > local.modified) {
      count.updated++;
      detail(`position on ${where}: ${words}, replacing the older value here (which stays in its history)`);
      remember({ ...local, set: local.modified, replaced: newest.modified, noteId: null });
      steps.push({ kind: 'put-position', value });
    } else {
      count.kept++;
      detail(`position on ${where}: the local value is newer (kept; the imported ${words} is in its history)`);
      if (!same(local, newest)) remember({ ...newest, set: newest.modified, replaced: local.modified });
    }
  }
  return steps;
}
