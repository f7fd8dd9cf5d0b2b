/**
 * A layout that holds: the app frame never scrolls; each pane scrolls
 * inside itself. At three window sizes, the wheel over the top bar and
 * PageDown, End and Space with focus anywhere (on the body after deleting a
 * note, after expanding two outline clusters) leave the top bar at y = 0.
 * Drawers open one at a time at narrow widths; A+ enlarges the panes too.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { WINDOW_SIZES, axeSerious, block, openPage } from './steps';

const e2e = useHarness();

/** Where the top bar is, and how far the document itself has scrolled (both must stay 0). */
async function frame(page: Page): Promise<{ top: number; scroll: number; html: number; body: number }> {
  return page.evaluate(`(() => ({
    top: document.querySelector('.topbar').getBoundingClientRect().top,
    scroll: document.scrollingElement.scrollTop,
    html: document.documentElement.scrollTop,
    body: document.body.scrollTop,
  }))()`);
}

async function expectHeld(page: Page, what: string): Promise<void> {
  expect(await frame(page), what).toEqual({ top: 0, scroll: 0, html: 0, body: 0 });
}

/** Press the keys that scroll a page, then turn the wheel over the top bar. */
async function shake(page: Page, what: string): Promise<void> {
  for (const key of ['PageDown', 'End', 'Space', 'PageDown']) {
    await page.keyboard.press(key);
    await page.waitForTimeout(60);
    await expectHeld(page, `${what}, after ${key}`);
  }
  const bar = await page.locator('.topbar').boundingBox();
  if (!bar) throw new Error('no top bar');
  await page.mouse.move(bar.x + bar.width / 2, bar.y + bar.height / 2);
  for (let i = 0; i < 4; i++) await page.mouse.wheel(0, 400);
  await page.waitForTimeout(120);
  await expectHeld(page, `${what}, after the wheel over the top bar`);
}

async function showPane(page: Page, name: 'Show outline' | 'Show side panel'): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-pressed')) !== 'true') await button.click();
}

async function hidePane(page: Page, name: 'Show outline' | 'Show side panel'): Promise<void> {
  const button = page.getByRole('button', { name, exact: true });
  if ((await button.getAttribute('aria-pressed')) === 'true') await button.click();
}

describe('a layout that holds', () => {
  for (const size of WINDOW_SIZES) {
    it(`the frame never scrolls at ${size.width}×${size.height}`, async () => {
      const app = await e2e.app({ hash: '#page/c2.f2', viewport: size });
      const { page } = app;
      await expectHeld(page, 'at start');

      // Two clusters expanded in the outline (a drawer on a narrow window).
      await showPane(page, 'Show outline');
      for (const id of ['c1', 'c3']) {
        await page.locator(`[data-node="${id}"] .twisty`).first().click();
        await page.locator(`[data-node="${id}"][aria-expanded="true"]`).waitFor();
      }
      await page.locator('[data-node="c3"]').focus();
      await shake(page, 'two clusters expanded, focus in the tree');
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      await shake(page, 'two clusters expanded, focus on the body');

      // A note deleted in the Notes panel: focus falls to the body.
      await page.keyboard.press('Escape');
      await openPage(app, 'c2.f2'); // Space on a tree item opened its page: come back
      if (size.width <= 900) await hidePane(page, 'Show outline'); // the drawer would cover the text
      await block(page, 'c2.f2.po.1').click();
      await page.keyboard.press('n');
      const editor = page.getByRole('dialog', { name: 'New note' });
      await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill('Layout check.');
      await editor.getByRole('button', { name: 'Save' }).click();
      await editor.waitFor({ state: 'detached' });
      await showPane(page, 'Show side panel');
      await page.getByRole('tab', { name: 'Notes', exact: true }).click();
      await page
        .getByRole('button', { name: /^Delete note on/ })
        .first()
        .click();
      await page.locator('.notes-panel .note-entry').first().waitFor({ state: 'detached' });
      await page.evaluate('document.activeElement && document.activeElement.blur()');
      expect(await page.evaluate('document.activeElement === document.body')).toBe(true);
      await shake(page, 'note deleted, focus on the body');

      await app.screenshot(`layout-${size.width}x${size.height}-light`);
      await page.emulateMedia({ colorScheme: 'dark' });
      await app.screenshot(`layout-${size.width}x${size.height}-dark`);
      expect(await axeSerious(page)).toEqual([]);
    }, 180_000);
  }

  it('at 800×600 the side panel and the outline open as separate drawers', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2', viewport: { width: 800, height: 600 } });
    const { page } = app;
    const outline = page.locator('nav.outline-pane');
    const side = page.locator('aside.side-pane');
    await page.getByRole('button', { name: 'Show side panel', exact: true }).click();
    await side.waitFor({ state: 'visible' });
    expect(await outline.isVisible(), 'the outline stays closed').toBe(false);
    await page.getByRole('button', { name: 'Show side panel', exact: true }).click();
    await side.waitFor({ state: 'hidden' });
    await page.getByRole('button', { name: 'Show outline', exact: true }).click();
    await outline.waitFor({ state: 'visible' });
    expect(await side.isVisible(), 'the side panel stays closed').toBe(false);
    await expectHeld(page, 'with a drawer open');
  });

  it('A+ enlarges the panes with the text', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    const size = (sel: string): Promise<number> =>
      page.evaluate(`parseFloat(getComputedStyle(document.querySelector(${JSON.stringify(sel)})).fontSize)`);
    const before = { outline: await size('.outline-pane [role=treeitem]'), side: await size('.side-pane .tabs') };
    for (let i = 0; i < 4; i++) await page.getByRole('button', { name: 'A+ larger text' }).click();
    const after = { outline: await size('.outline-pane [role=treeitem]'), side: await size('.side-pane .tabs') };
    expect(after.outline).toBeGreaterThan(before.outline);
    expect(after.side).toBeGreaterThan(before.side);
  });
});

describe('pane widths', () => {
  it('a resized pane keeps its width after a restart (saved with the settings, not in localStorage)', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    const divider = page.getByRole('separator', { name: 'Resize the outline' });
    await divider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await divider.getAttribute('aria-valuenow')).toBe('328');
    const saved = async (): Promise<number | null> => {
      const s = await app.invoke('settings.get', {});
      return s.ok ? s.value.paneWidths.outline : null;
    };
    await expect.poll(saved).toBe(328);
    expect(await page.evaluate('localStorage.length')).toBe(0);
    await app.restart();
    const box = await app.page.locator('nav.outline-pane').boundingBox();
    expect(box?.width).toBe(328);
  });
});
