/**
 * THE only main-process file that touches ipcMain: one `handle` per channel of
 * the contract, each checking who is asking and then going through dispatch()
 * (schema validation, then the handler); and the one sender of main → renderer events.
 *
 * Constraints: the registered channels are exactly CHANNELS (derived, never
 * listed by hand); a request from anything but our window's main frame showing
 * an app page is refused before its arguments are even parsed; handlers never
 * throw across IPC (dispatch answers with a Result).
 */
import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { dispatch } from '../core/dispatch';
import { CHANNELS, EVENTS, type EventName, type EventPayloads } from '../shared/contract/channels';
import type { Handlers } from '../shared/contract/derive';
import type { Result } from '../shared/contract/result';
import { isAppUrl, type TrustOptions } from './security';

export const UNTRUSTED_SENDER: Result<never> = {
  ok: false,
  error: { code: 'INVALID_ARGUMENT', message: 'untrusted sender' },
};

/** True only for our window's top-level frame, showing one of our pages. */
export function isTrustedSender(
  event: IpcMainInvokeEvent,
  window: BrowserWindow | null,
  trust: TrustOptions = {},
): boolean {
  if (window === null || window.isDestroyed()) return false;
  const frame = event.senderFrame;
  if (frame === null || frame.detached || frame.parent !== null) return false;
  if (event.sender !== window.webContents) return false;
  const main = window.webContents.mainFrame;
  if (frame !== main && (frame.processId !== main.processId || frame.frameTreeNodeId !== main.frameTreeNodeId)) {
    return false;
  }
  return isAppUrl(frame.url, trust);
}

export interface IpcOptions {
  handlers: Handlers;
  window: () => BrowserWindow | null;
  trust?: TrustOptions;
  log?: (message: string, err: unknown) => void;
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpc(options: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, args: unknown) => {
      if (!isTrustedSender(event, options.window(), options.trust)) return UNTRUSTED_SENDER;
      return dispatch(options.handlers, channel, args, options.log);
    });
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel);
  };
}

/** Sends a contract event to the window's page; names outside EVENTS are refused. */
export function sendEvent<E extends EventName>(
  window: BrowserWindow | null,
  event: E,
  payload: EventPayloads[E],
): boolean {
  if (!(EVENTS as readonly string[]).includes(event)) return false;
  if (window === null || window.isDestroyed()) return false;
  window.webContents.send(event, payload);
  return true;
}
