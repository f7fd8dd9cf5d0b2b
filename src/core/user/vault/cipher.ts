/**
 * The SQLCipher side of the notes database: keying a connection with the raw
 * data key, telling a plain file from an encrypted one by its first bytes, and
 * writing a verified copy of an open database under another key (or none) —
 * the one primitive behind conversion on/off and encrypted backups.
 *
 * Constraints: the key reaches SQLite as `x'<hex>'` (a raw key, so SQLCipher
 * does no key derivation of its own: the stretching is keyfile.ts's scrypt);
 * the hex string lives only in the PRAGMA/ATTACH text and is never logged.
 * A copy is only ever written to a new path, checked, then fsynced: the
 * caller renames it into place.
 */
import fs from 'node:fs';
import Database from 'better-sqlite3-multiple-ciphers';
import { CoreError } from '../../../shared/contract/result';
import { syncFile } from '../../base/files';
import { createNew } from '../../base/fresh-files';

type Db = Database.Database;

const SQLITE_MAGIC = 'SQLite format 3\0';

/** What the user hears when the loaded SQLite has no cipher (the plain better-sqlite3 addon). */
export const NO_CIPHER_MESSAGE =
  'This build of SQLite cannot encrypt: protection is not available; nothing was changed.';

/**
 * Throws UNAVAILABLE unless the connection's SQLite is SQLite3 Multiple Ciphers.
 * On plain SQLite (the better-sqlite3 addon loaded by mistake) `PRAGMA key` and
 * `PRAGMA cipher` are silently ignored: protection would look on while the
 * notes were written in clear. `PRAGMA cipher` answers the cipher's name only in
 * the cipher build (plain SQLite returns no row for an unknown pragma), and it
 * reads no page, so it works before the key on a file that is already encrypted.
 */
export function assertCanEncrypt(db: Db): void {
  let rows: unknown[] = [];
  try {
    rows = db.pragma('cipher') as unknown[];
  } catch {
    // as no row: this SQLite cannot say which cipher it has
  }
  if (rows.length === 0) throw new CoreError('UNAVAILABLE', NO_CIPHER_MESSAGE);
}

/** The cipher settings every encrypted file uses: SQLCipher 4 (AES-256-CBC, HMAC-SHA512 per page). */
function configure(db: Db): void {
  assertCanEncrypt(db);
  // Without a schema name: the main database's settings, and those ATTACH … KEY uses.
  db.pragma(`cipher = 'sqlcipher'`);
  db.pragma('legacy = 4');
}

export const rawKey = (key: Buffer): string => `x'${key.toString('hex')}'`;

/** Keys a freshly opened connection; the first read then fails with SQLITE_NOTADB if the key is wrong. */
export function applyKey(db: Db, key: Buffer): void {
  configure(db);
  db.pragma(`key = "${rawKey(key)}"`);
}

/** True when the file starts with SQLite's plain header; false for an encrypted (or garbage) file. */
export function isPlainFile(file: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch {
    return false;
  }
  try {
    const header = Buffer.alloc(16);
    return fs.readSync(fd, header, 0, 16, 0) === 16 && header.toString('latin1') === SQLITE_MAGIC;
  } finally {
    fs.closeSync(fd);
  }
}

/** True when the file exists and has bytes but no plain SQLite header (encrypted, or not a database). */
export function looksEncrypted(file: string): boolean {
  try {
    return fs.statSync(file).size > 0 && !isPlainFile(file);
  } catch {
    return false;
  }
}

/** Row count of every table of `schema`, to compare a copy with its source. */
export function rowCounts(db: Db, schema = 'main'): Record<string, number> {
  const tables = db
    .prepare<[], { name: string }>(`SELECT name FROM ${schema}.sqlite_master WHERE type = 'table' ORDER BY name`)
    .all()
    .map((t) => t.name);
  const out: Record<string, number> = {};
  for (const t of tables) {
    out[t] = db.prepare<[], { n: number }>(`SELECT count(*) AS n FROM ${schema}."${t.replace(/"/g, '""')}"`).get()!.n;
  }
  return out;
}

/** Opens a file (read-only) with `key`, or plain when key is null. Throws what SQLite throws. */
export function openKeyed(file: string, key: Buffer | null, nativeBinding?: string, readonly = true): Db {
  // Read-write without fileMustExist: an ATTACHed file inherits the flags, and must be creatable.
  if (!readonly && !fs.existsSync(file)) throw new CoreError('NOT_FOUND', `${file} does not exist`);
  const db = new Database(file, { readonly, fileMustExist: readonly, nativeBinding });
  try {
    if (key) applyKey(db, key);
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    return db;
  } catch (err) {
    db.close();
    throw err;
  }
}

/** integrity_check = ok and the same row counts and user_version as `expected`; throws CoreError otherwise. */
export function verifyCopy(
  file: string,
  key: Buffer | null,
  expected: { counts: Record<string, number>; version: number },
  nativeBinding?: string,
): void {
  const db = openKeyed(file, key, nativeBinding);
  try {
    const rows = db.pragma('integrity_check', { simple: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    const counts = rowCounts(db);
    const same = JSON.stringify(counts) === JSON.stringify(expected.counts);
    if (rows !== 'ok' || version !== expected.version || !same) {
      throw new CoreError('INTERNAL', 'the converted copy did not verify; the notes database is unchanged');
    }
  } finally {
    db.close();
  }
}

/**
 * Copies schema and rows of `main` into the attached `conv` (SQLite3 Multiple
 * Ciphers has no sqlcipher_export): tables first, then their rows, the
 * AUTOINCREMENT counters, and last the indexes, triggers and views.
 */
function exportInto(db: Db, during?: () => void): void {
  const objects = db
    .prepare<[], { type: string; name: string; sql: string | null }>(
      "SELECT type, name, sql FROM main.sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid",
    )
    .all();
  const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;
  // Names come from the database's own schema; the CREATE text is re-run in the attached schema.
  const inConv = (sql: string): string => sql.replace(/^CREATE (TABLE|INDEX|UNIQUE INDEX|TRIGGER|VIEW) /i, '$&conv.');
  db.transaction(() => {
    for (const o of objects.filter((x) => x.type === 'table')) db.exec(inConv(o.sql!));
    for (const o of objects.filter((x) => x.type === 'table')) {
      db.exec(`INSERT INTO conv.${quote(o.name)} SELECT * FROM main.${quote(o.name)}`);
      during?.();
      during = undefined;
    }
    const seq = db.prepare("SELECT 1 FROM main.sqlite_master WHERE name = 'sqlite_sequence'").get();
    if (seq)
      db.exec('DELETE FROM conv.sqlite_sequence; INSERT INTO conv.sqlite_sequence SELECT * FROM main.sqlite_sequence');
    for (const o of objects.filter((x) => x.type !== 'table')) db.exec(inConv(o.sql!));
  })();
}

/** The steps of writing a copy, named for the conversion's crash test (convert.ts): half-written, written, verified. */
export type CopyStep = 'copy' | 'verify' | 'sync';

/**
 * Writes `dest` as a copy of the open database `db` encrypted with `key`
 * (plain when null), in DELETE journal mode (one self-contained file),
 * verified and fsynced. Returns the source's counts. `dest` is created new
 * (fresh-files.ts: owner-only, never an existing file or a link) before SQLite
 * writes into it; a stale one left by a crash is removed first.
 * `db` must be a read-write connection (an attached file shares its flags).
 */
export function writeCopy(
  db: Db,
  dest: string,
  key: Buffer | null,
  nativeBinding?: string,
  step?: (step: CopyStep) => void,
): Record<string, number> {
  for (const side of ['', '-journal', '-wal', '-shm']) fs.rmSync(dest + side, { force: true });
  createNew(dest);
  const version = db.pragma('user_version', { simple: true }) as number;
  const counts = rowCounts(db);
  // ATTACH … KEY applies the connection's cipher settings; '' means a plain file.
  configure(db);
  db.prepare('ATTACH DATABASE ? AS conv KEY ?').run(dest, key ? rawKey(key) : '');
  try {
    exportInto(db, step && (() => step('copy')));
    // PRAGMA takes no bound parameters; the value is an integer read from the source.
    db.pragma(`conv.user_version = ${Math.trunc(version)}`);
  } finally {
    db.prepare('DETACH DATABASE conv').run();
  }
  fs.chmodSync(dest, 0o600);
  step?.('verify');
  verifyCopy(dest, key, { counts, version }, nativeBinding);
  step?.('sync');
  syncFile(dest);
  return counts;
}
