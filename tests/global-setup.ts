/**
 * vitest globalSetup: builds the content database once before any test file
 * runs, when it is missing or stale (same rule as npm run build:content).
 */
import { ensureContent } from '../src/core/content/ensure';

export default async function setup(): Promise<void> {
  await ensureContent();
}
