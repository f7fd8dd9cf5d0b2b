/**
 * Managing notes: bookmarking a whole focus area, naming the colours, and
 * backing up and restoring the notes from the app.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/shared/contract/types';
import type { AppSession } from './harness';
import { useHarness } from './fixture';
import { block, bookmarked, selectInBlock } from './steps';

const e2e = useHarness();

async function annotations(app: AppSession): Promise<Annotation[]> {
  const r = await app.invoke('annotations.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('managing notes', () => {
  it('bookmarks a whole focus area and names the colours in the delegation’s words', async () => {
    const app = await e2e.app({ hash: '#page/c4.f2' });
    const { page } = app;
    await page.getByRole('button', { name: 'Bookmark this section' }).click();
    await page.getByRole('button', { name: 'Bookmarked', exact: true }).waitFor();
    const bm = await app.invoke('bookmarks.list', {});
    expect(bm.ok && bm.value.map((b) => b.targetId)).toEqual(['c4.f2']);

    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await page.getByRole('button', { name: 'Colours', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Colour names' });
    await dialog.getByRole('textbox', { name: /Purple/ }).fill('Ask capital');
    await dialog.getByRole('button', { name: 'Save' }).click();
    await dialog.waitFor({ state: 'detached' });
    const palette = await app.invoke('notes.palette', {});
    expect(palette.ok && palette.value.find((p) => p.color === 'purple')?.name).toBe('Ask capital');
    // The new name is offered when highlighting.
    await selectInBlock(page, 'c4.f2.po.4', 'remittances data');
    await page
      .getByRole('toolbar', { name: 'Selected passage' })
      .getByRole('button', { name: 'Highlight as Ask capital' })
      .click();
    await expect.poll(async () => (await annotations(app)).map((a) => a.color)).toEqual(['purple']);
  });

  it('backs up now and restores the notes from that backup', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await page.keyboard.press('j');
    await page.keyboard.press('b');
    await expect
      .poll(async () => {
        const r = await app.invoke('bookmarks.list', {});
        return r.ok ? r.value.length : -1;
      })
      .toBe(1);
    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await page.getByRole('button', { name: 'Backups', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Backups of your notes' });
    await dialog.getByRole('button', { name: 'Back up now' }).click();
    await dialog.getByRole('button', { name: 'Restore…' }).first().waitFor();
    await page.keyboard.press('Escape');

    // Remove the bookmark, then bring it back from the backup.
    await block(page, 'c2.f2.po.1').focus();
    await page.keyboard.press('b');
    await expect.poll(() => bookmarked(page, 'c2.f2.po.1')).toBe('false');
    await page.getByRole('button', { name: 'Backups', exact: true }).click();
    await dialog.getByRole('button', { name: 'Restore…' }).first().click();
    await dialog.getByRole('button', { name: 'Replace my notes with this backup' }).click();
    await page.keyboard.press('Escape');
    await expect.poll(() => bookmarked(page, 'c2.f2.po.1')).toBe('true');
  });
});
