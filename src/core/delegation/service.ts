/**
 * The shared folder as the core runs it: which folder (kept in the user
 * database's meta table), and the one LayerSync reading and writing it, started
 * and stopped with the core. The command line opens the core without it: it
 * reads the layers already stored, never the folder.
 *
 * The delegation passphrase (passphrase.ts) is set here: the sync
 * starts again with it, so the own file is written sealed (or plain again)
 * and every colleague's file is read again.
 *
 * Where notes may go (docs/delegation.md, "Choosing the folder"): the folder
 * comes only from the shell's own folder dialog (`choose`), never from the
 * page; with the notes protected and no delegation passphrase, the own file
 * is written unsealed only once the user chose it in the shell's dialog for
 * that folder (`allowPlain`), asked again for another folder and whenever
 * sealing is set or stopped.
 *
 * Constraint: Node fs only; setting a folder that does not exist or is not a
 * folder is refused with a sentence, and nothing is written there until it is
 * accepted. The passphrase is never in a status or a message.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LayersChanged, SharedFolderStatus } from '../../shared/contract/layer-types';
import { CoreError } from '../../shared/contract/result';
import type { W3cCollection } from '../exchange/w3c';
import type { UserStore } from '../user/store';
import { DelegationPassphrase } from './passphrase';
import { LayerSync } from './sync';

export const META_SHARED_FOLDER = 'shared_folder';
/** The folder for which the user chose, in the shell's dialog, to write the own file unsealed while protected. */
export const META_UNSEALED = 'delegation_unsealed_folder';

/** The shell's own dialogs (src/main/dialogs.ts; a test harness answers them): the page never gives a path. */
export interface FolderDialogs {
  /** The system's folder dialog: the chosen folder, or null when cancelled. */
  chooseFolder(): Promise<string | null>;
  /** Asks whether to write every note unsealed to `dir` while the notes are protected; true only on that choice. */
  confirmUnsealed(dir: string): Promise<boolean>;
}

export interface FolderServiceOptions {
  user: UserStore;
  own: () => W3cCollection;
  emit: (event: LayersChanged) => void;
  now: () => Date;
  /** False: the folder is recorded but not read or written (the command line). */
  run: boolean;
  watch?: boolean;
  pollMs?: number;
  debounceMs?: number;
  /** log2 of scrypt's N for sealing the own file (tests lower it; default SEAL_WORK_FACTOR). */
  sealWorkFactor?: number;
  /** The shell's dialogs; without them (the command line) folder.choose and folder.allowPlain are unavailable. */
  dialogs?: FolderDialogs;
}

export class FolderService {
  private sync: LayerSync | null = null;
  private readonly passphrase: DelegationPassphrase;

  constructor(private readonly o: FolderServiceOptions) {
    this.passphrase = new DelegationPassphrase(o.user);
  }

  path(): string | null {
    return this.o.user.ctx.session().meta.get(META_SHARED_FOLDER) || null;
  }

  start(): void {
    // Locked notes (docs/security.md): nothing to write or read into; it starts at unlock (core/open.ts).
    if (this.o.user.locked || this.sync) return;
    const dir = this.path();
    if (!this.o.run || !dir) return;
    this.sync = new LayerSync({
      ...this.o,
      dir,
      sealing: () => ({
        on: this.passphrase.sealed(),
        passphrase: this.passphrase.get(),
        plainAllowed: this.unsealed() !== 'needs-choice',
      }),
    });
    this.sync.start();
  }

  stop(): void {
    this.sync?.stop();
    this.sync = null;
    // Locking: a passphrase kept with the notes is forgotten until they open again.
    this.passphrase.forget();
  }

  /**
   * With the notes protected and sealing off, whether the own file may be written unsealed: only once the
   * user chose it in the shell's dialog for this very folder (a folder chosen anew, or sealing set or
   * stopped, asks again). Null: the question does not arise.
   */
  private unsealed(): SharedFolderStatus['unsealed'] {
    if (!this.o.user.isProtected || this.passphrase.sealed()) return null;
    const dir = this.path();
    return dir && this.o.user.ctx.session().meta.get(META_UNSEALED) === dir ? 'allowed' : 'needs-choice';
  }

  private setUnsealed(dir: string | null): void {
    const s = this.o.user.ctx.session();
    s.db.transaction(() => s.meta.set(META_UNSEALED, dir ?? '')).immediate();
  }

  private dialogs(): FolderDialogs {
    if (!this.o.dialogs) throw new CoreError('UNAVAILABLE', 'This action needs the desktop app (its folder dialog).');
    return this.o.dialogs;
  }

  /** folder.choose: the shell's folder dialog; the folder chosen there is set (null: cancelled, nothing changes). */
  async choose(): Promise<SharedFolderStatus | null> {
    const dir = await this.dialogs().chooseFolder();
    return dir === null ? null : this.set(dir);
  }

  /** folder.allowPlain: the shell asks, in words, whether to write every note unsealed to this folder. */
  async allowPlain(): Promise<SharedFolderStatus> {
    const dir = this.path();
    if (!dir) throw new CoreError('NOT_FOUND', 'No shared folder is set.');
    if (this.unsealed() !== 'needs-choice') return this.status();
    if (await this.dialogs().confirmUnsealed(dir)) {
      if (this.path() !== dir) return this.status(); // the folder changed while the dialog was open
      this.setUnsealed(dir);
      this.stop();
      this.start();
      this.o.emit({ reason: 'folder', layerIds: [] });
    }
    return this.status();
  }

  /** Sets the delegation passphrase (null: layer files are plain again); the folder is read and written anew. */
  setPassphrase(passphrase: string | null): SharedFolderStatus {
    this.stop();
    this.passphrase.set(passphrase);
    // Stopping sealing (or sealing anew) never carries an earlier choice to write unsealed: it is asked again.
    this.setUnsealed(null);
    this.start();
    this.o.emit({ reason: 'folder', layerIds: [] });
    return this.status();
  }

  /**
   * Sets (null: stops using) the shared folder. Called with the path the shell's dialog answered
   * (`choose`), never with one from the page.
   */
  set(dir: string | null): SharedFolderStatus {
    if (dir !== null) {
      if (!path.isAbsolute(dir)) throw new CoreError('INVALID_ARGUMENT', 'path: the shared folder must be a full path');
      let stat: fs.Stats | undefined;
      try {
        stat = fs.statSync(dir, { throwIfNoEntry: false });
      } catch {
        stat = undefined; // a name too long, a character the system refuses, no permission: no folder to use
      }
      if (!stat?.isDirectory()) {
        throw new CoreError('NOT_FOUND', `There is no folder at ${dir}: create it (or connect the drive) first.`);
      }
    }
    this.stop();
    const s = this.o.user.ctx.session();
    s.db
      .transaction(() => {
        if (s.meta.get(META_SHARED_FOLDER) !== (dir ?? '')) s.meta.set(META_UNSEALED, '');
        s.meta.set(META_SHARED_FOLDER, dir ?? '');
      })
      .immediate();
    this.start();
    this.o.emit({ reason: 'folder', layerIds: [] });
    return this.status();
  }

  /** The user's notes changed: their layer file follows (debounced). */
  ownChanged(): void {
    this.sync?.ownChanged();
  }

  /** Reads the folder now (tests; a "check now" button). */
  async scan(): Promise<void> {
    await this.sync?.scan();
  }

  /** Writes the own file now, if it changed (tests: resolves once a sealed file is written). */
  async writeOwn(): Promise<void> {
    await this.sync?.writeOwnNow();
  }

  conflictOf(authorId: string | null) {
    return this.sync?.conflictOf(authorId) ?? null;
  }

  fileOf(authorId: string | null) {
    return this.sync?.fileOf(authorId) ?? null;
  }

  status(): SharedFolderStatus {
    const sealed = !this.o.user.locked && this.passphrase.sealed();
    const seal = {
      sealing: !sealed
        ? ('off' as const)
        : this.passphrase.get() === null
          ? ('needs-passphrase' as const)
          : ('on' as const),
      passphraseKept: sealed ? this.passphrase.kept() : null,
      unsealed: this.o.user.locked ? null : this.unsealed(),
    };
    if (this.sync) return { ...this.sync.status(), ...seal };
    const dir = this.path();
    return {
      ...seal,
      path: dir,
      state: 'off',
      message: dir && !this.o.run ? 'The command line does not read or write the shared folder.' : null,
      ownFile: null,
      lastWrite: null,
      lastScan: null,
      files: [],
    };
  }
}
