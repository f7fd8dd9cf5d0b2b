/**
 * User-data channels (bookmarks, annotations, notes, positions, trash, undo, settings,
 * backups): each domain module of the user store is its own slice of the
 * contract (same verbs), joined here without renaming.
 */
import { sliceHandlers } from './slice';
import { NotesPager } from '../user/notes/page';
import type { ParsedArgs } from '../../shared/contract/channels';
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
  const pager = new NotesPager(user.paging);
  return {
    ...sliceHandlers('bookmarks', user.bookmarks),
    ...sliceHandlers('annotations', {
      ...user.annotations,
      forBlocks: (a: ParsedArgs<'annotations.forBlocks'>) => user.paging.forBlocks(a.blockIds, a.perBlock),
    }),
    ...sliceHandlers('notes', { ...user.notes, page: (a: ParsedArgs<'notes.page'>) => pager.page(a) }),
    ...sliceHandlers('positions', user.positions),
    ...sliceHandlers('trash', user.trash),
    ...sliceHandlers('history', user.history),
    ...sliceHandlers('settings', user.settings),
    ...sliceHandlers('backup', user.backups),
  };
}
