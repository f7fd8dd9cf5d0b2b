/**
 * The bridge the page sees as `window.api`, built over an ipcRenderer-like
 * object so it can be tested without Electron.
 *
 * Constraints: `invoke` reaches IPC only for a channel of the contract
 * (anything else answers a failed Result without touching IPC); `on` listens
 * only to contract events and hands the listener the payload alone, never the
 * IPC event (which would expose `sender`, i.e. ipcRenderer); nothing else of
 * IPC is reachable from the page. No event is lost for arriving before the page
 * listens: every contract event is received from the start and held (bounded)
 * until its first listener subscribes.
 */
import { CHANNELS, EVENTS } from '../shared/contract/channels';
import type { Bridge } from '../shared/contract/derive';
import type { Result } from '../shared/contract/result';

/** The part of ipcRenderer the bridge uses. */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Payloads held per event while nobody listens. Main sends each event a handful
 * of times at most before the page subscribes; the bound only keeps a page that
 * never listens to an event from growing without end. Past it the oldest go:
 * the latest deep link or message is the one that still matters.
 */
export const HELD_PER_EVENT = 16;

const channels: ReadonlySet<string> = new Set(CHANNELS);
const events: ReadonlySet<string> = new Set(EVENTS);

const refused = (message: string): Result<never> => ({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });

type Listener = (payload: unknown) => void;

export function createBridge(ipc: IpcLike): Bridge {
  const invoke = (channel: string, args: unknown): Promise<unknown> => {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return Promise.resolve(refused(`unknown channel: ${String(channel).slice(0, 80)}`));
    }
    return ipc.invoke(channel, args);
  };

  // Per event: its listeners in subscription order, and what arrived while there were none.
  const listeners = new Map<string, Set<Listener>>(EVENTS.map((e) => [e, new Set<Listener>()]));
  const held = new Map<string, unknown[]>(EVENTS.map((e) => [e, []]));

  /** Held payloads, in order, to the earliest listener still subscribed (re-checked for each, as one may leave). */
  const drain = (event: string): void => {
    const queue = held.get(event)!;
    const current = listeners.get(event)!;
    while (queue.length > 0) {
      const [first] = current;
      if (first === undefined) return;
      first(queue.shift());
    }
  };

  for (const event of EVENTS) {
    // Subscribed once, for the bridge's lifetime: the main process sends start-up
    // events on did-finish-load, which can come before the page's first `on`.
    ipc.on(event, (_event: unknown, payload: unknown) => {
      const current = listeners.get(event)!;
      const queue = held.get(event)!;
      if (current.size === 0) {
        queue.push(payload);
        if (queue.length > HELD_PER_EVENT) queue.shift();
        return;
      }
      drain(event); // held ones first, so the order of arrival is kept
      // A listener removed by an earlier one during this delivery gets nothing more.
      for (const listener of [...current]) if (current.has(listener)) listener(payload);
    });
  }

  const on = (event: string, listener: Listener): (() => void) => {
    if (typeof event !== 'string' || !events.has(event))
      throw new TypeError(`unknown event: ${String(event).slice(0, 80)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const current = listeners.get(event)!;
    // A wrapper per subscription, so the same function subscribed twice is two subscriptions, as with ipcRenderer.
    const subscription: Listener = (payload) => listener(payload);
    // Later, never from inside `on`: the caller has not even received its unsubscribe yet.
    if (current.size === 0 && held.get(event)!.length > 0) queueMicrotask(() => drain(event));
    current.add(subscription);
    return () => {
      current.delete(subscription);
    };
  };
  // The contract's generic signatures are satisfied at run time by the checks above.
  return { invoke, on } as Bridge;
}
