/**
 * notes.page: the Notes list a page at a time, for a panel that draws only
 * what is on screen.
 *
 * Constraint: one ordered list per (filter, sort, data version) is computed
 * by the same notes view as notes.list and kept (a few at most, the panel's
 * list and its unattached notes), so scrolling through 100,000 notes asks
 * for slices of it and never rebuilds or sends the whole list. Any write, in
 * this process or another (SQLite's data_version), or a reopened database
 * changes the version and drops the kept lists.
 */
import type { ParsedArgs } from '../../shared/contract/channels';
import type { AnnotationFilter, NoteEntry, NotesPage } from '../../shared/contract/types';

export interface NotesSource {
  notes(filter: AnnotationFilter, sort: 'document' | 'date'): NoteEntry[];
  /** Changes whenever the notes may have changed. */
  dataVersion(): string;
}

const KEPT = 4;

export class NotesPager {
  private readonly kept = new Map<string, NoteEntry[]>();

  constructor(private readonly source: NotesSource) {}

  page(args: ParsedArgs<'notes.page'>): NotesPage {
    const filter = args.filter ?? {};
    const sort = args.sort ?? 'document';
    const version = this.source.dataVersion();
    const key = JSON.stringify([version, sort, filter]);
    let entries = this.kept.get(key);
    if (!entries) {
      for (const old of [...this.kept.keys()]) if (!old.startsWith(`["${version}"`)) this.kept.delete(old);
      if (this.kept.size >= KEPT) this.kept.delete(this.kept.keys().next().value as string);
      entries = this.source.notes(filter, sort);
      this.kept.set(key, entries);
    }
    return {
      entries: entries.slice(args.offset, args.offset + args.limit),
      offset: args.offset,
      total: entries.length,
    };
  }
}
