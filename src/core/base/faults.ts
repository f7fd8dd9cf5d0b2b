/**
 * Storage faults in plain words, and waiting for the write lock without
 * blocking: SQLite's busy/locked, full-disk, read-only and permission errors
 * (and the file system's ENOSPC/EROFS/EACCES/EPERM) become a CoreError with a
 * sentence the user can act on, never INTERNAL; `retryBusy` retries a write
 * that found the database locked by another process with timer back-off.
 *
 * Constraint: in the app this code runs on Electron's main process. SQLite's
 * own busy handler sleeps the thread, so the connection's busy_timeout is kept
 * short (BUSY_TIMEOUT_MS) and the rest of the wait happens here, between
 * setTimeout ticks, so windows, menus and other IPC calls keep being served.
 * A retried function must be all-or-nothing (one transaction, or nothing
 * written before the lock is needed).
 */
import { basename } from 'node:path';
import { CoreError } from '../../shared/contract/result';

/** How long SQLite itself waits on a lock (thread blocked) before answering BUSY. */
export const BUSY_TIMEOUT_MS = 50;
/** How long a write keeps retrying (event loop free) before answering BUSY to the user. */
export const BUSY_WAIT_MS = 5000;

export const BUSY_MESSAGE = 'Another Recollection window or the command line is writing; try again';
export const FULL_MESSAGE = 'The disk is full: nothing was saved';

function codeOf(err: unknown): string {
  return err && typeof err === 'object' && 'code' in err && typeof err.code === 'string' ? err.code : '';
}

/** SQLITE_BUSY (any extended code) or SQLITE_LOCKED: someone else holds the lock; worth retrying. */
export function isBusy(err: unknown): boolean {
  const code = codeOf(err);
  return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
}

const where = (err: unknown): string => {
  const path = err && typeof err === 'object' && 'path' in err && typeof err.path === 'string' ? err.path : '';
  return path ? ` (${basename(path)})` : '';
};

/** The plain-words CoreError for a storage fault; null for anything else. */
export function storageFault(err: unknown): CoreError | null {
  if (err instanceof CoreError) return null;
  const code = codeOf(err);
  if (isBusy(err)) return new CoreError('BUSY', BUSY_MESSAGE);
  if (code.startsWith('SQLITE_FULL') || code === 'ENOSPC' || code === 'EDQUOT') {
    return new CoreError('STORAGE', FULL_MESSAGE);
  }
  if (code.startsWith('SQLITE_READONLY') || code === 'EROFS') {
    return new CoreError(
      'STORAGE',
      `Your notes are on a read-only file or disk${where(err)}: nothing was saved. ` +
        'Check that you may write to the notes folder.',
    );
  }
  if (code.startsWith('SQLITE_PERM') || code.startsWith('SQLITE_CANTOPEN') || code === 'EACCES' || code === 'EPERM') {
    return new CoreError(
      'STORAGE',
      `Recollection has no permission to write there${where(err)}: nothing was saved. ` +
        'Check the permissions of the folder.',
    );
  }
  if (code.startsWith('SQLITE_IOERR') || code === 'EIO') {
    return new CoreError('STORAGE', 'The disk reported an error while writing: nothing was saved');
  }
  return null;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export interface RetryOptions {
  /** Total time to keep retrying, in ms (default BUSY_WAIT_MS). */
  waitMs?: number;
  /** Called before each retry (tests and the crash child count them). */
  onRetry?: (attempt: number) => void;
}

/**
 * Runs `fn`; while it fails because the database is locked, waits (timers,
 * 10 ms doubling to 200 ms) and runs it again, for at most `waitMs` in all.
 * Then answers CoreError('BUSY'). Other errors pass through unchanged.
 */
export async function retryBusy<T>(fn: () => T | Promise<T>, options: RetryOptions = {}): Promise<T> {
  const deadline = Date.now() + (options.waitMs ?? BUSY_WAIT_MS);
  for (let attempt = 1, delay = 10; ; attempt++, delay = Math.min(delay * 2, 200)) {
    try {
      return await fn();
    } catch (err) {
      if (!isBusy(err)) throw err;
      const left = deadline - Date.now();
      if (left <= 0) throw new CoreError('BUSY', BUSY_MESSAGE);
      options.onRetry?.(attempt);
      await sleep(Math.min(delay, left));
    }
  }
}
