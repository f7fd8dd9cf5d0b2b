/**
 * Repository of the `history` table: the undo stack, one row per user action,
 * holding the inverse operation as JSON. Kept in the database (not in memory)
 * so that undo works across restarts and from the command line.
 *
 * Constraint: bounded (HISTORY_LIMIT rows, oldest dropped); an entry whose JSON
 * does not parse (hand-edited or future format) is skipped, never executed.
 */
import * as z from 'zod';
import { COLORS, POSITIONS, PRIORITIES } from '../../shared/contract/types';
import type { UserDb } from './db';
import { once } from '../../shared/lazy';
import { provenanceSchema } from './provenance';

export const HISTORY_LIMIT = 200;

/**
 * What undo does. Made on first use: a command that never undoes (search, show) does not pay for
 * building it at start.
 */
const inverseSchema = once(() => {
  const recordType = z.enum(['bookmark', 'annotation']);
  /** The fields a user edits: what undoing an edit writes back (anchoring is left as it is now). */
  const annotationFields = z.object({
    note: z.string(),
    color: z.enum(COLORS).nullable(),
    tags: z.array(z.string()),
  });
  return z.discriminatedUnion('op', [
    /** Undo a create (or a restore from the trash): move the record (back) to the trash. */
    z.object({ op: z.literal('trash'), type: recordType, id: z.string() }),
    /** Undo a delete: take the record out of the trash. */
    z.object({ op: z.literal('untrash'), type: recordType, id: z.string() }),
    /** Undo an edit of an annotation: write back its previous fields. */
    z.object({ op: z.literal('put-annotation'), id: z.string(), fields: annotationFields }),
    /** Undo an edit of a bookmark: write back its previous label. */
    z.object({ op: z.literal('put-bookmark'), id: z.string(), label: z.string() }),
    /**
     * Undo a change of an option's position: write back its previous value (both
     * null: it had none) and drop the history row the change wrote (`replaced`
     * is when the change happened; null when there was no previous value).
     * Entries written before migration 3 carried position and priority in
     * `put-annotation`; zod drops those keys, so such an undo restores the rest.
     */
    z.object({
      op: z.literal('put-position'),
      targetId: z.string(),
      position: z.enum(POSITIONS).nullable(),
      priority: z.enum(PRIORITIES).nullable(),
      modified: z.string(),
      replaced: z.string().nullable(),
      /** Where the previous value came from (adopted from a layer); absent in entries written before it was kept. */
      adoptedFrom: provenanceSchema().optional(),
    }),
    /** Undo a colour rename. */
    z.object({ op: z.literal('rename-color'), color: z.enum(COLORS), name: z.string() }),
  ]);
});
export type Inverse = z.infer<ReturnType<typeof inverseSchema>>;
/** The fields a user edits: what undoing an edit writes back. */
export type AnnotationFields = Extract<Inverse, { op: 'put-annotation' }>['fields'];

export interface HistoryEntry {
  seq: number;
  description: string;
  inverse: Inverse | null;
}

function parseInverse(json: string): Inverse | null {
  try {
    const parsed = inverseSchema().safeParse(JSON.parse(json));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

export class HistoryRepo {
  private readonly insert;
  private readonly trim;
  private readonly top;
  private readonly remove;

  constructor(db: UserDb) {
    this.insert = db.prepare<[string, string, string]>(
      'INSERT INTO history (at, description, inverse) VALUES (?, ?, ?)',
    );
    this.trim = db.prepare<[number]>('DELETE FROM history WHERE seq <= (SELECT MAX(seq) FROM history) - ?');
    this.top = db.prepare<[], { seq: number; description: string; inverse: string }>(
      'SELECT seq, description, inverse FROM history ORDER BY seq DESC LIMIT 1',
    );
    this.remove = db.prepare<[number]>('DELETE FROM history WHERE seq = ?');
  }

  /** Records an action's inverse; `description` says what undoing it does. */
  push(at: string, description: string, inverse: Inverse): void {
    this.insert.run(at, description, JSON.stringify(inverse));
    this.trim.run(HISTORY_LIMIT);
  }

  /** Removes and returns the newest entry (inverse null when unreadable), or null when empty. */
  pop(): HistoryEntry | null {
    const row = this.top.get();
    if (!row) return null;
    this.remove.run(row.seq);
    return { seq: row.seq, description: row.description, inverse: parseInverse(row.inverse) };
  }
}
