/**
 * A record whose values are made on first read and kept: the contract's ~80 argument schemas are
 * made only for the channels a process uses (a command-line call uses one or two).
 *
 * Constraint: behaves as a plain object of values to every reader (own enumerable keys, so
 * `Object.keys` and `hasOwnProperty` see every key before any value is made).
 */
export function onFirstUse<T extends Record<string, () => unknown>>(
  makers: T,
): { readonly [K in keyof T]: ReturnType<T[K]> } {
  const record = {} as { [K in keyof T]: ReturnType<T[K]> };
  for (const key of Object.keys(makers) as Array<keyof T & string>) {
    Object.defineProperty(record, key, {
      enumerable: true,
      configurable: true,
      get() {
        const value = makers[key]() as ReturnType<T[typeof key]>;
        Object.defineProperty(record, key, { value, enumerable: true, writable: false, configurable: false });
        return value;
      },
    });
  }
  return record;
}

/** A value made by `make` on the first call and kept (a shared schema made only when a channel needs it). */
export function once<T>(make: () => T): () => T {
  let made = false;
  let value: T;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value;
  };
}
