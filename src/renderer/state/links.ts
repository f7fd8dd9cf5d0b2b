/**
 * Deep links that arrive while the app is starting (from the shell's `app.open`
 * event or a hash change): held until start-up can open them, then followed.
 *
 * Constraint: a link given at start-up wins over the last remembered place and
 * is never dropped or opened before the outline is loaded. While booting, the
 * latest link is held (the one the user asked for last); start-up opens it; one
 * that arrives after start-up read its link is opened as soon as boot is ready.
 * Plain TypeScript, no DOM and no IPC, so it is unit-tested in node.
 */
import type { DeepLinkTarget } from '../../shared/contract/types';

export interface StartupLinks {
  /** Start-up begins (or begins again, on retry): links are held from now on. */
  boot(): void;
  /** A link arrived: followed now once ready, held while booting. Null is ignored. */
  offer(link: DeepLinkTarget | null): void;
  /** The held link start-up should open, if any. Asking twice answers the same link. */
  forBoot(): DeepLinkTarget | null;
  /** Start-up finished: a link it did not get is followed now, and later links at once. */
  ready(): void;
}

export function createStartupLinks(follow: (link: DeepLinkTarget) => void): StartupLinks {
  // The page starts booting before any effect runs, so links are held from the start.
  let booting = true;
  let held: DeepLinkTarget | null = null;
  // Whether start-up already read `held`: it is kept, not cleared, so a start-up run
  // twice (React's development mode runs effects twice) sees the same link both times.
  let read = false;
  return {
    boot() {
      booting = true;
    },
    offer(link) {
      if (link === null) return;
      if (!booting) {
        follow(link);
        return;
      }
      held = link;
      read = false;
    },
    forBoot() {
      if (held !== null) read = true;
      return held;
    },
    ready() {
      booting = false;
      const late = read ? null : held;
      held = null;
      read = false;
      if (late !== null) follow(late);
    },
  };
}
