/**
 * The page side of the browser harness's transport, bundled by esbuild into an
 * init script (browser-session.ts): the preload's own `createBridge` over an
 * ipcRenderer stand-in, so the page gets exactly the app's `window.api`
 * (channel and event checks, events held until the first listener) with a
 * Playwright binding where the app has IPC.
 *
 * Constraint: runs in the page before any of its scripts; defines `window.api`
 * as the preload's contextBridge does (frozen, not writable), and
 * `window.__emit(event, payload)` for the harness to send shell events.
 */
import { createBridge } from '../../src/preload/bridge';

type IpcListener = (event: unknown, ...args: unknown[]) => void;
const page = globalThis as unknown as { __invoke(channel: string, args: unknown): Promise<unknown> };
const listeners = new Map<string, IpcListener[]>();

const api = createBridge({
  invoke: (channel, ...args) => page.__invoke(channel, args[0]),
  on: (channel, listener) => {
    listeners.set(channel, [...(listeners.get(channel) ?? []), listener]);
  },
});

Object.defineProperty(globalThis, '__emit', {
  value: (event: string, payload: unknown) => {
    for (const listener of listeners.get(event) ?? []) listener({}, payload);
  },
});
Object.defineProperty(globalThis, 'api', { value: Object.freeze(api), enumerable: true });
