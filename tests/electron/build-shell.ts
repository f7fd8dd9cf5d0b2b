/**
 * Builds the main and preload bundles (out/main, out/preload) for the Electron
 * smoke test, with electron-vite's own resolved config; the renderer is built
 * by tests/e2e/build-renderer.ts (fingerprinted and locked, shared with the
 * browser tests), so the two never empty each other's folders mid-test.
 *
 * Usage: `buildShell()` from a test (runs in a child process, because
 * resolving the config sets NODE_ENV for the whole process).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export function buildShell(): void {
  const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--build'], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (run.status !== 0)
    throw new Error(`main/preload build failed (exit ${run.status}):\n${run.stderr || run.stdout}`.slice(0, 4000));
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
  await buildNow();
}
