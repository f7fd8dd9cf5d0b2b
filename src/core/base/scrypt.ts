/**
 * scrypt (RFC 7914) through Node's own crypto, asynchronously: the work runs
 * on libuv's thread pool, so the seconds of key stretching never hold the
 * calling thread's event loop (Electron's main process keeps answering the
 * window, timers keep firing). Used by the vault's key file and by sealed
 * files (age's scrypt recipient).
 *
 * Constraint: memory is bounded by the cost asked (maxmem ≈ 2 × 128·N·r), so
 * a cost read from a file must be checked by the caller before it gets here.
 */
import { promisify } from 'node:util';
import { nodeCrypto } from './builtins';

/** scrypt cost: N = 2^logN, r, p; memory ≈ 128·N·r bytes. */
export interface ScryptCost {
  logN: number;
  r: number;
  p: number;
}

type ScryptAsync = (
  password: string | Uint8Array,
  salt: Uint8Array,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;
let scryptAsync: ScryptAsync | null = null;

/** Node's cap on scrypt's memory for a cost (its default, 32 MiB, is below 2^17). */
export const scryptMaxmem = (k: ScryptCost): number => 256 * 2 ** k.logN * k.r + 16 * 1024 * 1024;

/** A 32-byte key stretched from `secret` (a string is taken as its UTF-8 bytes, as given). */
export function scrypt32(secret: string | Uint8Array, salt: Uint8Array, cost: ScryptCost): Promise<Buffer> {
  scryptAsync ??= promisify(nodeCrypto().scrypt) as ScryptAsync;
  return scryptAsync(secret, salt, 32, { N: 2 ** cost.logN, r: cost.r, p: cost.p, maxmem: scryptMaxmem(cost) });
}
