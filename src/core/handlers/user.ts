/**
 * User-data channels (bookmarks, annotations, notes, positions, trash, undo, settings,
 * backups): each domain module of the user store is its own slice of the
 * contract (same verbs), joined here without renaming.
 */
import { sliceHandlers } from '../user/domains/slice';
import type { UserStore } from '../user/store';
import type { DomainHandlers } from './types';

type UserHandlers = DomainHandlers<'bookmarks'> &
  DomainHandlers<'annotations'> &
  DomainHandlers<'notes'> &
  DomainHandlers<'positions'> &
  DomainHandlers<'trash'> &
  DomainHandlers<'history'> &
  DomainHandlers<'settings'> &
  DomainHandlers<'backup'>;

export function userHandlers(user: UserStore): UserHandlers {
  return {
    ...sliceHandlers('bookmarks', user.bookmarks),
    ...sliceHandlers('annotations', user.annotations),
    ...sliceHandlers('notes', user.notes),
    ...sliceHandlers('positions', user.positions),
    ...sliceHandlers('trash', user.trash),
    ...sliceHandlers('history', user.history),
    ...sliceHandlers('settings', user.settings),
    ...sliceHandlers('backup', user.backups),
  };
}
