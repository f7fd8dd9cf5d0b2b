/**
 * Turning protection on and off: the notes database (and every backup) is
 * rewritten under the new key, or none, so that no plain copy of a note is
 * left behind — and a kill -9 at any step loses nothing.
 *
 * How (docs/security.md, "Conversion"): the new copy is written beside the
 * database as `user.db.converting`, verified (integrity_check, row counts per
 * table, user_version) and fsynced; the database is closed (its WAL is then
 * empty and removed); one rename puts the copy in place — the commit point.
 * Whether a file is encrypted is read from its first bytes, never assumed, and
 * `repairAtOpen` settles whatever a crash left:
 *   - a `.converting` copy (database or backup) never renamed: deleted (the
 *     original is intact);
 *   - a plain user.db beside vault.json: turning on did not reach its commit,
 *     or turning off passed it: vault.json is removed (protection is off);
 *   - after an unlock, backups not yet of the database's kind are converted
 *     (`convertBackups`): a conversion is finished, never half-done.
 *
 * Constraint: backups are decrypted before the database when turning
 * protection off, so vault.json (the only way to read an encrypted file) is
 * removed only once nothing encrypted is left.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../../../shared/contract/result';
import { syncDir } from '../../base/files';
import { backupNames, backupsDir } from '../backups/rotation';
import type { UserDb } from '../db';
import { isPlainFile, openKeyed, writeCopy } from './cipher';
import { keyFilePath, removeKeyFile } from './keyfile';

export const CONVERTING = '.converting';

/** Removes what an interrupted conversion left; returns true when it rolled back a half-done switch on. */
export function repairAtOpen(dataDir: string, dbFile: string): void {
  for (const side of ['', '-journal', '-wal', '-shm']) fs.rmSync(dbFile + CONVERTING + side, { force: true });
  const dir = backupsDir(dataDir);
  if (fs.existsSync(dir)) {
    for (const name of fs.readdirSync(dir)) {
      if (name.includes(CONVERTING)) fs.rmSync(path.join(dir, name), { force: true });
    }
  }
  fs.rmSync(`${keyFilePath(dataDir)}.tmp`, { force: true });
  if (fs.existsSync(keyFilePath(dataDir)) && isPlainFile(dbFile)) removeKeyFile(dataDir);
}

/**
 * Rewrites every backup that is not already of the wanted kind (encrypted with
 * `key`, or plain when `key` is null), each through a verified `.converting`
 * copy renamed over it. `from` is the key to read an encrypted backup with.
 */
export function convertBackups(dataDir: string, key: Buffer | null, from: Buffer | null, nativeBinding?: string): void {
  const dir = backupsDir(dataDir);
  for (const name of backupNames(dataDir)) {
    const file = path.join(dir, name);
    if (isPlainFile(file) === !key) continue;
    if (!key && !from) continue; // an encrypted backup cannot be read without its key: left as it is
    let src: UserDb;
    try {
      src = openKeyed(file, key ? null : from, nativeBinding, false);
    } catch {
      continue; // a damaged backup is not ours to rewrite; it fails its verification as before
    }
    const tmp = `${file}${CONVERTING}`;
    try {
      writeCopy(src, tmp, key, nativeBinding);
    } finally {
      src.close();
    }
    fs.renameSync(tmp, file);
  }
  if (fs.existsSync(dir)) syncDir(dir);
}

export interface ConvertHost {
  dbFile: string;
  nativeBinding?: string;
  db(): UserDb;
  /** Closes the open database (a clean close checkpoints and removes its WAL). */
  close(): void;
}

/**
 * Writes the verified copy of the open database under `key` (null: plain) as
 * `user.db.converting`; `beforeCommit` runs next (writing vault.json when
 * turning on), then the database is closed and the copy renamed into place.
 * The caller reopens the store, under the new key, in every case.
 */
export function convertDatabase(host: ConvertHost, key: Buffer | null, beforeCommit: () => void): void {
  const tmp = host.dbFile + CONVERTING;
  try {
    writeCopy(host.db(), tmp, key, host.nativeBinding);
    beforeCommit();
    host.close();
    const wal = `${host.dbFile}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
      // Another process (the command line) still has the database open: its writes could be lost.
      throw new CoreError(
        'BUSY',
        'another Recollection process has the notes open; close it and try again. Nothing was changed.',
      );
    }
    for (const side of ['-wal', '-shm']) fs.rmSync(host.dbFile + side, { force: true });
    fs.renameSync(tmp, host.dbFile); // the commit point
    syncDir(path.dirname(host.dbFile));
  } finally {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
  }
}
