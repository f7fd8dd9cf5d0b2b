/**
 * User-data channels (bookmarks, annotations, notes, trash, undo, settings,
 * backups): thin adapters over the UserStore, which owns the transactions.
 */
import { NotesPager } from '../user/notes-page';
import type { UserStore } from '../user/store';
import type { DomainHandlers } from './types';

type UserHandlers = DomainHandlers<'bookmarks'> &
  DomainHandlers<'annotations'> &
  DomainHandlers<'notes'> &
  DomainHandlers<'trash'> &
  DomainHandlers<'history'> &
  DomainHandlers<'settings'> &
  DomainHandlers<'backup'>;

export function userHandlers(user: UserStore): UserHandlers {
  const pager = new NotesPager(user);
  return {
    'bookmarks.list': () => user.listBookmarks(),
    'bookmarks.add': (a) => user.addBookmark(a),
    'bookmarks.update': (a) => user.updateBookmark(a),
    'bookmarks.remove': (a) => user.removeBookmark(a),

    'annotations.list': ({ filter }) => user.listAnnotations(filter),
    'annotations.forBlocks': (a) => user.annotationsForBlocks(a),
    'annotations.create': (a) => user.createAnnotation(a),
    'annotations.update': (a) => user.updateAnnotation(a),
    'annotations.remove': (a) => user.removeAnnotation(a),

    'notes.list': ({ filter, sort }) => user.notes(filter, sort),
    'notes.page': (a) => pager.page(a),
    'notes.tags': () => user.tags(),
    'notes.positions': ({ clusterId }) => user.positions(clusterId),
    'notes.palette': () => user.palette(),
    'notes.renameColor': (a) => user.renameColor(a),

    'trash.list': () => user.trash(),
    'trash.restore': (a) => user.restoreFromTrash(a),
    'history.undo': () => user.undo(),

    'settings.get': () => user.getSettings(),
    'settings.set': ({ patch }) => user.setSettings(patch),

    'backup.create': () => user.createBackup(),
    'backup.list': () => user.listBackups(),
    'backup.restore': (a) => user.restoreBackup(a),
  };
}
