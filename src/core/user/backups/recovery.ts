/**
 * Recovery at open: when the user database cannot be read (not a database,
 * failed integrity check), move it aside to `<dataDir>/damaged/`, restore the
 * newest backup that verifies, and say so in plain words.
 *
 * A zero-byte or missing database while backups exist is damage too (SQLite
 * would silently start an empty one and the notes would seem gone): the empty
 * file is moved aside like a damaged one, and the newest good backup restored.
 *
 * Constraint: never delete the damaged file (it may hold the only copy of
 * recent notes); never act on a file refused for another reason (a newer
 * schema, a permission problem) — only `DamagedDatabaseError` triggers this.
 */
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../../../shared/contract/result';
import { syncDir } from '../../base/files';
import { copyToNew, uniqueTag } from '../../base/fresh-files';
import { stamp, verifyBackup } from './file';
import { backupNames, backupsDir, createdOf } from './rotation';
import { makePrivate, privateDir } from '../../base/owner-only';
import { DamagedDatabaseError, openUserDb, type UserDb } from '../db';
import { errorMessage } from '../../../shared/errors';

export interface OpenedUserDb {
  db: UserDb;
  /** What recovery did, for the user; null when the database opened normally. */
  recovery: string | null;
}

const SIDE_FILES = ['', '-wal', '-shm'] as const;

/** Moves the database and its WAL/SHM companions to damaged/; returns the new main path. */
export function moveAside(file: string, dataDir: string, now: Date): string {
  const dir = privateDir(path.join(dataDir, 'damaged'));
  let base = `user-${stamp(now)}`;
  for (let n = 1; fs.existsSync(path.join(dir, `${base}.db`)); n++) base = `user-${stamp(now)}-${n}`;
  const target = path.join(dir, `${base}.db`);
  try {
    for (const side of SIDE_FILES) {
      if (!fs.existsSync(file + side)) continue;
      fs.renameSync(file + side, target + side);
      makePrivate(target + side);
    }
  } catch (err) {
    throw new CoreError(
      'UNAVAILABLE',
      `the notes database is damaged and could not be moved aside (${errorMessage(err)}); nothing was changed`,
    );
  }
  return target;
}

/**
 * 'the file is empty' / 'the file is missing' when the database is zero bytes
 * or absent while backups exist (a first start has no backups); else null.
 */
function missingOrEmpty(file: string, dataDir: string): string | null {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') return null; // a permission problem: not ours to act on
    size = -1;
  }
  if (size > 0 || backupNames(dataDir).length === 0) return null;
  return size === 0 ? 'the file is empty' : 'the file is missing';
}

const humanDate = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)} UTC`;

/** Copies a verified backup into place as the user database and opens it; null if it still fails. */
function tryRestore(backupFile: string, file: string, nativeBinding?: string, key?: Buffer | null): UserDb | null {
  const tmp = `${file}.${uniqueTag()}.restoring`;
  try {
    copyToNew(backupFile, tmp); // new, owner-only, fsynced
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  syncDir(path.dirname(file));
  try {
    return openUserDb(file, { nativeBinding, key });
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
  options: { nativeBinding?: string; now: () => Date; key?: Buffer | null },
): OpenedUserDb {
  try {
    const gone = missingOrEmpty(file, dataDir);
    if (gone) throw new DamagedDatabaseError(gone);
    return { db: openUserDb(file, { nativeBinding: options.nativeBinding, key: options.key }), recovery: null };
  } catch (err) {
    if (!(err instanceof DamagedDatabaseError)) throw err;
    const missing = !fs.existsSync(file);
    const damagedAt =
      missing && !SIDE_FILES.some((side) => fs.existsSync(file + side))
        ? null
        : moveAside(file, dataDir, options.now());
    const what = missing
      ? `Your notes database was missing (${file})${damagedAt ? `; what was left of it was moved to ${damagedAt} and kept` : ''}.`
      : `Recollection could not read your notes database (${err.reason}). The damaged file was moved to ${damagedAt} and kept.`;
    for (const name of backupNames(dataDir)) {
      const backupFile = path.join(backupsDir(dataDir), name);
      if (!verifyBackup(backupFile, options.nativeBinding, undefined, options.key ?? null)) continue;
      const db = tryRestore(backupFile, file, options.nativeBinding, options.key);
      if (db) {
        const when = humanDate(createdOf(name));
        return {
          db,
          recovery: `${what} Your notes were restored from the backup of ${when} (${name}); ${damagedAt ? 'notes made after that are only in the damaged file' : 'notes made after that were not found'}.`,
        };
      }
    }
    const db = openUserDb(file, { nativeBinding: options.nativeBinding, key: options.key });
    return {
      db,
      recovery: `${what} No usable backup was found, so Recollection started with an empty notes database${damagedAt ? '; the damaged file is kept for recovery' : ''}.`,
    };
  }
}
