/**
 * Builds the main and preload bundles (out/main, out/preload) for the tests
 * that start the real Electron app, with electron-vite's own resolved config;
 * the renderer is built by build-renderer.ts, so the two never empty each
 * other's folders mid-test.
 *
 * Constraint: built at most once per change of its inputs, in a child process,
 * however many test files ask at once (tests/support/build-once.ts).
 *
 * Usage: `buildShell()` from a test; `npx tsx tests/e2e/build-shell.ts --build`
 * builds unconditionally.
 */
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildOnce } from '../support/build-once';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function buildShell(): void {
  buildOnce({
    name: 'main and preload',
    root: ROOT,
    inputs: ['src/main', 'src/preload', 'src/core', 'src/shared', 'electron.vite.config.ts', 'package-lock.json'],
    outputs: [join(ROOT, 'out/main/index.js'), join(ROOT, 'out/preload/index.cjs')],
    stamp: join(ROOT, 'out/.shell-fingerprint'),
    lock: join(ROOT, 'out/.shell-build.lock'),
    command: ['--import', 'tsx', fileURLToPath(import.meta.url), '--build'],
  });
}

async function buildNow(): Promise<void> {
  const { resolveConfig } = await import('electron-vite');
  const { build } = await import('vite');
  const resolved = await resolveConfig(
    { configFile: join(ROOT, 'electron.vite.config.ts'), root: ROOT, logLevel: 'warn' },
    'build',
    'production',
  );
  for (const part of ['main', 'preload'] as const) {
    const config = resolved.config?.[part];
    if (!config) throw new Error(`electron.vite.config.ts has no ${part} section`);
    await build({ ...config, logLevel: 'warn' });
  }
}

if (
  process.argv[1] &&
  resolve(process.argv[1]) === fileURLToPath(import.meta.url) &&
  process.argv.includes('--build')
) {
  buildNow().then(
    () => process.exit(0),
    (err: unknown) => {
      process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
      process.exit(1);
    },
  );
}
