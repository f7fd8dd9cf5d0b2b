/**
 * openCore(): opens the content store (read-only, stored index loaded, not
 * rebuilt) and the user store, and joins the handler slices of every domain
 * into the one `Handlers` map of the contract.
 *
 * Constraint: no Electron import. A content database that is missing, damaged
 * or from another schema version does not throw: the core opens without it,
 * app.status carries the problem (a code and a sentence saying what to do),
 * the document's channels answer UNAVAILABLE with that sentence, and the
 * user's notes stay reachable (listing, editing, backups), unchanged: they are
 * not re-anchored against a document that is not there.
 */
import { CHANNELS } from '../shared/contract/channels';
import { NO_POLICY } from '../shared/contract/policy';
import type { Handlers } from '../shared/contract/derive';
import { CoreError } from '../shared/contract/result';
import type { LayersChanged } from '../shared/contract/layer-types';
import type { AppStatus, ContentProblem, JumpTarget } from '../shared/contract/types';
import type { ContentLookup } from './content/lookup';
import { ContentStore } from './content/store';
import { ContentUnavailable } from './content/tables';
import { cleanStaleTemps } from './base/files';
import type { Core, CoreOptions } from './core';
import { appHandlers } from './handlers/app';
import { contentHandlers } from './handlers/content';
import { exchangeHandlers } from './handlers/exchange';
import { searchHandlers } from './handlers/search';
import { FolderService } from './delegation/service';
import { layerHandlers, ownCollection } from './handlers/layers';
import { lazySlice } from './handlers/types';
import { guardPolicy } from './policy/guard';
import { userHandlers } from './handlers/user';
import { guardLocked, vaultHandlers } from './handlers/vault';
import { VaultActions } from './user/vault/actions';
import type { JumpResolver } from './search/jump';
import { jumpResolverFor } from './search/places';
import { SearchService } from './search/service';
import { UserStore } from './user/store';

export type { Core, CoreOptions } from './core';

/** What the notes see while the document is unavailable: nothing (so nothing is re-anchored). */
const NO_CONTENT: ContentLookup = {
  block: () => null,
  section: () => null,
  summary: () => null,
  location: () => null,
  allBlocks: () => [],
  allSections: () => [],
};

type Opened = { content: ContentStore; search: () => SearchService } | { problem: ContentProblem; message: string };

/** Opens the content store and its search index, or says why it cannot be used. */
function openContent(options: CoreOptions): Opened {
  let content: ContentStore | null = null;
  try {
    content = ContentStore.open(options.contentDbPath, { nativeBinding: options.nativeBinding });
    const store = content;
    if (options.searchOnFirstUse) {
      let service: SearchService | null = null;
      return { content, search: () => (service ??= loadSearch(store)) };
    }
    // The app loads the index at open, so a damaged one is a status the window shows at once.
    const service = new SearchService(content);
    return { content, search: () => service };
  } catch (err) {
    content?.close();
    if (err instanceof ContentUnavailable) return { problem: err.problem, message: sentence(err.message) };
    const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
    return {
      problem: 'damaged',
      message: sentence(`The content database is damaged (${detail}): reinstall Recollection`),
    };
  }
}

/** The index loaded on the first search (searchOnFirstUse): a damaged one answers UNAVAILABLE then. */
function loadSearch(content: ContentStore): SearchService {
  try {
    return new SearchService(content);
  } catch (err) {
    const detail = (err instanceof Error ? err.message : String(err)).split('\n')[0].slice(0, 200);
    throw new CoreError('UNAVAILABLE', sentence(`The search index is damaged (${detail}): reinstall Recollection`));
  }
}

/** search.jump answered from the content alone, its resolver made on first use. */
function jumpOnly(content: ContentStore): (args: { q: string }) => JumpTarget | null {
  let jumper: JumpResolver | null = null;
  return ({ q }) => (jumper ??= jumpResolverFor(content)).resolve(q);
}

/** "the content database is missing (…): run …" → "The content database is missing (…): run ….". */
function sentence(message: string): string {
  const s = message.charAt(0).toUpperCase() + message.slice(1);
  return /[.!?]$/.test(s) ? s : `${s}.`;
}

export function openCore(options: CoreOptions): Core {
  const now = options.now ?? (() => new Date());
  const opened = openContent(options);
  const content = 'content' in opened ? opened.content : null;
  let user: UserStore | null = null;
  try {
    user = UserStore.open({
      dataDir: options.dataDir,
      content: content ?? NO_CONTENT,
      contentBuildId: content?.meta().buildId,
      reanchor: content !== null,
      nativeBinding: options.userNativeBinding,
      now,
      key: options.key,
      purgeTrash: options.readOnly !== true,
    });
    const u = user;
    const vault = new VaultActions(u, {
      dataDir: options.dataDir,
      nativeBinding: options.userNativeBinding,
      kdfTargetMs: options.kdfTargetMs,
    });
    const problem = 'problem' in opened ? opened : null;
    // An export killed mid-write left its temporary file (every private note in it): remove it now.
    cleanStaleTemps(options.dataDir);
    const status = (): AppStatus => ({
      version: options.version ?? '0.0.0',
      content: problem
        ? { ok: false, code: problem.problem, message: problem.message }
        : { ok: true, code: null, message: null },
      recovery: u.recovery,
      electron: Boolean(process.versions.electron),
      open: null,
    });
    const listeners = new Set<(event: LayersChanged) => void>();
    const emit = (event: LayersChanged): void => {
      for (const l of listeners) l(event);
    };
    const folder = new FolderService({
      user: u,
      own: () => {
        if (!content) throw new CoreError('UNAVAILABLE', 'the document is not available');
        return ownCollection(content, u, now());
      },
      emit,
      now,
      run: options.sharedFolder !== undefined && content !== null,
      ...options.sharedFolder,
    });
    const layers = layerHandlers(u, folder, emit);
    const handlers: Handlers =
      'content' in opened
        ? {
            ...appHandlers(status),
            ...contentHandlers(opened.content),
            // Searching loads the index first when the core was opened with searchOnFirstUse.
            ...lazySlice('search', () => searchHandlers(opened.search(), u)),
            // "Go to" reads the document's places, not the index: `show 2.2 PO 1` must not load it.
            ...(options.searchOnFirstUse ? { 'search.jump': jumpOnly(opened.content) } : {}),
            ...userHandlers(u),
            ...exchangeHandlers(opened.content, u, now, (p) => options.emit?.('export.progress', p)),
            ...layers,
            ...vaultHandlers(vault),
          }
        : {
            // The document's channels (content, search, export, import) answer with what to do.
            ...unavailable(opened.message),
            ...appHandlers(status),
            ...userHandlers(u),
            ...layers,
            ...vaultHandlers(vault),
          };
    const policy = options.policy ?? NO_POLICY;
    // The organisation's shared folder (managed settings) is the folder, once the notes are open.
    const startFolder = (): void => {
      const managedDir = policy.policy.sharedFolder;
      if (managedDir !== undefined && options.sharedFolder !== undefined && !u.locked && folder.path() !== managedDir) {
        try {
          folder.set(managedDir);
          return;
        } catch {
          // Not there now (a drive not connected): the status says so; the next start tries again.
        }
      }
      folder.start();
    };
    startFolder();
    // The shared folder follows the lock: stopped before the notes close, started again once open.
    const offLock = u.onLockChange((locked) => (locked ? folder.stop() : startFolder()));
    const managed = guardPolicy(handlers, policy, { isProtected: () => vault.status().protected });
    return {
      handlers: guardLocked(
        followOwnNotes(managed, () => folder.ownChanged()),
        u,
      ),
      policy,
      status,
      user: u,
      vault,
      close() {
        offLock();
        folder.stop();
        listeners.clear();
        u.close();
        content?.close();
      },
      // Only a search service already open: warming up must never be the first to load the index.
      warmUp: () => {
        if ('search' in opened && options.searchOnFirstUse !== true) opened.search().warmUp();
      },
      onLayersChanged(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
      folder,
    };
  } catch (err) {
    user?.close();
    content?.close();
    throw err;
  }
}

/** Channels that may change what the user's own layer file holds (notes, positions, the author's name). */
const CHANGES_OWN =
  /^(?:(?:bookmarks|annotations|positions)\.(?:add|create|update|remove|set|restore)|trash\.restore|history\.undo|import\.apply|layers\.adopt|settings\.set|backup\.restore)$/;

/** The handlers, each write to the user's own notes followed by `changed` (the shared folder's own file). */
function followOwnNotes(handlers: Handlers, changed: () => void): Handlers {
  const out: Record<string, (args: unknown) => unknown> = { ...(handlers as unknown as Record<string, never>) };
  for (const channel of CHANNELS) {
    if (!CHANGES_OWN.test(channel)) continue;
    const run = out[channel];
    out[channel] = async (args: unknown) => {
      const value: unknown = await run(args);
      changed();
      return value;
    };
  }
  return out as unknown as Handlers;
}

/** Every channel answering UNAVAILABLE with `message`. */
function unavailable(message: string): Handlers {
  const refuse = (): never => {
    throw new CoreError('UNAVAILABLE', message);
  };
  return Object.fromEntries(CHANNELS.map((channel) => [channel, refuse])) as unknown as Handlers;
}
