/**
 * Repository of the `positions` table (one position and priority per option,
 * keyed by block id) and of `position_history` (every earlier value), plus
 * the count of live notes per block the positions matrix shows.
 *
 * Constraint: SQL only, no policy (the positions domain validates, records the
 * inverse and decides what goes into the history). Values read back are
 * checked: an unknown position or priority reads as null.
 */
import type { Provenance } from '../../../shared/contract/layer-types';
import type { OptionPosition, PositionHistoryEntry } from '../../../shared/contract/types';
import type { UserDb } from '../db';
import { readProvenance, writeProvenance } from '../provenance';
import { asPosition, asPriority } from '../records';

interface Row {
  target_id: string;
  position: string | null;
  priority: string | null;
  modified: string;
  adopted_from: string | null;
}

interface HistoryRow {
  seq: number;
  target_id: string;
  position: string | null;
  priority: string | null;
  set_at: string;
  replaced: string;
  note_id: string | null;
  adopted_from: string | null;
}

/** A value to record in an option's history. */
export interface PastPosition {
  targetId: string;
  position: OptionPosition['position'];
  priority: OptionPosition['priority'];
  set: string;
  replaced: string;
  noteId: string | null;
  /** Where the value came from, when it was adopted from a colleague's layer (migration 5). */
  adoptedFrom?: Provenance;
}

const toPosition = (r: Row): OptionPosition => ({
  targetId: r.target_id,
  position: asPosition(r.position),
  priority: asPriority(r.priority),
  modified: r.modified,
  ...(r.adopted_from ? { adoptedFrom: readProvenance(r.adopted_from) } : {}),
});

function toEntry(r: HistoryRow): PositionHistoryEntry {
  const from = readProvenance(r.adopted_from);
  return {
    seq: r.seq,
    targetId: r.target_id,
    position: asPosition(r.position),
    priority: asPriority(r.priority),
    set: r.set_at,
    replaced: r.replaced,
    noteId: r.note_id,
    ...(from ? { adoptedFrom: from } : {}),
  };
}

export class PositionRepo {
  private readonly one;
  private readonly every;
  private readonly upsert;
  private readonly removeRow;
  private readonly addPast;
  private readonly pastOf;
  private readonly pastOne;
  private readonly dropPast;
  private readonly notesPerBlock;

  constructor(db: UserDb) {
    const cols = 'target_id, position, priority, modified, adopted_from';
    this.one = db.prepare<[string], Row>(`SELECT ${cols} FROM positions WHERE target_id = ?`);
    this.every = db.prepare<[], Row>(`SELECT ${cols} FROM positions ORDER BY target_id`);
    this.upsert = db.prepare(
      `INSERT INTO positions (${cols}) VALUES (@target_id, @position, @priority, @modified, @adopted_from)
       ON CONFLICT(target_id) DO UPDATE SET position = excluded.position, priority = excluded.priority,
         modified = excluded.modified, adopted_from = excluded.adopted_from`,
    );
    this.removeRow = db.prepare<[string]>('DELETE FROM positions WHERE target_id = ?');
    const hcols = 'seq, target_id, position, priority, set_at, replaced, note_id, adopted_from';
    this.addPast = db.prepare(
      `INSERT INTO position_history (target_id, position, priority, set_at, replaced, note_id, adopted_from)
       VALUES (@target_id, @position, @priority, @set_at, @replaced, @note_id, @adopted_from)`,
    );
    this.pastOf = db.prepare<[string], HistoryRow>(
      `SELECT ${hcols} FROM position_history WHERE target_id = ? ORDER BY seq DESC`,
    );
    this.pastOne = db.prepare<[number], HistoryRow>(`SELECT ${hcols} FROM position_history WHERE seq = ?`);
    this.dropPast = db.prepare<[string, string, string]>(
      `DELETE FROM position_history WHERE seq = (SELECT MAX(seq) FROM position_history
        WHERE target_id = ? AND set_at = ? AND replaced = ?)`,
    );
    this.notesPerBlock = db.prepare<[], { block_id: string; n: number }>(
      `SELECT block_id, COUNT(*) AS n FROM annotations
        WHERE deleted IS NULL AND anchor <> 'orphan' GROUP BY block_id`,
    );
  }

  get(targetId: string): OptionPosition | null {
    const row = this.one.get(targetId);
    return row ? toPosition(row) : null;
  }

  /** Every option's position, by block id. */
  all(): Map<string, OptionPosition> {
    return new Map(this.every.all().map((r) => [r.target_id, toPosition(r)]));
  }

  /**
   * Writes the option's position; both null removes the row (an unmarked option has none).
   * Its provenance is kept only when given (an adopted value changed since is the user's own).
   */
  put(p: OptionPosition): void {
    if (p.position === null && p.priority === null) this.removeRow.run(p.targetId);
    else
      this.upsert.run({
        target_id: p.targetId,
        position: p.position,
        priority: p.priority,
        modified: p.modified,
        adopted_from: writeProvenance(p.adoptedFrom),
      });
  }

  remember(past: PastPosition): void {
    this.addPast.run({
      target_id: past.targetId,
      position: past.position,
      priority: past.priority,
      set_at: past.set,
      replaced: past.replaced,
      note_id: past.noteId,
      adopted_from: writeProvenance(past.adoptedFrom),
    });
  }

  /** Earlier values of an option, newest first. */
  history(targetId: string): PositionHistoryEntry[] {
    return this.pastOf.all(targetId).map(toEntry);
  }

  entry(seq: number): PositionHistoryEntry | null {
    const row = this.pastOne.get(seq);
    return row ? toEntry(row) : null;
  }

  /** Removes the history row a change wrote (when that change is undone). */
  forget(targetId: string, set: string, replaced: string): void {
    this.dropPast.run(targetId, set, replaced);
  }

  /** Live, attached notes per block id. */
  noteCounts(): Map<string, number> {
    return new Map(this.notesPerBlock.all().map((r) => [r.block_id, r.n]));
  }
}
