/**
 * "The latest answer wins": for a series of requests where only the newest
 * one's answer may reach the screen (page loads, search as you type, a panel's
 * data for the inputs it shows now).
 *
 * Constraint: one helper for every such series, so a slow answer to an older
 * request never replaces a newer one anywhere in the renderer.
 */
export interface Latest {
  /** Start a request: the check returned stays true until the next request starts or cancel() is called. */
  next(): () => boolean;
  /** No request is current any more (the view went away): every pending answer is dropped. */
  cancel(): void;
}

export function latestAnswer(): Latest {
  let seq = 0;
  return {
    next() {
      const mine = ++seq;
      return () => mine === seq;
    },
    cancel() {
      seq++;
    },
  };
}
