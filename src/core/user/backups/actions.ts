/**
 * The store's backup actions: back up now (write one file, then rotate), list
 * (each re-verified), the hourly automatic backup, and restoring a backup in
 * place of the open database.
 *
 * Constraint: a restore never loses the current state (it is backed up first)
 * and never applies a stale -wal to the restored file; if anything fails
 * half-way, the store is reopened on whatever file is in place (recovery
 * handles a bad one) so it is never left closed.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { ParsedArgs } from '../../../shared/contract/channels';
import { CoreError } from '../../../shared/contract/result';
import type { BackupInfo } from '../../../shared/contract/types';
import { copyToNew, uniqueTag } from '../../base/fresh-files';
import * as backup from './file';
import { syncDir } from '../../base/files';
import { backupNames, backupsDir, createdOf, resolveBackup, rotate } from './rotation';
import type { UserDb } from '../db';

export const AUTO_BACKUP_INTERVAL_MS = 60 * 60 * 1000;

export interface BackupHost {
  dataDir: string;
  dbFile: string;
  nativeBinding?: string;
  /** The data key while protection is on (backups are encrypted with it), else null. */
  key(): Buffer | null;
  now(): Date;
  db(): UserDb;
  /** Number of records (live and trashed): an empty database is not auto-backed up. */
  recordCount(): number;
  /** Reopens the database file (after a restore). */
  reopen(): void;
  /** Runs `work` in the store's queue, one at a time with vault operations and other backups. */
  exclusive<T>(work: () => Promise<T>): Promise<T>;
}

export class Backups {
  constructor(private readonly host: BackupHost) {}

  /** One backup, after any vault operation or backup in flight (never two writing at once). */
  create(): Promise<BackupInfo> {
    return this.host.exclusive(() => this.createNow());
  }

  private async createNow(): Promise<BackupInfo> {
    const h = this.host;
    const info = await backup.writeBackup(h.db(), h.dataDir, h.now(), h.nativeBinding, h.key());
    rotate(h.dataDir, h.now());
    return info;
  }

  list(): BackupInfo[] {
    const { dataDir, nativeBinding } = this.host;
    const key = this.host.key();
    return backupNames(dataDir).map((name) =>
      backup.backupInfo(
        dataDir,
        name,
        backup.verifyBackup(path.join(backupsDir(dataDir), name), nativeBinding, undefined, key),
      ),
    );
  }

  /**
   * Backs up when the newest backup is older than AUTO_BACKUP_INTERVAL_MS (call
   * at start and periodically). Skips an empty database, so a fresh or emptied
   * database never rotates real backups out.
   */
  async maybeAuto(): Promise<BackupInfo | null> {
    if (this.host.recordCount() === 0) return null;
    const newest = backupNames(this.host.dataDir)[0];
    const age = newest ? this.host.now().getTime() - Date.parse(createdOf(newest)) : Infinity;
    if (age >= 0 && age < AUTO_BACKUP_INTERVAL_MS) return null;
    return this.create();
  }

  /**
   * The chosen backup is copied first (the safety backup of the current state,
   * made next, may rotate it out), then the database is closed, the copy
   * renamed into place, and the store reopened.
   */
  restore(args: ParsedArgs<'backup.restore'>): Promise<{ restored: string }> {
    return this.host.exclusive(() => this.restoreNow(args));
  }

  private async restoreNow(args: ParsedArgs<'backup.restore'>): Promise<{ restored: string }> {
    const h = this.host;
    const file = resolveBackup(h.dataDir, args.name);
    if (!backup.verifyBackup(file, h.nativeBinding, undefined, h.key())) {
      throw new CoreError('CONFLICT', `backup ${args.name} is damaged and cannot be restored; choose another`);
    }
    // A new file under a name of its own (a leftover of a killed restore is removed at the next open).
    const tmp = `${h.dbFile}.${uniqueTag()}.restoring`;
    copyToNew(file, tmp);
    try {
      await this.createNow();
      h.db().close();
      try {
        for (const side of ['-wal', '-shm']) {
          // A clean close removes these; anything left is set aside, never applied to the restored file.
          const companion = h.dbFile + side;
          if (fs.existsSync(companion)) fs.renameSync(companion, `${companion}.old-${backup.stamp(h.now())}`);
        }
        fs.renameSync(tmp, h.dbFile);
        syncDir(path.dirname(h.dbFile));
      } finally {
        h.reopen();
      }
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    return { restored: args.name };
  }
}
