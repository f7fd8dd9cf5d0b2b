/**
 * Crash leftovers of the notes: the files a killed process leaves beside the
 * database and in backups/ — a backup's partial copy, a restore's copy, a
 * conversion's copy, the temporary files of the key file and of the
 * conversion journal — and the work folders of a PDF print
 * (`temp-files/pdf.<pid>.<uuid>.tmp`: the brief, the PDF, the browser's profile). Each may hold every note, in clear when it was written
 * before protection was on, so each is removed at the next open and again when
 * protection is turned on (the caller runs that one in the vault's queue, so
 * nothing of this process is being written then).
 *
 * Constraint: only our own exact names are removed, and a file named with its
 * writer's process id only once that process is gone (fresh-files.ts): a
 * backup the command line is writing at the same moment is never pulled away.
 */
import fs from 'node:fs';
import path from 'node:path';
import { TEMP_LOG_DIR } from '../../base/files';
import { writerGone } from '../../base/fresh-files';
import { backupsDir } from '../backups/rotation';

/** Beside the database: `user.db.converting[-journal|-wal|-shm]`, `user.db[.<tag>].restoring`, `*.json[.<tag>].tmp`. */
const IN_DATA_DIR = (dbName: string): RegExp =>
  new RegExp(
    `^(?:${escape(dbName)}\\.converting(?:-journal|-wal|-shm)?|${escape(dbName)}(?:\\.[0-9a-f.-]+)?\\.restoring|(?:vault|vault-conversion)\\.json(?:\\.[0-9a-f.-]+)?\\.tmp)$`,
  );
/** In backups/: `.user-….db[.<tag>].partial[-journal]` and `user-….db.converting[-journal]`. */
const IN_BACKUPS = /^(?:\.user-[0-9-]+\.db(?:\.[0-9a-f.-]+)?\.partial|user-[0-9-]+\.db\.converting)(?:-journal)?$/;

/** In temp-files/: a PDF print's work folder (src/cli/pdf.ts). */
const PDF_FOLDER = /^pdf\.\d{1,10}\.[0-9a-f-]{36}\.tmp$/;

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function namesIn(dir: string): string[] {
  try {
    return fs.readdirSync(dir);
  } catch {
    return [];
  }
}

/**
 * Removes every crash leftover of the data folder whose writer is gone (`ownToo`:
 * this process's as well, when nothing of it can be in flight); returns the paths removed.
 */
export function removeLeftovers(dataDir: string, dbFile: string, ownToo = false): string[] {
  const removed: string[] = [];
  const sweep = (dir: string, pattern: RegExp): void => {
    for (const name of namesIn(dir)) {
      if (!pattern.test(name)) continue;
      if (!writerGone(name) && !(ownToo && name.includes(`.${process.pid}.`))) continue;
      const file = path.join(dir, name);
      try {
        if (!fs.lstatSync(file).isFile()) continue; // only a file we wrote; a link or a folder is not ours
        fs.rmSync(file, { force: true });
        removed.push(file);
      } catch {
        // Gone already, or not ours to remove: the next open tries again.
      }
    }
  };
  sweep(path.dirname(dbFile), IN_DATA_DIR(path.basename(dbFile)));
  sweep(backupsDir(dataDir), IN_BACKUPS);
  const temps = path.join(dataDir, TEMP_LOG_DIR);
  for (const name of namesIn(temps)) {
    if (!PDF_FOLDER.test(name) || !(writerGone(name) || (ownToo && name.includes(`.${process.pid}.`)))) continue;
    const folder = path.join(temps, name);
    try {
      if (!fs.lstatSync(folder).isDirectory()) continue;
      fs.rmSync(folder, { recursive: true, force: true }); // rm does not follow links inside
      removed.push(folder);
    } catch {
      // The next open tries again.
    }
  }
  return removed;
}
