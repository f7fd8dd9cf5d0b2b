/**
 * Accessibility: axe-core on every screen (reader in both themes, search,
 * footnote popover, notes panel, positions, cross-references, each dialog,
 * the error screen, a narrow window as at 200 % zoom) with no serious or
 * critical violation; and the layout at 200 % zoom keeps the text readable.
 */
import { describe, expect, it } from 'vitest';
import type { AppSession } from './harness';
import { useHarness } from './fixture';
import { axeSerious, block, search } from './steps';

const e2e = useHarness();

/** Audit the whole page, or only an open dialog (the page behind it was audited on its own). */
async function audit(app: AppSession, screen: string, within?: string): Promise<void> {
  await app.screenshot(`a11y-${screen}`);
  const violations = await axeSerious(app.page, within);
  expect(violations, `${screen}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

describe('accessibility', () => {
  it('reader, footnote popover, search and help have no serious violations (light theme)', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await audit(app, 'reader-light');
    await block(page, 'c2.f2.ex.1').getByRole('button', { name: 'Footnote 54' }).click();
    await page.getByRole('dialog', { name: 'Footnote 54' }).waitFor();
    await audit(app, 'footnote-popover', '.footnote-popover');
    await page.keyboard.press('Escape');
    await search(page, 'remittances');
    await audit(app, 'search-overlay');
    await page.keyboard.press('Escape');
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await audit(app, 'shortcut-help', '[role=dialog]');
  });

  it('notes panel, positions and cross-references have no serious violations (dark theme)', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2', colorScheme: 'dark' });
    const { page } = app;
    await page.keyboard.press('j');
    await page.keyboard.press('b');
    await page.keyboard.press('n');
    const editor = page.getByRole('dialog', { name: 'New note' });
    await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill('Ask capital.');
    await editor.getByRole('combobox', { name: 'Position', exact: true }).selectOption('support');
    await audit(app, 'note-editor', '[role=dialog]');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await audit(app, 'reader-dark-with-notes');
    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await page.locator('.notes-panel .note-entry').first().waitFor();
    await audit(app, 'notes-panel');
    await page.getByRole('tab', { name: 'Positions', exact: true }).click();
    await page.getByTestId('positions-summary').waitFor();
    await audit(app, 'positions');
    await page.getByRole('tab', { name: 'Cross-refs', exact: true }).click();
    await page.locator('.facet').first().click();
    await page.locator('.facet-blocks .entry').first().waitFor();
    await audit(app, 'cross-references');
  });

  it('each notes dialog has no serious violations', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2', colorScheme: 'dark' });
    const { page } = app;
    for (const [button, title] of [
      ['Export…', 'Export notes'],
      ['Import…', 'Import notes'],
      ['Trash', 'Trash'],
      ['Backups', 'Backups of your notes'],
      ['Colours', 'Colour names'],
      ['Settings…', 'Settings'],
    ] as const) {
      await page.getByRole('tab', { name: 'Notes', exact: true }).click();
      await page.getByRole('button', { name: button, exact: true }).click();
      await page.getByRole('dialog', { name: title }).waitFor();
      await audit(app, `dialog-${button.replace('…', '')}`, '[role=dialog]');
      await page.keyboard.press('Escape');
      await page.getByRole('dialog', { name: title }).waitFor({ state: 'detached' });
    }
  }, 180_000); // six dialogs, an axe run each

  // Put on screen by an intercepted answer, which only the browser transport allows.
  it.skipIf(e2e.target === 'electron')('the error screen has no serious violations', async () => {
    const app = await e2e.app({
      waitReady: false,
      intercept: (channel) =>
        channel === 'app.status'
          ? { ok: false, error: { code: 'INTERNAL', message: 'app.status: an internal error occurred' } }
          : undefined,
    });
    await app.page.getByRole('heading', { name: 'The app is not responding' }).waitFor();
    await audit(app, 'error-screen');
  });

  it('at 200 % zoom the panes become drawers and the text keeps its width', async () => {
    // 1280×860 at 200 % zoom is a 640×430 CSS-pixel viewport.
    const app = await e2e.app({ hash: '#page/c2.f2', viewport: { width: 640, height: 430 } });
    const { page } = app;
    expect(await page.locator('nav.outline-pane').isVisible()).toBe(false);
    expect(await page.locator('aside.side-pane').isVisible()).toBe(false);
    const text = await block(page, 'c2.f2.po.1').locator('.block-text').boundingBox();
    expect(text?.width).toBeGreaterThan(380);
    await audit(app, 'zoom-200-reader');
    await page.getByRole('button', { name: 'Show outline' }).click();
    const outline = page.locator('nav.outline-pane');
    await outline.waitFor({ state: 'visible' });
    await audit(app, 'zoom-200-outline');
    await outline.locator('[data-node="c2.f3"]').click();
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Skills recognition and development');
    expect(await outline.isVisible()).toBe(false);
  });
});
