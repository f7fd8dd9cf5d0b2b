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
import { makePrivate } from '../../base/owner-only';
import * as backup from './file';
import { syncFile } from '../../base/files';
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
}

export class Backups {
  constructor(private readonly host: BackupHost) {}

  async create(): Promise<BackupInfo> {
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
  async restore(args: ParsedArgs<'backup.restore'>): Promise<{ restored: string }> {
    const h = this.host;
    const file = resolveBackup(h.dataDir, args.name);
    if (!backup.verifyBackup(file, h.nativeBinding, undefined, h.key())) {
      throw new CoreError('CONFLICT', `backup ${args.name} is damaged and cannot be restored; choose another`);
    }
    const tmp = `${h.dbFile}.restoring`;
    fs.copyFileSync(file, tmp);
    makePrivate(tmp);
    try {
      await this.create();
      h.db().close();
      try {
        for (const side of ['-wal', '-shm']) {
          // A clean close removes these; anything left is set aside, never applied to the restored file.
          const companion = h.dbFile + side;
          if (fs.existsSync(companion)) fs.renameSync(companion, `${companion}.old-${backup.stamp(h.now())}`);
        }
        syncFile(tmp);
        fs.renameSync(tmp, h.dbFile);
      } finally {
        h.reopen();
      }
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    return { restored: args.name };
  }
}
