/**
 * Build of the three Electron bundles (main, preload, renderer).
 *
 * Constraints: better-sqlite3 stays external (a native addon, loaded at run time
 * from the build that matches the runtime, see docs/native-modules.md); the
 * preload is one self-contained CommonJS file (sandboxed preloads can neither
 * be ES modules nor require packages, so zod and the contract are inlined);
 * the renderer uses relative asset paths so it can be served from the app's
 * app:// protocol and from the browser test harness alike.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

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
    plugins: [react()],
    build: {
      outDir: at('out/renderer'),
      emptyOutDir: true,
      rollupOptions: { input: { index: at('src/renderer/index.html') } },
    },
  },
});
