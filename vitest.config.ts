/**
 * Test runner configuration: one runner for the three tiers (unit tests beside
 * the code in src/, core tests and end-to-end browser tests in tests/).
 * The content database is built once before any test file runs (globalSetup).
 */
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: 'forks',
    maxWorkers: 2,
  },
});
