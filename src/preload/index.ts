/**
 * The preload: THE only file that touches ipcRenderer. It exposes the bridge
 * (src/preload/bridge.ts) to the page as `window.api` and nothing else.
 *
 * Constraint: runs sandboxed with context isolation, bundled as CommonJS
 * (out/preload/index.cjs) with its imports inlined; never exposes ipcRenderer.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { createBridge } from './bridge';

contextBridge.exposeInMainWorld('api', createBridge(ipcRenderer));
