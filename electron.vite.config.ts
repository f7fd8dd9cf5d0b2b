/**
 * Build of the three Electron bundles (main, preload, renderer).
 *
 * Constraints: better-sqlite3 stays external (a native addon, loaded at run time
 * from the build that matches the runtime, see docs/native-modules.md); the
 * preload is built as CommonJS because sandboxed preloads cannot be ES modules;
 * the renderer uses relative asset paths so it can be served from the app's
 * custom protocol and from the browser test harness alike.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/main/index.ts') },
        external: ['better-sqlite3', 'electron'],
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
});
