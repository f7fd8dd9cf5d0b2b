/**
 * The shared folder: this installation writes its own layer file there
 * (`<author-id>.layer.json`, on change, debounced, temp file + rename) and
 * reads the other files as colleagues' layers, at start and whenever the
 * folder changes (folder-watch.ts: events and a poll).
 *
 * Conflicts are shown, never merged: a sync tool's conflict copy of a layer
 * file, or a second file whose author id is one already read, makes the
 * layer's `conflict` (which files, which is newest); the layer keeps showing
 * the file its author's app writes (the canonical name), nothing else.
 * Copies of this installation's own file are shown the same way and never read.
 *
 * Sealed files: with the delegation passphrase the own file is written
 * sealed (own-file.ts) and colleagues' sealed files are opened with it; a file
 * sealed with another passphrase, damaged, or plain while the delegation seals
 * is rejected with a sentence, and the layer keeps its last good version.
 *
 * A folder anyone can write (docs/delegation.md, "What the folder can hold"):
 * every file is opened by folder-files.ts (no link followed, a regular file
 * on the descriptor, bounded before it is read, a plain file in a sealed folder
 * refused from its header), one at a time with the event loop free between
 * them; at most LIMITS.sharedFolderFiles files are opened per scan (held
 * colleagues' first) and at most LIMITS.layers layers are held. The file at
 * the own name is checked at every scan and written again at once when it is
 * not the one this app wrote.
 *
 * Constraint: the only file ever written is this installation's own (one path,
 * built from its author id); another's file is only read. Node fs only (no
 * Electron). A file that cannot be read or is not a whole layer is listed as
 * rejected with the reason; nothing of it is taken.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { LayerConflict, LayersChanged, SharedFile, SharedFolderStatus } from '../../shared/contract/layer-types';
import { errorMessage } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { W3cCollection } from '../exchange/w3c';
import type { UserStore } from '../user/store';
import { FolderWatch } from './folder-watch';
import type { LayerFile } from '../user/layers/domain';
import { claimedName, readFolderFile } from './folder-files';
import { openLayerFile, parseLayerFile } from './layer-file';
import { classifyName, COPY_WORDS, layerFileName } from './names';
import { OwnFile } from './own-file';
import { conflictOf, sealedRefusal } from './sync-words';

export interface LayerSyncOptions {
  dir: string;
  user: UserStore;
  /** The user's own notes and positions as a signed collection (notes included). */
  own: () => W3cCollection;
  emit: (event: LayersChanged) => void;
  now: () => Date;
  /** Listen for file events too (default true); false: poll only. */
  watch?: boolean;
  pollMs?: number;
  /** Quiet time before a scan (after a change in the folder) and before writing the own file (after an edit). */
  debounceMs?: number;
  /** Sealing with the delegation passphrase: off; on with it; on without it (nothing read or written). */
  sealing: () => { on: boolean; passphrase: string | null; plainAllowed: boolean };
  /** log2 of scrypt's N for the own sealed file (tests lower it). */
  sealWorkFactor?: number;
}

interface Read {
  key: string;
  file: LayerFile | null;
  /** The file on disk is sealed. */
  sealed: boolean;
  /** A sentence: why nothing of it was read. */
  error: string | null;
}

export class LayerSync {
  private watcher: FolderWatch | null = null;
  private writeTimer: NodeJS.Timeout | null = null;
  private readonly ownFile: OwnFile;
  /** The scan running, and the one a change noticed meanwhile queued after it (one at a time). */
  private running: Promise<void> | null = null;
  private queued: Promise<void> | null = null;
  private stopped = false;
  private readonly cache = new Map<string, Read>();
  private files: SharedFile[] = [];
  private conflicts = new Map<string, LayerConflict>();
  private lastScan: string | null = null;
  private problem: string | null = null;
  private readonly ownName: string;

  constructor(private readonly o: LayerSyncOptions) {
    this.ownName = layerFileName(o.user.layers.author().id);
    this.ownFile = new OwnFile({ ...o, name: this.ownName });
  }

  start(): void {
    void this.ownFile.write();
    void this.scan();
    this.watcher = new FolderWatch({
      dir: this.o.dir,
      watch: this.o.watch,
      pollMs: this.o.pollMs ?? 5_000,
      debounceMs: this.o.debounceMs ?? 300,
      onChange: () => void this.scan(),
    });
    this.watcher.start();
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.stop();
    this.watcher = null;
    if (this.writeTimer) {
      clearTimeout(this.writeTimer);
      this.writeTimer = null;
      // An edit made just before closing still reaches the folder (a sealed one if the process lives long
      // enough to seal it; if not, the next start writes it: the file is compared with the notes then).
      void this.ownFile.write();
    }
  }

  /** The user's notes changed: write the own file once things are quiet. */
  ownChanged(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => {
      this.writeTimer = null;
      void this.ownFile.write();
    }, this.o.debounceMs ?? 300);
    this.writeTimer.unref();
  }

  /** Writes the own layer file when its content changed (plain: done when this returns; sealed: when it resolves). */
  writeOwnNow(): Promise<void> {
    return this.ownFile.write();
  }

  /**
   * Reads the folder now: colleagues' files become layers; copies and duplicates become conflicts.
   * Files are opened one at a time, the event loop free between them; a sealed one is opened (a scrypt)
   * before the scan goes on. One scan at a time: a call meanwhile queues one more and resolves with it.
   */
  scan(): Promise<void> {
    if (!this.running) {
      this.running = this.scanOnce()
        .catch((err: unknown) => {
          // The notes closed mid-scan (locked, quitting): nothing to show; anything else is said in the status.
          if (!this.stopped)
            this.problem = `The shared folder could not be read (${errorMessage(err).split('\n')[0]}).`;
        })
        .finally(() => {
          this.running = null;
        });
      return this.running;
    }
    this.queued ??= this.running.then(() => {
      this.queued = null;
      return this.scan();
    });
    return this.queued;
  }

  private async scanOnce(): Promise<void> {
    const sealing = this.o.sealing();
    let names: string[];
    try {
      // Names only: what each one is gets checked on the descriptor when it is opened (folder-files.ts).
      names = fs
        .readdirSync(this.o.dir)
        .filter((n) => !n.startsWith('.') && n.toLowerCase().endsWith('.json'))
        .sort();
    } catch (err) {
      this.problem = `The shared folder cannot be read (${errorMessage(err).split('\n')[0]}).`;
      this.o.emit({ reason: 'folder', layerIds: [] });
      return;
    }
    if (this.problem?.startsWith('The shared folder cannot be read')) this.problem = null;
    const me = this.o.user.layers.author().id;
    const held = new Map(this.o.user.layers.list().map((l) => [l.authorId, l.name]));
    const toRead = this.chosen(names, held);
    const files: SharedFile[] = [];
    const groups = new Map<string, Array<{ shared: SharedFile; file: LayerFile; canonical: boolean }>>();
    for (const name of names) {
      const full = path.join(this.o.dir, name);
      let stat: fs.Stats | undefined;
      try {
        stat = fs.lstatSync(full, { throwIfNoEntry: false }); // the entry itself: a link is not followed
      } catch {
        stat = undefined;
      }
      if (!stat) continue;
      const shared: SharedFile = {
        name,
        modified: stat.mtime.toISOString(),
        state: 'ignored',
        authorId: null,
        authorName: null,
        exported: null,
        newest: false,
        message: null,
        sealed: null,
      };
      files.push(shared);
      const claim = classifyName(name);
      if (!claim) continue;
      shared.authorId = claim.authorId;
      if (name === this.ownName) {
        shared.state = 'own';
        shared.exported = this.ownFile.lastWrite;
        await this.ownFile.check(`${stat.size}:${stat.mtimeMs}:${stat.ino}`);
        continue;
      }
      if (!toRead.has(name)) {
        shared.message = `Not read: the folder holds more than ${LIMITS.sharedFolderFiles} layer files, and the app reads at most that many (the files of colleagues whose layers you hold first).`;
        continue;
      }
      const whom = (head: string): string => held.get(claim.authorId) || claimedName(head) || 'its author';
      const plainRefused = sealing.on
        ? (head: string) =>
            `Not read: this file is not sealed, and your delegation seals its layer files. Ask ${whom(head)} to set the delegation passphrase.`
        : null;
      const read = await this.read(full, `${stat.size}:${stat.mtimeMs}:${stat.ino}`, sealing.passphrase, plainRefused);
      // One file at a time, with the event loop free between them: a folder of many files is read in steps.
      await new Promise((resolve) => setImmediate(resolve));
      if (this.stopped) return;
      shared.sealed = read.sealed;
      if (!read.file) {
        shared.state = 'rejected';
        shared.message = read.error ?? 'Not read: not a layer file.';
        continue;
      }
      if (sealing.on && !read.sealed) {
        // Refused, not shown with a mark: only holders of the passphrase can write a file that opens, so a
        // plain file in a sealed folder may be anyone's who can write there (docs/delegation.md).
        shared.state = 'rejected';
        shared.message = plainRefused?.('') ?? null;
        continue;
      }
      const author = read.file.author;
      if (!author) {
        shared.state = 'rejected';
        shared.message =
          'Not read: the file names no author (an export from an older version); add it by hand instead.';
        continue;
      }
      Object.assign(shared, { authorId: author.id, authorName: author.name, exported: read.file.exported });
      const canonical = claim.copy === null && claim.authorId === author.id;
      if (claim.copy) shared.message = `${COPY_WORDS[claim.copy]}.`;
      else if (!canonical) shared.message = `Named for ${claim.authorId} but signed by ${author.id}.`;
      const group = groups.get(author.id) ?? [];
      group.push({ shared, file: read.file, canonical });
      groups.set(author.id, group);
    }
    // The own file deleted (by hand, a sync tool): written again now, not at the next edit.
    if (!names.includes(this.ownName)) await this.ownFile.check('missing');
    const changed: string[] = [];
    const conflicts = new Map<string, LayerConflict>();
    for (const [authorId, group] of groups) {
      const main = authorId === me ? undefined : group.find((g) => g.canonical);
      for (const g of group) if (g !== main) g.shared.state = 'conflict';
      if (main) this.apply(main.shared, main.file, changed);
      if (authorId === me || group.length > 1)
        conflicts.set(authorId, conflictOf(authorId === me, group, main?.shared));
    }
    for (const full of this.cache.keys()) if (!names.includes(path.basename(full))) this.cache.delete(full);
    this.files = files;
    this.conflicts = conflicts;
    this.lastScan = this.o.now().toISOString();
    this.o.emit({ reason: conflicts.size ? 'conflict' : changed.length ? 'updated' : 'folder', layerIds: changed });
  }

  /**
   * The layer files this scan opens, at most LIMITS.sharedFolderFiles: those of authors whose layers are
   * held first (a flood of new names cannot push a colleague out), then the others by name.
   */
  private chosen(names: readonly string[], held: ReadonlyMap<string | null, string>): Set<string> {
    const layerNames = names.filter((n) => n !== this.ownName && classifyName(n) !== null);
    const known = (n: string): number => (held.has(classifyName(n)?.authorId ?? null) ? 0 : 1);
    const ordered = [...layerNames].sort((a, b) => known(a) - known(b) || (a < b ? -1 : a > b ? 1 : 0));
    return new Set(ordered.slice(0, LIMITS.sharedFolderFiles));
  }

  /** A file read whole or refused with a sentence; cached by size, time and inode (a sealed file costs a scrypt). */
  private async read(
    full: string,
    key: string,
    passphrase: string | null,
    plainRefused: ((head: string) => string) | null,
  ): Promise<Read> {
    const cached = this.cache.get(full);
    if (cached?.key === key) return cached;
    let read: Read;
    const got = await readFolderFile(full, plainRefused);
    if (!got.ok) read = { key, file: null, sealed: got.sealed, error: got.reason };
    else {
      try {
        const file = got.sealed ? (await openLayerFile(got.text, passphrase)).file : parseLayerFile(got.text);
        read = { key, file, sealed: got.sealed, error: null };
      } catch (err) {
        const error = got.sealed ? sealedRefusal(err) : `Not read: ${errorMessage(err).split('\n')[0].slice(0, 300)}.`;
        read = { key, file: null, sealed: got.sealed, error };
      }
    }
    this.cache.set(full, read);
    return read;
  }

  private apply(shared: SharedFile, file: LayerFile, changed: string[]): void {
    try {
      const result = this.o.user.layers.add(file, { source: 'shared-folder', file: shared.name });
      shared.state = 'layer';
      if (result.action !== 'same' && result.layer) changed.push(result.layer.id);
    } catch (err) {
      shared.state = 'rejected';
      shared.message = errorMessage(err);
    }
  }

  /** The author's own file (its canonical name) as last read, if the folder holds one. */
  fileOf(authorId: string | null): SharedFile | null {
    return authorId ? (this.files.find((f) => f.name === layerFileName(authorId)) ?? null) : null;
  }

  /** The conflict about an author's layer, if any. */
  conflictOf(authorId: string | null): LayerConflict | null {
    return authorId ? (this.conflicts.get(authorId) ?? null) : null;
  }

  status(): Omit<SharedFolderStatus, 'sealing' | 'passphraseKept' | 'unsealed'> {
    return {
      path: this.o.dir,
      state: this.problem?.startsWith('The shared folder cannot be read')
        ? 'unavailable'
        : (this.watcher?.mode ?? 'polling'),
      message: this.problem ?? this.ownFile.problem,
      ownFile: this.ownName,
      lastWrite: this.ownFile.lastWrite,
      lastScan: this.lastScan,
      files: this.files,
    };
  }
}
