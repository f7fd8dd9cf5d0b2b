/**
 * The app's automatic backups of the notes database: one check at start and
 * one every quarter of the backup interval; the store backs up only when its
 * newest backup is older than AUTO_BACKUP_INTERVAL_MS and it holds notes.
 *
 * Constraint: a failed backup is logged and retried at the next tick; it never
 * interrupts the user or stops the app.
 */
import { AUTO_BACKUP_INTERVAL_MS } from '../core/user/store';
import type { BackupInfo } from '../shared/contract/types';

export const AUTO_BACKUP_CHECK_MS = AUTO_BACKUP_INTERVAL_MS / 4;

export interface AutoBackupTarget {
  maybeAutoBackup(): Promise<BackupInfo | null>;
}

/** Starts the checks; returns a function that stops them (at quit). */
export function scheduleAutoBackup(user: AutoBackupTarget, log: (message: string, err: unknown) => void): () => void {
  let running = false;
  const tick = (): void => {
    if (running) return; // a slow backup is never run twice at once
    running = true;
    user
      .maybeAutoBackup()
      .catch((err: unknown) => log('automatic backup failed', err))
      .finally(() => (running = false));
  };
  tick();
  const timer = setInterval(tick, AUTO_BACKUP_CHECK_MS);
  timer.unref();
  return () => clearInterval(timer);
}
