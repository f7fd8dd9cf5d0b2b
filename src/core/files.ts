/**
 * File input and output for exports and imports, shared by the shell's dialogs
 * and the command line: the atomic write of an export and the size-checked read
 * of an import file.
 *
 * Constraints: no Electron import; lose nothing (a failed
 * write leaves the destination as it was); refuse an import file larger than
 * LIMITS.importBytes before reading it.
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
  const text = await readFile(path, 'utf8');
  // A byte-order mark (some editors add one) is not part of the JSON.
  return text.startsWith('\uFEFF') ? text.slice(1) : text;
}
