/**
 * Build the renderer once for the browser tests, with the renderer part of
 * electron.vite.config.ts (the same Vite config, plugins and CSP meta as the
 * app), into out/renderer.
 *
 * Constraints: electron-vite 6 has no "renderer only" build command, so the
 * config is resolved with electron-vite's own `resolveConfig` and its renderer
 * part handed to Vite. That runs in a child process because resolving sets
 * process.env.NODE_ENV for the whole process. The build is skipped when a
 * fingerprint of its inputs is unchanged, and a lock folder makes parallel
 * test files wait for one build instead of racing.
 *
 * Usage: `ensureRenderer()` from a test (or a vitest globalSetup);
 * `npx tsx tests/e2e/build-renderer.ts` builds unconditionally.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const RENDERER_OUT = join(ROOT, 'out/renderer');
const STAMP = join(RENDERER_OUT, '.e2e-fingerprint');
const LOCK = join(ROOT, 'out/.renderer-build.lock');
const INPUTS = ['src/renderer', 'src/shared', 'electron.vite.config.ts', 'package-lock.json'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** sha256 over the paths and contents of everything the renderer bundle is made from. */
export function rendererFingerprint(): string {
  const h = createHash('sha256');
  for (const f of INPUTS.flatMap((p) => files(join(ROOT, p)))) {
    h.update(relative(ROOT, f));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

function fresh(fp: string): boolean {
  return existsSync(join(RENDERER_OUT, 'index.html')) && existsSync(STAMP) && readFileSync(STAMP, 'utf8') === fp;
}

function acquireLock(timeoutMs: number): boolean {
  const until = Date.now() + timeoutMs;
  mkdirSync(dirname(LOCK), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      return true;
    } catch {
      // A lock older than the longest plausible build is left over from a killed run.
      try {
        if (Date.now() - statSync(LOCK).mtimeMs > 5 * 60_000) rmSync(LOCK, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > until) return false;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/** Build out/renderer if its inputs changed since the last build. Returns the output folder. */
export function ensureRenderer(): string {
  const fp = rendererFingerprint();
  if (fresh(fp)) return RENDERER_OUT;
  if (!acquireLock(6 * 60_000)) throw new Error(`renderer build: could not take the lock ${LOCK}`);
  try {
    if (fresh(rendererFingerprint())) return RENDERER_OUT;
    const run = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--build'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (run.status !== 0) {
      throw new Error(`renderer build failed (exit ${run.status}):\n${run.stderr || run.stdout}`.slice(0, 4000));
    }
    if (!existsSync(join(RENDERER_OUT, 'index.html')))
      throw new Error('renderer build: out/renderer/index.html missing');
    writeFileSync(STAMP, fp);
    return RENDERER_OUT;
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
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
