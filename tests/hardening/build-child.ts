/**
 * Bundles a crash-test child process (tests/hardening/<name>.ts) into
 * build/hardening/<name>.mjs, so the child starts as plain Node without tsx.
 *
 * Constraint: the native modules stay external (a bundled addon loader cannot
 * `require` its .node file from ESM); one list here, so a new native module is
 * added once for every child.
 */
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';

const ROOT = resolve(import.meta.dirname, '../..');
const NATIVE = ['better-sqlite3', 'better-sqlite3-multiple-ciphers'];

/** Builds the child and answers the path of its bundle. */
export async function buildChild(name: string): Promise<string> {
  const outfile = join(ROOT, 'build', 'hardening', `${name}.mjs`);
  mkdirSync(join(ROOT, 'build', 'hardening'), { recursive: true });
  await build({
    entryPoints: [join(ROOT, 'tests', 'hardening', `${name}.ts`)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    external: NATIVE,
    logLevel: 'error',
  });
  return outfile;
}
