/**
 * Repository of colleagues' layers (migration 4): `layers`, their
 * versions (`layer_versions`) and each version's annotations, bookmarks and
 * positions as the author had them.
 *
 * Constraint: SQL only, no policy (domain.ts decides what is newer,
 * what is refused and what is kept for undo). These tables are the only ones
 * written here: nothing in this file touches the user's own notes. Values read
 * back are checked like the user's own (an unknown enum reads as null).
 */
import type { Annotation, Bookmark, OptionPosition } from '../../../shared/contract/types';
import type { LayerColor } from '../../../shared/contract/layer-types';
import { LAYER_COLORS } from '../../../shared/contract/values';
import type { Row } from '../annotations/rows';
import type { UserDb } from '../db';
import { asAnchor, asColor, asPosition, asPriority } from '../records';

export interface LayerRow {
  id: string;
  authorId: string | null;
  name: string;
  color: LayerColor;
  visible: boolean;
  added: string;
  current: number;
  previous: number | null;
}

export interface VersionRow {
  id: number;
  layerId: string;
  authorName: string;
  exported: string;
  stored: string;
  source: 'import' | 'shared-folder';
  file: string | null;
  fingerprint: string;
}

/** What a version holds: the author's records, read-only. */
export interface LayerItems {
  annotations: Annotation[];
  bookmarks: Bookmark[];
  positions: OptionPosition[];
}

/** A layer's annotation as stored: the own table's columns (../annotations/rows.ts), its tags inline as JSON. */
type AnnotationRow = Omit<Row, 'section_id' | 'deleted' | 'adopted_from'> & { version_id: number; tags: string };

interface LayerDbRow {
  id: string;
  author_id: string | null;
  name: string;
  color: string;
  visible: number;
  added: string;
  current: number;
  previous: number | null;
}

interface VersionDbRow {
  id: number;
  layer_id: string;
  author_name: string;
  exported: string;
  stored: string;
  source: string;
  file: string | null;
  fingerprint: string;
}

const A_COLS = `version_id, id, block_id, exact, prefix, suffix, start, "end", note, color, tags, anchor, created, modified`;

function parseTags(json: string): string[] {
  try {
    const v: unknown = JSON.parse(json);
    return Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];
  } catch {
    return [];
  }
}

/** A layer's annotation as the contract's record (position/priority filled by the caller from the layer's positions). */
export function toLayerAnnotation(r: AnnotationRow, option: OptionPosition | undefined): Annotation {
  return {
    id: r.id,
    blockId: r.block_id,
    selector:
      r.exact !== null && r.start !== null && r.end !== null
        ? { exact: r.exact, prefix: r.prefix ?? '', suffix: r.suffix ?? '', start: r.start, end: r.end }
        : null,
    note: r.note,
    color: asColor(r.color),
    tags: parseTags(r.tags),
    position: option?.position ?? null,
    priority: option?.priority ?? null,
    anchor: asAnchor(r.anchor),
    created: r.created,
    modified: r.modified,
  };
}

const asLayerColor = (v: string): LayerColor =>
  (LAYER_COLORS as readonly string[]).includes(v) ? (v as LayerColor) : LAYER_COLORS[0];

export class LayerRepo {
  private readonly q;

  constructor(private readonly db: UserDb) {
    const layerCols = 'id, author_id, name, color, visible, added, current, previous';
    this.q = {
      layers: db.prepare<[], LayerDbRow>(`SELECT ${layerCols} FROM layers ORDER BY added, id`),
      layer: db.prepare<[string], LayerDbRow>(`SELECT ${layerCols} FROM layers WHERE id = ?`),
      byAuthor: db.prepare<[string], LayerDbRow>(`SELECT ${layerCols} FROM layers WHERE author_id = ?`),
      // The user's own notes (not in the trash) adopted from a layer's notes: Adopt is done once per note.
      adopted: db.prepare<[string], { id: string; item: string }>(
        `SELECT id, json_extract(adopted_from, '$.itemId') AS item FROM annotations
         WHERE deleted IS NULL AND adopted_from IS NOT NULL AND json_extract(adopted_from, '$.layerId') = ?
         ORDER BY created, id`,
      ),
      insertLayer: db.prepare(
        `INSERT INTO layers (${layerCols}) VALUES (@id, @author_id, @name, @color, @visible, @added, @current, NULL)`,
      ),
      setVersions: db.prepare<[number, number | null, string]>(
        'UPDATE layers SET current = ?, previous = ? WHERE id = ?',
      ),
      setLook: db.prepare<[string, string, number, string]>(
        'UPDATE layers SET name = ?, color = ?, visible = ? WHERE id = ?',
      ),
      deleteLayer: db.prepare<[string]>('DELETE FROM layers WHERE id = ?'),
      version: db.prepare<[number], VersionDbRow>(
        `SELECT id, layer_id, author_name, exported, stored, source, file, fingerprint FROM layer_versions WHERE id = ?`,
      ),
      insertVersion: db.prepare(
        `INSERT INTO layer_versions (layer_id, author_name, exported, stored, source, file, fingerprint)
         VALUES (@layer_id, @author_name, @exported, @stored, @source, @file, @fingerprint)`,
      ),
      deleteVersion: db.prepare<[number]>('DELETE FROM layer_versions WHERE id = ?'),
      deleteVersionsOf: db.prepare<[string]>('DELETE FROM layer_versions WHERE layer_id = ?'),
      insertAnnotation: db.prepare(
        `INSERT OR REPLACE INTO layer_annotations (${A_COLS}) VALUES
          (@version_id, @id, @block_id, @exact, @prefix, @suffix, @start, @end, @note, @color, @tags, @anchor, @created, @modified)`,
      ),
      insertBookmark: db.prepare(
        `INSERT OR REPLACE INTO layer_bookmarks (version_id, id, target_id, label, created, modified)
         VALUES (@version_id, @id, @target_id, @label, @created, @modified)`,
      ),
      insertPosition: db.prepare(
        `INSERT OR REPLACE INTO layer_positions (version_id, target_id, position, priority, modified)
         VALUES (@version_id, @target_id, @position, @priority, @modified)`,
      ),
      annotations: db.prepare<[number], AnnotationRow>(
        `SELECT ${A_COLS} FROM layer_annotations WHERE version_id = ? ORDER BY created, id`,
      ),
      annotation: db.prepare<[number, string], AnnotationRow>(
        `SELECT ${A_COLS} FROM layer_annotations WHERE version_id = ? AND id = ?`,
      ),
      annotationsOn: db.prepare<[string, string, number], AnnotationRow & { rn: number }>(
        `SELECT * FROM (
           SELECT ${A_COLS}, ROW_NUMBER() OVER (PARTITION BY version_id, block_id ORDER BY created, id) AS rn
           FROM layer_annotations
           WHERE block_id IN (SELECT value FROM json_each(?)) AND version_id IN (SELECT value FROM json_each(?)))
         WHERE rn <= ? ORDER BY block_id, version_id, rn`,
      ),
      totalsOn: db.prepare<[string, string], { block_id: string; n: number }>(
        `SELECT block_id, COUNT(*) AS n FROM layer_annotations
         WHERE block_id IN (SELECT value FROM json_each(?)) AND version_id IN (SELECT value FROM json_each(?))
         GROUP BY block_id`,
      ),
      bookmarks: db.prepare<
        [number],
        { id: string; target_id: string; label: string; created: string; modified: string }
      >(
        'SELECT id, target_id, label, created, modified FROM layer_bookmarks WHERE version_id = ? ORDER BY created, id',
      ),
      positions: db.prepare<
        [number],
        { target_id: string; position: string | null; priority: string | null; modified: string }
      >('SELECT target_id, position, priority, modified FROM layer_positions WHERE version_id = ? ORDER BY target_id'),
      counts: db.prepare<[{ v: number }], { a: number; b: number; p: number }>(
        `SELECT (SELECT COUNT(*) FROM layer_annotations WHERE version_id = @v) AS a,
                (SELECT COUNT(*) FROM layer_bookmarks WHERE version_id = @v) AS b,
                (SELECT COUNT(*) FROM layer_positions WHERE version_id = @v) AS p`,
      ),
    };
  }

  private toLayer(r: LayerDbRow): LayerRow {
    return {
      id: r.id,
      authorId: r.author_id,
      name: r.name,
      color: asLayerColor(r.color),
      visible: r.visible === 1,
      added: r.added,
      current: r.current,
      previous: r.previous,
    };
  }

  list(): LayerRow[] {
    return this.q.layers.all().map((r) => this.toLayer(r));
  }

  get(id: string): LayerRow | null {
    const r = this.q.layer.get(id);
    return r ? this.toLayer(r) : null;
  }

  /** The layer's note ids the user adopted, each with the id of the user's (first) copy. */
  adoptedNotes(layerId: string): Map<string, string> {
    const copies = new Map<string, string>();
    for (const r of this.q.adopted.all(layerId)) if (!copies.has(r.item)) copies.set(r.item, r.id);
    return copies;
  }

  byAuthor(authorId: string): LayerRow | null {
    const r = this.q.byAuthor.get(authorId);
    return r ? this.toLayer(r) : null;
  }

  version(id: number): VersionRow | null {
    const r = this.q.version.get(id);
    if (!r) return null;
    return {
      id: r.id,
      layerId: r.layer_id,
      authorName: r.author_name,
      exported: r.exported,
      stored: r.stored,
      source: r.source === 'shared-folder' ? 'shared-folder' : 'import',
      file: r.file,
      fingerprint: r.fingerprint,
    };
  }

  /** Stores a version with its items; returns its id. Run inside the caller's transaction. */
  insertVersion(v: Omit<VersionRow, 'id'>, items: LayerItems): number {
    const info = this.q.insertVersion.run({
      layer_id: v.layerId,
      author_name: v.authorName,
      exported: v.exported,
      stored: v.stored,
      source: v.source,
      file: v.file,
      fingerprint: v.fingerprint,
    });
    const version_id = Number(info.lastInsertRowid);
    for (const a of items.annotations) {
      const s = a.selector;
      this.q.insertAnnotation.run({
        version_id,
        id: a.id,
        block_id: a.blockId,
        exact: s?.exact ?? null,
        prefix: s?.prefix ?? null,
        suffix: s?.suffix ?? null,
        start: s?.start ?? null,
        end: s?.end ?? null,
        note: a.note,
        color: a.color,
        tags: JSON.stringify(a.tags),
        anchor: a.anchor,
        created: a.created,
        modified: a.modified,
      });
    }
    for (const b of items.bookmarks) {
      this.q.insertBookmark.run({
        version_id,
        id: b.id,
        target_id: b.targetId,
        label: b.label,
        created: b.created,
        modified: b.modified,
      });
    }
    for (const p of items.positions) {
      this.q.insertPosition.run({
        version_id,
        target_id: p.targetId,
        position: p.position,
        priority: p.priority,
        modified: p.modified,
      });
    }
    return version_id;
  }

  insertLayer(l: Omit<LayerRow, 'previous'>): void {
    this.q.insertLayer.run({
      id: l.id,
      author_id: l.authorId,
      name: l.name,
      color: l.color,
      visible: l.visible ? 1 : 0,
      added: l.added,
      current: l.current,
    });
  }

  setVersions(id: string, current: number, previous: number | null): void {
    this.q.setVersions.run(current, previous, id);
  }

  setLook(id: string, look: { name: string; color: LayerColor; visible: boolean }): void {
    this.q.setLook.run(look.name, look.color, look.visible ? 1 : 0, id);
  }

  deleteVersion(id: number): void {
    this.q.deleteVersion.run(id);
  }

  /** Removes the layer with every version and item (cascade). */
  remove(id: string): void {
    this.q.deleteVersionsOf.run(id);
    this.q.deleteLayer.run(id);
  }

  counts(versionId: number): { annotations: number; bookmarks: number; positions: number } {
    const c = this.q.counts.get({ v: versionId });
    return { annotations: c?.a ?? 0, bookmarks: c?.b ?? 0, positions: c?.p ?? 0 };
  }

  positions(versionId: number): Map<string, OptionPosition> {
    return new Map(
      this.q.positions.all(versionId).map((r) => [
        r.target_id,
        {
          targetId: r.target_id,
          position: asPosition(r.position),
          priority: asPriority(r.priority),
          modified: r.modified,
        },
      ]),
    );
  }

  items(versionId: number): LayerItems {
    const positions = this.positions(versionId);
    return {
      annotations: this.q.annotations.all(versionId).map((r) => toLayerAnnotation(r, positions.get(r.block_id))),
      bookmarks: this.q.bookmarks.all(versionId).map((r) => ({
        id: r.id,
        targetId: r.target_id,
        label: r.label,
        created: r.created,
        modified: r.modified,
      })),
      positions: [...positions.values()],
    };
  }

  annotation(versionId: number, id: string): Annotation | null {
    const r = this.q.annotation.get(versionId, id);
    return r ? toLayerAnnotation(r, this.positions(versionId).get(r.block_id)) : null;
  }

  /** The versions' annotations on some blocks, at most `perBlock` per block and version, with per-block totals. */
  onBlocks(
    blockIds: readonly string[],
    versionIds: readonly number[],
    perBlock: number,
  ): { rows: Array<{ versionId: number; annotation: Annotation }>; totals: Record<string, number> } {
    const blocks = JSON.stringify([...new Set(blockIds)]);
    const versions = JSON.stringify(versionIds);
    const positions = new Map(versionIds.map((v) => [v, this.positions(v)]));
    const rows = this.q.annotationsOn.all(blocks, versions, perBlock).map((r) => ({
      versionId: r.version_id,
      annotation: toLayerAnnotation(r, positions.get(r.version_id)?.get(r.block_id)),
    }));
    const totals: Record<string, number> = {};
    for (const { block_id, n } of this.q.totalsOn.iterate(blocks, versions)) totals[block_id] = n;
    return { rows, totals };
  }
}
