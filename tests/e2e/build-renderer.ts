/**
 * Build the renderer once for the browser tests, with the renderer part of
 * electron.vite.config.ts (the same Vite config, plugins and CSP meta as the
 * app), into out/renderer.
 *
 * Constraints: electron-vite 6 has no "renderer only" build command, so the
 * config is resolved with electron-vite's own `resolveConfig` and its renderer
 * part handed to Vite, in a child process, at most once per change of its
 * inputs (tests/support/build-once.ts).
 *
 * Usage: `ensureRenderer()` from a test (or a vitest globalSetup);
 * `npx tsx tests/e2e/build-renderer.ts` builds unconditionally.
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce } from '../support/build-once';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_OUT = join(ROOT, 'out/renderer');
const INPUTS = ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package-lock.json'];

/** Build out/renderer if its inputs changed since the last build. Returns the output folder. */
export function ensureRenderer(): string {
  buildOnce({
    name: 'renderer',
    root: ROOT,
    inputs: INPUTS,
    outputs: [join(RENDERER_OUT, 'index.html')],
    stamp: join(RENDERER_OUT, '.e2e-fingerprint'),
    lock: join(ROOT, 'out/.renderer-build.lock'),
    command: ['--import', 'tsx', fileURLToPath(import.meta.url), '--build'],
  });
  return RENDERER_OUT;
}

async function buildNow(): Promise<void> {
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  // electron-vite switches the renderer's base to './' only for production builds.
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  const resolved = await resolveConfig(
    { configFile: join(ROOT, 'electron.vite.config.ts'), root: ROOT, logLevel: 'warn' },
    'build',
    'production',
  );
  const renderer = resolved.config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer section');
  await build({ ...renderer, logLevel: 'warn' });
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  buildNow().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
