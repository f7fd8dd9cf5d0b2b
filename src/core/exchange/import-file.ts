/**
 * The size-checked read of an import file, shared by the shell's dialogs and
 * the command line.
 *
 * Constraints: no Electron import; refuse an import file larger than
 * LIMITS.importBytes before reading it (a sealed file: LIMITS.sealedImportBytes),
 * name a binary file (DOCX, PDF…) from its bytes, and refuse one that is not valid UTF-8 with
 * the byte offset of the first bad sequence (never a silent U+FFFD).
 */
import { fsPromises } from '../base/builtins';
import { basename } from 'node:path';
import { CoreError } from '../../shared/contract/result';
import { LIMITS } from '../../shared/limits';

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
  const sniff = await import('./sniff');
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
