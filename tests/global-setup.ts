/**
 * vitest globalSetup: builds the content database (when missing or stale, same
 * rule as npm run build:content) and the renderer for the browser tests (when
 * its sources changed) once, before any test file runs.
 */
import { ensureContent } from '../src/core/content-build/ensure';
import { ensureRenderer } from './e2e/build-renderer';

export default async function setup(): Promise<void> {
  await ensureContent();
  ensureRenderer();
}
