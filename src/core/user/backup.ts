/**
 * Backups of the user database: SQLite's online backup API into
 * `<dataDir>/backups/user-YYYYMMDD-HHMMSS[-n].db`, each verified after writing
 * (opened read-only, `integrity_check` = ok, `user_version` as expected), the
 * newest BACKUP_KEEP kept.
 *
 * Constraint: a backup that does not verify is never kept under a backup name
 * (it is written to a hidden partial file first and only renamed once checked),
 * and a name from outside can only ever resolve to a file inside backups/.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { BackupInfo } from '../../shared/contract/types';
import { CoreError } from '../../shared/contract/result';
import type { UserDb } from './db';
import { LATEST_VERSION } from './migrations';

export const BACKUP_KEEP = 10;
const NAME = /^user-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d{1,6}))?\.db$/;

export const backupsDir = (dataDir: string): string => path.join(dataDir, 'backups');

/** `YYYYMMDD-HHMMSS` in UTC: sortable, and free of characters file systems reject. */
export function stamp(now: Date): string {
  return now.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
}

/** Sort key: time then the -n counter (names made within the same second). */
function sortKey(name: string): string {
  const m = NAME.exec(name);
  return m ? `${m.slice(1, 7).join('')}-${(m[7] ?? '0').padStart(6, '0')}` : '';
}

/** Creation time (ISO, UTC) encoded in a backup's name; '' for other names. */
export function createdOf(name: string): string {
  const m = NAME.exec(name);
  if (!m) return '';
  return `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z`;
}

/** Backup file names, newest first. */
export function backupNames(dataDir: string): string[] {
  let names: string[];
  try {
    names = fs.readdirSync(backupsDir(dataDir));
  } catch {
    return [];
  }
  return names.filter((n) => NAME.test(n)).sort((a, b) => sortKey(b).localeCompare(sortKey(a)));
}

/** Resolves a user-given backup name to its path; rejects anything that is not one of ours. */
export function resolveBackup(dataDir: string, name: string): string {
  const dir = backupsDir(dataDir);
  const file = path.resolve(dir, name);
  if (!NAME.test(name) || path.dirname(file) !== path.resolve(dir)) {
    throw new CoreError('INVALID_ARGUMENT', `not a backup name: ${name.slice(0, 80)}`);
  }
  if (!fs.existsSync(file)) throw new CoreError('NOT_FOUND', `no backup named ${name}`);
  return file;
}

/**
 * Opens a backup read-only and checks it. `expectedVersion` undefined accepts
 * any schema this app can migrate (1..LATEST_VERSION).
 */
export function verifyBackup(file: string, nativeBinding?: string, expectedVersion?: number): boolean {
  let db: UserDb | null = null;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, nativeBinding });
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

function info(dataDir: string, name: string, verified: boolean): BackupInfo {
  const bytes = fs.statSync(path.join(backupsDir(dataDir), name)).size;
  return { name, created: createdOf(name), bytes, verified };
}

export function listBackups(dataDir: string, nativeBinding?: string): BackupInfo[] {
  return backupNames(dataDir).map((name) =>
    info(dataDir, name, verifyBackup(path.join(backupsDir(dataDir), name), nativeBinding)),
  );
}

/** fsyncs a file (and, where the platform allows, its folder) so a rename that follows is durable. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  try {
    const dir = fs.openSync(path.dirname(file), 'r');
    try {
      fs.fsyncSync(dir);
    } finally {
      fs.closeSync(dir);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  }
}

function rotate(dataDir: string): void {
  for (const old of backupNames(dataDir).slice(BACKUP_KEEP))
    fs.rmSync(path.join(backupsDir(dataDir), old), { force: true });
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

export async function createBackup(
  db: UserDb,
  dataDir: string,
  now: Date,
  nativeBinding?: string,
): Promise<BackupInfo> {
  const dir = backupsDir(dataDir);
  fs.mkdirSync(dir, { recursive: true });
  const name = freshName(dataDir, now);
  const partial = path.join(dir, `.${name}.partial`);
  const version = db.pragma('user_version', { simple: true }) as number;
  try {
    await db.backup(partial);
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
    fs.renameSync(partial, path.join(dir, name));
  } finally {
    fs.rmSync(partial, { force: true });
  }
  rotate(dataDir);
  return info(dataDir, name, true);
}
