/**
 * vault.json: the wrapped data key of an encrypted notes database.
 *
 * A random 256-bit data key encrypts the database (SQLCipher, given as a raw
 * key: no passphrase ever reaches SQLite). The data key is stored here twice,
 * each copy sealed with AES-256-GCM under a key stretched with scrypt: once
 * from the user's passphrase, once from the recovery code shown at set-up.
 * Changing or resetting the passphrase rewraps the data key only; the
 * database and its backups are not rewritten.
 *
 * Constraints: a wrong passphrase fails here, on the GCM tag, before SQLite
 * sees anything (so it can never be mistaken for damage); the file is written
 * owner-only through a temporary file, fsync and rename; nothing of the
 * passphrase, the code or either key is ever logged or returned to the renderer.
 */
import { nodeCrypto } from '../../base/builtins';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../../../shared/contract/result';
import { syncDir } from '../../base/files';
import { replaceWithNew } from '../../base/fresh-files';
import { scrypt32, scryptMaxmem as maxmem } from '../../base/scrypt';

export const VAULT_FILE = 'vault.json';
/** scrypt cost: N = 2^logN, r, p (RFC 7914); memory ≈ 128·N·r bytes. */
export interface KdfParams {
  name: 'scrypt';
  logN: number;
  r: number;
  p: number;
}

interface Wrapped {
  salt: string;
  iv: string;
  tag: string;
  key: string;
}

export interface KeyFile {
  format: 'recollection-vault';
  version: 1;
  /** SQLite3 Multiple Ciphers' SQLCipher 4 scheme (docs/security.md). */
  cipher: 'sqlcipher-4';
  kdf: KdfParams;
  passphrase: Wrapped;
  recovery: Wrapped;
}

export const MIN_LOG_N = 14;
const MAX_LOG_N = 20;

const stretch = (secret: string, salt: Buffer, kdf: KdfParams): Promise<Buffer> =>
  scrypt32(secret.normalize('NFC'), salt, kdf);

/**
 * The scrypt cost that takes about `targetMs` on this machine: times one
 * stretch at 2^14 and doubles N while the estimate stays under the target.
 */
export function calibrate(targetMs: number): KdfParams {
  const base: KdfParams = { name: 'scrypt', logN: MIN_LOG_N, r: 8, p: 1 };
  const t0 = performance.now();
  nodeCrypto().scryptSync('calibration', nodeCrypto().randomBytes(16), 32, {
    N: 2 ** base.logN,
    r: 8,
    p: 1,
    maxmem: maxmem(base),
  });
  const ms = Math.max(1, performance.now() - t0);
  let logN = MIN_LOG_N;
  while (logN < MAX_LOG_N && ms * 2 ** (logN + 1 - MIN_LOG_N) <= targetMs * 1.4) logN++;
  return { ...base, logN };
}

const AAD = (which: 'passphrase' | 'recovery'): Buffer => Buffer.from(`recollection-vault-v1:${which}`);

async function wrap(
  dataKey: Buffer,
  secret: string,
  kdf: KdfParams,
  which: 'passphrase' | 'recovery',
): Promise<Wrapped> {
  const salt = nodeCrypto().randomBytes(16);
  const kek = await stretch(secret, salt, kdf);
  const iv = nodeCrypto().randomBytes(12);
  const cipher = nodeCrypto().createCipheriv('aes-256-gcm', kek, iv).setAAD(AAD(which));
  const key = Buffer.concat([cipher.update(dataKey), cipher.final()]);
  kek.fill(0);
  const b64 = (b: Buffer) => b.toString('base64');
  return { salt: b64(salt), iv: b64(iv), tag: b64(cipher.getAuthTag()), key: b64(key) };
}

/** The data key, or null when `secret` is not the one this copy was sealed with. */
async function unwrap(
  w: Wrapped,
  secret: string,
  kdf: KdfParams,
  which: 'passphrase' | 'recovery',
): Promise<Buffer | null> {
  const kek = await stretch(secret, Buffer.from(w.salt, 'base64'), kdf);
  try {
    const decipher = nodeCrypto().createDecipheriv('aes-256-gcm', kek, Buffer.from(w.iv, 'base64')).setAAD(AAD(which));
    decipher.setAuthTag(Buffer.from(w.tag, 'base64'));
    const key = Buffer.concat([decipher.update(Buffer.from(w.key, 'base64')), decipher.final()]);
    return key.length === 32 ? key : null;
  } catch {
    return null;
  } finally {
    kek.fill(0);
  }
}

/**
 * 28 Crockford base32 characters (140 bits, all random) in seven groups of four, so every group
 * reads and is typed the same way. Codes of the earlier 26-character shape stay valid: the code
 * is sealed and checked in its normalised form, which ignores the dashes.
 */
export function newRecoveryCode(): string {
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  const bytes = nodeCrypto().randomBytes(18);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let out = '';
  for (let i = 0; i < 28; i++) out += alphabet[Number((bits >> BigInt(i * 5)) & 31n)];
  return out.match(/.{4}/g)!.join('-');
}

/** Recovery codes are typed back by hand: case, spaces and dashes do not matter, O/I/L read as 0/1/1. */
export function normalizeCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

export const keyFilePath = (dataDir: string): string => path.join(dataDir, VAULT_FILE);

function isWrapped(v: unknown): v is Wrapped {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return ['salt', 'iv', 'tag', 'key'].every((k) => typeof o[k] === 'string');
}

/** The key file of `dataDir`, or null when protection is off. A damaged file is an error, never ignored. */
export function readKeyFile(dataDir: string): KeyFile | null {
  let text: string;
  try {
    text = fs.readFileSync(keyFilePath(dataDir), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const f = parsed as Partial<KeyFile> | null;
  const kdf = f?.kdf;
  const ok =
    f?.format === 'recollection-vault' &&
    f.version === 1 &&
    f.cipher === 'sqlcipher-4' &&
    kdf?.name === 'scrypt' &&
    Number.isInteger(kdf.logN) &&
    kdf.logN >= 10 &&
    kdf.logN <= MAX_LOG_N &&
    Number.isInteger(kdf.r) &&
    kdf.r >= 1 &&
    kdf.r <= 32 &&
    Number.isInteger(kdf.p) &&
    kdf.p >= 1 &&
    kdf.p <= 16 &&
    isWrapped(f.passphrase) &&
    isWrapped(f.recovery);
  if (!ok) {
    throw new CoreError(
      'UNAVAILABLE',
      `the key file ${VAULT_FILE} in the data folder is damaged; nothing was changed. Restore it from a copy of the folder.`,
    );
  }
  return f as KeyFile;
}

/** The bytes the key file is written as (the conversion journal keeps their hash). */
export const keyFileText = (file: KeyFile): string => JSON.stringify(file, null, 2) + '\n';

/** Writes the key file owner-only and durably (a new, uniquely named temporary file, fsync, rename). */
export function writeKeyFile(dataDir: string, file: KeyFile): void {
  replaceWithNew(keyFilePath(dataDir), keyFileText(file));
}

export function removeKeyFile(dataDir: string): void {
  fs.rmSync(keyFilePath(dataDir), { force: true });
  fs.rmSync(`${keyFilePath(dataDir)}.tmp`, { force: true });
  syncDir(dataDir);
}

/** A fresh data key sealed under `passphrase` and a new recovery code (returned once, never stored). */
export async function createKeyFile(
  passphrase: string,
  kdf: KdfParams,
): Promise<{ file: KeyFile; dataKey: Buffer; recoveryCode: string }> {
  const dataKey = nodeCrypto().randomBytes(32);
  const recoveryCode = newRecoveryCode();
  const file: KeyFile = {
    format: 'recollection-vault',
    version: 1,
    cipher: 'sqlcipher-4',
    kdf,
    passphrase: await wrap(dataKey, passphrase, kdf, 'passphrase'),
    recovery: await wrap(dataKey, normalizeCode(recoveryCode), kdf, 'recovery'),
  };
  return { file, dataKey, recoveryCode };
}

export const WRONG_PASSPHRASE = 'The passphrase is not right. Nothing was changed; try again.';
export const WRONG_CODE = 'The recovery code is not right. Nothing was changed; check it and try again.';

export async function keyFromPassphrase(file: KeyFile, passphrase: string): Promise<Buffer> {
  const key = await unwrap(file.passphrase, passphrase, file.kdf, 'passphrase');
  if (!key) throw new CoreError('WRONG_PASSPHRASE', WRONG_PASSPHRASE);
  return key;
}

export async function keyFromRecoveryCode(file: KeyFile, code: string): Promise<Buffer> {
  const key = await unwrap(file.recovery, normalizeCode(code), file.kdf, 'recovery');
  if (!key) throw new CoreError('WRONG_PASSPHRASE', WRONG_CODE);
  return key;
}

/** The same key file with the data key sealed under a new passphrase (new salt). */
export async function rewrapPassphrase(file: KeyFile, dataKey: Buffer, passphrase: string): Promise<KeyFile> {
  return { ...file, passphrase: await wrap(dataKey, passphrase, file.kdf, 'passphrase') };
}
