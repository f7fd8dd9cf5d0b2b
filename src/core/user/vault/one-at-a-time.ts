/**
 * One at a time: the queue every vault operation (turning protection on or
 * off, unlocking, changing or resetting the passphrase) and every backup and
 * restore runs in. Each starts once the one before it has settled (succeeded
 * or failed) and reads the state afresh, so two of them never interleave
 * across their awaits (a passphrase change can no longer write a key file
 * that turning protection off has just removed).
 *
 * Decision (docs/security.md): a second operation waits its turn, it is not
 * refused; it then finds the state the first one left and answers from it
 * (e.g. CONFLICT "Protection is off" for a passphrase change queued behind
 * turning protection off). Locking is not queued: it is synchronous, never
 * interleaves, and must not wait behind a conversion on a suspend.
 */
export class OneAtATime {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(work: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(work);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
