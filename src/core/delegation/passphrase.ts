/**
 * The delegation passphrase: the secret a delegation shares to seal
 * its layer files. Where it lives:
 *
 * - whether the delegation seals (`meta.delegation_sealed`) is kept in the
 *   notes database: it is not a secret, and it stops the app from writing a
 *   plain layer file after a restart;
 * - the passphrase itself is kept only wrapped by the notes' data key
 *   (`meta.delegation_passphrase`: AES-256-GCM under a key derived with HKDF
 *   from the data key), and only while the notes are protected (docs/security.md):
 *   it opens when the notes open (passphrase, recovery code or the keychain's
 *   remembered key) and with nothing else;
 * - when the notes are not protected there is no key to wrap it with: it is
 *   held in memory for this session only and asked again after a restart
 *   (until then the own file is not written and sealed files are not read).
 *
 * Constraint: the passphrase is never in the settings table, a log, an error
 * message or an answer to the window; turning protection off leaves only a
 * blob nobody can unwrap (the data key is gone with vault.json).
 */
import { nodeCrypto } from '../base/builtins';
import type { UserStore } from '../user/store';

export const META_SEALED = 'delegation_sealed';
export const META_PASSPHRASE = 'delegation_passphrase';
const INFO = 'recollection delegation passphrase v1';

const subkey = (dataKey: Buffer): Buffer =>
  Buffer.from(nodeCrypto().hkdfSync('sha256', dataKey, Buffer.alloc(0), INFO, 32));

/** The passphrase wrapped by the data key: `v1:` and base64 of nonce, tag and ciphertext. */
export function wrapPassphrase(passphrase: string, dataKey: Buffer): string {
  const nonce = nodeCrypto().randomBytes(12);
  const cipher = nodeCrypto().createCipheriv('aes-256-gcm', subkey(dataKey), nonce);
  const body = Buffer.concat([cipher.update(passphrase, 'utf8'), cipher.final()]);
  return `v1:${Buffer.concat([nonce, cipher.getAuthTag(), body]).toString('base64')}`;
}

/** The passphrase, or null when the blob is not one this key wrapped (another key, damaged, empty). */
export function unwrapPassphrase(blob: string, dataKey: Buffer): string | null {
  if (!blob.startsWith('v1:')) return null;
  try {
    const raw = Buffer.from(blob.slice(3), 'base64');
    const decipher = nodeCrypto().createDecipheriv('aes-256-gcm', subkey(dataKey), raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  } catch {
    return null;
  }
}

/** Where the delegation passphrase is kept now. */
export type PassphraseKept = 'notes' | 'session' | null;

export class DelegationPassphrase {
  /** The passphrase entered (or unwrapped) in this session; forgotten when the notes lock. */
  private held: string | null = null;

  constructor(private readonly user: UserStore) {}

  /** The delegation seals its layer files (whether or not the passphrase is entered). */
  sealed(): boolean {
    return this.user.ctx.session().meta.get(META_SEALED) === '1';
  }

  /**
   * The passphrase, when sealing is on and it is known in this session (or unwrapped from the notes).
   * Protection turned on since it was entered: it is wrapped and kept with the notes now.
   */
  get(): string | null {
    if (!this.sealed()) return null;
    const key = this.user.isProtected ? this.user.dataKey() : null;
    try {
      const blob = this.user.ctx.session().meta.get(META_PASSPHRASE);
      if (this.held === null && key && blob) this.held = unwrapPassphrase(blob, key);
      else if (this.held !== null && key && !blob) this.keep(wrapPassphrase(this.held, key));
    } finally {
      key?.fill(0);
    }
    return this.held;
  }

  kept(): PassphraseKept {
    if (this.get() === null) return null;
    return this.user.isProtected && this.user.ctx.session().meta.get(META_PASSPHRASE) ? 'notes' : 'session';
  }

  private keep(blob: string): void {
    const s = this.user.ctx.session();
    s.db.transaction(() => s.meta.set(META_PASSPHRASE, blob)).immediate();
  }

  /** Sets (null: stops) sealing; the passphrase is kept wrapped in the notes when they are protected. */
  set(passphrase: string | null): void {
    const key = passphrase !== null && this.user.isProtected ? this.user.dataKey() : null;
    try {
      const s = this.user.ctx.session();
      s.db
        .transaction(() => {
          s.meta.set(META_SEALED, passphrase === null ? '' : '1');
          s.meta.set(META_PASSPHRASE, passphrase !== null && key ? wrapPassphrase(passphrase, key) : '');
        })
        .immediate();
    } finally {
      key?.fill(0);
    }
    this.held = passphrase;
  }

  /**
   * The notes lock (or the folder stops): with protection on, what was held goes once it is kept wrapped
   * with the notes (it is unwrapped again at unlock). Not wrapped yet (protection was just turned on, and
   * its conversion closes the notes before the key exists): kept until `get()` can wrap it.
   */
  forget(): void {
    if (!this.user.isProtected || this.held === null) return;
    try {
      if (!this.user.locked) this.get();
      if (this.user.ctx.session().meta.get(META_PASSPHRASE)) this.held = null;
    } catch {
      // The notes already closed: kept in memory until they open and it can be wrapped.
    }
  }
}
