/**
 * Automatic backups in the app: checked at start and every quarter interval,
 * never two at once, a failure logged and retried at the next tick.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AUTO_BACKUP_CHECK_MS, scheduleAutoBackup } from '../../src/main/auto-backup';
import { AUTO_BACKUP_INTERVAL_MS } from '../../src/core/user/store';
import type { BackupInfo } from '../../src/shared/contract/types';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('scheduleAutoBackup', () => {
  it('checks at start and then every quarter of the backup interval until stopped', async () => {
    const maybeAutoBackup = vi.fn(() => Promise.resolve<BackupInfo | null>(null));
    const stop = scheduleAutoBackup({ maybeAutoBackup }, () => {});
    expect(maybeAutoBackup).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(AUTO_BACKUP_INTERVAL_MS);
    expect(maybeAutoBackup).toHaveBeenCalledTimes(1 + AUTO_BACKUP_INTERVAL_MS / AUTO_BACKUP_CHECK_MS);
    stop();
    await vi.advanceTimersByTimeAsync(AUTO_BACKUP_INTERVAL_MS);
    expect(maybeAutoBackup).toHaveBeenCalledTimes(5);
  });

  it('never starts a second backup while one is running', async () => {
    let finish: () => void = () => {};
    const maybeAutoBackup = vi.fn(() => new Promise<BackupInfo | null>((resolve) => (finish = () => resolve(null))));
    const stop = scheduleAutoBackup({ maybeAutoBackup }, () => {});
    await vi.advanceTimersByTimeAsync(AUTO_BACKUP_CHECK_MS * 3);
    expect(maybeAutoBackup).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(AUTO_BACKUP_CHECK_MS);
    expect(maybeAutoBackup).toHaveBeenCalledTimes(2);
    stop();
  });

  it('logs a failure and tries again at the next tick', async () => {
    const log = vi.fn();
    const maybeAutoBackup = vi.fn(() => Promise.reject<BackupInfo | null>(new Error('disk full')));
    const stop = scheduleAutoBackup({ maybeAutoBackup }, log);
    await vi.advanceTimersByTimeAsync(AUTO_BACKUP_CHECK_MS);
    expect(log).toHaveBeenCalledWith('automatic backup failed', expect.objectContaining({ message: 'disk full' }));
    expect(maybeAutoBackup).toHaveBeenCalledTimes(2);
    stop();
  });
});
