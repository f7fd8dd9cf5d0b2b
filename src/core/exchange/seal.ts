/**
 * Sealed files (`.recollection`): any export, encrypted with a passphrase in
 * the age format (age-encryption.org/v1, scrypt passphrase recipient) through
 * `age-encryption` (typage, the JavaScript implementation by age's author), so
 * the notes on a USB stick or in a mail are unreadable without the passphrase.
 *
 * The file is text: three plain lines saying what it is (and the SHA-256 of the
 * sealed bytes), then age's ASCII armor. Inside, the age payload starts with
 * one header line (`RECOLLECTION-SEALED/1 {"format":…,"filename":…}`) naming
 * what the seal holds, then the export's bytes unchanged. A bare age file
 * (the age tool's `age -p`, armored or binary) holding a JSON export opens too.
 *
 * Constraints: all or nothing (age authenticates every 64 KiB chunk and the
 * end; nothing is returned until the whole payload is checked); a wrong
 * passphrase and a damaged file are told apart (the checksum says whether the
 * bytes are as sealed; age alone cannot tell a wrong passphrase from a changed
 * salt); the passphrase never appears in a message; a hostile file cannot ask
 * for more scrypt memory than MAX_OPEN_WORK_FACTOR allows; the seconds of
 * scrypt run off the caller's event loop (seal-scrypt.ts), so the app's main
 * process stays responsive while a file is sealed or opened.
 */
import * as z from 'zod';
import { once } from '../../shared/lazy';
import { CoreError } from '../../shared/contract/result';
import type { ExportFile } from '../../shared/contract/types';
import { SAVE_FORMATS, type SaveFormat } from '../../shared/contract/values';
import { LIMITS } from '../../shared/limits';
import { scryptIdentity, scryptRecipient } from './seal-scrypt';
import { AGE_ARMOR_BEGIN, IMPORTABLE, describeKind, sniffBytes, sniffText } from './sniff';

/** log2 of scrypt's N when sealing: 2^17 (128 MiB of memory; seconds of work) — see docs/export-import.md. */
export const SEAL_WORK_FACTOR = 17;
/** The most a file may ask when opening: age's own default (2^18, 256 MiB); more is refused unread. */
export const MAX_OPEN_WORK_FACTOR = 18;
export const SEAL_EXTENSION = 'recollection';
export const SEAL_MIME = 'text/plain; charset=utf-8';

const TITLE = 'Recollection sealed file: notes encrypted with a passphrase (age format, age-encryption.org/v1).';
const HOW =
  'Open it in Recollection (Import) with its passphrase; the lines from BEGIN to END are a standard age file.';
const SUM = 'SHA-256 of the sealed bytes: ';
const MAGIC = 'RECOLLECTION-SEALED/1 ';

/** Made on first use: layer files import this module, and every command opens the layers. */
const innerHeader = once(() =>
  z.object({ format: z.enum(SAVE_FORMATS), filename: z.string().min(1).max(255) }).strict(),
);

export interface SealedContent {
  format: SaveFormat;
  /** The export's own file name (e.g. recollection-notes-2026-11-30.json). */
  filename: string;
  data: Uint8Array;
}

const age = () => import('age-encryption');

async function sha256Hex(bytes: Uint8Array): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const toBytes = (data: string | Uint8Array): Uint8Array =>
  typeof data === 'string' ? new TextEncoder().encode(data) : data;

/** The sealed file's text. `workFactor` is for tests only: files are sealed at SEAL_WORK_FACTOR. */
export async function seal(
  content: { format: SaveFormat; filename: string; data: string | Uint8Array },
  passphrase: string,
  workFactor = SEAL_WORK_FACTOR,
): Promise<string> {
  const header = new TextEncoder().encode(
    `${MAGIC}${JSON.stringify(innerHeader().parse({ format: content.format, filename: content.filename }))}\n`,
  );
  const body = toBytes(content.data);
  const plain = new Uint8Array(header.length + body.length);
  plain.set(header);
  plain.set(body, header.length);
  const { Encrypter, armor } = await age();
  const encrypter = new Encrypter();
  // age's passphrase recipient, stretched off the event loop (seal-scrypt.ts).
  encrypter.addRecipient(await scryptRecipient(passphrase, workFactor));
  const sealed = await encrypter.encrypt(plain);
  return `${TITLE}\n${HOW}\n${SUM}${await sha256Hex(sealed)}\n${armor.encode(sealed)}`;
}

/** The file name of a sealed export: the inner name, with `.recollection` after it. */
export const sealedName = (filename: string): string => `${filename}.${SEAL_EXTENSION}`;

/** A rendered export, sealed: the core's formats, and the PDF the shell or the command line prints. */
export async function sealExportFile(file: ExportFile, format: SaveFormat, passphrase: string): Promise<ExportFile> {
  const data = await seal({ format, filename: file.filename, data: file.data }, passphrase);
  return { filename: sealedName(file.filename), mime: SEAL_MIME, data };
}

const damaged = (why: string): CoreError =>
  new CoreError(
    'DAMAGED',
    `This sealed file is damaged or was changed after it was sealed (${why}); nothing was imported.`,
  );

/** The age bytes and the checksum line (null for a bare age file, e.g. made with the age tool). */
async function readArmor(text: string): Promise<{ sealed: Uint8Array; checksum: string | null }> {
  const at = text.indexOf(AGE_ARMOR_BEGIN);
  const preamble = at < 0 ? '' : text.slice(0, at);
  const sum = preamble.split(/\r?\n/).find((l) => l.startsWith(SUM));
  const checksum = sum === undefined ? null : sum.slice(SUM.length).trim();
  const { armor } = await age();
  try {
    return { sealed: armor.decode(text.slice(Math.max(at, 0))), checksum };
  } catch {
    throw damaged('its text form is broken or cut short');
  }
}

/** Refuses a scrypt stanza asking for more memory than we allow, before any key stretching. */
function checkWorkFactor(sealed: Uint8Array): void {
  const head = new TextDecoder('latin1').decode(sealed.subarray(0, 256));
  const stanza = /\n-> scrypt \S+ (\d+)\n/.exec(head);
  if (!head.startsWith('age-encryption.org/v1\n')) throw damaged('it does not start as an age file');
  if (!stanza) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      'This age file is encrypted to a key, not a passphrase; Recollection opens only passphrase-sealed files.',
    );
  }
  if (Number(stanza[1]) > MAX_OPEN_WORK_FACTOR) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `This sealed file asks for more key-stretching work (2^${stanza[1]}) than Recollection allows (2^${MAX_OPEN_WORK_FACTOR}); nothing was imported.`,
    );
  }
}

/**
 * Opens a sealed file with its passphrase: the export it holds, whole, or a
 * CoreError: WRONG_PASSPHRASE, DAMAGED, or INVALID_ARGUMENT for a file that
 * is not one we can open.
 */
export async function unseal(text: string, passphrase: string): Promise<SealedContent> {
  const { sealed, checksum } = await readArmor(text);
  if (checksum !== null && checksum !== (await sha256Hex(sealed)))
    throw damaged('its bytes do not match the checksum written when it was sealed');
  checkWorkFactor(sealed);
  const { Decrypter } = await age();
  const decrypter = new Decrypter();
  decrypter.addIdentity(scryptIdentity(passphrase, MAX_OPEN_WORK_FACTOR));
  let plain: Uint8Array;
  try {
    plain = await decrypter.decrypt(sealed);
  } catch (err) {
    const message = err instanceof Error ? err.message : '';
    if (message.startsWith('no identity matched')) {
      throw new CoreError(
        'WRONG_PASSPHRASE',
        checksum === null
          ? 'This passphrase does not open this sealed file (or the file was changed); nothing was imported.'
          : 'This passphrase does not open this sealed file; nothing was imported.',
      );
    }
    throw damaged('its encrypted contents fail their authentication check');
  }
  return readInner(plain);
}

/**
 * What a bare age file holds (sealed with the age tool, `age -p`, not by Recollection): an
 * importable JSON export is read like one sealed here; anything else is named.
 */
function bareContent(plain: Uint8Array): SealedContent {
  const kind = sniffBytes(plain) ?? sniffText(new TextDecoder().decode(plain.subarray(0, 64 * 1024)));
  if (kind === 'sealed')
    throw new CoreError('INVALID_ARGUMENT', `This age file holds another sealed file. ${IMPORTABLE}`);
  if (kind !== 'json') throw new CoreError('INVALID_ARGUMENT', describeKind(kind, 'This age file holds'));
  if (plain.length > LIMITS.importBytes) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `The export in this sealed file is larger than ${LIMITS.importBytes / 1024 / 1024} MB; it cannot be imported.`,
    );
  }
  return { format: 'json', filename: 'notes.json', data: plain };
}

function readInner(plain: Uint8Array): SealedContent {
  const end = plain.indexOf(0x0a);
  const line = new TextDecoder().decode(plain.subarray(0, end < 0 ? 0 : Math.min(end, 1024)));
  if (!line.startsWith(MAGIC)) return bareContent(plain);
  let header: z.infer<ReturnType<typeof innerHeader>>;
  try {
    header = innerHeader().parse(JSON.parse(line.slice(MAGIC.length)));
  } catch {
    throw new CoreError(
      'INVALID_ARGUMENT',
      'This sealed file names a format this version of Recollection does not know.',
    );
  }
  const data = plain.subarray(end + 1);
  if (data.length > LIMITS.importBytes && header.format === 'json') {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `The export in this sealed file is larger than ${LIMITS.importBytes / 1024 / 1024} MB; it cannot be imported.`,
    );
  }
  return { ...header, data };
}
