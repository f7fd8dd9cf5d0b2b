/**
 * Protection and the lock screen in the browser target: set
 * up protection from the Notes panel (the recovery code shown once, "I have
 * saved it"), lock, and check that the lock screen holds nothing of the notes
 * — neither in its text nor in its accessibility tree — at three window sizes,
 * light and dark; present the document while locked; reload the window locked; a wrong
 * passphrase is refused; the right one brings the notes back.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { encryptInDialog } from './steps';
import { sizesIn } from '../support/depth';

const e2e = useHarness();
const NOTE = 'Marmoset reservation on return clauses';
const TAG = 'tapirtag';
const PASS = 'four words make a passphrase';
const SIZES = [
  { width: 1280, height: 860 },
  { width: 1024, height: 700 },
  { width: 800, height: 600 },
];

describe('protection and the lock screen', () => {
  it('sets up protection, locks with nothing of the notes on screen, unlocks', async () => {
    const app = await e2e.app({ hash: '#page/c2.f3' });
    const seeded = await app.invoke('annotations.create', { blockId: 'c2.f3.po.1', note: NOTE, tags: [TAG] });
    expect(seeded.ok).toBe(true);
    await app.restart();
    const { page } = app;
    await app.waitReady();
    await expect.poll(() => page.locator('body').innerText()).toContain(NOTE);

    await page.getByRole('button', { name: /Protect my notes/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Protect my notes' });
    await expect.poll(() => dialog.innerText()).toMatch(/cannot be read/);
    expect(await encryptInDialog(dialog, PASS)).toMatch(/^[0-9A-Z]{4}-/);
    await app.screenshot('vault-recovery-code-1280-light');
    const done = dialog.getByRole('button', { name: 'Done' });
    expect(await done.isDisabled()).toBe(true);
    await dialog.getByLabel('I have saved it').check();
    await done.click();
    expect((await app.invoke('vault.status', {})).ok).toBe(true);

    await page.getByRole('button', { name: 'Lock now', exact: true }).click();
    await page.getByRole('heading', { name: 'Your notes are locked' }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const size of sizesIn(SIZES, scheme)) {
        await page.setViewportSize(size);
        const text = await page.locator('body').innerText();
        const tree = await page.locator('body').ariaSnapshot();
        for (const secret of [NOTE, 'Marmoset', TAG]) {
          expect(text).not.toContain(secret);
          expect(tree).not.toContain(secret);
        }
        await app.screenshot(`vault-lock-screen-${size.width}x${size.height}-${scheme}`);
      }
    }
    expect(await app.invoke('notes.list', {})).toMatchObject({ ok: false, error: { code: 'LOCKED' } });

    // Presenting while locked: the document, none of the notes.
    await page.setViewportSize(SIZES[0]);
    await page.getByRole('button', { name: 'Present the document' }).click();
    await app.waitReady();
    expect(await page.locator('body').innerText()).not.toContain('Marmoset');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    // Locked notes are not a failure: no "could not be loaded" message over the document.
    expect(await page.locator('.toasts .toast-message').allTextContents()).toEqual([]);
    await app.screenshot('vault-present-while-locked-1280');

    // A fresh start of the window on the locked core (the core opening locked is tests/core/vault.test.ts's).
    await page.reload();
    const again = app.page;
    await again.getByRole('heading', { name: 'Your notes are locked' }).waitFor();
    await again.getByLabel('Passphrase').fill('not my passphrase');
    await again.getByRole('button', { name: 'Unlock' }).click();
    await again.getByRole('alert').filter({ hasText: 'not right' }).waitFor({ timeout: 30_000 });
    await again.getByLabel('Passphrase').fill(PASS);
    await again.getByRole('button', { name: 'Unlock' }).click();
    await app.waitReady();
    await expect.poll(() => again.locator('body').innerText(), { timeout: 20_000 }).toContain(NOTE);
  }, 180_000);
});
