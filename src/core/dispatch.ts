/**
 * The one entry point from outside into the core: validate a channel's raw
 * arguments against its schema, run its handler, and answer with a Result.
 *
 * Constraint: never throws and never leaks a stack trace. Used alike by the
 * Electron IPC shell, the browser test harness, the command line and the fuzz tests.
 * A handler that finds the notes database locked by another process is run
 * again after a timer (faults.ts), so the main process is never blocked
 * waiting; storage faults (locked, disk full, read-only, no permission)
 * answer in plain words, never INTERNAL.
 */
import { argSchemas, type Channel, type ResultOf } from '../shared/contract/channels';
import type { Handlers } from '../shared/contract/derive';
import { CoreError, type Result } from '../shared/contract/result';
import { retryBusy, storageFault } from './base/faults';

export function isChannel(name: unknown): name is Channel {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(argSchemas, name);
}

function describeIssues(issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }>): string {
  return issues
    .slice(0, 5)
    .map((i) => `${i.path.length ? i.path.map(String).join('.') : '(argument)'}: ${i.message}`)
    .join('; ');
}

export async function dispatch<K extends Channel>(
  handlers: Handlers,
  channel: K | string,
  rawArgs: unknown,
  log: (message: string, err: unknown) => void = () => {},
): Promise<Result<ResultOf<K>>> {
  if (!isChannel(channel)) {
    return {
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: `unknown channel: ${String(channel).slice(0, 80)}` },
    };
  }
  const parsed = argSchemas[channel].safeParse(rawArgs);
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: `${channel}: ${describeIssues(parsed.error.issues)}` },
    };
  }
  try {
    const handler = handlers[channel] as (a: unknown) => unknown;
    // Every handler is all-or-nothing (one transaction), so a locked attempt changed nothing.
    const value = (await retryBusy(() => handler(parsed.data))) as ResultOf<K>;
    return { ok: true, value };
  } catch (err) {
    const known = err instanceof CoreError ? err : storageFault(err);
    if (known) return { ok: false, error: { code: known.code, message: known.message } };
    log(`${channel} failed`, err);
    return { ok: false, error: { code: 'INTERNAL', message: `${channel}: an internal error occurred` } };
  }
}
