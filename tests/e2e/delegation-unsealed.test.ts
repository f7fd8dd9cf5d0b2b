/**
 * Protected notes and a shared folder without a delegation passphrase: the
 * folder is chosen in the shell's dialog (the Settings field only shows it),
 * Settings says in words that the layer file is not written and why, and
 * "Write my notes unsealed…" asks the shell's own question; answered Cancel,
 * nothing is written. Looked at in three sizes, light and dark.
 */
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { axeSerious, chooseSharedFolder, WINDOW_SIZES } from './steps';

const e2e = useHarness();

let shared: string | null = null;
afterEach(() => {
  if (shared) rmSync(shared, { recursive: true, force: true });
  shared = null;
});

describe('a shared folder while the notes are protected', () => {
  it('writes nothing unsealed until the shell’s question is answered, and says so', async () => {
    shared = mkdtempSync(join(tmpdir(), 'recollection-unsealed-'));
    const app = await e2e.app({ hash: '#page/c2.f2' });
    await app.invoke('annotations.create', { blockId: 'c2.f2.po.1', note: 'Capital: hold firm' });
    const enabled = await app.invoke('vault.enable', { passphrase: 'correct horse battery staple' });
    expect(enabled.ok).toBe(true);
    const { page } = app;
    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await page.getByRole('button', { name: 'Settings…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Settings' });
    expect(await dialog.getByLabel('Folder', { exact: true }).getAttribute('readonly')).not.toBeNull();
    await chooseSharedFolder(app, dialog, shared);
    const choice = dialog.getByTestId('unsealed-choice');
    await expect.poll(() => choice.textContent()).toMatch(/Your layer file is not written/);
    await choice.getByRole('button', { name: 'Write my notes unsealed…' }).click();
    await expect.poll(async () => (await app.invoke('folder.status', {})).ok).toBe(true);
    expect(readdirSync(shared).filter((n) => n.endsWith('.layer.json'))).toEqual([]);
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'detached' });

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const { width, height } of WINDOW_SIZES) {
        await page.setViewportSize({ width, height });
        const notesTab = page.getByRole('tab', { name: 'Notes', exact: true });
        if (!(await notesTab.isVisible()))
          await page.getByRole('button', { name: 'Show side panel', exact: true }).click();
        await notesTab.click();
        await page.getByRole('button', { name: 'Settings…' }).click();
        const again = page.getByRole('dialog', { name: 'Settings' });
        await again.getByTestId('unsealed-choice').scrollIntoViewIfNeeded();
        await app.screenshot(`unsealed-settings-${width}x${height}-${scheme}`);
        expect(await axeSerious(page, '[role=dialog]'), `settings ${width}x${height} ${scheme}`).toEqual([]);
        expect(await page.evaluate('document.scrollingElement.scrollTop')).toBe(0);
        await again.getByRole('button', { name: 'Cancel' }).click();
        await again.waitFor({ state: 'detached' });
      }
    }
  });
});
