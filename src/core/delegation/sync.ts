/**
 * The shared folder (#17): this installation writes its own layer file there
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
 * Sealed files (#17.5): with the delegation passphrase the own file is written
 * sealed (own-file.ts) and colleagues' sealed files are opened with it; a file
 * sealed with another passphrase, damaged, or plain while the delegation seals
 * is rejected with a sentence, and the layer keeps its last good version.
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
import { CoreError } from '../../shared/contract/result';
import type { W3cCollection } from '../exchange/w3c';
import type { UserStore } from '../user/store';
import { FolderWatch } from './folder-watch';
import type { LayerFile } from '../user/layers/domain';
import { isSealedText, openLayerFile, parseLayerFile } from './layer-file';
import { classifyName, COPY_WORDS, layerFileName } from './names';
import { OwnFile } from './own-file';

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
  /** Sealing with the delegation passphrase (#17.5): off; on with it; on without it (nothing read or written). */
  sealing: () => { on: boolean; passphrase: string | null };
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

/** Why a sealed file was not read, in words for the files list (never the passphrase). */
function sealedRefusal(err: unknown): string {
  const code = err instanceof CoreError ? err.code : null;
  if (code === 'PASSPHRASE_NEEDED')
    return 'Sealed: not read until the delegation passphrase is entered (Settings, Shared folder).';
  if (code === 'WRONG_PASSPHRASE')
    return 'Sealed with another passphrase: your delegation passphrase does not open it, so nothing of it was read. Check the passphrase with its author.';
  if (code === 'DAMAGED')
    return 'Not read: the sealed file is damaged or was changed after it was sealed (nothing of it was taken).';
  return `Not read: ${errorMessage(err).split('\n')[0].slice(0, 300)}`;
}

export class LayerSync {
  private watcher: FolderWatch | null = null;
  private writeTimer: NodeJS.Timeout | null = null;
  private readonly ownFile: OwnFile;
  private scanning = false;
  private rescan = false;
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
   * Plain files are read at once; a sealed file is opened (a scrypt) before the scan goes on. One scan
   * at a time: a change noticed meanwhile makes one more.
   */
  async scan(): Promise<void> {
    if (this.scanning) {
      this.rescan = true;
      return;
    }
    this.scanning = true;
    try {
      await this.scanOnce();
    } finally {
      this.scanning = false;
      if (this.rescan) {
        this.rescan = false;
        void this.scan();
      }
    }
  }

  private async scanOnce(): Promise<void> {
    const sealing = this.o.sealing();
    let names: string[];
    try {
      names = fs
        .readdirSync(this.o.dir, { withFileTypes: true })
        .filter((d) => d.isFile() && !d.name.startsWith('.') && d.name.toLowerCase().endsWith('.json'))
        .map((d) => d.name)
        .sort();
    } catch (err) {
      this.problem = `The shared folder cannot be read (${errorMessage(err).split('\n')[0]}).`;
      this.o.emit({ reason: 'folder', layerIds: [] });
      return;
    }
    if (this.problem?.startsWith('The shared folder cannot be read')) this.problem = null;
    const me = this.o.user.layers.author().id;
    const files: SharedFile[] = [];
    const groups = new Map<string, Array<{ shared: SharedFile; file: LayerFile; canonical: boolean }>>();
    for (const name of names) {
      const full = path.join(this.o.dir, name);
      const stat = fs.statSync(full, { throwIfNoEntry: false });
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
        continue;
      }
      const read = await this.read(full, `${stat.size}:${stat.mtimeMs}`, sealing.passphrase);
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
        shared.message = `Not read: this file is not sealed, and your delegation seals its layer files. Ask ${read.file.author?.name || 'its author'} to set the delegation passphrase.`;
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
    const changed: string[] = [];
    const conflicts = new Map<string, LayerConflict>();
    for (const [authorId, group] of groups) {
      const main = authorId === me ? undefined : group.find((g) => g.canonical);
      for (const g of group) if (g !== main) g.shared.state = 'conflict';
      if (main) this.apply(main.shared, main.file, changed);
      if (authorId === me || group.length > 1)
        conflicts.set(authorId, this.conflict(authorId === me, group, main?.shared));
    }
    this.files = files;
    this.conflicts = conflicts;
    this.lastScan = this.o.now().toISOString();
    this.o.emit({ reason: conflicts.size ? 'conflict' : changed.length ? 'updated' : 'folder', layerIds: changed });
  }

  /** A file read whole or refused with a sentence; cached by size and time (a sealed file costs a scrypt). */
  private async read(full: string, key: string, passphrase: string | null): Promise<Read> {
    const cached = this.cache.get(full);
    if (cached?.key === key) return cached;
    let read: Read;
    let text = '';
    try {
      const size = fs.statSync(full).size;
      if (size > LIMITS.sealedImportBytes) throw new Error(`larger than ${LIMITS.importBytes / 1024 / 1024} MB`);
      text = fs.readFileSync(full, 'utf8');
      if (!isSealedText(text)) {
        if (size > LIMITS.importBytes) throw new Error(`larger than ${LIMITS.importBytes / 1024 / 1024} MB`);
        read = { key, file: parseLayerFile(text), sealed: false, error: null };
      } else read = { key, file: (await openLayerFile(text, passphrase)).file, sealed: true, error: null };
    } catch (err) {
      const sealed = isSealedText(text);
      const error = sealed ? sealedRefusal(err) : `Not read: ${errorMessage(err).split('\n')[0].slice(0, 300)}.`;
      read = { key, file: null, sealed, error };
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

  private conflict(
    own: boolean,
    group: Array<{ shared: SharedFile; file: LayerFile }>,
    shown: SharedFile | undefined,
  ): LayerConflict {
    const newest = [...group].sort(
      (a, b) => b.file.exported.localeCompare(a.file.exported) || b.shared.modified.localeCompare(a.shared.modified),
    )[0];
    newest.shared.newest = true;
    const who = own ? 'your own layer' : `${group[0].file.author?.name || 'a colleague'}'s layer`;
    const list = group
      .map((g) => `${g.shared.name} (exported ${g.file.exported}${g === newest ? ', newest' : ''})`)
      .join('; ');
    const what = own
      ? 'They are never read as a layer: your own notes are in your data folder, not in these files.'
      : shown
        ? `They are not merged: the layer shows ${shown.name}, the file ${group[0].file.author?.name || 'its author'}'s app writes.`
        : 'None is shown until the author’s own file is there: they are not merged.';
    return {
      message: `${group.length} file${group.length === 1 ? '' : 's'} claim ${who}: ${list}. ${what} Delete the copies once you have checked them.`,
      // The file shown first, then the copies.
      files: [...group].sort((x, y) => Number(y.shared === shown) - Number(x.shared === shown)).map((g) => g.shared),
    };
  }

  /** The author's own file (its canonical name) as last read, if the folder holds one. */
  fileOf(authorId: string | null): SharedFile | null {
    return authorId ? (this.files.find((f) => f.name === layerFileName(authorId)) ?? null) : null;
  }

  /** The conflict about an author's layer, if any. */
  conflictOf(authorId: string | null): LayerConflict | null {
    return authorId ? (this.conflicts.get(authorId) ?? null) : null;
  }

  status(): Omit<SharedFolderStatus, 'sealing' | 'passphraseKept'> {
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
