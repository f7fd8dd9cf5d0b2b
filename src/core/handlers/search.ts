/**
 * search.* channels: the content index (blocks and footnotes) and, when asked,
 * the user's own notes (and, with `layers`, colleagues' layers' notes), merged
 * into one ranked, paged list; notes are flagged with kind 'note'. `total` counts every content hit and every matching note.
 */
import type { ParsedArgs } from '../../shared/contract/channels';
import type { SearchHit, SearchResult } from '../../shared/contract/types';
import { MY_NOTES } from '../../shared/contract/values';
import type { SearchService } from '../search/service';
import type { UserStore } from '../user/store';
import type { DomainHandlers } from './types';

function withNotes(service: SearchService, user: UserStore, args: ParsedArgs<'search.query'>): SearchResult {
  const kinds = args.kinds ?? [];
  const wantNotes = (args.includeNotes ?? true) && (kinds.length === 0 || kinds.includes('note'));
  const contentKinds = kinds.filter((k) => k !== 'note');
  const onlyNotes = kinds.length > 0 && contentKinds.length === 0;
  const offset = args.offset ?? 0;
  const limit = args.limit ?? 20;
  if (wantNotes && user.locked) {
    // Locked: the document is searched, the notes are not (they cannot be read).
    if (!onlyNotes) return service.query({ ...args, kinds: contentKinds.length ? contentKinds : undefined });
    return { ...service.query({ ...args, kinds: undefined, offset: 0, limit: 1 }), total: 0, offset, hits: [] };
  }
  if (!wantNotes) return service.query(args);

  // Every matching note (notes are scanned in memory anyway), so `total` is exact and every one can be paged to.
  const notes: SearchHit[] = args.q.trim() === '' ? [] : notesOf(user, args.q, args.layers);
  if (onlyNotes) {
    const base = service.query({ ...args, kinds: undefined, offset: 0, limit: 1 });
    return { ...base, total: notes.length, offset, hits: notes.slice(offset, offset + limit) };
  }
  // Notes come first on the first page: a delegate searching for a word they wrote expects their note.
  const content = service.query({
    ...args,
    kinds: contentKinds.length ? contentKinds : undefined,
    offset: Math.max(0, offset - notes.length),
    limit,
  });
  const noteSlice = notes.slice(offset, offset + limit);
  const hits = [...noteSlice, ...content.hits].slice(0, limit);
  return { ...content, offset, total: content.total + notes.length, hits };
}

/**
 * The notes searched: the user's own (default, or `'mine'` in `layers`) and the layers named
 *, each layer's hit carrying its `layerId`; ranked together by score.
 */
function notesOf(user: UserStore, q: string, layers: ParsedArgs<'search.query'>['layers']): SearchHit[] {
  const all = Number.MAX_SAFE_INTEGER;
  if (!layers) return user.notes.search(q, all);
  const ids = layers.filter((l) => l !== MY_NOTES);
  const mine = ids.length < layers.length ? user.notes.search(q, all) : [];
  const theirs = ids.length ? user.layerViews.search(q, ids, all) : [];
  return theirs.length ? [...mine, ...theirs].sort((a, b) => b.score - a.score) : mine;
}

export function searchHandlers(service: SearchService, user: UserStore): DomainHandlers<'search'> {
  return {
    'search.query': (args) => withNotes(service, user, args),
    'search.suggest': ({ q, limit }) => service.suggest(q, limit ?? 8),
    'search.jump': ({ q }) => service.jump(q),
  };
}
