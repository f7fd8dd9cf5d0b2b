/**
 * Build of the three Electron bundles (main, preload, renderer).
 *
 * Constraints: better-sqlite3 stays external (a native addon, loaded at run time
 * from the build that matches the runtime, see docs/native-modules.md); the
 * preload is one self-contained CommonJS file (sandboxed preloads can neither
 * be ES modules nor require packages, so zod and the contract are inlined);
 * the renderer uses relative asset paths so it can be served from the app's
 * app:// protocol and from the browser test harness alike; `npm run dev` relaxes
 * the page's meta CSP for Vite's dev server only (devCsp), the built page keeps it.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';

/**
 * What Vite's dev server needs that the production policy forbids: the React plugin's inline
 * refresh preamble (script), the CSS Vite injects as <style> elements (style), its hot-update
 * socket (connect), and DOM writes of its client and error overlay (no Trusted Types). Only on the
 * development machine's own server (localhost); nothing of it reaches a built page.
 */
export const DEV_CSP =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; " +
  "img-src 'self' data:; font-src 'self'; connect-src 'self' ws://localhost:* ws://127.0.0.1:*; " +
  "object-src 'none'; frame-src 'none'; base-uri 'none'; form-action 'none'";

/** Serve mode only (`apply: 'serve'`): the index page's meta CSP replaced by DEV_CSP. */
export function devCsp(): Plugin {
  return {
    name: 'recollection-dev-csp',
    apply: 'serve',
    transformIndexHtml(html) {
      const meta = /(<meta\s+http-equiv="Content-Security-Policy"\s+content=")[^"]*(")/;
      if (!meta.test(html)) throw new Error('index.html has no Content-Security-Policy meta to relax for dev');
      return html.replace(meta, `$1${DEV_CSP}$2`);
    },
  };
}

// The config is an ES module: no __dirname; paths are resolved from this file's URL.
const at = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: at('out/main'),
      // Dependencies stay in node_modules (electron-builder packs them; better-sqlite3 unpacked from the asar).
      externalizeDeps: true,
      rollupOptions: {
        input: { index: at('src/main/index.ts') },
        external: ['better-sqlite3', 'electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: at('out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: at('src/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: at('src/renderer'),
    base: './',
    plugins: [react(), devCsp()],
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: at('src/renderer/index.html') } },
    },
  },
});
