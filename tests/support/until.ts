/**
 * Waiting for what another process or a timer brings (the shared folder's
 * files, a colleague's layer): `waitFor` polls a probe until it answers, and
 * `tempDirs` makes temporary folders removed after each test.
 *
 * Constraint: bounded: a probe that never answers fails the test by name
 * after `ms`, never hangs it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from 'vitest';
import { removeDir } from './core';

export async function waitFor<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false> | T | null | undefined | false,
  ms = 15_000,
): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = await probe();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** A maker of temporary folders named `<prefix>-<name>-…`, each removed after the test that made it. */
export function tempDirs(prefix: string): (name: string) => string {
  const dirs: string[] = [];
  afterEach(() => {
    for (const d of dirs.splice(0)) removeDir(d);
  });
  return (name) => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), `${prefix}-${name}-`));
    dirs.push(d);
    return d;
  };
}
