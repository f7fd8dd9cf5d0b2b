/**
 * author.*, layers.* and folder.* channels: this installation's author,
 * colleagues' read-only layers, and the shared folder that carries them.
 *
 * Constraint: a layer never changes the user's own notes; only layers.adopt
 * writes there, through the user store's own domains. Every layer file (an
 * import or the shared folder's) is read by the one parser of
 * delegation/layer-file.ts, whole or not at all (a sealed one opened first
 * with its passphrase).
 */
import type { LayersChanged } from '../../shared/contract/layer-types';
import type { ContentStore } from '../content/store';
import { openLayerFile } from '../delegation/layer-file';
import type { FolderService } from '../delegation/service';
import { buildW3cCollection, type W3cCollection } from '../exchange/w3c';
import type { UserStore } from '../user/store';
import type { DomainHandlers } from './types';

type LayerHandlers = DomainHandlers<'author'> & DomainHandlers<'layers'> & DomainHandlers<'folder'>;

/** The user's own notes and positions as the layer file colleagues read: everything, notes included, signed. */
export function ownCollection(content: ContentStore, user: UserStore, now: Date): W3cCollection {
  const scope = { kind: 'all' } as const;
  const entries = user.exchange.entries(scope);
  const meta = content.meta();
  return buildW3cCollection(entries, {
    includeNotes: true,
    positions: user.exchange.positionsFor(scope, entries),
    generated: now.toISOString(),
    documentTitle: meta.title,
    contentBuildId: meta.buildId,
    author: user.layers.author(),
  });
}

export function layerHandlers(
  user: UserStore,
  folder: FolderService,
  emit: (event: LayersChanged) => void,
): LayerHandlers {
  const told = <T>(reason: LayersChanged['reason'], id: (v: T) => string | null | undefined, value: T): T => {
    const layerId = id(value);
    emit({ reason, layerIds: layerId ? [layerId] : [] });
    return value;
  };
  return {
    'author.get': () => user.layers.author(),
    'layers.list': () =>
      user.layers
        .list()
        .map((l) => ({ ...l, conflict: folder.conflictOf(l.authorId), shared: folder.fileOf(l.authorId) })),
    'layers.preview': async ({ data, passphrase }) =>
      user.layers.preview((await openLayerFile(data, passphrase ?? null)).file),
    'layers.add': async ({ data, passphrase, name, color }) => {
      const { file } = await openLayerFile(data, passphrase ?? null);
      const result = user.layers.add(file, { source: 'import', file: null, name, color });
      return result.action === 'same'
        ? result
        : told(result.action === 'add' ? 'added' : 'updated', (r) => r.layer?.id, result);
    },
    'layers.update': (args) => told('updated', (l) => l.id, user.layers.update(args)),
    'layers.remove': (args) => told('removed', (r) => r.id, user.layers.remove(args)),
    'layers.undo': (args) => told('updated', (l) => l.id, user.layers.undo(args)),
    'layers.forBlocks': ({ blockIds, layerIds, perBlock }) => user.layerViews.forBlocks(blockIds, layerIds, perBlock),
    'layers.notesPage': (args) => user.layerViews.notesPage(args),
    'layers.positions': (args) => user.layerViews.positions(args),
    'layers.adopt': (args) => user.layers.adopt(args),
    'folder.status': () => folder.status(),
    'folder.stop': () => folder.set(null),
    // The path comes from the shell's folder dialog only, never from the page (docs/delegation.md).
    'folder.choose': () => folder.choose(),
    'folder.allowPlain': () => folder.allowPlain(),
    'folder.setPassphrase': ({ passphrase }) => folder.setPassphrase(passphrase),
  };
}
