/**
 * Opening and writing files in the shared folder, a folder anyone in the
 * delegation (and its sync service) can write: a name listed a moment ago may
 * be a pipe, a device or a link to anywhere by the time it is opened.
 *
 * Reading (`readFolderFile`): the file is opened without following a link
 * (O_NOFOLLOW) and without waiting for a writer (O_NONBLOCK), checked on the
 * open descriptor (fstat: a regular file, within the size cap), and read from
 * that descriptor only, at most the size fstat gave (one byte more means it is
 * growing: refused). A folder that seals refuses a plain file from its first
 * 4 KiB, before the rest is read or parsed.
 *
 * Writing (`writeFolderFile`): this installation's own file goes through a
 * temporary sibling with a random name, created new (O_CREAT|O_EXCL|O_NOFOLLOW,
 * 0600), fsynced and renamed over the target: a link planted at any name is
 * never written through, and the rename replaces a link at the target itself,
 * never what it points to.
 *
 * Constraint: Node fs only; every refusal is a sentence for the files list,
 * never a throw past the caller. On Windows there is no O_NOFOLLOW; the
 * descriptor check (a regular file within the cap) still applies.
 */
import { fsPromises, nodeCrypto } from '../base/builtins';
import fs from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../../shared/limits';
import { syncDir } from '../base/files';
import { decodeUtf8 } from '../exchange/import-file';
import { FILE_MODE } from '../base/owner-only';
import { isSealedText } from './layer-file';

const C = fs.constants;
const NOFOLLOW = C.O_NOFOLLOW ?? 0;
const NONBLOCK = C.O_NONBLOCK ?? 0;
/** Enough to hold a sealed file's armor line wherever `isSealedText` looks for it. */
const HEAD_BYTES = 4096;
const MB = (n: number): string => `${Math.round(n / 1024 / 1024)} MB`;

export type FolderRead =
  | { ok: true; text: string; sealed: boolean; size: number; mtimeMs: number }
  | { ok: false; reason: string; sealed: boolean };

const refuse = (reason: string, sealed = false): FolderRead => ({ ok: false, reason, sealed });

/** Why a file could not be opened, in words (a link, gone, no permission). */
function openRefusal(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ELOOP' || code === 'EMLINK')
    return 'Not read: this is a link, and links are never followed in the shared folder.';
  if (code === 'ENOENT') return 'Not read: the file went away while the folder was read.';
  if (code === 'EACCES' || code === 'EPERM') return 'Not read: no permission to read this file.';
  return `Not read: the file could not be opened (${code ?? 'unknown error'}).`;
}

/**
 * Reads one file of the shared folder, or says why not. `plainRefused`: the delegation seals, so a file
 * that is not sealed is refused from its header, without reading or parsing the rest.
 */
export async function readFolderFile(
  full: string,
  plainRefused: ((head: string) => string) | null,
): Promise<FolderRead> {
  let file: Awaited<ReturnType<ReturnType<typeof fsPromises>['open']>>;
  try {
    file = await fsPromises().open(full, C.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch (err) {
    return refuse(openRefusal(err));
  }
  try {
    const stat = await file.stat();
    if (!stat.isFile())
      return refuse('Not read: not a regular file (a folder, a pipe or a device); nothing of it was taken.');
    if (stat.size > LIMITS.sealedImportBytes)
      return refuse(`Not read: larger than ${MB(LIMITS.sealedImportBytes)} (${MB(stat.size)}).`);
    const head = Buffer.alloc(Math.min(HEAD_BYTES, stat.size));
    const { bytesRead: headRead } = await file.read(head, 0, head.length, 0);
    const sealed = isSealedText(head.subarray(0, headRead).toString('latin1'));
    if (!sealed && plainRefused !== null) return refuse(plainRefused(head.subarray(0, headRead).toString('utf8')));
    if (!sealed && stat.size > LIMITS.importBytes)
      return refuse(`Not read: larger than ${MB(LIMITS.importBytes)} (${MB(stat.size)}).`);
    // The size fstat gave, and one byte more to see whether the file is still growing.
    const bytes = Buffer.alloc(stat.size + 1);
    let read = 0;
    for (;;) {
      const { bytesRead } = await file.read(bytes, read, bytes.length - read, read);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read > stat.size) return refuse('Not read: the file was changing while it was read.', sealed);
    }
    let text: string;
    try {
      text = decodeUtf8(bytes.subarray(0, read), path.basename(full));
    } catch (err) {
      return refuse(`Not read: ${(err as Error).message.split('\n')[0].slice(0, 300)}`, sealed);
    }
    return { ok: true, text, sealed, size: read, mtimeMs: stat.mtimeMs };
  } catch (err) {
    return refuse(openRefusal(err));
  } finally {
    await file.close().catch(() => undefined);
  }
}

/**
 * The same checks, synchronously, for this installation's own file (read once, at the first writing, to see
 * whether it is current: a plain write is done when it returns, so the last edit lands even as the app quits).
 */
export function readFolderFileSync(full: string): FolderRead {
  let fd: number;
  try {
    fd = fs.openSync(full, C.O_RDONLY | NOFOLLOW | NONBLOCK);
  } catch (err) {
    return refuse(openRefusal(err));
  }
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isFile() || stat.size > LIMITS.sealedImportBytes) return refuse('Not read: not a layer file.');
    const bytes = Buffer.alloc(stat.size + 1);
    let read = 0;
    for (let n = 1; n > 0 && read <= stat.size; read += n) n = fs.readSync(fd, bytes, read, bytes.length - read, read);
    if (read > stat.size) return refuse('Not read: the file was changing while it was read.');
    const text = decodeUtf8(bytes.subarray(0, read), path.basename(full));
    return { ok: true, text, sealed: isSealedText(text), size: read, mtimeMs: stat.mtimeMs };
  } catch (err) {
    return refuse(openRefusal(err));
  } finally {
    fs.closeSync(fd);
  }
}

/**
 * The author name a plain layer file's first bytes claim (our exports write `rec:author` near the top), to
 * say whom to ask when such a file is refused; unchecked, and only ever shown as a claim. '' when absent.
 */
export function claimedName(head: string): string {
  const m = /"rec:author"\s*:\s*\{[^{}]*?"name"\s*:\s*("(?:[^"\\]|\\.){0,400}")/.exec(head);
  if (!m) return '';
  try {
    return String(JSON.parse(m[1]))
      .replace(/[\p{C}]/gu, '')
      .trim()
      .slice(0, 200);
  } catch {
    return '';
  }
}

/** `.<name>.<uuid>.tmp`: this installation's temporary files for `name` (a killed write leaves one). */
const tempPattern = (name: string): RegExp =>
  new RegExp(
    `^\\.${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\.(?:\\d+|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.tmp$`,
  );

/** Replaces `<dir>/<name>` with `text`: a new random temporary file (never through a link), fsynced, renamed. */
export function writeFolderFile(dir: string, name: string, text: string): void {
  const temp = path.join(dir, `.${name}.${nodeCrypto().randomUUID()}.tmp`);
  const fd = fs.openSync(temp, C.O_WRONLY | C.O_CREAT | C.O_EXCL | NOFOLLOW, FILE_MODE);
  try {
    try {
      fs.writeFileSync(fd, text);
      fs.fchmodSync(fd, FILE_MODE); // the umask narrowed the mode at most; never widened
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(temp, path.join(dir, name));
  } catch (err) {
    fs.rmSync(temp, { force: true });
    throw err;
  }
  syncDir(dir);
}

/**
 * Removes what a killed write of `name` left (its temporary files, each holding notes) and anything planted
 * at those names; removing a name never touches what a link there points to. Never throws.
 */
export function removeOwnTemps(dir: string, name: string): void {
  const ours = tempPattern(name);
  try {
    for (const entry of fs.readdirSync(dir)) if (ours.test(entry)) fs.rmSync(path.join(dir, entry), { force: true });
  } catch {
    // The folder is unreadable or gone: the status says so; nothing to clean.
  }
}
