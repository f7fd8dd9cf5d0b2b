/**
 * Keyboard: a highlight made without the mouse (V, Shift+→, Enter) is
 * stored on the words chosen; Ctrl+C on a selection copies it with its
 * citation and link; Alt+1…4 put the keyboard in the outline, the text, the
 * notes and the positions.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { axeSerious, selectInBlock } from './steps';

const e2e = useHarness();

describe('keyboard', () => {
  it('highlights words chosen with the keyboard, and the highlight is stored', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await page.keyboard.press('j'); // 2.2 PO 1: "Protect women and men migrants through: …" (resources/…txt)
    await page.keyboard.press('v');
    await page.keyboard.press('ArrowRight'); // "women"
    await page.keyboard.press('Shift+ArrowRight'); // "women and"
    await page.keyboard.press('Shift+ArrowRight'); // "women and men"
    expect(await page.evaluate('getSelection().toString()')).toBe('women and men');
    await app.screenshot('keyboard-selection-mode');
    await page.keyboard.press('Enter');
    await expect
      .poll(async () => {
        const list = await app.invoke('annotations.list', {});
        return list.ok ? list.value.map((a) => [a.blockId, a.selector?.exact, a.color]) : null;
      })
      .toEqual([['c2.f2.po.1', 'women and men', 'yellow']]);
    await page.locator('[data-text-of="c2.f2.po.1"] mark.hl').first().waitFor();
  });

  it('Ctrl+C on a selection copies it with its citation and link', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await selectInBlock(page, 'c2.f2.po.1', 'gender-sensitive labor migration policies');
    await page.keyboard.press('Control+c');
    const block = await app.invoke('content.block', { id: 'c2.f2.po.1' });
    const label = block.ok ? block.value.block.label : '?';
    await expect
      .poll(() => app.readClipboard())
      .toBe(
        `“gender-sensitive labor migration policies” (GFMD Thematic Recollection 2007–2017, ${label})\nrecollection://block/c2.f2.po.1`,
      );
  });

  it('Alt+1…4 focus the outline, the text, the notes and the positions', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    const active = (): Promise<string> =>
      page.evaluate<string>(
        "(() => { const a = document.activeElement; return a.getAttribute('role') + ':' + (a.id || a.getAttribute('data-node') || a.getAttribute('data-block-id') || a.tagName) })()",
      );
    await page.keyboard.press('Alt+1');
    await expect.poll(active).toBe('treeitem:c2.f2');
    await page.keyboard.press('Alt+3');
    await expect.poll(active).toBe('tab:tab-notes');
    await page.keyboard.press('Alt+4');
    await expect.poll(active).toBe('tab:tab-positions');
    await page.keyboard.press('Alt+2');
    await expect.poll(active).toMatch(/^null:(reading|c2\.f2)/);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.getByText('Alt+1 / 2 / 3 / 4').waitFor();
    expect(await axeSerious(page, '[role=dialog]')).toEqual([]);
  });
});
