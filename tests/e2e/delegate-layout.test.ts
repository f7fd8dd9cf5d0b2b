/**
 * Small layout faults a delegate meets: at the largest text size the side
 * panel's tabs are whole (never cut to "Positi…"); a word such as "Medium"
 * is never broken inside ("Mediu/m"), in the reader, the Positions tab or the
 * matrix; a footnote number never wraps away from its word; after a jump the
 * outline's "you are here" is the heading of the place jumped to, not the one before.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { WINDOW_SIZES, chooseTheme, openPage } from './steps';

const e2e = useHarness();

/** Each drawn occurrence of `word` (in the page's text) that spans more than one line: its element's class. */
const brokenWords = (page: Page, word: string): Promise<string[]> =>
  page.evaluate<string[]>(`(() => {
    const out = [];
    const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const at = n.textContent.indexOf(${JSON.stringify(word)});
      if (at < 0 || !n.parentElement || n.parentElement.offsetParent === null) continue;
      const r = document.createRange();
      r.setStart(n, at);
      r.setEnd(n, at + ${word.length});
      const tops = new Set([...r.getClientRects()].filter((x) => x.width > 0).map((x) => Math.round(x.top)));
      if (tops.size > 1) out.push(n.parentElement.className || n.parentElement.tagName);
    }
    return out;
  })()`);

/** Footnote numbers drawn on a line below the character before them (no space between them). */
const strandedRefs = (page: Page): Promise<number[]> =>
  page.evaluate<number[]>(`(() => {
    const out = [];
    for (const sup of document.querySelectorAll('.reading-pane .fn-ref')) {
      const prev = sup.previousSibling;
      const walk = prev && document.createTreeWalker(prev, NodeFilter.SHOW_TEXT);
      let last = null;
      for (let n = walk && walk.nextNode(); n; n = walk.nextNode()) if (n.textContent.length) last = n;
      if (!last || /\\s$/.test(last.textContent)) continue;
      const r = document.createRange();
      r.setStart(last, last.textContent.length - 1);
      r.setEnd(last, last.textContent.length);
      const ch = r.getBoundingClientRect();
      const b = sup.querySelector('button').getBoundingClientRect();
      if (b.top >= ch.bottom - 1) out.push(Number(sup.querySelector('button').dataset.footnote));
    }
    return out;
  })()`);

describe('small layout faults', () => {
  it('tabs whole and no word broken at text size 28, footnote numbers stay with their word', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2', viewport: WINDOW_SIZES[2] });
    for (const [targetId, priority] of [
      ['c2.f2.po.1', 'medium'],
      ['c2.f2.po.2', 'medium'],
      ['c2.f2.pa.1', 'medium'],
    ] as const)
      expect((await app.invoke('positions.set', { targetId, position: 'support-with-amendments', priority })).ok).toBe(
        true,
      );
    await app.invoke('annotations.create', { blockId: 'c2.f2.po.1', note: 'Medium, with amendments' });
    await app.invoke('settings.set', { patch: { textSize: 28 } });
    await app.restart();
    const { page } = app;
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      if ((await page.getByRole('tablist', { name: 'Side panel' }).count()) === 0)
        await page
          .getByRole('button', { name: /side panel/i })
          .first()
          .click();
      const tabs = await page.evaluate<
        Array<{ name: string; whole: boolean }>
      >(`[...document.querySelectorAll('[role=tab]')]
        .map((el) => {
          const list = el.parentElement.getBoundingClientRect();
          const r = el.getBoundingClientRect();
          const whole = el.scrollWidth <= el.clientWidth && r.right <= list.right + 0.5 && r.left >= list.left - 0.5;
          return { name: el.textContent, whole };
        })`);
      expect(
        tabs.filter((t) => !t.whole),
        `${size.width}: cut tabs`,
      ).toEqual([]);
      await page.getByRole('tab', { name: 'Positions', exact: true }).click();
      await page.getByRole('tabpanel').getByText('Medium').first().waitFor();
      for (const word of ['Medium', 'Unmarked'])
        expect(await brokenWords(page, word), `${size.width}: "${word}" in the reader and the Positions tab`).toEqual(
          [],
        );
      const side = await page.evaluate<number[]>(
        "[document.querySelector('.side-pane').scrollWidth, document.querySelector('.side-pane').clientWidth]",
      );
      expect(side[0], `${size.width}: the side pane scrolls sideways`).toBeLessThanOrEqual(side[1]);
      expect(await strandedRefs(page), `${size.width}: footnote numbers on c2.f2`).toEqual([]);
      for (const scheme of ['light', 'dark'] as const) {
        await chooseTheme(page, scheme);
        await app.screenshot(`layout-text-28-${size.width}x${size.height}-${scheme}`);
      }
      await chooseTheme(page, 'light');
    }
    await page.getByRole('button', { name: 'Positions matrix' }).click();
    await page.getByTestId('positions-matrix').waitFor();
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      expect(await brokenWords(page, 'Medium'), `${size.width}: matrix`).toEqual([]);
    }
    await app.screenshot('layout-text-28-matrix-800x600');
    // Footnote numbers on a page dense with them, at the default size too.
    await page.keyboard.press('Escape');
    await app.invoke('settings.set', { patch: { textSize: 18 } });
    await app.restart();
    for (const pageId of ['c1.f1', 'c3.f1', 'c4.f1']) {
      await openPage(app, pageId);
      for (const size of WINDOW_SIZES) {
        await app.page.setViewportSize(size);
        expect(await strandedRefs(app.page), `${size.width}: footnote numbers on ${pageId}`).toEqual([]);
      }
    }
  }, 240_000);

  it('after a jump the outline marks the heading jumped to', async () => {
    const app = await e2e.app({ hash: '#block/c2.f2.pa.1' });
    const { page } = app;
    const here = page.locator('.outline-pane [aria-current=location]');
    // The practical actions' heading (from the document: "Options for practical action").
    await expect.poll(() => here.textContent()).toBe('Options for practical action');
    await openPage(app, 'c1.f1');
    await page.evaluate("location.hash = '#block/c2.f2.ex.1'");
    await expect.poll(() => here.textContent()).toBe('Policy and Practice Examples');
  }, 120_000);
});
