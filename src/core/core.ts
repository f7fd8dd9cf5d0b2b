/**
 * Opens the core: the read-only content database with its stored search index,
 * and the user database in the user's data folder; returns the handler map for
 * every channel of the contract.
 *
 * Constraint: no Electron import. The app, the CLI, the browser harness, the
 * tests and the benchmarks all open the core through this one function.
 */
import type { EventName, EventPayloads } from '../shared/contract/channels';
import type { Handlers } from '../shared/contract/derive';
import type { LayersChanged } from '../shared/contract/layer-types';
import type { PolicyView } from '../shared/contract/policy';
import type { AppStatus } from '../shared/contract/types';
import type { FolderDialogs, FolderService } from './delegation/service';
import type { UserStore } from './user/store';
import type { VaultActions } from './user/vault/actions';

export interface CoreOptions {
  /** Path of the content database (build/content/recollection.db in development). */
  contentDbPath: string;
  /** The user's data folder: user database, backups, settings live here. */
  dataDir: string;
  /**
   * Path of the better-sqlite3 addon for the content database (the Electron build in
   * development); default: the package's own build.
   */
  nativeBinding?: string;
  /**
   * Path of the better-sqlite3-multiple-ciphers addon for the user database (notes,
   * backups, conversions): it must be the cipher build, never `nativeBinding`, whose
   * plain SQLite ignores `PRAGMA key`. Default: the package's own build.
   */
  userNativeBinding?: string;
  /** App version shown in status. */
  version?: string;
  /** Clock, for tests. */
  now?: () => Date;
  /**
   * Load the search index at the first search instead of at open (the command line: `show` or
   * `notes` never search). The app loads it at open, so a damaged index is known at start.
   */
  searchOnFirstUse?: boolean;
  /** Sends an event to whoever shows the core's work (the shell: to the window; the browser harness: to the page). */
  emit?: <E extends EventName>(event: E, payload: EventPayloads[E]) => void;
  /**
   * Run the shared folder: write the own layer file, read colleagues'
   * (events + poll). The app and the browser harness pass it; the command line
   * does not (it reads the layers already stored).
   */
  sharedFolder?: {
    watch?: boolean;
    pollMs?: number;
    debounceMs?: number;
    sealWorkFactor?: number;
    /** The shell's folder dialog and its question about writing unsealed (the page never gives a path). */
    dialogs?: FolderDialogs;
  };
  /** The data key when the notes are protected (the shell's keychain, the CLI's passphrase); else they open locked. */
  key?: Buffer | null;
  /** How long passphrase stretching takes when protection is turned on (default 500 ms; tests use less). */
  kdfTargetMs?: number;
  /**
   * Only reads will follow (a command-line `search`, `show`, `notes`): the notes database is opened
   * without purging old trash, the one write every open did (it took the write lock).
   */
  readOnly?: boolean;
  /**
   * The organisation's managed settings (core/policy/read.ts reads them from the system's policy
   * locations), enforced on every channel (core/policy/guard.ts); default: none.
   */
  policy?: PolicyView;
}

export interface Core {
  handlers: Handlers;
  status(): AppStatus;
  /** The user store, for the shell's periodic backups and the CLI's integrity check. */
  user: UserStore;
  /** Protection and lock, for the shell (remembered key, auto-lock) and the CLI (passphrase). */
  vault: VaultActions;
  close(): void;
  /**
   * Loads, now, what the core would otherwise load on first need (the English
   * word list of did-you-mean): the shell calls it once the window is up, so
   * no query pays for it.
   */
  warmUp(): void;
  /** Layers or the shared folder changed: the shell forwards it to the window as `layers.changed`. */
  onLayersChanged(listener: (event: LayersChanged) => void): () => void;
  /** The shared folder, for the shell (start/stop with the window) and tests (scan now). */
  folder: FolderService;
  /** The managed settings in force (none: `sources` is empty). */
  policy: PolicyView;
}

// Implementation: ./open.ts
