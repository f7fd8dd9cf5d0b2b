/**
 * The renderer's only way out: the typed client over `window.api`.
 *
 * Constraint: every call answers a Result, even when the bridge is missing or
 * the transport throws, so no component ever has to catch.
 */
import { createClient, type Bridge, type Client } from '../shared/contract/derive';
import type { Result } from '../shared/contract/result';

const missing: Bridge = {
  invoke: () =>
    Promise.resolve({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'The reader was opened outside the app: no connection to the document.' },
    }),
  on: () => () => {},
};

/** Wrap a bridge so a thrown or rejected call becomes an INTERNAL Result. */
function safe(bridge: Bridge): Bridge {
  return {
    invoke: async (channel, args) => {
      try {
        return await bridge.invoke(channel, args);
      } catch {
        const failed: Result<never> = {
          ok: false,
          error: { code: 'INTERNAL', message: `${channel}: the app did not answer` },
        };
        return failed;
      }
    },
    on: (event, listener) => bridge.on(event, listener),
  };
}

export const bridge: Bridge = safe(window.api ?? missing);
export const api: Client = createClient(bridge);
