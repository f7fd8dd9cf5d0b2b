/**
 * A note's Markdown shown as written: bold, a list and a link in the
 * note card under its block and in the Notes panel; a typed <script> shown as
 * text, never run or turned into markup. The export dialog's title block and
 * narrowing, looked at in three window sizes, light and dark.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { block, openPage } from './steps';
import { sizesIn } from '../support/depth';

const e2e = useHarness();
const NOTE =
  '**Labour inspection** first:\n\n- recruitment *fees*\n- passports\n\nSee [ILO C181](https://www.ilo.org/c181).';
const SCRIPT = '<script>window.__ran = 1</script> <img src=x onerror="window.__ran = 2">';

describe('Markdown notes', () => {
  it('render bold, lists and links in the note card and the Notes panel; a <script> shows as text', async () => {
    const app = await e2e.app();
    for (const [blockId, note] of [
      ['c2.f2.po.1', NOTE],
      ['c2.f2.po.2', SCRIPT],
    ] as const) {
      const r = await app.invoke('annotations.create', { blockId, note });
      expect(r.ok).toBe(true);
    }
    await app.restart();
    const { page } = app; // the page of the restarted app
    await openPage(app, 'c2.f2');

    const card = block(page, 'c2.f2.po.1').locator('.note-card');
    await card.waitFor();
    expect(await card.locator('.md-strong').allTextContents()).toEqual(['Labour inspection']);
    expect(await card.locator('.md-ul > .md-li').allTextContents()).toEqual(['recruitment fees', 'passports']);
    expect(await card.locator('.md-em').allTextContents()).toEqual(['fees']);
    const link = card.locator('.md-link');
    expect(await link.textContent()).toBe('ILO C181');
    expect(await link.getAttribute('title')).toBe('https://www.ilo.org/c181');
    expect(await card.textContent()).not.toContain('*');
    // Shown as a list item (a bullet), not as a run of text.
    expect(
      await card
        .locator('.md-li')
        .first()
        .evaluate(
          (e) =>
            (globalThis as unknown as { getComputedStyle(x: typeof e): { display: string } }).getComputedStyle(e)
              .display,
        ),
    ).toBe('list-item');

    const hostile = block(page, 'c2.f2.po.2').locator('.note-card');
    expect(await hostile.locator('.note-text').textContent()).toBe(SCRIPT);
    expect(await page.locator('#reading script, #reading img').count()).toBe(0);
    expect(await page.evaluate('window.__ran ?? null')).toBeNull();
    await app.screenshot('markdown-note-cards');

    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    const entry = page.locator('.note-entry', { has: page.locator('.md-strong') });
    await entry.waitFor();
    expect(await entry.locator('.entry-note .md-strong').allTextContents()).toEqual(['Labour inspection']);
    expect(await entry.locator('.entry-note .md-li').allTextContents()).toEqual(['recruitment fees', 'passports']);
    expect(await entry.locator('.entry-note .md-link').textContent()).toBe('ILO C181');
    const panel = page.locator('.note-entry .entry-note');
    expect(await panel.allTextContents()).toContain(SCRIPT);
    expect(await page.locator('.note-entry script, .note-entry img').count()).toBe(0);
    expect(await page.evaluate('window.__ran ?? null')).toBeNull();
    await app.screenshot('markdown-notes-panel');
  });

  it(
    'the export dialog takes a title block and narrows to clusters, positions and tags',
    { timeout: 300_000 },
    async () => {
      const app = await e2e.app();
      expect((await app.invoke('annotations.create', { blockId: 'c2.f2.po.1', note: '**bold** note' })).ok).toBe(true);
      expect((await app.invoke('positions.set', { targetId: 'c2.f2.po.1', position: 'oppose' })).ok).toBe(true);
      expect((await app.invoke('positions.set', { targetId: 'c3.f1.po.1', position: 'support' })).ok).toBe(true);
      await app.restart();
      const { page } = app;
      const sizes = [
        [1280, 860],
        [1024, 700],
        [800, 600],
      ] as const;
      // Opened once in the wide window (the Notes tab is in a drawer in narrow ones), then resized.
      await page.getByRole('tab', { name: 'Notes', exact: true }).click();
      await page.getByRole('button', { name: 'Export…' }).first().click();
      const opened = page.getByRole('dialog', { name: 'Export notes' });
      await opened.waitFor();
      for (const scheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const [width, height] of sizesIn(sizes, scheme)) {
          await page.setViewportSize({ width, height });
          await app.screenshot(`export-dialog-${width}x${height}-${scheme}`);
        }
      }
      await page.emulateMedia({ colorScheme: 'light' });
      await page.keyboard.press('Escape');
      await opened.waitFor({ state: 'detached' });
      await page.setViewportSize({ width: 1280, height: 860 });
      await page.getByRole('button', { name: 'Export…' }).first().click();
      const dialog = page.getByRole('dialog', { name: 'Export notes' });
      await dialog.getByRole('radio', { name: /^Markdown/ }).check();
      await dialog.getByLabel('Title', { exact: true }).fill('Round 3 brief');
      await dialog.getByLabel('Delegation').fill('Delegation of Freedonia');
      await dialog.getByLabel('Classification line').fill('Restricted — delegation use');
      await dialog.getByRole('checkbox', { name: 'Cluster 2' }).check();
      await dialog.getByRole('button', { name: 'Export…' }).click();
      const preview = dialog.getByTestId('export-preview');
      await preview.waitFor();
      const md = await preview.inputValue();
      expect(md).toContain('**Restricted — delegation use**\n\n# Round 3 brief\n\nDelegation: Delegation of Freedonia');
      expect(md).toContain('Cluster 2 (2), Policy option 1');
      expect(md).not.toContain('Cluster 3 (1), Policy option 1');
      // The title block is remembered for the next export (not the date).
      await expect
        .poll(async () => {
          const s = await app.invoke('settings.get', {});
          return s.ok ? s.value.briefHeader : null;
        })
        .toEqual({
          title: 'Round 3 brief',
          delegation: 'Delegation of Freedonia',
          meeting: '',
          classification: 'Restricted — delegation use',
        });
    },
  );
});
