/**
 * What survives a restart on the same data folder: theme, text size, the
 * last place read, which panes are open, the search filters.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { openPage, search } from './steps';

const e2e = useHarness();

describe('persistence', () => {
  it('keeps theme, text size, place, panes and search filters across a restart', async () => {
    const app = await e2e.app();
    const { page } = app;
    await page.getByRole('combobox', { name: 'Theme' }).selectOption('dark');
    const larger = page.getByRole('button', { name: 'Larger text' });
    await larger.click();
    await larger.click();
    await expect.poll(() => page.getByTestId('text-size').textContent()).toBe('20');
    await openPage(app, 'c3.f2');
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await page.getByRole('button', { name: 'Show outline' }).click();
    await page.locator('nav.outline-pane').waitFor({ state: 'detached' });
    const dialog = await search(page, 'data');
    await dialog.getByRole('button', { name: 'Cluster 3' }).click();
    await page.keyboard.press('Escape');
    // Everything the page asked to store has been answered before the restart.
    await expect
      .poll(async () => {
        const s = await app.invoke('settings.get', {});
        return s.ok ? s.value : null;
      })
      .toMatchObject({
        theme: 'dark',
        textSize: 20,
        lastPageId: 'c3.f2',
        lastBlockId: 'c3.f2.po.2',
        panes: { outline: false },
        searchFilters: { clusters: [3] },
      });

    await app.restart();
    const again = app.page;
    expect(await again.evaluate('document.documentElement.dataset.theme')).toBe('dark');
    expect(await again.getByTestId('text-size').textContent()).toBe('20');
    expect(await again.evaluate<string>('getComputedStyle(document.querySelector(".page")).fontSize')).toBe('20px');
    expect(await again.locator('article[data-page]').getAttribute('data-page')).toBe('c3.f2');
    // Back on the block last read, ready for J/K.
    await expect.poll(() => again.evaluate('document.activeElement?.dataset?.blockId ?? null')).toBe('c3.f2.po.2');
    expect(await again.locator('nav.outline-pane').count()).toBe(0);
    // Dark really is dark: the page background is darker than its text.
    const [bg, fg] = await again.evaluate<string[]>(
      '[getComputedStyle(document.body).backgroundColor, getComputedStyle(document.body).color]',
    );
    const lum = (c: string): number => (c.match(/\d+/g) ?? []).slice(0, 3).reduce((a, b) => a + Number(b), 0);
    expect(lum(bg)).toBeLessThan(lum(fg));
    const d = await search(again, 'data');
    expect(await d.getByRole('button', { name: 'Cluster 3' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('follows the system theme until one is chosen', async () => {
    const app = await e2e.app({ colorScheme: 'dark' });
    const bg = await app.page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    expect(await app.page.getByRole('combobox', { name: 'Theme' }).inputValue()).toBe('system');
    expect(bg).toBe('rgb(23, 24, 26)');
  });
});
