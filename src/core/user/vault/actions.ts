/**
 * The vault.* channels over the user store: status, turning protection on and
 * off (convert.ts), unlocking with the passphrase or the recovery code,
 * locking, and changing the passphrase (a rewrap of the data key only).
 *
 * Constraints: a wrong passphrase or code throws WRONG_PASSPHRASE before
 * anything is written; a failed conversion leaves the database as it was and
 * the store open on it; every operation but lock runs in the store's queue
 * (one-at-a-time.ts), one at a time; the key file is removed only by a
 * conversion that has its journal (convert.ts); passphrases and keys are
 * never logged or returned.
 */
import fs from 'node:fs';
import type { ParsedArgs } from '../../../shared/contract/channels';
import { CoreError } from '../../../shared/contract/result';
import type { VaultStatus } from '../../../shared/contract/types';
import type { UserStore } from '../store';
import { beginConversion, convertBackups, convertDatabase, settleConversion, type StepHook } from './convert';
import { assertCanEncrypt } from './cipher';
import {
  calibrate,
  createKeyFile,
  keyFilePath,
  keyFileText,
  keyFromPassphrase,
  keyFromRecoveryCode,
  readKeyFile,
  removeKeyFile,
  rewrapPassphrase,
  writeKeyFile,
  type KdfParams,
} from './keyfile';
import { removeLeftovers } from './leftovers';

export interface VaultOptions {
  dataDir: string;
  /** The better-sqlite3-multiple-ciphers addon (CoreOptions.userNativeBinding). */
  nativeBinding?: string;
  /** How long the passphrase stretching should take on this machine (default 500 ms). */
  kdfTargetMs?: number;
  /** Test hook: called at each named step of a conversion (the crash test stops the process there). */
  onStep?: StepHook;
}

export class VaultActions {
  private kdf: KdfParams | null = null;

  constructor(
    private readonly store: UserStore,
    private readonly o: VaultOptions,
  ) {}

  status(): VaultStatus {
    const file = readKeyFile(this.o.dataDir);
    const notice = this.store.vaultNotice;
    return {
      protected: file !== null,
      locked: this.store.locked,
      kdf: file ? `scrypt N=2^${file.kdf.logN} r=${file.kdf.r} p=${file.kdf.p}` : null,
      canRemember: false,
      remembered: false,
      ...(notice ? { notice } : {}),
    };
  }

  private keyFile() {
    const file = readKeyFile(this.o.dataDir);
    if (!file) throw new CoreError('CONFLICT', 'Protection is off: there is no passphrase to use.');
    return file;
  }

  /** Turns protection on; the recovery code is returned once and stored nowhere. */
  enable(args: ParsedArgs<'vault.enable'>): Promise<{ recoveryCode: string }> {
    return this.store.oneAtATime.run(async () => {
      if (readKeyFile(this.o.dataDir)) throw new CoreError('CONFLICT', 'Protection is already on.');
      // Before anything is written: a plain SQLite would take the key and write the notes in clear.
      assertCanEncrypt(this.store.session().db); // also opens the store (not locked)
      this.kdf ??= calibrate(this.o.kdfTargetMs ?? 500);
      const { file, dataKey, recoveryCode } = await createKeyFile(args.passphrase, this.kdf);
      const { dataDir } = this.o;
      try {
        // Plain copies left by a killed backup or restore would outlive protection: removed first.
        removeLeftovers(dataDir, this.store.dbFile, true);
        beginConversion(dataDir, 'on', keyFileText(file));
        try {
          convertDatabase(
            this.host(),
            dataKey,
            () => {
              this.o.onStep?.('key file');
              writeKeyFile(dataDir, file);
            },
            this.o.onStep,
          );
        } catch (err) {
          settleConversion(dataDir, this.store.dbFile); // the journal's key file beside the plain file is removed
          this.store.reopen(readKeyFile(dataDir) ? dataKey : null);
          throw err;
        }
        convertBackups(dataDir, dataKey, null, this.o.nativeBinding, this.o.onStep);
        settleConversion(dataDir, this.store.dbFile);
        this.store.reopen(dataKey);
      } finally {
        dataKey.fill(0);
      }
      return { recoveryCode };
    });
  }

  /** Turns protection off (the passphrase again, as a confirmation): backups first, then the database. */
  disable(args: ParsedArgs<'vault.disable'>): Promise<VaultStatus> {
    return this.store.oneAtATime.run(async () => {
      const file = this.keyFile();
      const key = await keyFromPassphrase(file, args.passphrase);
      const { dataDir } = this.o;
      try {
        if (this.store.locked) this.store.unlock(key);
        beginConversion(dataDir, 'off', fs.readFileSync(keyFilePath(dataDir)));
        try {
          convertBackups(dataDir, null, key, this.o.nativeBinding, this.o.onStep);
          convertDatabase(this.host(), null, () => undefined, this.o.onStep);
        } catch (err) {
          settleConversion(dataDir, this.store.dbFile); // still encrypted: the key file stays
          this.store.reopen(readKeyFile(dataDir) ? key : null); // backups are encrypted again
          throw err;
        }
        this.o.onStep?.('key file');
        removeKeyFile(dataDir);
        settleConversion(dataDir, this.store.dbFile);
        this.store.reopen(null);
      } finally {
        key.fill(0);
      }
      return this.status();
    });
  }

  unlock(args: ParsedArgs<'vault.unlock'>): Promise<VaultStatus> {
    return this.store.oneAtATime.run(async () => {
      const file = this.keyFile();
      if ('passphrase' in args) {
        const key = await keyFromPassphrase(file, args.passphrase);
        try {
          this.unlockWith(key);
        } finally {
          key.fill(0);
        }
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
    });
  }

  /** The shell's way in with a key it kept in the OS keychain (safeStorage); not a channel. */
  unlockWith(key: Buffer): void {
    this.keyFile();
    this.store.unlock(key);
  }

  /** Immediate, never queued: a lock on suspend must not wait behind a conversion (one-at-a-time.ts). */
  lock(): VaultStatus {
    this.keyFile();
    this.store.lock();
    return this.status();
  }

  changePassphrase(args: ParsedArgs<'vault.changePassphrase'>): Promise<VaultStatus> {
    return this.store.oneAtATime.run(async () => {
      const file = this.keyFile();
      const key = await keyFromPassphrase(file, args.passphrase);
      try {
        writeKeyFile(this.o.dataDir, await rewrapPassphrase(file, key, args.newPassphrase));
      } finally {
        key.fill(0);
      }
      return this.status();
    });
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
