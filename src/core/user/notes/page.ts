/**
 * notes.page: the Notes list a page at a time, for a panel that draws only
 * what is on screen.
 *
 * Constraint: one ordered list per (filter, sort, data version) is kept (a
 * few at most: the panel's list and its unattached notes), so scrolling
 * through 100,000 notes asks for slices and never rebuilds or sends the whole
 * list. Where it can (no text, tag or page filter) the kept list is of narrow
 * keys read by keys.ts and a page reads only its own rows; otherwise
 * the full notes view is built once. Any write, in this process or another
 * (SQLite's data_version), or a reopened database changes the version and
 * drops the kept lists.
 */
import type { ParsedArgs } from '../../../shared/contract/channels';
import type { AnnotationFilter, NoteEntry, NotesPage } from '../../../shared/contract/types';
import type { NoteKey } from './keys';

export interface NotesSource {
  notes(filter: AnnotationFilter, sort: 'document' | 'date'): NoteEntry[];
  /** Ordered keys, or null when the filter needs the full path. */
  noteKeys(filter: AnnotationFilter, sort: 'document' | 'date', placed: boolean): NoteKey[] | null;
  noteEntriesFor(keys: readonly NoteKey[], sort: 'document' | 'date'): NoteEntry[];
  /** Changes whenever the notes may have changed. */
  dataVersion(): string;
}

type Kept = { keys: NoteKey[] } | { entries: NoteEntry[] };

const KEPT = 4;

export class NotesPager {
  private readonly kept = new Map<string, Kept>();

  constructor(private readonly source: NotesSource) {}

  page(args: ParsedArgs<'notes.page'>): NotesPage {
    const filter = args.filter ?? {};
    const sort = args.sort ?? 'document';
    const placed = args.placed === true;
    const version = this.source.dataVersion();
    const key = JSON.stringify([version, sort, placed, filter]);
    let list = this.kept.get(key);
    if (!list) {
      for (const old of [...this.kept.keys()]) if (!old.startsWith(`["${version}"`)) this.kept.delete(old);
      if (this.kept.size >= KEPT) this.kept.delete(this.kept.keys().next().value as string);
      list = this.build(filter, sort, placed);
      this.kept.set(key, list);
    }
    const end = args.offset + args.limit;
    if ('keys' in list) {
      const keys = list.keys.slice(args.offset, end);
      return { entries: this.source.noteEntriesFor(keys, sort), offset: args.offset, total: list.keys.length };
    }
    return { entries: list.entries.slice(args.offset, end), offset: args.offset, total: list.entries.length };
  }

  private build(filter: AnnotationFilter, sort: 'document' | 'date', placed: boolean): Kept {
    const keys = this.source.noteKeys(filter, sort, placed);
    if (keys) return { keys };
    let entries = this.source.notes(filter, sort);
    if (placed) entries = entries.filter((e) => e.annotation?.anchor !== 'orphan' && e.target !== null);
    return { entries };
  }
}
