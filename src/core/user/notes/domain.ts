/**
 * The notes domain: the read models over bookmarks and annotations (the Notes
 * list, tags, search over the notes) and the
 * colour palette's names (renaming is undoable).
 *
 * Constraint: reads only, apart from the palette rename; the views themselves
 * are pure functions in views.ts and search.ts.
 */
import type { AnnotationFilter, NoteEntry, PaletteEntry, SearchHit } from '../../../shared/contract/types';
import type { Color } from '../../../shared/contract/types';
import type { UserContext } from '../context';
import { matchesBookmark, noteEntries } from './views';
import { searchNotes } from './search';
import type { AnnotationsDomain } from '../annotations/domain';
import type { BookmarksDomain } from '../bookmarks/domain';

export function notesDomain(u: UserContext, annotations: AnnotationsDomain, bookmarks: BookmarksDomain) {
  const palette = (): PaletteEntry[] => u.session().palette.list();
  return {
    list({
      filter = {},
      sort = 'document',
    }: { filter?: AnnotationFilter; sort?: 'document' | 'date' } = {}): NoteEntry[] {
      const marks = bookmarks.list().filter((b) => matchesBookmark(b, filter, u.content));
      return noteEntries(annotations.list({ filter }), marks, u.content, u.order, sort);
    },

    tags(): string[] {
      return u.session().annotations.tags();
    },

    palette,

    renameColor({ color, name }: { color: Color; name: string }): PaletteEntry[] {
      const old = u.session().palette.name(color);
      const trimmed = name.trim();
      if (trimmed !== old) {
        u.mutate(`Colour name "${old}" restored`, { op: 'rename-color', color, name: old }, (s) =>
          s.palette.rename(color, trimmed),
        );
      }
      return palette();
    },

    /** The user's notes matching a search query, as search hits of kind 'note' (not a channel: search.query merges them). */
    search(q: string, limit?: number): SearchHit[] {
      return searchNotes(q, annotations.list(), bookmarks.list(), u.content, limit);
    },
  };
}

export type NotesDomain = ReturnType<typeof notesDomain>;
