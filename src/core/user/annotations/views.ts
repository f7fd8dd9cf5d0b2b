/**
 * The annotations the reader draws beside a page's blocks: at most `perBlock`
 * on each block (oldest first), with the number each block has in all, so a
 * block with 100,000 notes costs the page no more than `perBlock` of them and
 * says "show all N" for the rest.
 *
 * Constraint: SQL does the work (the annotations_block index, a window
 * function for the cap, one GROUP BY for the totals); nothing reads the
 * other blocks' notes. Read-only.
 */
import type { BlockAnnotations, OptionPosition } from '../../../shared/contract/types';
import { COLUMNS, type Row, toAnnotation, toRecord } from './rows';
import type { UserDb } from '../db';

const DEFAULT_PER_BLOCK = 50;

export class BlockNotes {
  private readonly capped;
  private readonly totals;
  private readonly tags;

  constructor(
    db: UserDb,
    /** The option's position and priority (they belong to the option, not to a note). */
    private readonly optionOf: (blockId: string) => OptionPosition | null,
  ) {
    // `+deleted` keeps the planner on the block index (the deleted index would scan every live row).
    this.capped = db.prepare<[string, number], Row>(
      `SELECT ${COLUMNS} FROM (
         SELECT *, ROW_NUMBER() OVER (PARTITION BY block_id ORDER BY created, id) AS rn
         FROM annotations
         WHERE block_id IN (SELECT value FROM json_each(?)) AND +deleted IS NULL)
       WHERE rn <= ? ORDER BY block_id, rn`,
    );
    this.totals = db.prepare<[string], { block_id: string; n: number }>(
      `SELECT block_id, COUNT(*) AS n FROM annotations
       WHERE block_id IN (SELECT value FROM json_each(?)) AND +deleted IS NULL GROUP BY block_id`,
    );
    this.tags = db.prepare<[string], { annotation_id: string; tag: string }>(
      `SELECT annotation_id, tag FROM annotation_tags
       WHERE annotation_id IN (SELECT value FROM json_each(?)) ORDER BY annotation_id, ord`,
    );
  }

  forBlocks(blockIds: readonly string[], perBlock = DEFAULT_PER_BLOCK): BlockAnnotations {
    const ids = JSON.stringify([...new Set(blockIds)]);
    const rows = this.capped.all(ids, perBlock);
    const tags = new Map<string, string[]>();
    for (const { annotation_id, tag } of this.tags.iterate(JSON.stringify(rows.map((r) => r.id)))) {
      const list = tags.get(annotation_id);
      if (list) list.push(tag);
      else tags.set(annotation_id, [tag]);
    }
    const totals: Record<string, number> = {};
    for (const { block_id, n } of this.totals.iterate(ids)) totals[block_id] = n;
    return {
      annotations: rows.map((r) => toAnnotation(toRecord(r, tags.get(r.id) ?? []), this.optionOf(r.block_id))),
      totals,
    };
  }
}
