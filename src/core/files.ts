/**
 * File input and output for exports and imports, shared by the shell's dialogs
 * and the command line: the atomic write of an export and the size-checked read
 * of an import file.
 *
 * Constraints: no Electron import; lose nothing (a failed
 * write leaves the destination as it was); refuse an import file larger than
 * LIMITS.importBytes before reading it, and one that is not valid UTF-8 with
 * the byte offset of the first bad sequence (never a silent U+FFFD).
 */
import { randomUUID } from 'node:crypto';
import { readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CoreError } from '../shared/contract/result';
import { LIMITS } from '../shared/limits';

/** Writes `data` to `path` through a temporary sibling, so a failure never leaves half a file. */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.${randomUUID()}.tmp`);
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (err) {
    await rm(tmp, { force: true });
    throw err;
  }
}

/** Reads an import file as text after checking its size. */
export async function readImportFile(path: string): Promise<string> {
  let size: number;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CoreError('INVALID_ARGUMENT', `${basename(path)} is not a file`);
    size = info.size;
  } catch (err) {
    if (err instanceof CoreError) throw err;
    throw new CoreError('NOT_FOUND', `cannot read ${basename(path)}`);
  }
  if (size > LIMITS.importBytes) {
    const mb = Math.round(LIMITS.importBytes / (1024 * 1024));
    throw new CoreError(
      'INVALID_ARGUMENT',
      `${basename(path)} is larger than ${mb} MB; it is not a Recollection export`,
    );
  }
  const text = decodeUtf8(await readFile(path), basename(path));
  // A byte-order mark (some editors add one) is not part of the JSON.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
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
