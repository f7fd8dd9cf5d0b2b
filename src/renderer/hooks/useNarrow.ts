/** True while the window is narrow enough (≤ 900 px, or 200 % zoom) for the panes to be drawers. */
import { useSyncExternalStore } from 'react';

const QUERY = '(max-width: 900px)';

export function useNarrow(): boolean {
  return useSyncExternalStore(
    (cb) => {
      const mq = window.matchMedia(QUERY);
      mq.addEventListener('change', cb);
      return () => mq.removeEventListener('change', cb);
    },
    () => window.matchMedia(QUERY).matches,
  );
}
