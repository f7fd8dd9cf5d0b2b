/**
 * Owner-only files and folders for the user's notes: the notes database and
 * its -wal/-shm, backups, damaged copies and exports are 0600, the folders
 * that hold them 0700 (POSIX), whoever created them and whatever the umask.
 *
 * Constraint: notes are secrets, but a folder is only tightened when it is
 * ours — created here, or already owned by this user and holding our notes
 * database — never a folder the user merely pointed us at. On Windows, modes
 * do not apply (the profile folder's ACL keeps other users out); every call
 * here is then a no-op.
 */
import fs from 'node:fs';
import path from 'node:path';

export const FILE_MODE = 0o600;
export const DIR_MODE = 0o700;
const POSIX = process.platform !== 'win32';

/** Sets a file to 0600; missing files are ignored (a -shm may not exist yet). */
export function makePrivate(file: string): void {
  if (!POSIX) return;
  try {
    fs.chmodSync(file, FILE_MODE);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}

const ownedByMe = (stat: fs.Stats): boolean => !process.getuid || stat.uid === process.getuid();

/**
 * Creates `dir` (and missing parents) 0700, and tightens an existing one to
 * 0700 when it is owned by this user and `mine(dir)` says it is ours.
 * Returns the folder path.
 */
export function privateDir(dir: string, mine: (dir: string) => boolean = () => true): string {
  const created = fs.mkdirSync(dir, { recursive: true, mode: DIR_MODE });
  if (!POSIX) return dir;
  // mkdir's mode is filtered by the umask; chmod is not.
  if (created !== undefined) {
    // Tighten only the folders mkdir made: from the first created one down to `dir`.
    for (let d = path.resolve(dir); ; d = path.dirname(d)) {
      fs.chmodSync(d, DIR_MODE);
      if (d === path.resolve(created) || d === path.dirname(d)) break;
    }
    return dir;
  }
  const stat = fs.statSync(dir);
  if ((stat.mode & 0o077) !== 0 && ownedByMe(stat) && mine(dir)) fs.chmodSync(dir, DIR_MODE);
  return dir;
}
