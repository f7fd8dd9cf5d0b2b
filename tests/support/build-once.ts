/**
 * Build something the tests need (the renderer, the main and preload bundles)
 * at most once per change of its inputs, however many test files ask at once.
 *
 * Constraints: the build is skipped when a sha256 fingerprint of its inputs
 * equals the stamp left by the last build; a lock folder makes parallel test
 * files (vitest runs two at a time) wait for one build instead of racing in
 * the same output folder; the build itself runs in a child process, because
 * resolving electron-vite's config sets NODE_ENV for the whole process.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';

export interface BuildSpec {
  /** For messages: "renderer", "main and preload". */
  name: string;
  /** Repository root; inputs are relative to it. */
  root: string;
  /** Files and folders the output is made from. */
  inputs: string[];
  /** Files that must exist after a build (absolute). */
  outputs: string[];
  /** Where the fingerprint of the last build is kept. */
  stamp: string;
  /** The lock folder. */
  lock: string;
  /** The child process that builds: arguments to node. */
  command: string[];
}

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path)
    .sort()
    .flatMap((name) => files(join(path, name)));
}

/** sha256 over the paths and contents of every input file. */
export function fingerprint(root: string, inputs: string[]): string {
  const h = createHash('sha256');
  for (const f of inputs.flatMap((p) => files(join(root, p)))) {
    h.update(relative(root, f));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

function fresh(spec: BuildSpec, fp: string): boolean {
  return spec.outputs.every((o) => existsSync(o)) && existsSync(spec.stamp) && readFileSync(spec.stamp, 'utf8') === fp;
}

function acquireLock(lock: string, timeoutMs: number): boolean {
  const until = Date.now() + timeoutMs;
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      return true;
    } catch {
      // A lock older than the longest plausible build is left over from a killed run.
      try {
        if (Date.now() - statSync(lock).mtimeMs > 5 * 60_000) rmSync(lock, { recursive: true, force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() > until) return false;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}

/** Builds when the inputs changed since the last build; returns whether it built. */
export function buildOnce(spec: BuildSpec): boolean {
  if (fresh(spec, fingerprint(spec.root, spec.inputs))) return false;
  if (!acquireLock(spec.lock, 6 * 60_000)) throw new Error(`${spec.name} build: could not take the lock ${spec.lock}`);
  try {
    // Another test file may have built while this one waited for the lock.
    const fp = fingerprint(spec.root, spec.inputs);
    if (fresh(spec, fp)) return false;
    const run = spawnSync(process.execPath, spec.command, {
      cwd: spec.root,
      encoding: 'utf8',
      env: { ...process.env, NODE_ENV: 'production' },
    });
    if (run.status !== 0) {
      throw new Error(`${spec.name} build failed (exit ${run.status}):\n${run.stderr || run.stdout}`.slice(0, 4000));
    }
    const missing = spec.outputs.filter((o) => !existsSync(o));
    if (missing.length > 0) throw new Error(`${spec.name} build: ${missing.join(', ')} missing`);
    mkdirSync(dirname(spec.stamp), { recursive: true });
    writeFileSync(spec.stamp, fp);
    return true;
  } finally {
    rmSync(spec.lock, { recursive: true, force: true });
  }
}
