/**
 * The command palette: Ctrl+Shift+K opens it; typing filters
 * the commands fuzzily; the keyboard alone turns presentation mode on, goes to
 * a recent place and to an option by its label; the menu item opens it; it
 * offers nothing private in presentation mode; axe-core finds nothing serious
 * with it open; screenshots at three sizes, light and dark.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { WINDOW_SIZES, axeSerious, chooseTheme, openPage, topBarTop } from './steps';
import { themesAt } from '../support/depth';

const e2e = useHarness();

async function openPalette(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+Shift+K');
  const dialog = page.getByRole('dialog', { name: 'Command palette' });
  await dialog.waitFor();
  return dialog;
}

const options = (dialog: Locator): Promise<string[]> => dialog.getByRole('option').allInnerTexts();
const activeOption = (dialog: Locator): Promise<string | null> =>
  dialog.locator('[role=option][aria-selected=true] .result-label').textContent();

describe('command palette', () => {
  it('opens by shortcut, filters fuzzily, and runs presentation mode and a recent place by keyboard', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    // Two places read before this one: Cluster 2 (2) (Fair and ethical recruitment), then Cluster 1 (1).
    await openPage(app, 'c1.f1');
    await openPage(app, 'c3.f1');

    let dialog = await openPalette(page);
    const box = dialog.getByRole('combobox', { name: 'Command' });
    expect(await page.evaluate("document.activeElement?.getAttribute('aria-label')")).toBe('Command');
    expect(await box.getAttribute('aria-controls')).toBe('palette-list');
    // Empty: the recent places first (the page being read is not one), then the commands.
    const first = await options(dialog);
    expect(first[0]).toMatch(/^Cluster 1 \(1\) · Guaranteeing migrants/);
    expect(first[1]).toMatch(/^Cluster 2 \(2\) · Fair and ethical recruitment/);
    expect(first.some((o) => o.startsWith('Turn presentation mode on'))).toBe(true);

    // A typo still finds the command; unrelated ones are filtered out.
    await box.fill('exprt');
    await expect.poll(() => options(dialog)).toContainEqual(expect.stringMatching(/^Export notes…/));
    expect((await options(dialog)).some((o) => o.startsWith('Print'))).toBe(false);
    await box.fill('zqxjv');
    await dialog.getByTestId('palette-nothing').waitFor();

    // A recent place by keyboard: typed, then ↓ to it and Enter.
    await box.fill('recruitment');
    await expect
      .poll(() => options(dialog))
      .toContainEqual(expect.stringMatching(/^Cluster 2 \(2\) · .*Recent place/is));
    const list = await options(dialog);
    const at = list.findIndex((o) => /^Cluster 2 \(2\) · .*Recent place/is.test(o));
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
    expect(await activeOption(dialog)).toMatch(/^Cluster 2 \(2\) · /);
    expect(await box.getAttribute('aria-activedescendant')).toBe(`cp-${at}`);
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    await page.locator('article[data-page="c2.f2"]').waitFor();

    // An option by its label: the same resolver as search's "Go to".
    dialog = await openPalette(page);
    await dialog.getByRole('combobox', { name: 'Command' }).fill('3.1 PO 2');
    await dialog.getByRole('option', { name: /^Go to Cluster 3 \(1\), Policy option 2/ }).waitFor();
    await page.keyboard.press('Enter');
    await page.locator('article[data-page="c3.f1"]').waitFor();
    await expect
      .poll(() => page.evaluate("document.activeElement?.closest('[data-block-id]')?.dataset.blockId"))
      .toBe('c3.f1.po.2');

    // Presentation mode by keyboard.
    dialog = await openPalette(page);
    await dialog.getByRole('combobox', { name: 'Command' }).fill('presen');
    expect(await activeOption(dialog)).toBe('Turn presentation mode on');
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'Presentation mode' }).waitFor();
    await expect
      .poll(async () => {
        const s = await app.invoke('settings.get', {});
        return s.ok && s.value.presentation;
      })
      .toBe(true);

    // In presentation mode nothing private is offered; the command that turns it off only when typed out in full.
    dialog = await openPalette(page);
    const offered = (await options(dialog)).join('\n');
    for (const hidden of [
      'Focus your notes',
      'Focus the positions',
      'positions matrix',
      'Export notes',
      'Import notes',
    ])
      expect(offered).not.toContain(hidden);
    expect(offered).not.toContain('Turn presentation mode off');
    await dialog.getByRole('combobox', { name: 'Command' }).fill('Turn presentation mode off');
    await expect.poll(() => activeOption(dialog)).toBe('Turn presentation mode off');
    expect(await axeSerious(page), 'presentation').toEqual([]);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }, 180_000); // four openings of the palette and an axe run

  it('opens from the menu (app.command palette) and runs focus, theme and text size commands', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await app.send('app.command', { command: 'palette' });
    let dialog = page.getByRole('dialog', { name: 'Command palette' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Command' }).fill('theme dark');
    expect(await activeOption(dialog)).toBe('Theme: dark');
    await page.keyboard.press('Enter');
    await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' });

    const size = Number(await page.getByTestId('text-size').textContent());
    dialog = await openPalette(page);
    await dialog.getByRole('combobox', { name: 'Command' }).fill('larger text');
    await page.keyboard.press('Enter');
    await expect.poll(async () => Number(await page.getByTestId('text-size').textContent())).toBe(size + 1);

    dialog = await openPalette(page);
    await dialog.getByRole('combobox', { name: 'Command' }).fill('focus outline');
    expect(await activeOption(dialog)).toBe('Focus the outline');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate("document.activeElement?.getAttribute('role') ?? ''")).toBe('treeitem');
  }, 120_000);

  for (const size of WINDOW_SIZES) {
    it(`has no serious axe violations and fits at ${size.width}×${size.height}, ${themesAt(WINDOW_SIZES, size).join(' and ')}`, async () => {
      const app = await e2e.app({ hash: '#page/c2.f2', viewport: size });
      const { page } = app;
      await openPage(app, 'c1.f1');
      for (const scheme of themesAt(WINDOW_SIZES, size)) {
        // The theme chosen in the app (the system's is light here), then the palette over it.
        await chooseTheme(page, scheme);
        const dialog = await openPalette(page);
        await dialog.getByRole('option').first().waitFor();
        await app.screenshot(`palette-${size.width}x${size.height}-${scheme}`);
        expect(await axeSerious(page), scheme).toEqual([]);
        // Inside the window; the list scrolls inside the dialog, the frame never moves.
        const box = await dialog.boundingBox();
        expect(
          box && box.y >= 0 && box.y + box.height <= size.height && box.x >= 0 && box.x + box.width <= size.width,
        ).toBe(true);
        expect(await topBarTop(page)).toBe(0);
        await page.keyboard.press('Escape');
        await dialog.waitFor({ state: 'detached' });
      }
    }, 180_000); // two axe runs
  }
});
