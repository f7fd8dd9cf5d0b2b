/**
 * A position set on an option without any note (in the matrix, or adopted)
 * is in the reader: a card of its own under the option, in words with its
 * icon; it opens the note editor on the option, which starts from that
 * position (not "— None"), so saving a note keeps it. Presentation mode hides it.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { WINDOW_SIZES, block, chooseTheme } from './steps';

const e2e = useHarness();
const PO1 = 'c2.f2.po.1';

describe('a position without a note', () => {
  it('shows under its option and in the note editor, and stays when a note is written', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const set = await app.invoke('positions.set', { targetId: PO1, position: 'red-line', priority: 'high' });
    expect(set.ok).toBe(true);
    await app.restart();
    const { page } = app;
    const card = block(page, PO1).getByRole('button', { name: /Your position, no note yet/ });
    await card.waitFor();
    expect(await card.innerText()).toMatch(/Red line\s*High priority/);

    await page.setViewportSize(WINDOW_SIZES[0]);
    for (const scheme of ['light', 'dark'] as const) {
      await chooseTheme(page, scheme);
      await app.screenshot(`reader-position-card-1280x860-${scheme}`);
    }
    await chooseTheme(page, 'light');

    await card.click();
    const editor = page.getByRole('dialog', { name: 'New note' });
    await editor.waitFor();
    expect(await editor.getByRole('combobox', { name: 'Position', exact: true }).inputValue()).toBe('red-line');
    expect(await editor.getByRole('combobox', { name: 'Priority', exact: true }).inputValue()).toBe('high');
    await editor.getByLabel('Note (Markdown)').fill('Hold the line on wording');
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    // The note now carries the option's position; the position card is not shown twice.
    await expect.poll(() => block(page, PO1).locator('.note-card').count()).toBe(1);
    expect(await block(page, PO1).locator('.note-card').innerText()).toContain('Red line');
    const rows = await app.invoke('positions.list', { clusterId: 'c2' });
    expect(rows.ok && rows.value.find((r) => r.block.id === PO1)).toMatchObject({
      position: 'red-line',
      priority: 'high',
    });

    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await expect.poll(() => page.locator('body').innerText()).not.toContain('Red line');
  }, 120_000);
});
