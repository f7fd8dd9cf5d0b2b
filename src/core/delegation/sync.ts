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
 * Constraint: the only file ever written is this installation's own (one path,
 * built from its author id); another's file is only read. Node fs only (no
 * Electron). A file that cannot be read or is not a whole layer is listed as
 * rejected with the reason; nothing of it is taken.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { LayerConflict, LayersChanged, SharedFile, SharedFolderStatus } from '../../shared/contract/layer-types';
import { errorMessage } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { W3cCollection } from '../exchange/w3c';
import { FILE_MODE } from '../owner-only';
import type { UserStore } from '../user/store';
import { FolderWatch } from './folder-watch';
import { type LayerFile, parseLayerFile, serializeLayerFile } from './layer-file';
import { classifyName, COPY_WORDS, layerFileName } from './names';

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
}

interface Read {
  key: string;
  file: LayerFile | null;
  error: string | null;
}

/** The own file's content without what changes at each writing (export time, the collection's fresh ids). */
function stableDigest(c: Pick<W3cCollection, 'generated' | 'id' | 'first'>): string {
  const stable = { ...c, generated: '', id: '', first: { ...c.first, id: '' } };
  return createHash('sha256').update(JSON.stringify(stable)).digest('hex');
}

export class LayerSync {
  private watcher: FolderWatch | null = null;
  private writeTimer: NodeJS.Timeout | null = null;
  private writtenDigest: string | null = null;
  private readonly cache = new Map<string, Read>();
  private files: SharedFile[] = [];
  private conflicts = new Map<string, LayerConflict>();
  private lastScan: string | null = null;
  private lastWrite: string | null = null;
  private problem: string | null = null;
  private readonly ownName: string;

  constructor(private readonly o: LayerSyncOptions) {
    this.ownName = layerFileName(o.user.layers.author().id);
  }

  start(): void {
    this.writeOwnNow();
    this.scan();
    this.watcher = new FolderWatch({
      dir: this.o.dir,
      watch: this.o.watch,
      pollMs: this.o.pollMs ?? 5_000,
      debounceMs: this.o.debounceMs ?? 300,
      onChange: () => this.scan(),
    });
    this.watcher.start();
  }

  stop(): void {
    this.watcher?.stop();
    this.watcher = null;
    if (this.writeTimer) {
      clearTimeout(this.writeTimer);
      this.writeTimer = null;
      this.writeOwnNow(); // an edit made just before closing still reaches the folder
    }
  }

  /** The user's notes changed: write the own file once things are quiet. */
  ownChanged(): void {
    if (this.writeTimer) clearTimeout(this.writeTimer);
    this.writeTimer = setTimeout(() => {
      this.writeTimer = null;
      this.writeOwnNow();
    }, this.o.debounceMs ?? 300);
    this.writeTimer.unref();
  }

  /** Writes the own layer file when its content changed; true when it wrote. */
  writeOwnNow(): boolean {
    const target = path.join(this.o.dir, this.ownName);
    try {
      const collection = this.o.own();
      const digest = stableDigest(collection);
      this.writtenDigest ??= this.digestOnDisk(target);
      if (digest === this.writtenDigest) return false;
      const temp = path.join(this.o.dir, `.${this.ownName}.${process.pid}.tmp`);
      const fd = fs.openSync(temp, 'w', FILE_MODE);
      try {
        fs.writeFileSync(fd, serializeLayerFile(collection));
        fs.fsyncSync(fd);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(temp, target);
      this.writtenDigest = digest;
      this.lastWrite = this.o.now().toISOString();
      this.problem = null;
      return true;
    } catch (err) {
      this.problem = `Your layer file could not be written to the shared folder (${errorMessage(err).split('\n')[0]}).`;
      return false;
    }
  }

  private digestOnDisk(file: string): string | null {
    try {
      return stableDigest(JSON.parse(fs.readFileSync(file, 'utf8')) as W3cCollection);
    } catch {
      return null;
    }
  }

  /** Reads the folder now: colleagues' files become layers; copies and duplicates become conflicts. */
  scan(): void {
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
      };
      files.push(shared);
      const claim = classifyName(name);
      if (!claim) continue;
      shared.authorId = claim.authorId;
      if (name === this.ownName) {
        shared.state = 'own';
        shared.exported = this.lastWrite;
        continue;
      }
      const read = this.read(full, `${stat.size}:${stat.mtimeMs}`);
      if (!read.file) {
        shared.state = 'rejected';
        shared.message = `Not read: ${read.error ?? 'not a layer file'}.`;
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

  private read(full: string, key: string): Read {
    const cached = this.cache.get(full);
    if (cached?.key === key) return cached;
    let read: Read;
    try {
      const size = fs.statSync(full).size;
      if (size > LIMITS.importBytes) throw new Error(`larger than ${LIMITS.importBytes / 1024 / 1024} MB`);
      read = { key, file: parseLayerFile(fs.readFileSync(full, 'utf8')), error: null };
    } catch (err) {
      read = { key, file: null, error: errorMessage(err).split('\n')[0].slice(0, 300) };
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

  /** The conflict about an author's layer, if any. */
  conflictOf(authorId: string | null): LayerConflict | null {
    return authorId ? (this.conflicts.get(authorId) ?? null) : null;
  }

  status(): SharedFolderStatus {
    return {
      path: this.o.dir,
      state: this.problem?.startsWith('The shared folder cannot be read')
        ? 'unavailable'
        : (this.watcher?.mode ?? 'polling'),
      message: this.problem,
      ownFile: this.ownName,
      lastWrite: this.lastWrite,
      lastScan: this.lastScan,
      files: this.files,
    };
  }
}
