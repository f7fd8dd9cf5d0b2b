/**
 * The vault.* channels over the user store: status, turning protection on and
 * off (convert.ts), unlocking with the passphrase or the recovery code,
 * locking, and changing the passphrase (a rewrap of the data key only).
 *
 * Constraints: a wrong passphrase or code throws WRONG_PASSPHRASE before
 * anything is written; a failed conversion leaves the database as it was and
 * the store open on it; passphrases and keys are never logged or returned.
 */
import type { ParsedArgs } from '../../../shared/contract/channels';
import { CoreError } from '../../../shared/contract/result';
import type { VaultStatus } from '../../../shared/contract/types';
import type { UserStore } from '../store';
import { convertBackups, convertDatabase, repairAtOpen } from './convert';
import { assertCanEncrypt } from './cipher';
import {
  calibrate,
  createKeyFile,
  keyFromPassphrase,
  keyFromRecoveryCode,
  readKeyFile,
  removeKeyFile,
  rewrapPassphrase,
  writeKeyFile,
  type KdfParams,
} from './keyfile';

export interface VaultOptions {
  dataDir: string;
  /** The better-sqlite3-multiple-ciphers addon (CoreOptions.userNativeBinding). */
  nativeBinding?: string;
  /** How long the passphrase stretching should take on this machine (default 500 ms). */
  kdfTargetMs?: number;
}

export class VaultActions {
  private kdf: KdfParams | null = null;

  constructor(
    private readonly store: UserStore,
    private readonly o: VaultOptions,
  ) {}

  status(): VaultStatus {
    const file = readKeyFile(this.o.dataDir);
    return {
      protected: file !== null,
      locked: this.store.locked,
      kdf: file ? `scrypt N=2^${file.kdf.logN} r=${file.kdf.r} p=${file.kdf.p}` : null,
      canRemember: false,
      remembered: false,
    };
  }

  private keyFile() {
    const file = readKeyFile(this.o.dataDir);
    if (!file) throw new CoreError('CONFLICT', 'Protection is off: there is no passphrase to use.');
    return file;
  }

  /** Turns protection on; the recovery code is returned once and stored nowhere. */
  async enable(args: ParsedArgs<'vault.enable'>): Promise<{ recoveryCode: string }> {
    if (readKeyFile(this.o.dataDir)) throw new CoreError('CONFLICT', 'Protection is already on.');
    // Before anything is written: a plain SQLite would take the key and write the notes in clear.
    assertCanEncrypt(this.store.session().db); // also opens the store (not locked)
    this.kdf ??= calibrate(this.o.kdfTargetMs ?? 500);
    const { file, dataKey, recoveryCode } = await createKeyFile(args.passphrase, this.kdf);
    // Re-checked after the await: the store may have been closed or converted meanwhile.
    if (readKeyFile(this.o.dataDir)) throw new CoreError('CONFLICT', 'Protection is already on.');
    const host = this.host();
    try {
      convertDatabase(host, dataKey, () => writeKeyFile(this.o.dataDir, file));
    } catch (err) {
      repairAtOpen(this.o.dataDir, this.store.dbFile); // vault.json beside the plain file is removed
      this.store.reopen(null);
      throw err;
    }
    this.store.reopen(dataKey); // also encrypts the backups
    dataKey.fill(0);
    return { recoveryCode };
  }

  /** Turns protection off (the passphrase again, as a confirmation): backups first, then the database. */
  async disable(args: ParsedArgs<'vault.disable'>): Promise<VaultStatus> {
    const file = this.keyFile();
    const key = await keyFromPassphrase(file, args.passphrase);
    try {
      if (this.store.locked) this.store.unlock(key);
      convertBackups(this.o.dataDir, null, key, this.o.nativeBinding);
      try {
        convertDatabase(this.host(), null, () => undefined);
      } catch (err) {
        this.store.reopen(key); // still encrypted; backups are encrypted again
        throw err;
      }
      removeKeyFile(this.o.dataDir);
      this.store.reopen(null);
    } finally {
      key.fill(0);
    }
    return this.status();
  }

  async unlock(args: ParsedArgs<'vault.unlock'>): Promise<VaultStatus> {
    const file = this.keyFile();
    if ('passphrase' in args) {
      const key = await keyFromPassphrase(file, args.passphrase);
      this.unlockWith(key);
      key.fill(0);
      return this.status();
    }
    // The recovery code resets the passphrase: the data key is rewrapped, nothing else changes.
    const key = await keyFromRecoveryCode(file, args.recoveryCode);
    try {
      writeKeyFile(this.o.dataDir, await rewrapPassphrase(file, key, args.newPassphrase));
      this.unlockWith(key);
    } finally {
      key.fill(0);
    }
    return this.status();
  }

  /** The shell's way in with a key it kept in the OS keychain (safeStorage); not a channel. */
  unlockWith(key: Buffer): void {
    this.keyFile();
    this.store.unlock(key);
  }

  lock(): VaultStatus {
    this.keyFile();
    this.store.lock();
    return this.status();
  }

  async changePassphrase(args: ParsedArgs<'vault.changePassphrase'>): Promise<VaultStatus> {
    const file = this.keyFile();
    const key = await keyFromPassphrase(file, args.passphrase);
    try {
      writeKeyFile(this.o.dataDir, await rewrapPassphrase(file, key, args.newPassphrase));
    } finally {
      key.fill(0);
    }
    return this.status();
  }

  private host() {
    return {
      dbFile: this.store.dbFile,
      nativeBinding: this.o.nativeBinding,
      db: () => this.store.session().db,
      close: () => this.store.lock(),
    };
  }
}
