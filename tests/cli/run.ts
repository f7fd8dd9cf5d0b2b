/**
 * Test support for the command line: runs `main(argv)` in-process with
 * captured output over a fresh data folder and the real content database
 * (built by tests/global-setup.ts), and opens the same core directly so tests
 * compare the CLI with the core's own answers instead of copied values.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { main } from '../../src/cli/index';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { dispatch } from '../../src/core/dispatch';
import { openCore } from '../../src/core/open';
import type { Args, Channel, ResultOf } from '../../src/shared/contract/channels';

export const CONTENT = CONTENT_DB_PATH;

export interface Run {
  code: number;
  out: string;
  err: string;
}

const made: string[] = [];
afterAll(() => {
  for (const dir of made) rmSync(dir, { recursive: true, force: true });
});

export function tempDir(prefix = 'recollection-cli-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

/** Runs the CLI with `--data-dir dataDir` and (unless given) `--content CONTENT` appended. */
export async function cli(dataDir: string, ...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const content = argv.includes('--content') ? [] : ['--content', CONTENT];
  const code = await main([...argv, '--data-dir', dataDir, ...content], {
    out: (t) => void (out += t),
    err: (t) => void (err += t),
  });
  return { code, out, err };
}

/** Runs with --json and parses stdout; fails the test on a non-zero exit. */
export async function cliJson<T>(dataDir: string, ...argv: string[]): Promise<T> {
  const run = await cli(dataDir, ...argv, '--json');
  if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.err}`);
  return JSON.parse(run.out) as T;
}

/** The core's own answer for a channel, over a separate throwaway data folder. */
export async function core<K extends Channel>(channel: K, args: Args<K>, dataDir = tempDir()): Promise<ResultOf<K>> {
  const opened = openCore({ contentDbPath: CONTENT, dataDir });
  try {
    const result = await dispatch(opened.handlers, channel, args);
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  } finally {
    opened.close();
  }
}

/** An error run: the exit code and exactly one `recollection: …` line on stderr, nothing on stdout. */
export function expectOneLineError(run: Run, code: 1 | 2): string {
  if (run.code !== code) throw new Error(`expected exit ${code}, got ${run.code}: ${run.err}`);
  const lines = run.err.split('\n').filter(Boolean);
  if (lines.length !== 1 || !lines[0].startsWith('recollection: '))
    throw new Error(`stderr is not one line: ${run.err}`);
  if (run.out !== '') throw new Error(`stdout not empty: ${run.out}`);
  return lines[0];
}
