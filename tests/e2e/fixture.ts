/**
 * The vitest side of the harness: one browser per test file, a new app session
 * (browser context + core + data folder) per `app()` call, and after every
 * test: a screenshot under test-results/e2e/, a check that the page requested
 * nothing outside the app and raised no error, and clean-up.
 *
 * Usage (see README.md):
 *   const e2e = useHarness();
 *   it('…', async () => { const { page } = await e2e.app(); … });
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { Harness, type AppSession, type OpenOptions } from './harness';

export interface E2E {
  /** Open the app on a fresh data folder (or `options.dataDir`). Closed after the test. */
  app(options?: OpenOptions): Promise<AppSession>;
  harness(): Harness;
}

export function useHarness(): E2E {
  let harness: Harness | null = null;
  let sessions: AppSession[] = [];

  beforeAll(async () => {
    harness = await Harness.launch();
  });

  afterEach(async () => {
    const name = expect.getState().currentTestName ?? 'scenario';
    const open = sessions;
    sessions = [];
    const problems: string[] = [];
    for (const [i, s] of open.entries()) {
      await s.screenshot(open.length > 1 ? `${name}-${i + 1}` : name).catch(() => undefined);
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
    async app(options) {
      if (!harness) throw new Error('useHarness(): the browser is not started (call app() inside a test)');
      const s = await harness.open(options);
      sessions.push(s);
      return s;
    },
    harness() {
      if (!harness) throw new Error('useHarness(): the browser is not started');
      return harness;
    },
  };
}
