/**
 * Heavy use: a data folder with many notes (100,000, the import limit, in the
 * deep suite; 20,000 in the quick one, tests/support/depth.ts), 1,000 and
 * more of them on one policy option. The page becomes ready, that block draws
 * a capped number of notes and offers the rest, the Notes panel scrolls by
 * wheel while keeping only a screenful of entries in the page, and the
 * filters still answer. (Its timing is in the benchmark, not here.)
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedManyNotes, WORD } from '../../scripts/bench/many-notes';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { useHarness } from './fixture';
import { block } from './steps';
import { byDepth } from '../support/depth';

const e2e = useHarness();
const COUNT = byDepth(20_000, 100_000);
/** Fewer than this many entries in the page means the list is virtualised. */
const MAX_RENDERED = 200;

describe(`${COUNT.toLocaleString('en')} notes`, () => {
  it('opens, caps a crowded block, scrolls the virtualised Notes panel and filters it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recollection-e2e-heavy-'));
    const seeded = seedManyNotes({ contentDbPath: CONTENT_DB_PATH, dataDir, count: COUNT, onOneBlock: 1_000 });
    const crowded = seeded.crowdedBlockId;
    const pageId = crowded.split('.').slice(0, 2).join('.');
    const app = await e2e.app({ dataDir, hash: `#page/${pageId}` });
    const { page } = app;

    // Ready: the page and its crowded block, with at most 50 note cards and a way to the rest.
    await page.locator(`article[data-page="${pageId}"]`).waitFor();
    const showAll = block(page, crowded).getByRole('button', { name: /^Show all [\d,]+ notes on this block/ });
    await showAll.waitFor({ timeout: 30_000 });
    expect(await block(page, crowded).locator('.note-card').count()).toBeLessThanOrEqual(50);

    // The Notes panel: every note counted, a screenful drawn.
    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    const panel = page.locator('.notes-panel');
    const list = panel.locator('.virtual-notes');
    await expect.poll(() => list.getAttribute('data-total'), { timeout: 30_000 }).toBe(String(COUNT));
    await panel.locator('.note-entry:not(.is-loading)').first().waitFor();
    expect(await panel.locator('.note-entry').count()).toBeLessThan(MAX_RENDERED);

    // Wheel down through the list: the pane scrolls, later entries are loaded, still a screenful in the page.
    const pane = page.locator('.side-pane');
    await pane.hover();
    for (let i = 0; i < 10; i++) await page.mouse.wheel(0, 4000);
    await expect
      .poll(() => page.evaluate<number>("document.querySelector('.side-pane').scrollTop"))
      .toBeGreaterThan(20_000);
    await expect
      .poll(async () => Number(await panel.locator('.virtual-row').first().getAttribute('data-index')))
      .toBeGreaterThan(100);
    await expect.poll(() => panel.locator('.note-entry.is-loading').count(), { timeout: 30_000 }).toBe(0);
    expect(await panel.locator('.note-entry').count()).toBeLessThan(MAX_RENDERED);

    // A filter answers over all of them.
    await panel.getByRole('searchbox').fill(WORD);
    await expect.poll(() => list.getAttribute('data-total'), { timeout: 30_000 }).toBe(String(seeded.worded));
    await panel.locator('.note-entry:not(.is-loading)').first().waitFor();
    expect(await panel.locator('.note-entry').count()).toBeLessThan(MAX_RENDERED);
    expect(await panel.locator('.note-entry').first().textContent()).toContain(WORD);

    // "Show all" on the crowded block: the panel, filtered to that block.
    await panel.getByRole('searchbox').fill('');
    await showAll.click();
    const onBlock = await app.invoke('annotations.forBlocks', { blockIds: [crowded], perBlock: 1 });
    if (!onBlock.ok) throw new Error(onBlock.error.message);
    await expect
      .poll(() => list.getAttribute('data-total'), { timeout: 30_000 })
      .toBe(String(onBlock.value.totals[crowded]));
    await panel.getByText(/^Only the notes on/).waitFor();
  }, 240_000);
});
