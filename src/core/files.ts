/**
 * File input and output for exports and imports, shared by the shell's dialogs
 * and the command line: the atomic, owner-only write of an export (with the
 * record that lets a later start remove the temporary file of a killed
 * export) and the size-checked read of an import file.
 *
 * Constraints: no Electron import; lose nothing (a failed write leaves the
 * destination as it was); leave nothing (the temporary file holds every
 * private note: it is removed on failure, and recorded in the data folder so
 * the next start removes it if the process was killed); the destination
 * folder is the user's, so only a file we recorded, named by our exact
 * pattern, is ever removed there; refuse an import file larger than
 * LIMITS.importBytes before reading it (a sealed file: LIMITS.sealedImportBytes),
 * name a binary file (DOCX, PDF…) from its bytes, and refuse one that is not valid UTF-8 with
 * the byte offset of the first bad sequence (never a silent U+FFFD).
 */
import { fsPromises, nodeCrypto } from './builtins';
import fs from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CoreError } from '../shared/contract/result';
import { LIMITS } from '../shared/limits';
import { FILE_MODE, makePrivate, privateDir } from './owner-only';

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

/**
 * Replaces `target` with `text`, owner-only and durably: written to `temp` (a sibling), fsynced, made
 * 0600 whatever the umask, renamed over `target`, and the folder synced. A crash leaves the old file or
 * the new one, never a part of either.
 */
export function replaceFilePrivately(target: string, text: string, temp = `${target}.tmp`): void {
  const fd = fs.openSync(temp, 'w', FILE_MODE);
  try {
    fs.writeFileSync(fd, text);
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  makePrivate(temp);
  fs.renameSync(temp, target);
  syncDir(dirname(target));
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

/** Reads an import file as text after checking its size. */
export async function readImportFile(path: string): Promise<string> {
  let size: number;
  try {
    const info = await fsPromises().stat(path);
    if (!info.isFile()) throw new CoreError('INVALID_ARGUMENT', `${basename(path)} is not a file`);
    size = info.size;
  } catch (err) {
    if (err instanceof CoreError) throw err;
    throw new CoreError('NOT_FOUND', `cannot read ${basename(path)}`);
  }
  const tooLarge = (): CoreError => {
    const mb = Math.round(LIMITS.importBytes / (1024 * 1024));
    return new CoreError(
      'INVALID_ARGUMENT',
      `${basename(path)} is larger than ${mb} MB; it is not a Recollection export`,
    );
  };
  // Loaded here, not at start: the command line's entry must not load the exporters' libraries (docs/cli.md).
  const sniff = await import('./exchange/sniff');
  const { sniffBytes, sniffText } = sniff;
  // A sealed file may be larger than the export it holds (base64); anything else is held to importBytes.
  if (size > LIMITS.sealedImportBytes || (size > LIMITS.importBytes && !(await startsSealed(path, sniffText))))
    throw tooLarge();
  const bytes = await fsPromises().readFile(path);
  // Named from its bytes before decoding: a DOCX or PDF is "a Word document", not "invalid UTF-8 at byte 10".
  const kind = sniffBytes(bytes);
  // A binary age file (the age tool's `age -p` without -a) is read as its armored text form.
  if (kind === 'age-binary') return (await import('age-encryption')).armor.encode(bytes);
  if (kind) sniff.refuseUnreadable(kind, basename(path));
  const text = decodeUtf8(bytes, basename(path));
  // Named here too (the import channel names it again, without the file's name).
  sniff.refuseUnreadable(sniffText(text), basename(path));
  // A byte-order mark (some editors add one) is not part of the JSON.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}

/** Whether the file's first bytes hold a sealed file's armor line (read without reading the whole file). */
async function startsSealed(path: string, sniffText: (text: string) => string): Promise<boolean> {
  const file = await fsPromises().open(path, 'r');
  try {
    const head = new Uint8Array(4096);
    const { bytesRead } = await file.read(head, 0, head.length, 0);
    return sniffText(new TextDecoder('latin1').decode(head.subarray(0, bytesRead))) === 'sealed';
  } finally {
    await file.close();
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The file's text, refusing invalid UTF-8 with the byte offset of the first bad
 * sequence: a lenient decode would put U+FFFD into notes without a word.
 */
export function decodeUtf8(bytes: Uint8Array, name: string): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    // Find it from the lenient decode: every U+FFFD before the first bad sequence is a
    // genuine one (EF BF BD), so the text before it has the same length in bytes.
    const loose = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    let offset = 0;
    let from = 0;
    for (let i = loose.indexOf('\uFFFD'); i !== -1; i = loose.indexOf('\uFFFD', i + 1)) {
      offset += Buffer.byteLength(loose.slice(from, i), 'utf8');
      from = i;
      if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) break;
    }
    let end = offset + 1; // the bad sequence: its lead byte and the continuation bytes after it
    while (end < bytes.length && end - offset < 4 && ((bytes[end] ?? 0) & 0xc0) === 0x80) end++;
    const shown = [...bytes.subarray(offset, end)].map((b) => `0x${b.toString(16).toUpperCase().padStart(2, '0')}`);
    throw new CoreError(
      'INVALID_ARGUMENT',
      `${name} is not valid UTF-8: byte offset ${offset} (${shown.join(' ')}); save it as UTF-8 and import it again`,
    );
  }
}
