/**
 * A long export on a heavy data folder (100,000 notes, the import limit): the
 * export dialog shows its progress (entries done of the total, rising) and its
 * Cancel button stops it; the dialog says nothing was written, no temporary
 * file is left in the data folder, and the app keeps answering.
 */
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedManyNotes } from '../../scripts/bench/many-notes';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { isOurTempName } from '../../src/core/base/files';
import { useHarness } from './fixture';
import { LOOK_SIZES } from './steps';

const e2e = useHarness();
const COUNT = 100_000;

describe('export progress and cancel', () => {
  it('shows the progress of a Word export of 100,000 notes and cancels it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recollection-e2e-export-cancel-'));
    seedManyNotes({ contentDbPath: CONTENT_DB_PATH, dataDir, count: COUNT });
    const app = await e2e.app({ dataDir });
    const { page } = app;

    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await page.getByRole('button', { name: 'Export…' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Export notes' });
    await dialog.getByRole('radio', { name: /^Word brief/ }).check();
    await dialog.getByRole('button', { name: 'Export…' }).click();

    // The bar appears and counts entries of the whole folder, rising.
    const bar = dialog.getByTestId('export-progress');
    await bar.waitFor({ timeout: 30_000 });
    const done = async (): Promise<number> => Number((await bar.locator('progress').getAttribute('value')) ?? 0);
    await expect.poll(done, { timeout: 60_000 }).toBeGreaterThan(0);
    const first = await done();
    expect(await bar.locator('progress').getAttribute('max')).toBe(String(COUNT));
    expect(await bar.getByRole('status').textContent()).toMatch(/^[\d,]+ of 100,000 entries$/);
    await expect.poll(done, { timeout: 60_000 }).toBeGreaterThan(first);
    expect(await done()).toBeLessThan(COUNT);
    // Cancel: the export stops, the dialog says nothing was written, and it can run again. Then the bar
    // is looked at in the other window sizes (test-results/export-progress-*.png), an export cancelled
    // in each: a brief merges a block's notes into one entry, so a whole export may not wait for six looks.
    const cancelled = dialog.getByRole('alert').filter({ hasText: 'The export was cancelled: nothing was written.' });
    for (const [i, [width, height]] of LOOK_SIZES.entries()) {
      const colorScheme = i % 2 === 0 ? 'light' : 'dark';
      await page.setViewportSize({ width, height });
      await page.emulateMedia({ colorScheme });
      if (i > 0) {
        await dialog.getByRole('button', { name: 'Export…' }).click();
        await bar.waitFor({ timeout: 30_000 });
      }
      expect(await bar.getByRole('button', { name: 'Cancel export' }).isVisible()).toBe(true);
      await app.screenshot(`export-progress-${width}x${height}-${colorScheme}`);
      await bar.getByRole('button', { name: 'Cancel export' }).click();
      await cancelled.waitFor();
      await bar.waitFor({ state: 'detached' });
    }
    expect(await dialog.getByRole('button', { name: 'Export…' }).isEnabled()).toBe(true);
    expect(readdirSync(dataDir).filter(isOurTempName)).toEqual([]);

    // The app keeps answering: the Notes panel still counts every note, a note can be read.
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect
      .poll(() => page.locator('.notes-panel .virtual-notes').getAttribute('data-total'), { timeout: 30_000 })
      .toBe(String(COUNT));
    const r = await app.invoke('notes.page', { placed: true, offset: 0, limit: 5 });
    expect(r.ok && r.value.entries.length).toBe(5);
  }, 300_000);
});
