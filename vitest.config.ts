/**
 * Test runner configuration: one runner for the three tiers (unit tests beside
 * the code in src/, core tests and end-to-end tests in tests/).
 *
 * The end-to-end scenarios (tests/e2e) run once per target: `e2e-browser`
 * (the renderer in Debian Chromium over the real core) and `e2e-electron`
 * (the real app; skipped, with the reason in one line, where the Electron
 * binary or a display is missing). The content database and the renderer are
 * built once before any test file runs (globalSetup). How much the volume
 * tests do (quick for `npm test`, deep with RECOLLECTION_DEEP=1 for
 * `npm run test:deep`) is decided in tests/support/depth.ts, not here.
 */
import { defineConfig } from 'vitest/config';

const E2E = 'tests/e2e/**/*.test.ts';

export default defineConfig({
  test: {
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
    // GitHub's workflow parser imports its JSON schema without an import attribute, which Node refuses: Vite loads it.
    server: { deps: { inline: ['@actions/workflow-parser'] } },
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
          exclude: [E2E],
        },
      },
      { extends: true, test: { name: 'e2e-browser', include: [E2E], provide: { e2eTarget: 'browser' } } },
      { extends: true, test: { name: 'e2e-electron', include: [E2E], provide: { e2eTarget: 'electron' } } },
    ],
  },
});
