/**
 * Globals the renderer relies on: `window.api` is the contract's bridge, put
 * there by the preload (Electron) or by the browser test harness.
 *
 * Constraint: optional, because a page opened without either must show a clear
 * error screen instead of crashing.
 */
import type { Bridge } from '../shared/contract/derive';

declare global {
  interface Window {
    api?: Bridge;
  }
}

export {};
