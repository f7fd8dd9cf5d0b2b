/**
 * History: Back returns to the place before a cross-reference (page
 * and block), Forward goes there again; the toolbar buttons, Alt+Left/Right,
 * the mouse's side buttons and the Go menu all step; the empty search box
 * offers the recent places.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { axeSerious, openSearch } from './steps';

const e2e = useHarness();

describe('history', () => {
  it('Back returns to the place before a cross-reference, Forward goes there again', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    const title = (): Promise<string | null> => page.locator('#page-title').textContent();
    const focused = (): Promise<string | undefined> =>
      page.evaluate<string | undefined>(
        "document.activeElement?.closest('[data-block-id]')?.getAttribute('data-block-id') ?? undefined",
      );
    const back = page.getByRole('button', { name: 'Back', exact: true });
    expect(await back.isDisabled()).toBe(true);

    // Reading 2.2 PO 2, then following a cross-reference to a block on another page.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    expect(await focused()).toBe('c2.f2.po.2');
    await page.getByRole('tab', { name: 'Cross-refs', exact: true }).click();
    await page.locator('.facet').first().click();
    const away = page
      .locator('.facet-blocks .entry')
      .filter({ hasNot: page.locator('text=/^2\\.2 /') })
      .first();
    await away.waitFor();
    await away.click();
    await expect.poll(title).not.toMatch(/^Fair and ethical recruitment/);
    const there = await page.locator('article[data-page]').getAttribute('data-page');
    const thereBlock = await focused();

    await page.keyboard.press('Alt+ArrowLeft');
    await expect.poll(title).toMatch(/^Fair and ethical recruitment/);
    await expect.poll(focused).toBe('c2.f2.po.2');

    await page.keyboard.press('Alt+ArrowRight');
    await expect.poll(() => page.locator('article[data-page]').getAttribute('data-page')).toBe(there);
    await expect.poll(focused).toBe(thereBlock);

    // The toolbar button and the mouse's back button do the same.
    await back.click();
    await expect.poll(title).toMatch(/^Fair and ethical recruitment/);
    await page.getByRole('button', { name: 'Forward', exact: true }).click();
    await expect.poll(() => page.locator('article[data-page]').getAttribute('data-page')).toBe(there);
    // Playwright presses only left, middle and right: the side button's events are dispatched as the OS sends them.
    await page.evaluate(`for (const type of ['mousedown', 'mouseup'])
      document.querySelector('#reading').dispatchEvent(new MouseEvent(type, { button: 3, bubbles: true }))`);
    await expect.poll(title).toMatch(/^Fair and ethical recruitment/);
    // The Go menu's items send app.command back / forward.
    await app.send('app.command', { command: 'forward' });
    await expect.poll(() => page.locator('article[data-page]').getAttribute('data-page')).toBe(there);

    // Recent places in the empty search box.
    const search = await openSearch(page);
    const recent = search.getByRole('navigation', { name: 'Recent places' });
    await recent.getByRole('button', { name: /^Cluster 2 \(2\)/ }).click();
    await expect.poll(title).toMatch(/^Fair and ethical recruitment/);
    await openSearch(page);
    await app.screenshot('history-recent-places');
    expect(await axeSerious(page, '.search-dialog')).toEqual([]);
  }, 180_000);
});
