/**
 * The protection dialog and the toasts as a delegate meets them: focus starts
 * on the first field (not on ✕) and stays in the dialog when the recovery
 * code appears; that step has no ✕ and ignores Esc, and offers Copy and Print
 * (the paper holds the code alone); the key derivation's parameters are
 * behind "Technical details"; "Protection…" and "Lock now" are one group with
 * their own names; the reset by recovery code asks for the new passphrase
 * twice, and focus lands in the text after unlocking. A toast never covers a
 * dialog, and an undone change’s toast goes. The PDF export outside the app
 * says what to do in a sentence.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { WINDOW_SIZES, block, chooseTheme, encryptInDialog } from './steps';

const e2e = useHarness();
const PASS = 'four words make a passphrase';
const NEW_PASS = 'five other words for later';

const activeLabel = (page: Page): Promise<string | null> =>
  page.evaluate(
    "document.activeElement?.getAttribute('aria-label') ?? document.activeElement?.closest('label')?.textContent ?? document.activeElement?.id ?? null",
  );
const focusInDialog = (page: Page): Promise<boolean> =>
  page.evaluate("!!document.activeElement?.closest('[role=dialog]')");

describe('the protection dialog', () => {
  it('keeps focus, has no dead ✕, copies and prints the code, hides the technical line, asks twice on reset', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await page.getByRole('button', { name: /Protect my notes/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Protect my notes' });
    await dialog.waitFor();
    expect(await activeLabel(page)).toMatch(/^Passphrase/);
    expect(await dialog.innerText()).toContain('by anyone, you included');

    const code = await encryptInDialog(dialog, PASS);
    expect(await focusInDialog(page), 'focus stays in the dialog on the recovery-code step').toBe(true);
    expect(await dialog.getByRole('button', { name: 'Close' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await dialog.count()).toBe(1);
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      for (const scheme of ['light', 'dark'] as const) {
        await chooseTheme(page, scheme);
        await app.screenshot(`vault-code-step-${size.width}x${size.height}-${scheme}`);
      }
      const done = await dialog.getByRole('button', { name: 'Done' }).boundingBox();
      expect(done && done.y + done.height <= size.height, `${size.width}: Done in view`).toBe(true);
    }
    await chooseTheme(page, 'light');
    await page.setViewportSize(WINDOW_SIZES[0]);

    await dialog.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => app.readClipboard()).toBe(code);
    // Print: the system's dialog is not opened here; what the paper would hold is read under print media.
    await page.evaluate('window.printed = 0; window.print = () => void window.printed++;');
    await dialog.getByRole('button', { name: 'Print…' }).click();
    expect(await page.evaluate('window.printed')).toBe(1);
    await page.emulateMedia({ media: 'print' });
    const paper = await page.locator('body').innerText();
    expect(paper).toContain(code);
    expect(paper).not.toContain('I have saved it');
    expect(paper).not.toContain('Fair and ethical recruitment');
    await page.emulateMedia({ media: 'screen' });
    await page.evaluate("window.dispatchEvent(new Event('afterprint'))");

    await dialog.getByLabel('I have saved it').check();
    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });

    // Protected: the two links are one group, each with its own name; the technical line is folded away.
    const group = page.locator('.vault-links');
    expect(await group.getByRole('button').allInnerTexts()).toEqual(['Protection…', 'Lock now']);
    await group.getByRole('button', { name: 'Protection…' }).click();
    expect(await activeLabel(page)).not.toBe('Close');
    expect(await dialog.innerText()).not.toContain('scrypt');
    await dialog.getByText('Technical details').click();
    expect(await dialog.innerText()).toContain('scrypt');
    await app.screenshot('vault-dialog-technical-details-1280x860-light');
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Lock now' }).click();
    await page.getByRole('heading', { name: 'Your notes are locked' }).waitFor();
    await page.getByRole('button', { name: /use the recovery code/ }).click();
    await page.getByLabel('Recovery code').fill(code);
    await page.getByLabel(/^New passphrase/).fill(NEW_PASS);
    await page.getByLabel('The same new passphrase again').fill(`${NEW_PASS}!`);
    const reset = page.getByRole('button', { name: 'Reset passphrase and unlock' });
    expect(await reset.isDisabled()).toBe(true);
    await page.getByRole('alert').filter({ hasText: 'The two passphrases differ.' }).waitFor();
    await page.setViewportSize(WINDOW_SIZES[2]);
    await app.screenshot('vault-reset-form-800x600-light');
    await page.setViewportSize(WINDOW_SIZES[0]);
    await page.getByLabel('The same new passphrase again').fill(NEW_PASS);
    await reset.click();
    await app.waitReady();
    await expect.poll(() => page.evaluate('document.activeElement?.id'), { timeout: 30_000 }).toBe('reading');
    expect((await app.invoke('vault.status', {})).ok).toBe(true);
  }, 240_000);
});

describe('toasts', () => {
  it('never cover a dialog, and an undone change takes its toast away', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await block(page, 'c2.f2.po.1').click();
    await page.keyboard.press('b');
    const toast = page.locator('.toast').filter({ hasText: 'Bookmarked' });
    await toast.waitFor();
    // A dialog over the toast: what is at the toast's place is the dialog's backdrop, not the toast.
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    const box = await toast.boundingBox();
    if (!box) throw new Error('no toast');
    const on = `document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.closest('.toasts') === null`;
    expect(await page.evaluate(on), 'the toast is under the dialog').toBe(true);
    await page.keyboard.press('Escape');

    await page.keyboard.press('Control+z');
    await page
      .locator('.toast')
      .filter({ hasText: /^Undone/ })
      .waitFor();
    expect(await toast.count(), 'the toast of the undone change is gone').toBe(0);
    const marks = await app.invoke('bookmarks.list', {});
    expect(marks.ok && marks.value).toEqual([]);
  }, 120_000);
});

describe('wording', () => {
  // In the app the PDF is saved; outside it the dialog says what to do instead, as a sentence.
  it.skipIf(e2e.target === 'electron')(
    'the PDF export outside the app says so in a sentence',
    async () => {
      const app = await e2e.app({ hash: '#page/c2.f2' });
      const { page } = app;
      await page.getByRole('button', { name: 'Export…' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Export notes' });
      await dialog.getByRole('radio', { name: /^PDF/ }).check();
      await dialog.getByRole('button', { name: 'Export…' }).click();
      const said = await dialog.getByRole('alert').innerText();
      expect(said).toMatch(/^[A-Z]/);
      expect(said).toContain('desktop app');
    },
    60_000,
  );
});
