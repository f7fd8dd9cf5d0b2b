/**
 * One backup file of the user database: written with SQLite's online backup
 * API into `<dataDir>/backups/user-YYYYMMDD-HHMMSS[-n].db`, switched to a
 * self-contained file, verified (opened read-only, `integrity_check` = ok,
 * `user_version` as expected), fsynced, owner-only — and the checks and
 * fsync the rest of the user code reuses (verifyBackup, stamp).
 *
 * Constraint: a backup that does not verify is never kept under a backup name
 * (it is written to a hidden partial file first and only put in place once
 * checked), and a backup never replaces another (publish).
 * Which backups are kept is rotation.ts's business.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import type { BackupInfo } from '../../../shared/contract/types';
import { CoreError } from '../../../shared/contract/result';
import { syncDir, syncFile } from '../../base/files';
import { createNew, uniqueTag } from '../../base/fresh-files';
import { makePrivate, privateDir } from '../../base/owner-only';
import { backupNames, backupsDir, createdOf } from './rotation';
import type { UserDb } from '../db';
import { LATEST_VERSION } from '../migrations';
import { isPlainFile, openKeyed, writeCopy } from '../vault/cipher';

/** `YYYYMMDD-HHMMSS` in UTC: sortable, and free of characters file systems reject. */
export function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/**
 * Opens a backup read-only and checks it. `expectedVersion` undefined accepts
 * any schema this app can migrate (1..LATEST_VERSION). With `key` (protection on) only an
 * encrypted backup verifies, without it only a plain one: a backup of the other kind is left
 * from a conversion that did not finish (../vault/convert.ts converts it at the next unlock).
 */
export function verifyBackup(
  file: string,
  nativeBinding?: string,
  expectedVersion?: number,
  key: Buffer | null = null,
): boolean {
  let db: UserDb | null = null;
  try {
    if (isPlainFile(file) === Boolean(key)) return false;
    db = openKeyed(file, key, nativeBinding);
    const rows = db.pragma('integrity_check') as Array<Record<string, unknown>>;
    if (rows.length !== 1 || Object.values(rows[0])[0] !== 'ok') return false;
    const version = db.pragma('user_version', { simple: true }) as number;
    return expectedVersion === undefined ? version >= 1 && version <= LATEST_VERSION : version === expectedVersion;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

export function backupInfo(dataDir: string, name: string, verified: boolean): BackupInfo {
  const bytes = fs.statSync(path.join(backupsDir(dataDir), name)).size;
  return { name, created: createdOf(name), bytes, verified };
}

/**
 * A name that sorts after every backup made in the same second: one past the
 * highest counter, never a gap that rotation freed (a reused lower name would
 * sort as the oldest and be rotated out at once).
 */
function freshName(dataDir: string, now: Date): string {
  const base = `user-${stamp(now)}`;
  const same = backupNames(dataDir).filter((n) => n.startsWith(base));
  if (same.length === 0) return `${base}.db`;
  const counters = same.map((n) => Number(/-(\d+)\.db$/.exec(n.slice(base.length))?.[1] ?? 0));
  return `${base}-${Math.max(...counters) + 1}.db`;
}

/**
 * Puts the verified `partial` in place under a fresh backup name without ever replacing a file: a hard
 * link fails on an existing name (another process's backup of the same second), and the next name is
 * tried; a file system without links gets the rename, after the name was checked free.
 */
function publish(partial: string, dataDir: string, now: Date): string {
  const dir = backupsDir(dataDir);
  for (let tries = 0; ; tries++) {
    const name = freshName(dataDir, now);
    const target = path.join(dir, name);
    try {
      fs.linkSync(partial, target);
      fs.rmSync(partial, { force: true });
      return name;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' && tries < 100) continue;
      if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EXDEV' && code !== 'ENOSYS') throw err;
      fs.renameSync(partial, target);
      return name;
    }
  }
}

/**
 * Writes and verifies one backup of `db`; does not rotate. The partial copy is a new, owner-only file
 * named for this write alone (`.user-….db.<pid>.<uuid>.partial`), so two backups in the same second never
 * share one, and a killed backup's is removed at the next open (vault/leftovers.ts).
 */
export async function writeBackup(
  db: UserDb,
  dataDir: string,
  now: Date,
  nativeBinding?: string,
  key: Buffer | null = null,
): Promise<BackupInfo> {
  const dir = privateDir(backupsDir(dataDir));
  const partial = path.join(dir, `.${freshName(dataDir, now)}.${uniqueTag()}.partial`);
  const version = db.pragma('user_version', { simple: true }) as number;
  try {
    if (key) {
      // SQLite's backup API would write the pages decrypted: an encrypted copy is exported under the same key.
      writeCopy(db, partial, key, nativeBinding);
    } else {
      createNew(partial);
      await db.backup(partial);
      makePrivate(partial);
      // A backup is one self-contained file: switch it out of WAL mode so it
      // never depends on -wal/-shm companions when copied or restored.
      const copy = new Database(partial, { nativeBinding });
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      if (!verifyBackup(partial, nativeBinding, version)) {
        throw new CoreError(
          'INTERNAL',
          'the backup did not verify after writing; the notes database itself is unchanged',
        );
      }
      syncFile(partial);
    }
    const name = publish(partial, dataDir, now);
    syncDir(dir);
    return backupInfo(dataDir, name, true);
  } finally {
    for (const side of ['', '-journal', '-wal', '-shm']) fs.rmSync(partial + side, { force: true });
  }
}
