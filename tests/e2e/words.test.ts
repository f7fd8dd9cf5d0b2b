/**
 * Words for readers: a footnote whose number the source does not
 * print says so in plain words (no source lines, no block ids) in the panel
 * and the popover; a deleted note's toast names what was deleted and where.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { block } from './steps';

const e2e = useHarness();

const INTERNALS = /source line|c\d\.f\d\.(po|pa|ex)\.\d|conversion/;

describe('words for readers', () => {
  it('footnotes with a lost number say so plainly; toasts name what was deleted', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    // Footnote 55 of 2.2 is printed without its number in the source (resources/…txt, between 54 and 56).
    await page.getByRole('tab', { name: 'Footnotes', exact: true }).click();
    const item = page.locator('#fn-55');
    await item.waitFor();
    const text = (await item.textContent()) ?? '';
    expect(text).toContain('does not print this footnote’s number');
    expect(text).not.toMatch(INTERNALS);
    await block(page, 'c2.f2.ex.2').getByRole('button', { name: 'Footnote 55' }).click();
    const popover = page.getByRole('dialog', { name: 'Footnote 55' });
    await popover.waitFor();
    expect(await popover.textContent()).not.toMatch(INTERNALS);
    await app.screenshot('words-footnote-popover');
    await page.keyboard.press('Escape');

    await block(page, 'c2.f2.po.1').click();
    await page.keyboard.press('n');
    const editor = page.getByRole('dialog', { name: 'New note' });
    await editor.getByRole('textbox', { name: 'Note (Markdown)' }).fill('Check wording.');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    const target = await app.invoke('content.block', { id: 'c2.f2.po.1' });
    const label = target.ok ? target.value.block.label : 'c2.f2.po.1';
    await page.getByRole('button', { name: `Delete note on ${label}`, exact: true }).click();
    await page.locator('.toasts').getByText(`Note on ${label} moved to the trash`).waitFor();
  }, 180_000);
});
