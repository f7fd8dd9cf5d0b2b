/**
 * age's passphrase recipient and identity (the `scrypt` stanza of
 * age-encryption.org/v1), with the key stretched by Node's scrypt on libuv's
 * thread pool (core/base/scrypt.ts). age-encryption's own recipient runs a
 * JavaScript scrypt on the calling thread: seconds during which Electron's
 * main process could not answer the window. Plugged into age-encryption's
 * Encrypter/Decrypter through their public Recipient/Identity interfaces, so
 * the file format, the payload encryption and the header MAC stay age's.
 *
 * Constraints: byte for byte what age's own scrypt recipient writes and reads
 * (seal.test.ts opens our files with age-encryption's passphrase decrypter and
 * theirs with ours); the stanza is checked as strictly as age does (alone in
 * the header, canonical base64 salt of 16 bytes, work factor within bounds,
 * 32-byte body) before any key stretching. The file key is wrapped with
 * ChaCha20-Poly1305 from @noble/ciphers, the package age-encryption uses:
 * Electron's BoringSSL has no chacha20-poly1305 in node:crypto.
 */
import { nodeCrypto } from '../base/builtins';
import type { Identity, Recipient, Stanza } from 'age-encryption';
import { scrypt32 } from '../base/scrypt';

const TYPE = 'scrypt';
const LABEL = new TextEncoder().encode('age-encryption.org/v1/scrypt');

/** The 12-byte zero nonce is safe: each wrapping key comes from a fresh random salt. */
async function fileKeyCipher(key: Uint8Array) {
  const { chacha20poly1305 } = await import('@noble/ciphers/chacha.js');
  return chacha20poly1305(key, new Uint8Array(12));
}

function stretch(passphrase: string, salt: Uint8Array, logN: number): Promise<Buffer> {
  const labelAndSalt = new Uint8Array(LABEL.length + salt.length);
  labelAndSalt.set(LABEL);
  labelAndSalt.set(salt, LABEL.length);
  return scrypt32(passphrase, labelAndSalt, { logN, r: 8, p: 1 });
}

const base64NoPad = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64').replace(/=+$/, '');

/** Strict: only the canonical unpadded form (Buffer's decoder alone would accept variants). */
function fromBase64NoPad(text: string): Uint8Array | null {
  const bytes = Buffer.from(text, 'base64');
  return base64NoPad(bytes) === text ? bytes : null;
}

/** Seals the file key under `passphrase` at work factor 2^logN. */
export async function scryptRecipient(passphrase: string, logN: number): Promise<Recipient> {
  const { Stanza: StanzaClass } = await import('age-encryption');
  return {
    async wrapFileKey(fileKey: Uint8Array): Promise<Stanza[]> {
      const salt = nodeCrypto().randomBytes(16);
      const cipher = await fileKeyCipher(await stretch(passphrase, salt, logN));
      return [new StanzaClass([TYPE, base64NoPad(salt), String(logN)], cipher.encrypt(fileKey))];
    },
  };
}

/**
 * Opens the file key with `passphrase`: null when it does not open (a wrong
 * passphrase, or a changed salt), an Error for a malformed stanza.
 */
export function scryptIdentity(passphrase: string, maxLogN: number): Identity {
  return {
    async unwrapFileKey(stanzas: Stanza[]): Promise<Uint8Array | null> {
      for (const s of stanzas) {
        if (s.args[0] !== TYPE) continue;
        if (stanzas.length !== 1) throw Error('scrypt recipient is not the only one in the header');
        const [, saltText = '', logNText = ''] = s.args;
        const salt = fromBase64NoPad(saltText);
        if (s.args.length !== 3 || !/^[1-9][0-9]*$/.test(logNText) || salt?.length !== 16 || s.body.length !== 32)
          throw Error('invalid scrypt stanza');
        const logN = Number(logNText);
        if (logN > maxLogN) throw Error('scrypt work factor is too high');
        const cipher = await fileKeyCipher(await stretch(passphrase, salt, logN));
        try {
          return cipher.decrypt(s.body);
        } catch {
          return null;
        }
      }
      return null;
    },
  };
}
