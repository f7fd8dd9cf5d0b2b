/**
 * Opens the user database (`<dataDir>/user.db`): durability pragmas, an
 * integrity check, and the numbered migrations of migrations/ (one file each).
 *
 * Constraint: the user's notes are confidential and irreplaceable. A file made
 * by a newer app is refused before SQLite touches it (its bytes stay as they
 * are); a damaged file is reported as `DamagedDatabaseError` so backups/recovery.ts can
 * move it aside — this module never deletes or rewrites a file it cannot read.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { CoreError } from '../../shared/contract/result';
import { makePrivate } from '../base/owner-only';
import { LATEST_VERSION, MIGRATIONS } from './migrations';
import { errorMessage } from '../../shared/errors';
import { applyKey, isPlainFile } from './vault/cipher';

export type UserDb = Database.Database;

export interface OpenUserDbOptions {
  /** Path of the better-sqlite3-multiple-ciphers addon (CoreOptions.userNativeBinding); never the plain one. */
  nativeBinding?: string;
  /** Stop migrating at this version (tests build old-schema fixtures with it). */
  targetVersion?: number;
  /** The raw data key of an encrypted database (vault/cipher.ts); absent for a plain one. */
  key?: Buffer | null;
}

/** The file is not a readable SQLite database, or fails its integrity check. */
export class DamagedDatabaseError extends Error {
  constructor(readonly reason: string) {
    super(`the notes database is damaged: ${reason}`);
    this.name = 'DamagedDatabaseError';
  }
}

const SQLITE_MAGIC = 'SQLite format 3\0';
const CORRUPTION_CODES = new Set([
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT',
  'SQLITE_CORRUPT_VTAB',
  'SQLITE_CORRUPT_SEQUENCE',
  'SQLITE_CORRUPT_INDEX',
]);

function sqliteCode(err: unknown): string | null {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  return null;
}

export function isCorruption(err: unknown): boolean {
  const code = sqliteCode(err);
  return code !== null && (CORRUPTION_CODES.has(code) || code.startsWith('SQLITE_CORRUPT'));
}

function newerMessage(found: number): string {
  return (
    `This notes database was made by a newer version of Recollection (schema ${found}, this app knows ` +
    `${LATEST_VERSION}); update the app. The file was left untouched.`
  );
}

/**
 * Reads `user_version` straight from the file header (offset 60, big-endian)
 * so a newer database can be refused without opening it through SQLite, which
 * could otherwise change it (WAL checkpoint on close, journal mode switch).
 * Returns null when the file is absent, empty, or has no SQLite header.
 */
export function headerUserVersion(file: string): number | null {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return null;
  }
  try {
    const header = Buffer.alloc(100);
    const read = fs.readSync(fd, header, 0, 100, 0);
    if (read < 100 || header.toString('latin1', 0, 16) !== SQLITE_MAGIC) return null;
    return header.readUInt32BE(60);
  } finally {
    fs.closeSync(fd);
  }
}

/** How long SQLite waits on another process's lock while the database is being opened. */
export const OPEN_BUSY_TIMEOUT_MS = 5000;

/**
 * Throws SQLITE_BUSY unless a write could start now (takes the write lock and
 * releases it at once). Run under retryBusy before work that must not be
 * repeated per attempt, such as the backup made before an import.
 */
export function probeWriteLock(db: UserDb): void {
  db.exec('BEGIN IMMEDIATE');
  db.exec('ROLLBACK');
}

/** Applies the migrations above the database's version, each in its own transaction. */
export function migrate(db: UserDb, target: number = LATEST_VERSION): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const m of MIGRATIONS) {
    if (m.version <= current || m.version > target) continue;
    db.transaction(() => {
      m.up(db);
      // PRAGMA takes no bound parameters; the value is an integer from our own table.
      db.pragma(`user_version = ${Math.trunc(m.version)}`);
    }).immediate();
  }
}

function quickCheck(db: UserDb): void {
  const rows = db.pragma('quick_check') as Array<Record<string, unknown>>;
  const messages = rows.map((r) => String(Object.values(r)[0]));
  if (messages.length !== 1 || messages[0] !== 'ok') {
    throw new DamagedDatabaseError(`integrity check failed: ${messages.slice(0, 3).join('; ')}`);
  }
}

/**
 * Checks an existing file through a read-only connection first: a read-only
 * connection never checkpoints into, or deletes, the -wal of a damaged file,
 * so everything is still there to be moved aside.
 */
function checkReadOnly(file: string, nativeBinding?: string, key?: Buffer | null): void {
  let db: UserDb | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
    if (key) applyKey(db, key);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_VERSION) throw new CoreError('CONFLICT', newerMessage(version));
    quickCheck(db);
  } catch (err) {
    if (err instanceof CoreError || err instanceof DamagedDatabaseError) throw err;
    if (isCorruption(err)) throw new DamagedDatabaseError(errorMessage(err));
    throw new CoreError('UNAVAILABLE', `cannot open the notes database at ${file}: ${errorMessage(err)}`);
  } finally {
    db?.close();
  }
}

/**
 * Opens (creating if absent) and migrates the user database. Throws
 * CoreError('CONFLICT') for a newer schema, DamagedDatabaseError for a
 * damaged file, CoreError('UNAVAILABLE') when the file cannot be opened at all.
 */
export function openUserDb(file: string, options: OpenUserDbOptions = {}): UserDb {
  if (options.key) return openEncrypted(file, options, options.key);
  const fromHeader = headerUserVersion(file);
  if (fromHeader !== null && fromHeader > LATEST_VERSION) throw new CoreError('CONFLICT', newerMessage(fromHeader));
  if (fromHeader === null && fs.existsSync(file) && fs.statSync(file).size > 0) {
    // Decided here, before SQLite opens it: closing a connection on a file it
    // cannot read may still checkpoint or delete its -wal companion.
    throw new DamagedDatabaseError('file is not a database (no SQLite header)');
  }
  if (fromHeader !== null) checkReadOnly(file, options.nativeBinding);

  return openAndMigrate(file, options, null);
}

/**
 * An encrypted file has no readable header: its version is read after keying
 * (a read-only connection first, as for a plain file). The key was unwrapped
 * through an authenticated cipher, so SQLITE_NOTADB here is damage, not a
 * wrong passphrase.
 */
function openEncrypted(file: string, options: OpenUserDbOptions, key: Buffer): UserDb {
  if (fs.existsSync(file) && fs.statSync(file).size > 0) {
    if (isPlainFile(file)) throw new DamagedDatabaseError('the file is not encrypted while protection is on');
    checkReadOnly(file, options.nativeBinding, key);
  }
  return openAndMigrate(file, options, key);
}

function openAndMigrate(file: string, options: OpenUserDbOptions, key: Buffer | null): UserDb {
  let db: UserDb;
  try {
    db = new Database(file, { nativeBinding: options.nativeBinding });
  } catch (err) {
    if (isCorruption(err)) throw new DamagedDatabaseError(errorMessage(err));
    throw new CoreError('UNAVAILABLE', `cannot open the notes database at ${file}: ${errorMessage(err)}`);
  }
  try {
    // Before anything reads a page: a new file is created encrypted.
    if (key) applyKey(db, key);
    // WAL: readers never block the writer, and a crash mid-write leaves the
    // main file intact (the WAL is replayed or discarded by checksum).
    db.pragma('journal_mode = WAL');
    // FULL: in WAL mode NORMAL may lose the last transactions on power loss
    // (the WAL is fsynced only at checkpoints). FULL fsyncs the WAL at every
    // commit, so a write the app has acknowledged survives a power cut. The
    // cost (one fsync per note saved) is invisible at human typing speed.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    // Another process (the command line while the app runs) may hold the write lock briefly.
    // While opening (migrations, purge, re-anchoring) SQLite waits itself; once open the
    // store lowers this to BUSY_TIMEOUT_MS and waits off the thread (base/faults.ts).
    db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
    migrate(db, options.targetVersion ?? LATEST_VERSION);
    // Owner-only, whatever the umask: SQLite gives the -wal and -shm the main file's mode.
    for (const side of ['', '-wal', '-shm']) makePrivate(file + side);
    return db;
  } catch (err) {
    db.close();
    if (err instanceof CoreError || err instanceof DamagedDatabaseError) throw err;
    if (isCorruption(err)) throw new DamagedDatabaseError(errorMessage(err));
    throw err;
  }
}
