/** True while the window is narrow enough (NARROW_WIDTH or less, e.g. at 200 % zoom) for the panes to be drawers. */
import { useSyncExternalStore } from 'react';
import { NARROW_QUERY } from '../../shared/layout';

export function useNarrow(): boolean {
  return useSyncExternalStore(
    (cb) => {
      const mq = window.matchMedia(NARROW_QUERY);
      mq.addEventListener('change', cb);
      return () => mq.removeEventListener('change', cb);
    },
    () => window.matchMedia(NARROW_QUERY).matches,
  );
}
