/**
 * The Notes list's order without reading the notes: for each live annotation
 * only its id, block, start and modified time (one narrow SQL scan), sorted
 * as views.ts sorts the full entries; a page then reads only its own rows.
 * This is what lets notes.page answer over 100,000 notes in well under a
 * second, where building every entry took seconds and held the main process.
 *
 * Constraint: the same order and the same filter as noteEntries/matches*
 * (tests/core/notes-paged.test.ts compares every page with notes.list).
 * Filters that need the note's words or the content (text, tags, page) are
 * not handled here: `keysFor` answers null and the caller takes the full path.
 */
import type { AnnotationFilter, Bookmark, NoteEntry, OptionPosition } from '../../../shared/contract/types';
import type { ContentLookup } from '../../content/lookup';
import { COLUMNS, type Row, toAnnotation, toRecord } from '../annotations/rows';
import type { UserDb } from '../db';
import { type DocumentOrder, matchesBookmark, noteEntries } from './views';

export interface NoteKey {
  id: string;
  type: 'annotation' | 'bookmark';
  seq: number;
  start: number;
  time: string;
}

interface KeyParams {
  colors: string;
  positions: string;
  priorities: string;
  anchors: string;
  block: string | null;
}

/** id, block_id, start, modified, is-orphan (0/1). */
type KeyRow = [string, string, number | null, string, number];

const FAST: ReadonlySet<keyof AnnotationFilter> = new Set(['colors', 'positions', 'priorities', 'anchor', 'blockId']);

export class NoteKeys {
  private readonly keys;
  private readonly rows;
  private readonly tags;

  constructor(
    db: UserDb,
    private readonly content: ContentLookup,
    private readonly order: DocumentOrder,
    /** The option's position and priority (they belong to the option, not to a note). */
    private readonly optionOf: (blockId: string) => OptionPosition | null,
  ) {
    // Rows as arrays (raw): 100,000 of them cost far less than as objects.
    this.keys = db
      .prepare<[KeyParams], KeyRow>(
        `SELECT id, block_id, start, modified, anchor = 'orphan' FROM annotations
       WHERE +deleted IS NULL
         AND (json_array_length(@colors) = 0 OR color IN (SELECT value FROM json_each(@colors)))
         AND (json_array_length(@positions) = 0 OR (SELECT position FROM positions WHERE target_id = block_id)
              IN (SELECT value FROM json_each(@positions)))
         AND (json_array_length(@priorities) = 0 OR (SELECT priority FROM positions WHERE target_id = block_id)
              IN (SELECT value FROM json_each(@priorities)))
         AND (json_array_length(@anchors) = 0 OR anchor IN (SELECT value FROM json_each(@anchors)))
         AND (@block IS NULL OR block_id = @block)`,
      )
      .raw(true);
    this.rows = db.prepare<[string], Row>(
      `SELECT ${COLUMNS} FROM annotations WHERE id IN (SELECT value FROM json_each(?))`,
    );
    this.tags = db.prepare<[string], { annotation_id: string; tag: string }>(
      `SELECT annotation_id, tag FROM annotation_tags
       WHERE annotation_id IN (SELECT value FROM json_each(?)) ORDER BY annotation_id, ord`,
    );
  }

  /** Ordered keys of the entries `filter` selects, or null when the filter needs the full path. */
  keysFor(
    filter: AnnotationFilter,
    sort: 'document' | 'date',
    placed: boolean,
    bookmarks: readonly Bookmark[],
  ): NoteKey[] | null {
    const used = (Object.keys(filter) as Array<keyof AnnotationFilter>).filter((k) => {
      const v = filter[k];
      return Array.isArray(v) ? v.length > 0 : v !== undefined && v !== '';
    });
    if (used.some((k) => !FAST.has(k))) return null;
    const list = (v: readonly string[] | undefined): string => JSON.stringify(v ?? []);
    const keys: NoteKey[] = [];
    // A few thousand blocks carry all the notes: ask the content once per block, not once per note.
    const known = new Map<string, boolean>();
    const placedOn = (blockId: string): boolean => {
      let ok = known.get(blockId);
      if (ok === undefined) known.set(blockId, (ok = this.content.summary(blockId) !== null));
      return ok;
    };
    for (const r of this.keys.iterate({
      colors: list(filter.colors),
      positions: list(filter.positions),
      priorities: list(filter.priorities),
      anchors: list(filter.anchor),
      block: filter.blockId ?? null,
    }) as Iterable<unknown> as Iterable<KeyRow>) {
      const [id, blockId, start, modified, isOrphan] = r;
      const orphan = isOrphan === 1;
      if (placed && (orphan || !placedOn(blockId))) continue;
      keys.push({
        id,
        type: 'annotation',
        seq: orphan ? Number.MAX_SAFE_INTEGER : this.order.of(blockId),
        start: start ?? -1,
        time: modified,
      });
    }
    for (const b of bookmarks) {
      if (!matchesBookmark(b, filter, this.content)) continue;
      const gone = !this.content.block(b.targetId) && !this.content.section(b.targetId);
      if (placed && gone) continue;
      keys.push({ id: b.id, type: 'bookmark', seq: this.order.of(b.targetId), start: -2, time: b.modified });
    }
    // A total order: equal times are broken by id, so the list is the same on every machine.
    const byTime = (a: NoteKey, b: NoteKey): number =>
      a.time < b.time ? -1 : a.time > b.time ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    keys.sort((a, b) => (sort === 'date' ? byTime(b, a) : a.seq - b.seq || a.start - b.start || byTime(a, b)));
    return keys;
  }

  /** The entries of `keys` (a page), in the keys' order. */
  entries(keys: readonly NoteKey[], bookmarks: readonly Bookmark[], sort: 'document' | 'date'): NoteEntry[] {
    const ids = JSON.stringify(keys.filter((k) => k.type === 'annotation').map((k) => k.id));
    const tags = new Map<string, string[]>();
    for (const { annotation_id, tag } of this.tags.iterate(ids)) {
      const l = tags.get(annotation_id);
      if (l) l.push(tag);
      else tags.set(annotation_id, [tag]);
    }
    const annotations = this.rows
      .all(ids)
      .map((r) => toAnnotation(toRecord(r, tags.get(r.id) ?? []), this.optionOf(r.block_id)));
    const wanted = new Set(keys.map((k) => k.id));
    const built = noteEntries(
      annotations,
      bookmarks.filter((b) => wanted.has(b.id)),
      this.content,
      this.order,
      sort,
    );
    const byId = new Map(built.map((e) => [e.annotation?.id ?? e.bookmark?.id ?? '', e]));
    return keys.flatMap((k) => byId.get(k.id) ?? []);
  }
}
