/**
 * Load something through the API when its inputs change: loading, value or
 * error, and a reload function.
 *
 * Constraint: an answer that arrives after the inputs changed is dropped, so a
 * fast typist or a quick click never sees results for an older request. The
 * state remembers which inputs it answers; anything else is "loading" (with
 * the previous value kept on screen meanwhile).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Result } from '../../shared/contract/result';
import { latestAnswer } from '../lib/latest';

export type Loaded<T> =
  | { status: 'loading'; value: T | null }
  | { status: 'ready'; value: T }
  | { status: 'error'; value: T | null; message: string };

interface Answer<T> {
  key: readonly unknown[];
  result: Result<T>;
}

const same = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((x, i) => Object.is(x, b[i]));

export function useResult<T>(
  load: () => Promise<Result<T>>,
  deps: readonly unknown[],
): Loaded<T> & { reload: () => void } {
  const [tick, setTick] = useState(0);
  const [answer, setAnswer] = useState<Answer<T> | null>(null);
  const [last, setLast] = useState<T | null>(null);
  const [requests] = useState(latestAnswer);
  const key = [...deps, tick];

  useEffect(() => {
    const current = requests.next();
    void load().then((result) => {
      if (!current()) return;
      setAnswer({ key, result });
      if (result.ok) setLast(result.value);
    });
    return () => requests.cancel();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what `load` depends on
  }, key);

  const reload = useCallback(() => setTick((t) => t + 1), []);
  if (!answer || !same(answer.key, key)) return { status: 'loading', value: last, reload };
  if (answer.result.ok) return { status: 'ready', value: answer.result.value, reload };
  return { status: 'error', value: last, message: answer.result.error.message, reload };
}
