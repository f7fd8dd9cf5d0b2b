/**
 * The vitest side of the harness: one target per test file run (vitest's
 * `e2e-browser` and `e2e-electron` projects run every scenario file once per
 * target, see vitest.config.ts), a new app session (data folder included) per
 * `app()` call, and after every test: a screenshot under test-results/, a
 * check that the page requested nothing outside the app and raised no error,
 * and clean-up.
 *
 * Constraint: where the Electron app cannot start (no binary, no display, or
 * its SQLite module cannot be built, e.g. offline on a first run), every
 * scenario of the Electron run is skipped, with the reason printed once per
 * file in one line; nothing is launched.
 *
 * Usage (see README.md):
 *   const e2e = useHarness();
 *   it('…', async () => { const { page } = await e2e.app(); … });
 */
import { afterAll, afterEach, beforeAll, beforeEach, expect, inject } from 'vitest';
import { NativeBuildError } from '../../scripts/ensure-native';
import { electronSkipReason, Harness, type AppSession, type OpenOptions, type Target } from './harness';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Which target the e2e scenarios run on in this vitest project. */
    e2eTarget: Target;
  }
}

export interface E2E {
  /** The target of this run: scenarios that cannot run on one use `it.skipIf(e2e.target === …)`. */
  readonly target: Target;
  /** Open the app on a fresh data folder (or `options.dataDir`). Closed after the test. */
  app(options?: OpenOptions): Promise<AppSession>;
  harness(): Harness;
}

export function useHarness(): E2E {
  const target: Target = inject('e2eTarget') ?? 'browser';
  let harness: Harness | null = null;
  let sessions: AppSession[] = [];
  let skip = target === 'electron' ? electronSkipReason() : null;
  if (skip !== null) console.info(`e2e on Electron skipped: ${skip}`);

  beforeAll(async () => {
    if (skip !== null) return;
    try {
      harness = await Harness.launch(target);
    } catch (err) {
      // The binary is there but its SQLite module cannot be built (offline, first run): say so, skip.
      if (!(err instanceof NativeBuildError)) throw err;
      skip = `the Electron builds of the SQLite addons cannot be made here: ${err.message}`;
      console.info(`e2e on Electron skipped: ${skip}`);
    }
  }, 15 * 60_000);

  beforeEach((ctx) => {
    if (skip !== null) ctx.skip(skip);
  });

  afterEach(async () => {
    const name = expect.getState().currentTestName ?? 'scenario';
    const open = sessions;
    sessions = [];
    const problems: string[] = [];
    for (const [i, s] of open.entries()) {
      await s.screenshot(open.length > 1 ? `${name.slice(0, 100)}-${i + 1}` : name).catch(() => undefined);
      problems.push(...s.foreignRequests().map((u) => `request outside the app: ${u}`));
      problems.push(...s.errors);
      await s.close();
    }
    expect(problems, 'the page stayed inside the app and raised no error').toEqual([]);
  });

  afterAll(async () => {
    await harness?.close();
  });

  return {
    target,
    async app(options) {
      if (!harness) throw new Error('useHarness(): the harness is not started (call app() inside a test)');
      const s = await harness.open(options);
      sessions.push(s);
      return s;
    },
    harness() {
      if (!harness) throw new Error('useHarness(): the harness is not started');
      return harness;
    },
  };
}
