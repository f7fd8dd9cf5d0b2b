/**
 * File output for exports, shared by the shell's dialogs and the command
 * line: the atomic, owner-only write of an export (with the record that lets
 * a later start remove the temporary file of a killed export). The read of an
 * import file is exchange/import-file.ts.
 *
 * Constraints: no Electron import; lose nothing (a failed write leaves the
 * destination as it was); leave nothing (the temporary file holds every
 * private note: it is removed on failure, and recorded in the data folder so
 * the next start removes it if the process was killed); the destination
 * folder is the user's, so only a file we recorded, named by our exact
 * pattern, is ever removed there.
 */
import { fsPromises, nodeCrypto } from './builtins';
import fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { FILE_MODE, privateDir } from './owner-only';

/** `.<name>.<uuid>.recollection-tmp`: hidden, and unmistakably ours. */
const TEMP_NAME = /^\..+\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\.recollection-tmp$/;
/** Where the temporary files being written are recorded: one small file per write. */
export const TEMP_LOG_DIR = 'temp-files';

export const isOurTempName = (name: string): boolean => TEMP_NAME.test(name);

/** fsyncs a folder so the names in it (a rename, a new file) are durable. */
export function syncDir(dir: string): void {
  try {
    const fd = fs.openSync(dir, 'r');
    try {
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
  } catch {
    // Windows cannot open a folder for fsync; NTFS journals the rename itself.
  }
}

/** fsyncs a file (and, where the platform allows, its folder) so a rename that follows is durable. */
export function syncFile(file: string): void {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  syncDir(dirname(file));
}

/** Records a temporary file before it is written; returns the record's path (removed when done). */
function recordTemp(dataDir: string, tmp: string): string {
  const dir = privateDir(join(dataDir, TEMP_LOG_DIR));
  const record = join(dir, `${nodeCrypto().randomUUID()}.json`);
  fs.writeFileSync(record, JSON.stringify({ path: tmp, pid: process.pid }), { mode: FILE_MODE });
  return record;
}

export interface AtomicWriteOptions {
  /** The user's data folder: the temporary file is recorded there so a later start can remove it. */
  dataDir?: string;
}

/**
 * Writes `data` to `path` through a temporary sibling (owner-only, fsynced,
 * then renamed, then the folder fsynced), so a failure never leaves half a
 * file and a power cut never leaves an empty one.
 */
export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  options: AtomicWriteOptions = {},
): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${nodeCrypto().randomUUID()}.recollection-tmp`);
  const record = options.dataDir ? recordTemp(options.dataDir, tmp) : null;
  try {
    const file = await fsPromises().open(tmp, 'wx', FILE_MODE);
    try {
      await file.writeFile(data);
      await file.sync();
    } finally {
      await file.close();
    }
    await fsPromises().rename(tmp, path);
    syncDir(dirname(path));
  } catch (err) {
    await fsPromises().rm(tmp, { force: true });
    throw err;
  } finally {
    if (record) await fsPromises().rm(record, { force: true });
  }
}

const alive = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes the temporary files of exports whose process is gone (killed, or
 * the machine stopped): those recorded in `<dataDir>/temp-files/`, and any of
 * our temporary files in the data folder itself older than this process.
 * Returns the paths removed. Never throws: this is housekeeping at start.
 */
export function cleanStaleTemps(dataDir: string): string[] {
  const removed: string[] = [];
  const started = Date.now() - process.uptime() * 1000;
  const logDir = join(dataDir, TEMP_LOG_DIR);
  let records: string[] = [];
  try {
    records = fs.readdirSync(logDir).filter((n) => n.endsWith('.json'));
  } catch {
    // No record folder: nothing was ever left behind.
  }
  for (const name of records) {
    try {
      const entry: unknown = JSON.parse(fs.readFileSync(join(logDir, name), 'utf8'));
      const { path, pid } = (entry ?? {}) as { path?: unknown; pid?: unknown };
      if (typeof pid === 'number' && alive(pid)) continue; // still writing (another window)
      if (typeof path === 'string' && isOurTempName(basename(path)) && fs.existsSync(path)) {
        fs.rmSync(path, { force: true });
        removed.push(path);
      }
      fs.rmSync(join(logDir, name), { force: true });
    } catch {
      // An unreadable record is left for the user to see; it names no file we would remove blindly.
    }
  }
  try {
    for (const name of fs.readdirSync(dataDir)) {
      const path = join(dataDir, name);
      if (isOurTempName(name) && fs.statSync(path).mtimeMs < started) {
        fs.rmSync(path, { force: true });
        removed.push(path);
      }
    }
  } catch {
    // The data folder is created by the store; nothing to clean before.
  }
  return removed;
}
