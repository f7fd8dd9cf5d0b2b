/**
 * Turning protection on and off: the notes database (and every backup) is
 * rewritten under the new key, or none, so that no plain copy of a note is
 * left behind — and a kill -9 at any step loses nothing.
 *
 * How (docs/security.md, "Conversion"): before anything is written, a journal
 * (`vault-conversion.json`: the direction, and a hash of the key file the
 * conversion writes or removes) is made durable. The new copy is written
 * beside the database as `user.db.converting`, verified (integrity_check, row
 * counts per table, user_version) and fsynced; the database is closed (its WAL
 * is then empty and removed); one rename puts the copy in place — the commit
 * point. The journal is removed when the conversion has ended. Whether a file
 * is encrypted is read from its first bytes, never assumed, and `repairAtOpen`
 * settles whatever a crash left:
 *   - crash leftovers (leftovers.ts) are removed: a `.converting` copy never
 *     renamed (the original is intact), a backup's or a restore's copy;
 *   - a journal and a plain user.db beside the very key file the journal names:
 *     turning on did not reach its commit, or turning off passed it, so that
 *     key file is removed (protection is off);
 *   - a plain user.db beside vault.json WITHOUT such a journal is not a
 *     conversion (a copy put back by hand): the key file is kept, the store
 *     opens locked and says so, and the copy is encrypted with the data key at
 *     the next unlock (`encryptInPlace`), so the encrypted backups stay readable;
 *   - after an unlock, backups not yet of the database's kind are converted
 *     (`convertBackups`): a conversion is finished, never half-done.
 *
 * Constraints: the key file is never removed without that proof; backups are
 * decrypted before the database when turning protection off, so vault.json
 * (the only way to read an encrypted file) is removed only once nothing
 * encrypted is left. `step` is a test hook (the crash test stops the process
 * at each named step); production passes none.
 */
import { nodeCrypto } from '../../base/builtins';
import fs from 'node:fs';
import path from 'node:path';
import { CoreError } from '../../../shared/contract/result';
import { syncDir } from '../../base/files';
import { replaceWithNew } from '../../base/fresh-files';
import { backupNames, backupsDir } from '../backups/rotation';
import { stamp } from '../backups/file';
import type { UserDb } from '../db';
import { isPlainFile, openKeyed, writeCopy, type CopyStep } from './cipher';
import { keyFilePath, removeKeyFile } from './keyfile';
import { removeLeftovers } from './leftovers';

export const CONVERTING = '.converting';
export const JOURNAL_FILE = 'vault-conversion.json';

/** The named steps of a conversion, in the order they run (docs/security.md). */
export type ConversionStep = CopyStep | 'key file' | 'close' | 'rename' | 'backups';
export type StepHook = (step: ConversionStep) => void;

interface Journal {
  format: 'recollection-vault-conversion';
  to: 'on' | 'off';
  /** SHA-256 (hex) of the key file the conversion writes (on) or removes (off). */
  keyFile: string;
}

const sha256 = (bytes: Buffer | string): string => nodeCrypto().createHash('sha256').update(bytes).digest('hex');

const journalPath = (dataDir: string): string => path.join(dataDir, JOURNAL_FILE);

/** Makes the journal durable before a conversion writes anything; `keyFileText` is the key file's bytes. */
export function beginConversion(dataDir: string, to: 'on' | 'off', keyFileText: string | Buffer): void {
  const journal: Journal = { format: 'recollection-vault-conversion', to, keyFile: sha256(keyFileText) };
  replaceWithNew(journalPath(dataDir), JSON.stringify(journal) + '\n');
}

function readJournal(dataDir: string): Journal | null {
  try {
    const j = JSON.parse(fs.readFileSync(journalPath(dataDir), 'utf8')) as Partial<Journal> | null;
    const ok = j?.format === 'recollection-vault-conversion' && (j.to === 'on' || j.to === 'off');
    return ok && typeof j.keyFile === 'string' ? (j as Journal) : null;
  } catch {
    return null; // none, or unreadable: no proof of anything
  }
}

/**
 * Settles an interrupted (or failed) conversion from its journal: removes the key file it names when the
 * database is plain, then the journal. Returns true when a plain database is left beside a key file.
 */
export function settleConversion(dataDir: string, dbFile: string): boolean {
  const journal = readJournal(dataDir);
  const keyFile = keyFilePath(dataDir);
  const plain = isPlainFile(dbFile);
  if (journal && plain && fs.existsSync(keyFile) && sha256(fs.readFileSync(keyFile)) === journal.keyFile) {
    removeKeyFile(dataDir);
  }
  if (fs.existsSync(journalPath(dataDir))) {
    fs.rmSync(journalPath(dataDir), { force: true });
    syncDir(dataDir);
  }
  return plain && fs.existsSync(keyFile);
}

/**
 * What a crash left, settled before anything reads the file. Returns true when a plain user.db sits beside
 * vault.json with no conversion to account for it (a copy put back by hand): the key is kept.
 */
export function repairAtOpen(dataDir: string, dbFile: string): boolean {
  removeLeftovers(dataDir, dbFile);
  return settleConversion(dataDir, dbFile);
}

/**
 * Rewrites every backup that is not already of the wanted kind (encrypted with
 * `key`, or plain when `key` is null), each through a verified `.converting`
 * copy renamed over it. `from` is the key to read an encrypted backup with.
 */
export function convertBackups(
  dataDir: string,
  key: Buffer | null,
  from: Buffer | null,
  nativeBinding?: string,
  step?: StepHook,
): void {
  const dir = backupsDir(dataDir);
  for (const name of backupNames(dataDir)) {
    const file = path.join(dir, name);
    if (isPlainFile(file) === !key) continue;
    if (!key && !from) continue; // an encrypted backup cannot be read without its key: left as it is
    let src: UserDb;
    try {
      src = openKeyed(file, key ? null : from, nativeBinding, false);
    } catch {
      continue; // a damaged backup is not ours to rewrite; it fails its verification as before
    }
    const tmp = `${file}${CONVERTING}`;
    try {
      writeCopy(src, tmp, key, nativeBinding);
    } finally {
      src.close();
    }
    step?.('backups');
    fs.renameSync(tmp, file);
  }
  if (fs.existsSync(dir)) syncDir(dir);
}

export interface ConvertHost {
  dbFile: string;
  nativeBinding?: string;
  db(): UserDb;
  /** Closes the open database (a clean close checkpoints and removes its WAL). */
  close(): void;
}

/**
 * Writes the verified copy of the open database under `key` (null: plain) as
 * `user.db.converting`; `beforeCommit` runs next (writing vault.json when
 * turning on), then the database is closed and the copy renamed into place.
 * The caller reopens the store, under the new key, in every case.
 */
export function convertDatabase(
  host: ConvertHost,
  key: Buffer | null,
  beforeCommit: () => void,
  step?: StepHook,
): void {
  const tmp = host.dbFile + CONVERTING;
  try {
    writeCopy(host.db(), tmp, key, host.nativeBinding, step);
    beforeCommit();
    step?.('close');
    host.close();
    const wal = `${host.dbFile}-wal`;
    if (fs.existsSync(wal) && fs.statSync(wal).size > 0) {
      // Another process (the command line) still has the database open: its writes could be lost.
      throw new CoreError(
        'BUSY',
        'another Recollection process has the notes open; close it and try again. Nothing was changed.',
      );
    }
    for (const side of ['-wal', '-shm']) fs.rmSync(host.dbFile + side, { force: true });
    step?.('rename');
    fs.renameSync(tmp, host.dbFile); // the commit point
    syncDir(path.dirname(host.dbFile));
  } finally {
    fs.rmSync(tmp, { force: true });
    fs.rmSync(`${tmp}-journal`, { force: true });
  }
}

/**
 * Encrypts with `key`, in place, a plain user.db found beside vault.json (a copy put back by hand): its
 * -wal/-shm, if any, belong to the file it replaced and are set aside, never applied; then the same
 * verified copy and rename as a conversion. The key file is not touched.
 */
export function encryptInPlace(dbFile: string, key: Buffer, nativeBinding: string | undefined, now: Date): void {
  for (const side of ['-wal', '-shm']) {
    if (fs.existsSync(dbFile + side)) fs.renameSync(dbFile + side, `${dbFile}${side}.old-${stamp(now)}`);
  }
  const db = openKeyed(dbFile, null, nativeBinding, false);
  try {
    convertDatabase({ dbFile, nativeBinding, db: () => db, close: () => db.close() }, key, () => undefined);
  } finally {
    if (db.open) db.close();
  }
}
