/**
 * UserStore: the facade the handlers, the command line and the tests use for
 * everything in the user database — bookmarks, annotations, notes views,
 * trash, undo, palette, settings, notes search, backups and recovery.
 *
 * Constraint: every mutation is one transaction that also records its inverse
 * in the history table (so undo works across restarts and from the CLI);
 * nothing is hard-deleted except trash older than TRASH_DAYS.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedArgs } from '../../shared/contract/channels';
import { CoreError } from '../../shared/contract/result';
import type * as T from '../../shared/contract/types';
import type { ContentLookup } from '../content/lookup';
import type { ExportEntry } from '../exchange/types';
import { type AnnotationRecord, toAnnotation } from './annotations';
import { type BookmarkRecord, toBookmark } from './bookmarks';
import { Backups } from './backups';
import { editableFields, newAnnotation, newBookmark, patchedAnnotation } from './edits';
import type { Inverse } from './history';
import * as importer from './import-merge';
import { scopeFilter, toExportEntries } from './export-entries';
import { META_CONTENT_BUILD } from './meta';
import { BlockNotes } from './block-notes';
import { type NoteKey, NoteKeys } from './note-keys';
import { DocumentOrder, matchesAnnotation, matchesBookmark, noteEntries, positionRows } from './notes';
import { searchNotes } from './notes-search';
import { excerpt } from './records';
import { contentFingerprint, reanchorAll } from './reanchor';

import { openWithRecovery } from './recovery';
import { applyInverse, createSession, type Session } from './session';
import type { SettingsPatch } from './settings';
import { requireTarget } from './validate';

export { AUTO_BACKUP_INTERVAL_MS } from './backups';
export const USER_DB_FILE = 'user.db';

export interface UserStoreOptions {
  /** The user's data folder; created if absent. */
  dataDir: string;
  content: ContentLookup;
  /** Build id of the content; default: a fingerprint of the lookup's block ids and texts. */
  contentBuildId?: string;
  /** False while the document cannot be opened: anchors stay as they are until it can (default true). */
  reanchor?: boolean;
  nativeBinding?: string;
  now?: () => Date;
}

export class UserStore {
  /** Set when the database was recovered at open (damaged file moved aside). */
  recovery: string | null = null;
  readonly dbFile: string;
  private s!: Session;
  private readonly order: DocumentOrder;
  private readonly now: () => Date;
  private readonly buildId: string;
  private readonly backups: Backups;
  /** Counts database (re)opens, so a data version is never reused across a restore. */
  private generation = 0;
  private blockNotes!: BlockNotes;
  private noteKeyReader!: NoteKeys;

  private constructor(private readonly o: UserStoreOptions) {
    this.dbFile = path.join(o.dataDir, USER_DB_FILE);
    this.now = o.now ?? (() => new Date());
    this.order = new DocumentOrder(o.content);
    this.buildId = o.contentBuildId ?? contentFingerprint(o.content);
    this.backups = new Backups({
      dataDir: o.dataDir,
      dbFile: this.dbFile,
      nativeBinding: o.nativeBinding,
      now: this.now,
      db: () => this.s.db,
      recordCount: () => this.s.annotations.count() + this.s.bookmarks.count(),
      reopen: () => this.openSession(),
    });
  }

  static open(options: UserStoreOptions): UserStore {
    fs.mkdirSync(options.dataDir, { recursive: true });
    const store = new UserStore(options);
    store.openSession();
    return store;
  }

  private openSession(): void {
    const opened = openWithRecovery(this.dbFile, this.o.dataDir, {
      nativeBinding: this.o.nativeBinding,
      now: this.now,
    });
    this.s = createSession(opened.db);
    this.generation++;
    this.blockNotes = new BlockNotes(opened.db);
    this.noteKeyReader = new NoteKeys(opened.db, this.o.content, this.order);
    this.recovery = opened.recovery ?? this.recovery;
    this.s.db.transaction(() => this.s.trash.purge(this.now()))();
    if (this.o.reanchor !== false && this.s.meta.get(META_CONTENT_BUILD) !== this.buildId) {
      reanchorAll(this.s.db, this.o.content, this.buildId);
    }
  }

  close(): void {
    if (this.s.db.open) this.s.db.close();
  }

  private iso(): string {
    return this.now().toISOString();
  }

  /** Runs `write` and records its inverse in the history, in one transaction. */
  private mutate(description: string, inverse: Inverse, write: () => void): void {
    this.s.db.transaction(() => {
      write();
      this.s.history.push(this.iso(), description, inverse);
    })();
  }

  // ------------------------------------------------------------ bookmarks

  listBookmarks(): T.Bookmark[] {
    return this.s.bookmarks.listLive().map(toBookmark);
  }

  private liveBookmark(id: string): BookmarkRecord {
    const rec = this.s.bookmarks.get(id);
    if (!rec || rec.deleted) throw new CoreError('NOT_FOUND', `no bookmark with id ${id}`);
    return rec;
  }

  addBookmark(args: ParsedArgs<'bookmarks.add'>): T.Bookmark {
    requireTarget(this.o.content, args.targetId);
    if (this.s.bookmarks.onTarget(args.targetId)) {
      throw new CoreError('CONFLICT', `${args.targetId} is already bookmarked`);
    }
    const rec = newBookmark(args, this.iso());
    this.mutate('New bookmark removed', { op: 'trash', type: 'bookmark', id: rec.id }, () =>
      this.s.bookmarks.insert(rec),
    );
    return toBookmark(rec);
  }

  updateBookmark(args: ParsedArgs<'bookmarks.update'>): T.Bookmark {
    const cur = this.liveBookmark(args.id);
    const label = args.label.trim();
    if (label === cur.label) return toBookmark(cur);
    const next: BookmarkRecord = { ...cur, label, modified: this.iso() };
    this.mutate('Bookmark label restored', { op: 'put-bookmark', id: cur.id, label: cur.label }, () =>
      this.s.bookmarks.put(next),
    );
    return toBookmark(next);
  }

  removeBookmark(args: ParsedArgs<'bookmarks.remove'>): { id: string } {
    this.liveBookmark(args.id);
    this.mutate('Deleted bookmark restored', { op: 'untrash', type: 'bookmark', id: args.id }, () =>
      this.s.bookmarks.setDeleted(args.id, this.iso()),
    );
    return { id: args.id };
  }

  // ------------------------------------------------------------ annotations

  private liveAnnotation(id: string): AnnotationRecord {
    const rec = this.s.annotations.get(id);
    if (!rec || rec.deleted) throw new CoreError('NOT_FOUND', `no annotation with id ${id}`);
    return rec;
  }

  listAnnotations(filter: T.AnnotationFilter = {}): T.Annotation[] {
    return this.s.annotations
      .listLive()
      .map(toAnnotation)
      .filter((a) => matchesAnnotation(a, filter, this.o.content));
  }

  createAnnotation(args: ParsedArgs<'annotations.create'>): T.Annotation {
    const rec = newAnnotation(args, this.o.content, this.iso());
    this.mutate('New annotation removed', { op: 'trash', type: 'annotation', id: rec.id }, () =>
      this.s.annotations.insert(rec),
    );
    return toAnnotation(rec);
  }

  updateAnnotation(args: ParsedArgs<'annotations.update'>): T.Annotation {
    const cur = this.liveAnnotation(args.id);
    const next = patchedAnnotation(cur, args.patch, this.o.content, this.iso());
    if (!next) return toAnnotation(cur);
    this.mutate('Edit to annotation undone', { op: 'put-annotation', id: cur.id, fields: editableFields(cur) }, () =>
      this.s.annotations.put(next),
    );
    return toAnnotation(next);
  }

  removeAnnotation(args: ParsedArgs<'annotations.remove'>): { id: string } {
    this.liveAnnotation(args.id);
    this.mutate('Deleted annotation restored', { op: 'untrash', type: 'annotation', id: args.id }, () =>
      this.s.annotations.setDeleted(args.id, this.iso()),
    );
    return { id: args.id };
  }

  // ------------------------------------------------------------ notes views

  notes(filter: T.AnnotationFilter = {}, sort: 'document' | 'date' = 'document'): T.NoteEntry[] {
    const bookmarks = this.listBookmarks().filter((b) => matchesBookmark(b, filter, this.o.content));
    return noteEntries(this.listAnnotations(filter), bookmarks, this.o.content, this.order, sort);
  }

  /** See block-notes.ts: the page's annotations, capped per block, with totals. */
  annotationsForBlocks(args: ParsedArgs<'annotations.forBlocks'>): T.BlockAnnotations {
    return this.blockNotes.forBlocks(args.blockIds, args.perBlock);
  }

  /** See note-keys.ts: the Notes list's order as narrow keys, or null for filters it does not handle. */
  noteKeys(filter: T.AnnotationFilter, sort: 'document' | 'date', placed: boolean): NoteKey[] | null {
    return this.noteKeyReader.keysFor(filter, sort, placed, this.listBookmarks());
  }

  noteEntriesFor(keys: readonly NoteKey[], sort: 'document' | 'date'): T.NoteEntry[] {
    return this.noteKeyReader.entries(keys, this.listBookmarks(), sort);
  }

  /** A token that changes with every write to the notes, here or by another process (see notes-page.ts). */
  dataVersion(): string {
    const db = this.s.db;
    const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0;
    return `${this.generation}.${String(db.pragma('data_version', { simple: true }))}.${changes}`;
  }

  tags(): string[] {
    return this.s.annotations.tags();
  }

  positions(clusterId?: string): T.PositionRow[] {
    return positionRows(this.listAnnotations(), this.o.content, clusterId);
  }

  /** The user's notes matching a search query, as search hits of kind 'note'. */
  searchNotes(q: string, limit?: number): T.SearchHit[] {
    return searchNotes(q, this.listAnnotations(), this.listBookmarks(), this.o.content, limit);
  }

  palette(): T.PaletteEntry[] {
    return this.s.palette.list();
  }

  renameColor(args: ParsedArgs<'notes.renameColor'>): T.PaletteEntry[] {
    const old = this.s.palette.name(args.color);
    const name = args.name.trim();
    if (name !== old) {
      this.mutate(`Colour name "${old}" restored`, { op: 'rename-color', color: args.color, name: old }, () =>
        this.s.palette.rename(args.color, name),
      );
    }
    return this.palette();
  }

  // ------------------------------------------------------------ trash and undo

  trash(): T.TrashItem[] {
    return this.s.trash.list().map((row) => {
      const where = this.o.content.summary(row.targetId)?.label ?? row.targetId;
      const text = excerpt(row.text);
      return { id: row.id, type: row.type, deleted: row.deleted, summary: text ? `${where}: ${text}` : where };
    });
  }

  restoreFromTrash(args: ParsedArgs<'trash.restore'>): { id: string } {
    const annotation = this.s.annotations.get(args.id);
    const bookmark = annotation ? null : this.s.bookmarks.get(args.id);
    if (!annotation?.deleted && !bookmark?.deleted) {
      throw new CoreError('NOT_FOUND', `nothing in the trash with id ${args.id}`);
    }
    if (bookmark && this.s.bookmarks.onTarget(bookmark.targetId)) {
      throw new CoreError(
        'CONFLICT',
        `${bookmark.targetId} has been bookmarked again since; remove that bookmark first`,
      );
    }
    const type = annotation ? 'annotation' : 'bookmark';
    const repo = annotation ? this.s.annotations : this.s.bookmarks;
    this.mutate(`Restored ${type} moved back to the trash`, { op: 'trash', type, id: args.id }, () =>
      repo.setDeleted(args.id, null),
    );
    return { id: args.id };
  }

  /** Undoes the newest action that can still be undone; null when there is none. */
  undo(): T.UndoResult | null {
    return this.s.db.transaction((): T.UndoResult | null => {
      for (let entry = this.s.history.pop(); entry; entry = this.s.history.pop()) {
        if (entry.inverse && applyInverse(this.s, entry.inverse, this.iso())) return { description: entry.description };
      }
      return null;
    })();
  }

  // ------------------------------------------------------------ settings

  getSettings(): T.Settings {
    return this.s.settings.get();
  }

  setSettings(patch: SettingsPatch): T.Settings {
    this.s.db.transaction(() => this.s.settings.set(patch))();
    return this.getSettings();
  }

  /** The notes a scope covers, prepared for the exporters (src/core/exchange). */
  exportEntries(scope: T.ExportScope): ExportEntry[] {
    const { filter, ids } = scopeFilter(scope);
    return toExportEntries(this.notes(filter, 'document'), this.o.content, ids);
  }

  // ------------------------------------------------------------ import (records parsed by exchange/import.ts)

  /** What importing `bundle` would do (added, updated, unchanged, skipped, orphans); writes nothing. */
  previewImport(bundle: importer.ImportBundleLike): T.ImportPreview {
    return importer.previewImport(this.s, this.o.content, bundle);
  }

  /**
   * Merges `bundle` in one transaction (newer `modified` wins). A backup is
   * made first when the database holds anything, since an import is not undone
   * record by record.
   */
  async applyImport(bundle: importer.ImportBundleLike): Promise<T.ImportPreview> {
    this.previewImport(bundle); // reject a bad file before making a backup for nothing
    if (this.s.annotations.count() + this.s.bookmarks.count() > 0) await this.createBackup();
    return importer.applyImport(this.s, this.o.content, bundle);
  }

  /** One entry point for both: `dryRun` previews, otherwise applies (see applyImport). */
  async importBundle(bundle: importer.ImportBundleLike, options: { dryRun: boolean }): Promise<T.ImportPreview> {
    return options.dryRun ? this.previewImport(bundle) : this.applyImport(bundle);
  }

  // ------------------------------------------------------------ backups (see backups.ts)

  createBackup(): Promise<T.BackupInfo> {
    return this.backups.create();
  }

  listBackups(): T.BackupInfo[] {
    return this.backups.list();
  }

  /** Backs up if the newest backup is over an hour old; call at start and periodically. */
  maybeAutoBackup(): Promise<T.BackupInfo | null> {
    return this.backups.maybeAuto();
  }

  restoreBackup(args: ParsedArgs<'backup.restore'>): Promise<{ restored: string }> {
    return this.backups.restore(args);
  }
}
