/**
 * The bookmarks domain: list, add (one live bookmark per target), relabel and
 * delete (to the trash), each undoable.
 *
 * Constraint: the target is checked against the content before anything is
 * written; every write goes through `mutate()` with its inverse.
 */
import { CoreError } from '../../../shared/contract/result';
import type { Bookmark } from '../../../shared/contract/types';
import { type BookmarkRecord, toBookmark } from './rows';
import type { UserContext } from '../context';
import { newBookmark } from '../edits';
import { requireTarget } from '../validate';

export function bookmarksDomain(u: UserContext) {
  const live = (id: string): BookmarkRecord => {
    const rec = u.session().bookmarks.get(id);
    if (!rec || rec.deleted) throw new CoreError('NOT_FOUND', `no bookmark with id ${id}`);
    return rec;
  };
  return {
    list(): Bookmark[] {
      return u.session().bookmarks.listLive().map(toBookmark);
    },

    add({ targetId, label }: { targetId: string; label?: string }): Bookmark {
      requireTarget(u.content, targetId);
      if (u.session().bookmarks.onTarget(targetId)) {
        throw new CoreError('CONFLICT', `${targetId} is already bookmarked`);
      }
      const rec = newBookmark(targetId, label, u.nowIso());
      u.mutate('New bookmark removed', { op: 'trash', type: 'bookmark', id: rec.id }, (s) => s.bookmarks.insert(rec));
      return toBookmark(rec);
    },

    update({ id, label }: { id: string; label: string }): Bookmark {
      const cur = live(id);
      const trimmed = label.trim();
      if (trimmed === cur.label) return toBookmark(cur);
      const next: BookmarkRecord = { ...cur, label: trimmed, modified: u.nowIso() };
      u.mutate('Bookmark label restored', { op: 'put-bookmark', id: cur.id, label: cur.label }, (s) =>
        s.bookmarks.put(next),
      );
      return toBookmark(next);
    },

    remove({ id }: { id: string }): { id: string } {
      live(id);
      u.mutate('Deleted bookmark restored', { op: 'untrash', type: 'bookmark', id }, (s) =>
        s.bookmarks.setDeleted(id, u.nowIso()),
      );
      return { id };
    },
  };
}

export type BookmarksDomain = ReturnType<typeof bookmarksDomain>;
