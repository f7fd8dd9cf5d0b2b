/**
 * The bridge the page sees as `window.api`, built over an ipcRenderer-like
 * object so it can be tested without Electron.
 *
 * Constraints: `invoke` reaches IPC only for a channel of the contract
 * (anything else answers a failed Result without touching IPC); `on` listens
 * only to contract events and hands the listener the payload alone, never the
 * IPC event (which would expose `sender`, i.e. ipcRenderer); nothing else of
 * IPC is reachable from the page.
 */
import { CHANNELS, EVENTS } from '../shared/contract/channels';
import type { Bridge } from '../shared/contract/derive';
import type { Result } from '../shared/contract/result';

/** The part of ipcRenderer the bridge uses. */
export interface IpcLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

const channels: ReadonlySet<string> = new Set(CHANNELS);
const events: ReadonlySet<string> = new Set(EVENTS);

const refused = (message: string): Result<never> => ({ ok: false, error: { code: 'INVALID_ARGUMENT', message } });

export function createBridge(ipc: IpcLike): Bridge {
  const invoke = (channel: string, args: unknown): Promise<unknown> => {
    if (typeof channel !== 'string' || !channels.has(channel)) {
      return Promise.resolve(refused(`unknown channel: ${String(channel).slice(0, 80)}`));
    }
    return ipc.invoke(channel, args);
  };
  const on = (event: string, listener: (payload: unknown) => void): (() => void) => {
    if (typeof event !== 'string' || !events.has(event))
      throw new TypeError(`unknown event: ${String(event).slice(0, 80)}`);
    if (typeof listener !== 'function') throw new TypeError('listener must be a function');
    const forward = (_event: unknown, payload: unknown): void => listener(payload);
    ipc.on(event, forward);
    return () => {
      ipc.removeListener(event, forward);
    };
  };
  // The contract's generic signatures are satisfied at run time by the checks above.
  return { invoke, on } as Bridge;
}
