/**
 * Search: typo-tolerant results that open on their block with the words
 * marked, filters, jump-to-label, the empty and no-result states, a
 * keyboard-only walk from search to a result to its footnote, identifiers
 * (a PfP number, a pasted link), the honest fallback notice, "Show more" and
 * the thesaurus's "also searched"; those four states of the overlay looked at
 * in three window sizes, light and dark.
 * Expected blocks are chosen by reading the document.
 */
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { timeKeystrokes, timeNavigation } from './measure';
import { WINDOW_SIZES, axeSerious, block, chooseTheme, openSearch, resultCount, search, topBarTop } from './steps';
import { sizesIn } from '../support/depth';

const e2e = useHarness();
const focusedBlock = 'document.activeElement?.closest("[data-block-id]")?.dataset.blockId ?? null';

describe('search', () => {
  it('finds the right item despite a typo, opens it and marks the words until the next navigation', async () => {
    const app = await e2e.app();
    const { page } = app;
    // Cluster 2 (2), Example 1: "The UK Code of Practice for the Ethical Recruitment of International Healthcare Professionals…"
    const dialog = await search(page, 'healthcare profesionals');
    const options = dialog.getByRole('option');
    const labels = await options.locator('.result-label').allTextContents();
    const at = labels.slice(0, 3).indexOf('Cluster 2 (2), Example 1');
    expect(at, `top 3: ${labels.slice(0, 3).join(' | ')}`).toBeGreaterThanOrEqual(0);
    expect(await options.nth(at).locator('.snippet mark').count()).toBeGreaterThan(0);
    await app.screenshot('search-typo-results');
    for (let i = 0; i < at; i++) await page.keyboard.press('ArrowDown');
    expect(await options.nth(at).getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');

    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.evaluate(focusedBlock)).toBe('c2.f2.ex.1');
    const marked = (await block(page, 'c2.f2.ex.1').locator('mark.term').allTextContents()).map((t) => t.toLowerCase());
    expect(marked).toContain('professionals');
    expect(marked).toContain('healthcare');
    await app.screenshot('search-opened-with-terms');
    await page.keyboard.press(']');
    await expect.poll(() => page.locator('article[data-page]').getAttribute('data-page')).toBe('c2.f3');
    expect(await page.locator('mark.term').count()).toBe(0);
  });

  it('narrows results with the cluster and kind filters, and remembers them', async () => {
    const app = await e2e.app();
    const { page } = app;
    const dialog = await search(page, 'remittances');
    const all = await resultCount(dialog);
    await dialog.getByRole('button', { name: 'Cluster 4' }).click();
    await expect.poll(() => resultCount(dialog)).toBeLessThan(all);
    const inCluster4 = await resultCount(dialog);
    expect(inCluster4).toBeGreaterThan(0);
    const labels = await dialog.locator('[role=option] .result-label').allTextContents();
    expect(labels.every((l) => l.startsWith('Cluster 4'))).toBe(true);

    await dialog.getByRole('button', { name: 'Policy option' }).click();
    await expect.poll(() => resultCount(dialog)).toBeLessThan(inCluster4);
    const kinds = await dialog.locator('[role=option] .result-kind').allTextContents();
    expect(kinds.length).toBeGreaterThan(0);
    expect(new Set(kinds)).toEqual(new Set(['Policy option']));
    await app.screenshot('search-filtered');
    await expect
      .poll(async () => {
        const s = await app.invoke('settings.get', {});
        return s.ok ? s.value.searchFilters : null;
      })
      .toEqual({ clusters: [4], kinds: ['policy-option'] });
  });

  it('jumps to a label typed in the search box', async () => {
    const { page } = await e2e.app();
    const dialog = await search(page, '2.2');
    const first = dialog.getByRole('option').first();
    expect(await first.textContent()).toContain('Go to');
    expect(await first.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.locator('#page-title').textContent())
      .toBe('Fair and ethical recruitment of migrant workers');
  });

  it('helps when the box is empty and when nothing is found', async () => {
    const { page } = await e2e.app();
    const dialog = await openSearch(page);
    const examples = dialog.locator('.search-empty .suggestions button');
    expect(await examples.count()).toBeGreaterThan(2);
    await dialog.locator('.search-empty').getByRole('button', { name: 'remittances', exact: true }).click();
    expect(await dialog.getByRole('combobox').inputValue()).toBe('remittances');
    await expect.poll(() => resultCount(dialog)).toBeGreaterThan(0);

    await dialog.getByRole('combobox').fill('qqxzvw');
    await dialog.getByTestId('no-results').waitFor();
    expect(await dialog.getByTestId('no-results').textContent()).toContain('Nothing found for “qqxzvw”');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('offers the document’s spelling for a misspelt word, and searches it on click', async () => {
    const { page } = await e2e.app();
    const dialog = await search(page, 'unacompanied minors');
    // Fuzzy matching already finds the passage; the correction is offered beside the results.
    await expect.poll(() => resultCount(dialog)).toBeGreaterThan(0);
    const fix = dialog.getByRole('button', { name: 'unaccompanied minors', exact: true });
    await fix.waitFor();
    await fix.click();
    expect(await dialog.getByRole('combobox').inputValue()).toBe('unaccompanied minors');
    await expect.poll(() => resultCount(dialog)).toBeGreaterThan(0);
  });

  it('works from the keyboard alone: search → result → footnote → back', async () => {
    const app = await e2e.app();
    const { page } = app;
    await page.keyboard.press('Control+f');
    const dialog = page.getByRole('dialog', { name: /Search/ });
    await dialog.waitFor();
    await page.keyboard.type('Ethical Recruitment of International Healthcare');
    await dialog.getByRole('option').first().waitFor();
    const first = await dialog.getByRole('option').first().locator('.result-label').textContent();
    expect(first).toBe('Cluster 2 (2), Example 1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(focusedBlock)).toBe('c2.f2.ex.1');
    // Tab through the block's actions to its footnote reference.
    let onFootnote = false;
    for (let i = 0; i < 8 && !onFootnote; i++) {
      await page.keyboard.press('Tab');
      onFootnote = (await page.evaluate('document.activeElement?.dataset?.footnote ?? null')) === '54';
    }
    expect(onFootnote).toBe(true);
    await page.keyboard.press('Enter');
    const pop = page.getByRole('dialog', { name: 'Footnote 54' });
    await pop.waitFor();
    expect(await page.evaluate('document.activeElement?.getAttribute("role")')).toBe('dialog');
    expect(await pop.textContent()).toContain('gfmd.org/pfp/ppd/470');
    await app.screenshot('search-keyboard-footnote');
    await page.keyboard.press('Escape');
    await pop.waitFor({ state: 'detached' });
    expect(await page.evaluate('document.activeElement?.dataset?.footnote ?? null')).toBe('54');
  });

  it('jumps from a Platform for Partnerships number to its footnote', async () => {
    const app = await e2e.app();
    const { page } = app;
    // Footnote 55 is http://gfmd.org/pfp/ppd/5424, cited by Cluster 2 (2), Example 2 (ILO fair recruitment principles).
    const dialog = await search(page, 'ppd 5424');
    const first = dialog.getByRole('option').first();
    expect(await first.textContent()).toContain('Go to PfP 5424 — Footnote 55');
    await page.keyboard.press('Enter');
    await dialog.waitFor({ state: 'detached' });
    const note = page.locator('#fn-55');
    await note.waitFor();
    expect(await note.textContent()).toContain('gfmd.org/pfp/ppd/5424');
    await expect.poll(() => page.evaluate(focusedBlock)).toBe('c2.f2.ex.2');
    await app.screenshot('search-pfp-footnote');
  });

  it('opens the block of a pasted recollection:// link', async () => {
    const { page } = await e2e.app();
    const dialog = await search(page, 'recollection://block/c3.f4.po.1');
    const first = dialog.getByRole('option').first();
    expect(await first.textContent()).toContain('Go to Cluster 3 (4), Policy option 1');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(focusedBlock)).toBe('c3.f4.po.1');
  });

  it('says when no passage has every word, and what each hit matched', async () => {
    const app = await e2e.app();
    const dialog = await search(app.page, 'seafarers xylophone');
    const notice = dialog.getByTestId('fallback-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toBe(
      'No passage has all your words — showing passages with some of them; not found: xylophone',
    );
    expect(await dialog.locator('.result-matched').first().textContent()).toBe('Matches: seafarers');
    await app.screenshot('search-fallback-notice');
    await dialog.getByRole('combobox').fill('seafarers placement fees');
    await expect.poll(() => dialog.getByTestId('fallback-notice').count()).toBe(0);
  });

  it('shows more results up to the last one', async () => {
    const { page } = await e2e.app();
    const dialog = await search(page, 'migrants');
    const total = await resultCount(dialog);
    expect(total).toBeGreaterThan(60);
    const options = dialog.getByRole('option');
    expect(await options.count()).toBe(30);
    await dialog.getByRole('button', { name: 'Show more' }).click();
    await expect.poll(() => options.count()).toBe(60);
    while ((await dialog.getByRole('button', { name: 'Show more' }).count()) > 0) {
      const before = await options.count();
      await dialog.getByRole('button', { name: 'Show more' }).click();
      await expect.poll(() => options.count()).toBeGreaterThan(before);
    }
    expect(await options.count()).toBe(total);
    const texts = await options.allTextContents();
    expect(new Set(texts).size).toBe(total);
  });

  it('names the document’s words it also searched, and can search only the words typed', async () => {
    const app = await e2e.app();
    const { page } = app;
    const dialog = await search(page, 'deportation');
    const also = dialog.getByTestId('also-searched');
    await also.waitFor();
    expect(await also.textContent()).toContain('Also searched: return, readmission');
    expect(await resultCount(dialog)).toBeGreaterThan(0);
    await app.screenshot('search-also-searched');
    await dialog.getByRole('button', { name: 'Only my words' }).click();
    await dialog.getByTestId('no-results').waitFor();
    await expect
      .poll(async () => {
        const s = await app.invoke('settings.get', {});
        return s.ok ? s.value.searchExpand : null;
      })
      .toBe(false);
    await dialog.getByRole('button', { name: 'Also search the document’s wording' }).click();
    await expect.poll(() => resultCount(dialog)).toBeGreaterThan(0);
  });

  it('finds English passages for a French and a Spanish query and says what it also searched', async () => {
    const app = await e2e.app();
    const { page } = app;
    // "traite des êtres humains" and "trata de personas" are trafficking in human beings (Cluster 6).
    for (const [q, shown] of [
      ['traite des êtres humains', 'trafficking, human trafficking — traite des êtres humains'],
      ['trata de personas', 'trafficking, human trafficking — trata de personas'],
    ] as const) {
      const dialog = await search(page, q);
      const also = dialog.getByTestId('also-searched');
      await also.waitFor();
      expect(await also.textContent()).toContain(shown);
      const labels = await dialog.locator('[role=option] .result-label').allTextContents();
      expect(
        labels.slice(0, 3).some((l) => l.startsWith('Cluster 6')),
        labels.slice(0, 3).join(' | '),
      ).toBe(true);
      expect(await dialog.getByText('Did you mean').count()).toBe(0);
      await app.screenshot(`search-also-searched-${q.startsWith('traite') ? 'fr' : 'es'}`);
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'detached' });
    }
  });

  it('keeps the jump, the fallback notice, "also searched" and "Show more" in view at three sizes, light and dark', async () => {
    const app = await e2e.app();
    const { page } = app;
    const states = [
      { name: 'pfp-jump', q: 'ppd 5424', shown: (d: Locator) => d.getByRole('option', { name: /^Go to PfP 5424/ }) },
      { name: 'fallback', q: 'seafarers xylophone', shown: (d: Locator) => d.getByTestId('fallback-notice') },
      { name: 'also-searched', q: 'deportation', shown: (d: Locator) => d.getByTestId('also-searched') },
      { name: 'show-more', q: 'migrants', shown: (d: Locator) => d.getByRole('button', { name: 'Show more' }) },
    ];
    for (const scheme of ['light', 'dark'] as const) {
      await chooseTheme(page, scheme);
      for (const { width, height } of sizesIn(WINDOW_SIZES, scheme)) {
        await page.setViewportSize({ width, height });
        for (const state of states) {
          const dialog = await search(page, state.q);
          const shown = state.shown(dialog);
          await shown.scrollIntoViewIfNeeded();
          const where = `${state.name} ${width}x${height} ${scheme}`;
          await app.screenshot(`search-${state.name}-${width}x${height}-${scheme}`);
          // The dialog, its search box and the state's own element lie inside the window; the frame has not moved.
          for (const part of [dialog, dialog.getByRole('combobox', { name: 'Search' }), shown]) {
            const box = await part.boundingBox();
            expect(box, where).not.toBeNull();
            if (!box) continue;
            expect(box.y >= 0 && box.y + box.height <= height && box.x >= 0 && box.x + box.width <= width, where).toBe(
              true,
            );
          }
          expect(await topBarTop(page), where).toBe(0);
          if (width === 800) expect(await axeSerious(page), where).toEqual([]);
          await page.keyboard.press('Escape');
          await dialog.waitFor({ state: 'detached' });
        }
      }
    }
  }, 240_000);

  it('can be timed keystroke by keystroke for the benchmark', async () => {
    const app = await e2e.app();
    await openSearch(app.page);
    const times = await timeKeystrokes(app, 'labour mobility');
    expect(times.length).toBe('labour mobility'.length);
    expect(times.every((t) => t > 0 && t < 10_000)).toBe(true);
    // The last keystroke's results are the ones on screen.
    expect(await app.page.locator('#search-results').getAttribute('data-query')).toBe('labour mobility');
    const nav = await timeNavigation(app, 'c5.f1');
    expect(nav).toBeGreaterThan(0);
    expect(await app.page.locator('#page-title').textContent()).toMatch(/^Addressing vulnerability/);
  });
});
