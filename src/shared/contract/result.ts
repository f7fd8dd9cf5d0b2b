/**
 * The result envelope every channel answers with, and the small set of error codes.
 *
 * Constraint: errors cross the boundary as plain data, never as thrown Error
 * objects, and never carry a stack trace (the renderer is untrusted).
 */

export type ErrorCode =
  | 'INVALID_ARGUMENT' // the arguments failed the channel's schema
  | 'NOT_FOUND' // the id, number or file does not exist
  | 'CONFLICT' // the operation clashes with current state (duplicate, stale)
  | 'UNAVAILABLE' // a needed resource is absent (content database missing, dialog cancelled)
  | 'BUSY' // another process (window, command line) is writing the notes; try again
  | 'STORAGE' // the disk is full, read-only, or not ours to write: nothing was saved
  | 'CANCELLED' // the user stopped a long operation (an export): nothing was written
  | 'INTERNAL' // anything unexpected; the message is generic
  | 'LOCKED' // the notes are locked (protection on): unlock with the passphrase first
  | 'POLICY' // refused by the organisation's managed settings (docs/deployment.md); the message says what and why
  // Sealed files (.recollection, src/core/exchange/seal.ts):
  | 'PASSPHRASE_NEEDED' // the file is sealed and no passphrase was given: ask for one
  | 'WRONG_PASSPHRASE' // the passphrase (of a sealed file, or of the notes, or their recovery code) is not right; nothing changed
  | 'DAMAGED'; // the sealed file was changed or cut short since it was sealed; nothing changed

export interface AppError {
  code: ErrorCode;
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

/**
 * Thrown inside the core to end a handler with a typed error; the dispatcher
 * turns it into `{ ok: false, error }`. Any other exception becomes INTERNAL.
 */
export class CoreError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'CoreError';
  }
}
