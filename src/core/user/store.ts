/**
 * UserStore: the lifecycle of the user database — open (with recovery of a
 * damaged file, purge of old trash, re-anchoring when the content changed),
 * close, and swapping the session after a backup is restored — and the domain
 * modules built over it (one folder each: bookmarks, annotations, notes, positions, trash,
 * history, settings, exchange; backups/).
 *
 * Constraint: no user-data logic here. Each domain implements its slice of the
 * contract over the shared context (context.ts), whose `mutate()` makes every
 * write one transaction with its inverse in the history.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { BackupInfo } from '../../shared/contract/types';
import type { ContentLookup } from '../content/lookup';
import { Backups } from './backups/actions';
import { createContext, type UserContext } from './context';
import { annotationsDomain } from './annotations/domain';
import { bookmarksDomain } from './bookmarks/domain';
import { exchangeDomain } from './exchange/domain';
import { layersDomain } from './layers/domain';
import { layerViews } from './layers/views';
import { notesDomain } from './notes/domain';
import { positionsDomain } from './positions/domain';
import { settingsDomain } from './settings/domain';
import { historyDomain, trashDomain } from './trash/domain';
import { META_CONTENT_BUILD } from './meta';
import { DocumentOrder } from './notes/views';
import { BlockNotes } from './annotations/views';
import { NoteKeys } from './notes/keys';
import type { NotesSource } from './notes/page';
import { contentFingerprint, reanchorAll } from './annotations/reanchor';
import { BUSY_TIMEOUT_MS } from '../base/faults';
import { privateDir } from '../base/owner-only';
import { openWithRecovery } from './backups/recovery';
import { createSession, type Session } from './session';
import { CoreError } from '../../shared/contract/result';
import { isPlainFile } from './vault/cipher';
import { convertBackups, encryptInPlace, repairAtOpen } from './vault/convert';
import { readKeyFile } from './vault/keyfile';
import { OneAtATime } from './vault/one-at-a-time';

export { AUTO_BACKUP_INTERVAL_MS } from './backups/actions';
export const USER_DB_FILE = 'user.db';

export interface UserStoreOptions {
  /** The user's data folder; created if absent. */
  dataDir: string;
  content: ContentLookup;
  /** Build id of the content; default: a fingerprint of the lookup's block ids and texts. */
  contentBuildId?: string;
  /** False while the document cannot be opened: anchors stay as they are until it can (default true). */
  reanchor?: boolean;
  /** The better-sqlite3-multiple-ciphers addon (CoreOptions.userNativeBinding); never the plain one. */
  nativeBinding?: string;
  now?: () => Date;
  /** The data key when protection is on (vault/); without it a protected store opens locked. */
  key?: Buffer | null;
  /** Purge trash older than TRASH_DAYS at open (default true); false for an open that only reads. */
  purgeTrash?: boolean;
}

export const LOCKED_MESSAGE = 'Your notes are locked. Unlock them with your passphrase.';

/** Protection on, and the notes file found plain (a copy put back by hand): said on the lock screen. */
export const PLAIN_FOUND_NOTICE =
  'The notes file in the data folder is not encrypted, though protection is on: a copy was probably put back by hand. ' +
  'Protection stays on and your key is kept. Unlock to encrypt this copy with your key and open it; ' +
  'your encrypted backups are unchanged.';
/** …and once it was encrypted at the unlock. */
export const PLAIN_ENCRYPTED_NOTICE =
  'The unencrypted copy of your notes found in the data folder was encrypted with your key and opened; protection stays on. ' +
  'Notes made after that copy are in your encrypted backups: restore one of them to get them back.';

export class UserStore {
  /** Set when the database was recovered at open (damaged file moved aside). */
  recovery: string | null = null;
  /** What the vault found or did that the user must hear (a plain copy under protection); vault.status carries it. */
  vaultNotice: string | null = null;
  /** The queue vault operations, backups and restores run in, one at a time (vault/one-at-a-time.ts). */
  readonly oneAtATime = new OneAtATime();
  readonly dbFile: string;
  readonly ctx: UserContext;
  readonly bookmarks;
  readonly annotations;
  readonly notes;
  readonly positions;
  readonly trash;
  readonly history;
  readonly settings;
  readonly exchange;
  /** Colleagues' layers: the domain, and its read models. */
  readonly layers;
  readonly layerViews;
  readonly backups: Backups;
  private s: Session | null = null;
  /** Our copy of the data key while unlocked (zeroed at lock); null when protection is off. */
  private key: Buffer | null = null;
  private readonly now: () => Date;
  private readonly buildId: string;
  /** What the paged Notes list and the reader's per-block notes read (notes/page.ts, annotations/views.ts). */
  readonly paging: NotesSource & { forBlocks: BlockNotes['forBlocks'] };
  /** Counts database (re)opens, so a data version is never reused across a restore. */
  private generation = 0;
  private blockNotes!: BlockNotes;
  private noteKeyReader!: NoteKeys;

  private constructor(private readonly o: UserStoreOptions) {
    this.dbFile = path.join(o.dataDir, USER_DB_FILE);
    this.now = o.now ?? (() => new Date());
    this.buildId = o.contentBuildId ?? contentFingerprint(o.content);
    this.ctx = createContext(o.content, new DocumentOrder(o.content), () => this.session(), this.now);
    this.backups = new Backups({
      dataDir: o.dataDir,
      dbFile: this.dbFile,
      nativeBinding: o.nativeBinding,
      key: () => this.key,
      now: this.now,
      db: () => this.session().db,
      recordCount: () => this.session().annotations.count() + this.session().bookmarks.count(),
      reopen: () => this.openSession(this.key),
      exclusive: (work) => this.oneAtATime.run(work),
    });
    this.bookmarks = bookmarksDomain(this.ctx);
    this.annotations = annotationsDomain(this.ctx);
    this.notes = notesDomain(this.ctx, this.annotations, this.bookmarks);
    this.positions = positionsDomain(this.ctx);
    this.trash = trashDomain(this.ctx);
    this.history = historyDomain(this.ctx);
    this.settings = settingsDomain(this.ctx);
    this.exchange = exchangeDomain(this.ctx, this.notes, () => this.backups.create());
    this.layers = layersDomain(this.ctx, this.positions);
    this.layerViews = layerViews(this.ctx);
    this.paging = {
      notes: (filter, sort) => this.notes.list({ filter, sort }),
      noteKeys: (filter, sort, placed) => this.noteKeyReader.keysFor(filter, sort, placed, this.bookmarks.list()),
      noteEntriesFor: (keys, sort) => this.noteKeyReader.entries(keys, this.bookmarks.list(), sort),
      dataVersion: () => {
        const db = this.session().db;
        const changes = db.prepare<[], { n: number }>('SELECT total_changes() AS n').get()?.n ?? 0;
        return `${this.generation}.${String(db.pragma('data_version', { simple: true }))}.${changes}`;
      },
      forBlocks: (blockIds, perBlock) => this.blockNotes.forBlocks(blockIds, perBlock),
    };
  }

  static open(options: UserStoreOptions): UserStore {
    // Owner-only; an existing folder is tightened when it is ours (holds our database, or is named after the app).
    privateDir(
      options.dataDir,
      (dir) => fs.existsSync(path.join(dir, USER_DB_FILE)) || path.basename(dir) === 'Recollection',
    );
    const store = new UserStore(options);
    // A conversion on/off killed half-way is settled before anything reads the file; a plain copy
    // under the key (no conversion explains it) keeps the key, and is encrypted at the unlock.
    if (repairAtOpen(options.dataDir, store.dbFile)) store.vaultNotice = PLAIN_FOUND_NOTICE;
    const protectedStore = readKeyFile(options.dataDir) !== null;
    if (!protectedStore) store.openSession(null);
    else if (options.key) store.openSession(options.key);
    return store;
  }

  /** The open session; throws LOCKED while the notes are locked. */
  session(): Session {
    if (!this.s) throw new CoreError('LOCKED', LOCKED_MESSAGE);
    return this.s;
  }

  get locked(): boolean {
    return this.s === null;
  }

  get isProtected(): boolean {
    return readKeyFile(this.o.dataDir) !== null;
  }

  /** The data key while unlocked (the shell remembers it in the OS keychain when asked); null when off. */
  dataKey(): Buffer | null {
    return this.key ? Buffer.from(this.key) : null;
  }

  private readonly lockListeners = new Set<(locked: boolean) => void>();

  /**
   * Calls `listener` just before each lock (the notes still open, so work in flight can finish)
   * and just after each unlock: the shared folder reads and writes the notes only while they are open.
   */
  onLockChange(listener: (locked: boolean) => void): () => void {
    this.lockListeners.add(listener);
    return () => this.lockListeners.delete(listener);
  }

  private tellLock(locked: boolean): void {
    for (const listener of this.lockListeners) {
      try {
        listener(locked);
      } catch {
        // A listener's failure must not keep the notes open or closed against the user's choice.
      }
    }
  }

  /** Opens the database with the data key; backups left plain by a switch-on cut short are encrypted now. */
  unlock(key: Buffer): void {
    if (this.s) return;
    this.openSession(key);
    this.tellLock(false);
  }

  /**
   * Opens the database again after a conversion (protection turned on or off, or a failed one undone)
   * closed it through lock(): the listeners told of that close are told it is open again.
   */
  reopen(key: Buffer | null): void {
    this.openSession(key);
    this.tellLock(false);
  }

  /** Closes the database and forgets the key: every user channel answers LOCKED until unlock. */
  lock(): void {
    if (this.s) this.tellLock(true);
    if (this.s?.db.open) this.s.db.close();
    this.s = null;
    this.key?.fill(0);
    this.key = null;
  }

  /** Opens (or, after a restore or a conversion, reopens) the file and swaps the session every domain reads. */
  openSession(key: Buffer | null): void {
    if (this.s?.db.open) this.s.db.close();
    this.s = null;
    if (key && isPlainFile(this.dbFile)) this.encryptPlainCopy(key);
    const opened = openWithRecovery(this.dbFile, this.o.dataDir, {
      nativeBinding: this.o.nativeBinding,
      now: this.now,
      key,
    });
    if (key !== this.key) {
      this.key?.fill(0);
      this.key = key ? Buffer.from(key) : null;
    }
    if (key) convertBackups(this.o.dataDir, key, null, this.o.nativeBinding);
    const s = createSession(opened.db);
    this.s = s;
    this.generation++;
    const optionOf = (blockId: string) => this.session().positions.get(blockId);
    this.blockNotes = new BlockNotes(opened.db, optionOf);
    this.noteKeyReader = new NoteKeys(opened.db, this.o.content, this.ctx.order, optionOf);
    this.recovery = opened.recovery ?? this.recovery;
    if (this.o.purgeTrash !== false) s.db.transaction(() => s.trash.purge(this.now())).immediate();
    if (this.o.reanchor !== false && s.meta.get(META_CONTENT_BUILD) !== this.buildId) {
      reanchorAll(s.db, this.o.content, this.buildId);
    }
    // Opened: from now on a locked database is waited for off the thread (base/faults.ts), not by SQLite.
    s.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  }

  /**
   * A plain user.db while protection is on (a copy put back by hand: convert.ts) is encrypted with the data
   * key before it is opened, so the notes are never written in clear and the encrypted backups stay readable.
   * A copy that cannot be read is left to recovery (moved to damaged/, the newest backup restored).
   */
  private encryptPlainCopy(key: Buffer): void {
    try {
      encryptInPlace(this.dbFile, key, this.o.nativeBinding, this.now());
      this.vaultNotice = PLAIN_ENCRYPTED_NOTICE;
    } catch (err) {
      if (err instanceof CoreError && err.code === 'BUSY') throw err;
    }
  }

  /** Backs up if the newest backup is over an hour old; the shell calls it at start and periodically. */
  maybeAutoBackup(): Promise<BackupInfo | null> {
    if (this.locked) return Promise.resolve(null); // the key is gone: the next one after unlock
    return this.backups.maybeAuto();
  }

  close(): void {
    if (this.s?.db.open) this.s.db.close();
    this.key?.fill(0);
  }
}
