/**
 * A tiny external store (get / set / subscribe) read through
 * `useSyncExternalStore`, so state modules stay plain TypeScript and any
 * component can select just what it needs.
 *
 * Constraint: selectors must return stable references (a field, not a new
 * object), or React re-renders forever.
 */
import { useSyncExternalStore } from 'react';

// Function-valued properties, not methods: they are passed around unbound (useSyncExternalStore).
export interface Store<T> {
  get: () => T;
  set: (update: Partial<T> | ((state: T) => T)) => void;
  subscribe: (listener: () => void) => () => void;
}

export function createStore<T extends object>(initial: T): Store<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    set: (update) => {
      state = typeof update === 'function' ? update(state) : { ...state, ...update };
      for (const l of listeners) l();
    },
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}

export function useStore<T, S>(store: Store<T>, select: (state: T) => S): S {
  return useSyncExternalStore(store.subscribe, () => select(store.get()));
}
