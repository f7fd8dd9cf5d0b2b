/**
 * The positions domain: one position and priority per option (policy option
 * or practical action), the matrix of every option with its position and note
 * count, and each option's history of earlier values, any of which can be made
 * current again.
 *
 * Constraint: a change replaces the option's value and records the value it
 * replaced in the option's history, in one `mutate()` with its inverse, so
 * nothing a user marked is ever lost: clearing a position is a change like any
 * other (the cleared value is in the history, and undo brings it back).
 */
import { CoreError } from '../../../shared/contract/result';
import type {
  OptionPosition,
  Position,
  PositionHistoryEntry,
  PositionRow,
  Priority,
} from '../../../shared/contract/types';
import { POSITION_LABELS, PRIORITY_LABELS } from '../../../shared/vocabulary/labels';
import type { Provenance } from '../../../shared/contract/layer-types';
import type { UserContext } from '../context';
import type { Inverse } from '../history';
import { checkPositionAllowed, POSITIONABLE, requireBlock } from '../validate';

type Value = Pick<OptionPosition, 'position' | 'priority'>;

/** "Red line, high priority", for history descriptions and toasts. */
export function positionWords(v: Value): string {
  const words = [
    v.position ? POSITION_LABELS[v.position].label : null,
    v.priority ? `${PRIORITY_LABELS[v.priority]} priority` : null,
  ];
  return words.filter(Boolean).join(', ') || 'no position';
}

export function positionsDomain(u: UserContext) {
  const labelOf = (id: string): string => u.content.summary(id)?.label ?? id;

  /** Replaces the option's value with `next`, recording the old one; null `next` fields clear. */
  const change = (targetId: string, next: Value, from?: Provenance): OptionPosition | null => {
    const s = u.session();
    const cur = s.positions.get(targetId);
    if ((cur?.position ?? null) === next.position && (cur?.priority ?? null) === next.priority) return cur;
    const now = u.nowIso();
    const where = `Position on ${labelOf(targetId)}`;
    const inverse: Inverse = {
      op: 'put-position',
      targetId,
      position: cur?.position ?? null,
      priority: cur?.priority ?? null,
      modified: cur?.modified ?? '',
      replaced: cur ? now : null,
      // Undo brings back where the replaced value came from, too.
      ...(cur?.adoptedFrom ? { adoptedFrom: cur.adoptedFrom } : {}),
    };
    const description = cur ? `${where}: ${positionWords(cur)} restored` : `${where} removed`;
    u.mutate(description, inverse, (tx) => {
      // The replaced value goes into the history with its provenance ("adopted from Capital, 30 Nov").
      if (cur) tx.positions.remember({ ...cur, set: cur.modified, replaced: now, noteId: null });
      tx.positions.put({ targetId, ...next, modified: now, ...(from ? { adoptedFrom: from } : {}) });
    });
    return s.positions.get(targetId);
  };

  return {
    /** Every policy option and practical action (of one cluster), marked or not, in document order. */
    list({ clusterId }: { clusterId?: string } = {}): PositionRow[] {
      const s = u.session();
      const options = s.positions.all();
      const counts = s.positions.noteCounts();
      const rows: PositionRow[] = [];
      for (const block of u.content.allBlocks()) {
        if (!POSITIONABLE.has(block.kind)) continue;
        const loc = u.content.location(block.id);
        const summary = u.content.summary(block.id);
        if (!loc?.clusterId || !loc.focusAreaId || !summary) continue;
        if (clusterId && loc.clusterId !== clusterId) continue;
        const p = options.get(block.id);
        rows.push({
          block: summary,
          clusterId: loc.clusterId,
          focusAreaId: loc.focusAreaId,
          position: p?.position ?? null,
          priority: p?.priority ?? null,
          modified: p?.modified ?? null,
          noteCount: counts.get(block.id) ?? 0,
          ...(p?.adoptedFrom ? { adoptedFrom: p.adoptedFrom } : {}),
        });
      }
      return rows;
    },

    /** Sets (or with nulls clears) the option's position and/or priority; an absent field is left as it is. */
    set({
      targetId,
      position,
      priority,
    }: {
      targetId: string;
      position?: Position | null;
      priority?: Priority | null;
    }): OptionPosition | null {
      const block = requireBlock(u.content, targetId);
      const cur = u.session().positions.get(targetId);
      const next: Value = {
        position: position === undefined ? (cur?.position ?? null) : position,
        priority: priority === undefined ? (cur?.priority ?? null) : priority,
      };
      checkPositionAllowed(block, next, cur ?? undefined);
      return change(targetId, next);
    },

    /** Takes a colleague's value of the option as the user's own, noting where it came from (layers.adopt; undoable). */
    adopt(targetId: string, value: Value, from: Provenance): OptionPosition | null {
      const block = requireBlock(u.content, targetId);
      const cur = u.session().positions.get(targetId);
      checkPositionAllowed(block, value, cur ?? undefined);
      return change(targetId, value, from);
    },

    /** Earlier values of the option, newest first. */
    history({ targetId }: { targetId: string }): PositionHistoryEntry[] {
      return u.session().positions.history(targetId);
    },

    /** Makes an earlier value current again, with where it came from (the value it replaces goes into the history; undoable). */
    restore({ targetId, seq }: { targetId: string; seq: number }): OptionPosition | null {
      const entry = u.session().positions.entry(seq);
      if (!entry || entry.targetId !== targetId) {
        throw new CoreError('NOT_FOUND', `no earlier position ${seq} on ${targetId}`);
      }
      return change(targetId, { position: entry.position, priority: entry.priority }, entry.adoptedFrom);
    },
  };
}
export type PositionsDomain = ReturnType<typeof positionsDomain>;
