/**
 * The trash and history domains: what is in the trash (with a summary naming
 * where it was), restoring from it, and undoing the newest action.
 *
 * Constraint: restoring is itself undoable; undo only ever applies inverses
 * recorded by `mutate()` and skips those whose record has since been purged.
 */
import { CoreError } from '../../../shared/contract/result';
import type { TrashItem, UndoResult } from '../../../shared/contract/types';
import type { UserContext } from '../context';
import { excerpt } from '../records';
import { applyInverse } from '../session';

export function trashDomain(u: UserContext) {
  return {
    list(): TrashItem[] {
      return u
        .session()
        .trash.list()
        .map((row) => {
          const where = u.content.summary(row.targetId)?.label ?? row.targetId;
          // The note's own Markdown: the Trash renders it (NoteMarkdown), so no asterisks show there. Not
          // read here, so that opening the notes (every command-line call) does not load markdown-it.
          const text = excerpt(row.text);
          return {
            id: row.id,
            type: row.type,
            highlight: row.highlight === 1,
            deleted: row.deleted,
            summary: text ? `${where}: ${text}` : where,
          };
        });
    },

    restore({ id }: { id: string }): { id: string } {
      const s = u.session();
      const annotation = s.annotations.get(id);
      const bookmark = annotation ? null : s.bookmarks.get(id);
      if (!annotation?.deleted && !bookmark?.deleted) {
        throw new CoreError('NOT_FOUND', `nothing in the trash with id ${id}`);
      }
      if (bookmark && s.bookmarks.onTarget(bookmark.targetId)) {
        throw new CoreError(
          'CONFLICT',
          `${bookmark.targetId} has been bookmarked again since; remove that bookmark first`,
        );
      }
      const type = annotation ? 'annotation' : 'bookmark';
      u.mutate(`Restored ${type} moved back to the trash`, { op: 'trash', type, id }, (tx) =>
        (annotation ? tx.annotations : tx.bookmarks).setDeleted(id, null),
      );
      return { id };
    },
  };
}

export function historyDomain(u: UserContext) {
  return {
    /** Undoes the newest action that can still be undone; null when there is none. */
    undo(): UndoResult | null {
      const s = u.session();
      return s.db
        .transaction((): UndoResult | null => {
          for (let entry = s.history.pop(); entry; entry = s.history.pop()) {
            if (entry.inverse && applyInverse(s, entry.inverse, u.nowIso())) return { description: entry.description };
          }
          return null;
        })
        .immediate(); // reads the history then writes: take the write lock first
    },
  };
}
