/**
 * What every domain module of the user database works over: the current
 * session (swapped by the store after a backup is restored), the content it
 * checks against, the clock, and the one `mutate()` helper through which every
 * undoable write goes.
 *
 * Constraint: `mutate` runs the write and records its inverse in the history
 * in one transaction, so undo works across restarts and from the command line;
 * no domain writes a record outside it (settings, which are not undone, and
 * imports, which are backed up first, use plain transactions).
 */
import type { ContentLookup } from '../content/lookup';
import type { Inverse } from './history';
import type { DocumentOrder } from './notes/views';
import type { Session } from './session';

export interface UserContext {
  readonly content: ContentLookup;
  readonly order: DocumentOrder;
  /** The open session; read it at each call (a restore replaces it). */
  session(): Session;
  now(): Date;
  /** `now()` as ISO 8601 UTC, the format of every stored time. */
  nowIso(): string;
  /** Runs `write` and records its inverse in the history, in one transaction. */
  mutate(description: string, inverse: Inverse, write: (s: Session) => void): void;
}

export function createContext(
  content: ContentLookup,
  order: DocumentOrder,
  session: () => Session,
  now: () => Date,
): UserContext {
  const nowIso = (): string => now().toISOString();
  return {
    content,
    order,
    session,
    now,
    nowIso,
    mutate(description, inverse, write) {
      const s = session();
      s.db
        .transaction(() => {
          write(s);
          s.history.push(nowIso(), description, inverse);
        })
        .immediate(); // writes after reading: the write lock is taken first (two processes, docs/data-safety.md)
    },
  };
}
