/**
 * author.*, layers.* and folder.* channels (#17): this installation's
 * author, colleagues' read-only layers, and the shared folder that carries them.
 *
 * Constraint: a layer never changes the user's own notes; only layers.adopt
 * writes there, through the user store's own domains.
 */
import { CoreError } from '../../shared/contract/result';
import type { UserStore } from '../user/store';
import { shellOnly } from './app';
import type { DomainHandlers } from './types';

type LayerHandlers = DomainHandlers<'author'> & DomainHandlers<'layers'> & DomainHandlers<'folder'>;

const notYet = (): never => {
  throw new CoreError('UNAVAILABLE', 'layers are not built yet');
};

export function layerHandlers(user: UserStore): LayerHandlers {
  void user;
  return {
    'author.get': () => ({ id: '00000000-0000-4000-8000-000000000000', name: '' }),
    'layers.list': () => [],
    'layers.preview': notYet,
    'layers.add': notYet,
    'layers.update': notYet,
    'layers.remove': notYet,
    'layers.undo': notYet,
    'layers.forBlocks': () => ({ annotations: [], totals: {} }),
    'layers.notesPage': ({ offset }) => ({ entries: [], offset, total: 0 }),
    'layers.positions': () => [],
    'layers.adopt': notYet,
    'folder.status': () => ({
      path: null,
      state: 'off',
      message: null,
      ownFile: null,
      lastWrite: null,
      lastScan: null,
      files: [],
    }),
    'folder.set': notYet,
    'folder.choose': () => shellOnly(),
  };
}
