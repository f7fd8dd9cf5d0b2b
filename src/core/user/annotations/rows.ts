/**
 * Repository of the `annotations` table and its `annotation_tags` join table.
 *
 * Constraint: SQL only, no policy. Validation, history and transactions are
 * the store's job; every method here is one or a few prepared statements, and
 * callers wrap writes in a transaction so a record and its tags change together.
 */
import type { Annotation, OptionPosition, Selector } from '../../../shared/contract/types';
import type { UserDb } from '../db';
import { readProvenance, writeProvenance } from '../provenance';
import { asAnchor, asColor } from '../records';

/**
 * An annotation as stored: the contract's record, without the position of its
 * option (the `positions` table holds it since migration 3; the old per-note
 * columns stay empty), plus trash and re-anchoring context.
 */
export interface AnnotationRecord extends Omit<Annotation, 'position' | 'priority'> {
  sectionId: string | null;
  deleted: string | null;
}

export interface Row {
  id: string;
  block_id: string;
  exact: string | null;
  prefix: string | null;
  suffix: string | null;
  start: number | null;
  end: number | null;
  note: string;
  color: string | null;
  anchor: string;
  created: string;
  modified: string;
  section_id: string | null;
  deleted: string | null;
  adopted_from: string | null;
}

export const COLUMNS = `id, block_id, exact, prefix, suffix, start, "end", note, color, anchor,
  created, modified, section_id, deleted, adopted_from`;

export function toRecord(row: Row, tags: string[]): AnnotationRecord {
  const selector: Selector | null =
    row.exact !== null && row.start !== null && row.end !== null
      ? { exact: row.exact, prefix: row.prefix ?? '', suffix: row.suffix ?? '', start: row.start, end: row.end }
      : null;
  return {
    id: row.id,
    blockId: row.block_id,
    selector,
    note: row.note,
    color: asColor(row.color),
    tags,
    anchor: asAnchor(row.anchor),
    created: row.created,
    modified: row.modified,
    sectionId: row.section_id,
    deleted: row.deleted,
    ...(row.adopted_from ? { adoptedFrom: readProvenance(row.adopted_from) } : {}),
  };
}

/**
 * The contract's view of a stored record (drops the storage-only fields and
 * adds the position of its option, kept by block id, so an unattached note
 * still shows the position its option had).
 */
export function toAnnotation(rec: AnnotationRecord, option: OptionPosition | null = null): Annotation {
  const { sectionId: _s, deleted: _d, ...annotation } = rec;
  return {
    ...annotation,
    position: option?.position ?? null,
    priority: option?.priority ?? null,
    tags: [...annotation.tags],
    selector: annotation.selector ? { ...annotation.selector } : null,
  };
}

export class AnnotationRepo {
  private readonly byId;
  private readonly live;
  private readonly every;
  private readonly tagsOf;
  private readonly allTags;
  private readonly insertRow;
  private readonly updateRow;
  private readonly deleteTags;
  private readonly insertTag;
  private readonly setDeletedStmt;
  private readonly countStmt;
  private readonly distinctTags;

  constructor(db: UserDb) {
    this.byId = db.prepare<[string], Row>(`SELECT ${COLUMNS} FROM annotations WHERE id = ?`);
    this.live = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM annotations WHERE deleted IS NULL ORDER BY created, id`);
    this.every = db.prepare<[], Row>(`SELECT ${COLUMNS} FROM annotations ORDER BY created, id`);
    this.tagsOf = db.prepare<[string], { tag: string }>(
      'SELECT tag FROM annotation_tags WHERE annotation_id = ? ORDER BY ord',
    );
    this.allTags = db.prepare<[], { annotation_id: string; tag: string }>(
      'SELECT annotation_id, tag FROM annotation_tags ORDER BY annotation_id, ord',
    );
    this.insertRow = db.prepare(
      `INSERT INTO annotations (${COLUMNS}) VALUES
        (@id, @block_id, @exact, @prefix, @suffix, @start, @end, @note, @color, @anchor,
         @created, @modified, @section_id, @deleted, @adopted_from)`,
    );
    this.updateRow = db.prepare(
      `UPDATE annotations SET block_id = @block_id, exact = @exact, prefix = @prefix, suffix = @suffix,
        start = @start, "end" = @end, note = @note, color = @color, anchor = @anchor, created = @created, modified = @modified, section_id = @section_id, deleted = @deleted,
        adopted_from = @adopted_from
       WHERE id = @id`,
    );
    this.deleteTags = db.prepare<[string]>('DELETE FROM annotation_tags WHERE annotation_id = ?');
    this.insertTag = db.prepare<[string, string, number]>(
      'INSERT OR IGNORE INTO annotation_tags (annotation_id, tag, ord) VALUES (?, ?, ?)',
    );
    this.countStmt = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM annotations');
    this.setDeletedStmt = db.prepare<[string | null, string]>('UPDATE annotations SET deleted = ? WHERE id = ?');
    this.distinctTags = db.prepare<[], { tag: string }>(
      `SELECT MIN(t.tag) AS tag FROM annotation_tags t JOIN annotations a ON a.id = t.annotation_id
       WHERE a.deleted IS NULL GROUP BY t.tag COLLATE NOCASE ORDER BY t.tag COLLATE NOCASE`,
    );
  }

  /** A record by id, live or in the trash. */
  get(id: string): AnnotationRecord | null {
    const row = this.byId.get(id);
    return row
      ? toRecord(
          row,
          this.tagsOf.all(id).map((t) => t.tag),
        )
      : null;
  }

  private tagMap(): Map<string, string[]> {
    const tags = new Map<string, string[]>();
    for (const { annotation_id, tag } of this.allTags.iterate()) {
      const list = tags.get(annotation_id);
      if (list) list.push(tag);
      else tags.set(annotation_id, [tag]);
    }
    return tags;
  }

  /** Every live (not deleted) record, oldest first. */
  listLive(): AnnotationRecord[] {
    const tags = this.tagMap();
    return this.live.all().map((row) => toRecord(row, tags.get(row.id) ?? []));
  }

  /** Every record, live and in the trash (re-anchoring covers both). */
  listAll(): AnnotationRecord[] {
    const tags = this.tagMap();
    return this.every.all().map((row) => toRecord(row, tags.get(row.id) ?? []));
  }

  private params(rec: AnnotationRecord): Record<string, string | number | null> {
    const s = rec.selector;
    return {
      id: rec.id,
      block_id: rec.blockId,
      exact: s ? s.exact : null,
      prefix: s ? s.prefix : null,
      suffix: s ? s.suffix : null,
      start: s ? s.start : null,
      end: s ? s.end : null,
      note: rec.note,
      color: rec.color,
      anchor: rec.anchor,
      created: rec.created,
      modified: rec.modified,
      section_id: rec.sectionId,
      deleted: rec.deleted,
      adopted_from: writeProvenance(rec.adoptedFrom),
    };
  }

  private writeTags(id: string, tags: readonly string[]): void {
    this.deleteTags.run(id);
    tags.forEach((tag, i) => this.insertTag.run(id, tag, i));
  }

  insert(rec: AnnotationRecord): void {
    this.insertRow.run(this.params(rec));
    this.writeTags(rec.id, rec.tags);
  }

  /** Writes every column and the tags of an existing record. */
  put(rec: AnnotationRecord): void {
    this.updateRow.run(this.params(rec));
    this.writeTags(rec.id, rec.tags);
  }

  /** Number of records, live and in the trash. */
  count(): number {
    return this.countStmt.get()?.n ?? 0;
  }

  setDeleted(id: string, deleted: string | null): void {
    this.setDeletedStmt.run(deleted, id);
  }

  /** Distinct tags of live annotations, case-insensitively merged, sorted. */
  tags(): string[] {
    return this.distinctTags.all().map((r) => r.tag);
  }
}
