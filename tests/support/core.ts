/**
 * Test fixture: the real core on the real content database and a fresh,
 * temporary user data folder; `call()` goes through dispatch() exactly as IPC does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Args, Channel, ResultOf } from '../../src/shared/contract/channels';
import type { Result } from '../../src/shared/contract/result';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { dispatch } from '../../src/core/dispatch';
import { openCore, type Core, type CoreOptions } from '../../src/core/open';

export interface TestCore {
  core: Core;
  dataDir: string;
  call<K extends Channel>(channel: K, args: Args<K>): Promise<Result<ResultOf<K>>>;
  /** Calls and unwraps, failing the test with the error message when not ok. */
  value<K extends Channel>(channel: K, args: Args<K>): Promise<ResultOf<K>>;
  raw(channel: string, args: unknown): Promise<Result<unknown>>;
  close(): void;
}

export function openTestCore(
  dataDir = mkdtempSync(join(tmpdir(), 'recollection-core-')),
  options: Partial<CoreOptions> = {},
): TestCore {
  // Passphrase stretching at its minimum cost (2^14): the tests check behaviour, the bench the half second.
  const core = openCore({ contentDbPath: CONTENT_DB_PATH, dataDir, version: 'test', kdfTargetMs: 1, ...options });
  const call = <K extends Channel>(channel: K, args: Args<K>) => dispatch<K>(core.handlers, channel, args);
  return {
    core,
    dataDir,
    call,
    async value(channel, args) {
      const r = await call(channel, args);
      if (!r.ok) throw new Error(`${channel} failed: ${r.error.code} ${r.error.message}`);
      return r.value;
    },
    raw: (channel, args) => dispatch(core.handlers, channel, args),
    close() {
      core.close();
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
