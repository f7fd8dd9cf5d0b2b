/**
 * Recovery at open: when the user database cannot be read (not a database,
 * failed integrity check), move it aside to `<dataDir>/damaged/`, restore the
 * newest backup that verifies, and say so in plain words.
 *
 * Constraint: never delete the damaged file (it may hold the only copy of
 * recent notes); never act on a file refused for another reason (a newer
 * schema, a permission problem) — only `DamagedDatabaseError` triggers this.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../../shared/contract/result';
import { backupNames, backupsDir, createdOf, stamp, syncFile, verifyBackup } from './backup';
import { DamagedDatabaseError, openUserDb, type UserDb } from './db';
import { errorMessage } from '../../shared/errors';

export interface OpenedUserDb {
  db: UserDb;
  /** What recovery did, for the user; null when the database opened normally. */
  recovery: string | null;
}

const SIDE_FILES = ['', '-wal', '-shm'] as const;

/** Moves the database and its WAL/SHM companions to damaged/; returns the new main path. */
export function moveAside(file: string, dataDir: string, now: Date): string {
  const dir = path.join(dataDir, 'damaged');
  fs.mkdirSync(dir, { recursive: true });
  let base = `user-${stamp(now)}`;
  for (let n = 1; fs.existsSync(path.join(dir, `${base}.db`)); n++) base = `user-${stamp(now)}-${n}`;
  const target = path.join(dir, `${base}.db`);
  try {
    for (const side of SIDE_FILES) {
      if (fs.existsSync(file + side)) fs.renameSync(file + side, target + side);
    }
  } catch (err) {
    throw new CoreError(
      'UNAVAILABLE',
      `the notes database is damaged and could not be moved aside (${errorMessage(err)}); nothing was changed`,
    );
  }
  return target;
}

const humanDate = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Copies a verified backup into place as the user database and opens it; null if it still fails. */
function tryRestore(backupFile: string, file: string, nativeBinding?: string): UserDb | null {
  const tmp = `${file}.restoring`;
  fs.copyFileSync(backupFile, tmp);
  syncFile(tmp);
  fs.renameSync(tmp, file);
  try {
    return openUserDb(file, { nativeBinding });
  } catch (err) {
    // Our own copy of the backup: removing it loses nothing (the backup stays in backups/).
    for (const side of SIDE_FILES) fs.rmSync(file + side, { force: true });
    if (err instanceof DamagedDatabaseError) return null;
    throw err;
  }
}

export function openWithRecovery(
  file: string,
  dataDir: string,
  options: { nativeBinding?: string; now: () => Date },
): OpenedUserDb {
  try {
    return { db: openUserDb(file, { nativeBinding: options.nativeBinding }), recovery: null };
  } catch (err) {
    if (!(err instanceof DamagedDatabaseError)) throw err;
    const damagedAt = moveAside(file, dataDir, options.now());
    const what = `Recollection could not read your notes database (${err.reason}). The damaged file was moved to ${damagedAt} and kept.`;
    for (const name of backupNames(dataDir)) {
      const backupFile = path.join(backupsDir(dataDir), name);
      if (!verifyBackup(backupFile, options.nativeBinding)) continue;
      const db = tryRestore(backupFile, file, options.nativeBinding);
      if (db) {
        const when = humanDate(createdOf(name));
        return {
          db,
          recovery: `${what} Your notes were restored from the backup of ${when} (${name}); notes made after that are only in the damaged file.`,
        };
      }
    }
    const db = openUserDb(file, { nativeBinding: options.nativeBinding });
    return {
      db,
      recovery: `${what} No usable backup was found, so Recollection started with an empty notes database; the damaged file is kept for recovery.`,
    };
  }
}
