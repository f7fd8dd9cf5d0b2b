/**
 * Reading: the outline, a focus area's items and labels, footnotes, moving
 * between blocks and focus areas, copying with citation, deep links,
 * cross-references, and the screens shown when something cannot be opened.
 * Expected titles and texts are taken from reading the source document.
 */
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import type { OutlineNode } from '../../src/shared/contract/types';
import { useHarness } from './fixture';
import { block, openPage, search } from './steps';

const e2e = useHarness();

describe('reader', () => {
  it('shows the outline with Parts I–IV, 6 clusters and 21 focus areas', async () => {
    const { page } = await e2e.app();
    const tree = page.getByRole('tree', { name: 'Contents' });
    await page.getByRole('button', { name: 'Expand all' }).click();
    await expect.poll(() => tree.locator('[role=treeitem][data-kind=cluster]').count()).toBe(6);
    expect(await tree.locator('[role=treeitem][data-kind=focus-area]').count()).toBe(21);
    for (const part of ['Part I', 'Part II', 'Part III', 'Part IV']) {
      expect(await tree.locator(`[role=treeitem][data-kind=part][data-label="${part}"]`).count()).toBe(1);
    }
    // Each focus area holds its three groups (a flat tree: the level says what is inside what).
    expect(await tree.locator('[role=treeitem][data-node^="c2.f2."]').allTextContents()).toEqual([
      'Policy Options',
      'Options for practical action',
      'Policy and Practice Examples',
    ]);
  });

  it('opens a focus area from the outline with its items, labels and bold names', async () => {
    const app = await e2e.app();
    const { page } = app;
    const tree = page.getByRole('tree', { name: 'Contents' });
    await tree.locator('[data-node="c2"]').click();
    await tree.locator('[data-node="c2.f2"]').click();
    await expect
      .poll(() => page.locator('#page-title').textContent())
      .toBe('Fair and ethical recruitment of migrant workers');
    await expect.poll(() => tree.locator('[data-node="c2.f2"]').getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('.breadcrumb').textContent()).toContain('Cluster 2 (2)');
    expect(await page.locator('.group-title').allTextContents()).toEqual([
      'Policy Options',
      'Options for practical action',
      'Policy and Practice Examples',
    ]);
    // The margin labels are the blocks' short labels, in reading order.
    const payload = await app.invoke('content.section', { id: 'c2.f2' });
    if (!payload.ok) throw new Error(payload.error.message);
    const labels = await page.locator('#reading .margin-label').allTextContents();
    expect(labels).toEqual(payload.value.blocks.map((b) => b.shortLabel));
    expect(labels.slice(0, 2)).toEqual(['2.2 PO 1', '2.2 PO 2']);
    expect(await block(page, 'c2.f2.po.1').locator('.block-text').textContent()).toMatch(
      /^Protect women and men migrants through/,
    );
    // Each kind of item sits in its own group, with its own rule colour class.
    expect(await page.locator('.group.kind-po [data-block-id]').count()).toBe(
      payload.value.blocks.filter((b) => b.kind === 'policy-option').length,
    );
    // Examples keep the bold names: the ILO's general principles.
    expect(await block(page, 'c2.f2.ex.2').locator('strong').allTextContents()).toContain('ILO');
  });

  it('shows the footnote a reference points to in a popover, and lists the section’s footnotes', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await block(page, 'c2.f2.ex.1').getByRole('button', { name: 'Footnote 54' }).click();
    const pop = page.getByRole('dialog', { name: 'Footnote 54' });
    await pop.waitFor();
    expect(await pop.textContent()).toContain('http://gfmd.org/pfp/ppd/470');
    await app.screenshot('reader-footnote-popover');
    await page.keyboard.press('Escape');
    await pop.waitFor({ state: 'detached' });
    // Focus returns to the reference.
    expect(await page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe('Footnote 54');

    await page.getByRole('tab', { name: 'Footnotes', exact: true }).click();
    const list = page.getByRole('list', { name: /Footnotes of Cluster 2 \(2\)/ });
    expect(await list.locator('#fn-54').textContent()).toContain('gfmd.org/pfp/ppd/470');
  });

  it('moves between blocks with J/K and between focus areas with ] and [', async () => {
    const { page } = await e2e.app({ hash: '#page/c2.f2' });
    await page.keyboard.press('j');
    const focused = (): Promise<unknown> => page.evaluate('document.activeElement?.dataset?.blockId ?? null');
    await expect.poll(focused).toBe('c2.f2.po.1');
    await page.keyboard.press('j');
    await expect.poll(focused).toBe('c2.f2.po.2');
    await page.keyboard.press('k');
    await expect.poll(focused).toBe('c2.f2.po.1');
    await page.keyboard.press(']');
    await expect.poll(() => page.locator('#page-title').textContent()).toBe('Skills recognition and development');
    await page.keyboard.press('[');
    await expect
      .poll(() => page.locator('#page-title').textContent())
      .toBe('Fair and ethical recruitment of migrant workers');
    await page.keyboard.press('[');
    await expect
      .poll(() => page.locator('#page-title').textContent())
      .toBe('Labor mobility, including temporary or circular migration');
  });

  it('copies a block with its citation, and a deep link to it', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    const res = await app.invoke('content.block', { id: 'c2.f2.po.1' });
    if (!res.ok) throw new Error(res.error.message);
    await page.keyboard.press('j');
    await page.keyboard.press('c');
    await expect
      .poll(() => app.readClipboard())
      .toBe(`“${res.value.block.text}” (GFMD Thematic Recollection 2007–2017, Cluster 2 (2), Policy option 1)`);
    await block(page, 'c2.f2.po.2').hover();
    await block(page, 'c2.f2.po.2')
      .getByRole('button', { name: /Copy a link/ })
      .click();
    await expect.poll(() => app.readClipboard()).toBe('recollection://block/c2.f2.po.2');
  });

  it('opens a deep link on its block, in the top third, and remembers the place', async () => {
    const app = await e2e.app({ hash: '#block/c4.f2.po.4' });
    const { page } = app;
    await expect.poll(() => page.evaluate('document.activeElement?.dataset?.blockId ?? null')).toBe('c4.f2.po.4');
    const [pane, el] = await Promise.all([
      page.locator('#reading').boundingBox(),
      block(page, 'c4.f2.po.4').boundingBox(),
    ]);
    if (!pane || !el) throw new Error('no layout');
    expect(el.y - pane.y).toBeGreaterThan(pane.height * 0.15);
    expect(el.y - pane.y).toBeLessThan(pane.height * 0.5);
    const settings = async (): Promise<unknown> => {
      const r = await app.invoke('settings.get', {});
      return r.ok ? r.value : r.error;
    };
    await expect.poll(settings).toMatchObject({
      lastPageId: 'c4.f2',
      lastBlockId: 'c4.f2.po.4',
    });
  });

  it('lists the blocks that mention a cross-reference and opens them', async () => {
    const app = await e2e.app();
    const { page } = app;
    await page.getByRole('tab', { name: 'Cross-refs', exact: true }).click();
    await page.getByRole('combobox', { name: 'Browse' }).selectOption({ label: 'SDG targets' });
    await page.getByLabel('Filter').fill('10.7');
    const facet = page.locator('.facet', { has: page.locator('span:first-child', { hasText: /^SDG target 10\.7$/ }) });
    await facet.click();
    const entries = page.locator('.facet-blocks .entry');
    await entries.first().waitFor();
    const facets = await app.invoke('content.facets', { type: 'sdg' });
    if (!facets.ok) throw new Error(facets.error.message);
    const shown = await facet.locator('span').first().textContent();
    const f = facets.value.find((x) => x.display === shown);
    if (!f) throw new Error(`facet ${shown} not in the core's list`);
    const detail = await app.invoke('content.facet', { type: 'sdg', key: f.key });
    if (!detail.ok) throw new Error(detail.error.message);
    expect(await entries.count()).toBe(detail.value.blocks.length);
    const first = detail.value.blocks[0];
    await entries.first().click();
    await expect.poll(() => page.locator('article[data-page]').getAttribute('data-page')).toBe(first.pageId);
    await expect.poll(() => page.evaluate('document.activeElement?.dataset?.blockId ?? null')).toBe(first.id);
  });

  // Browser transport only: the core the page talks to opens a damaged copy of the content database.
  it.skipIf(e2e.target === 'electron')(
    'shows what to do, not a blank window, when the document database is damaged; the notes are kept',
    async () => {
      const damaged = join(mkdtempSync(join(tmpdir(), 'rec-e2e-content-')), 'recollection.db');
      copyFileSync(CONTENT_DB_PATH, damaged);
      const fd = openSync(damaged, 'r+');
      writeSync(fd, Buffer.alloc(100, 0x5a), 0, 100, 0); // the SQLite header, overwritten
      closeSync(fd);
      try {
        const app = await e2e.app({ contentDbPath: damaged, waitReady: false });
        const main = app.page.getByRole('main');
        await main.getByRole('heading', { name: 'The document could not be opened' }).waitFor();
        const status = await app.invoke('app.status', {});
        expect(status.ok && status.value.content).toMatchObject({ ok: false, code: 'damaged' });
        const text = await main.textContent();
        expect(text).toContain('The content database is damaged');
        expect(text).toContain('run npm run build:content');
        expect(text).toContain('Your own notes are kept in a separate file');
        expect(await main.getByRole('button', { name: 'Try again' }).isVisible()).toBe(true);
        // The notes database still answers.
        const added = await app.invoke('bookmarks.list', {});
        expect(added.ok && added.value).toEqual([]);
        await app.screenshot('content-damaged');
      } finally {
        rmSync(dirname(damaged), { recursive: true, force: true });
      }
    },
  );

  // The next one answers calls from the test process (intercept), which only the browser transport allows.
  it.skipIf(e2e.target === 'electron')('keeps the page usable when a section fails to load', async () => {
    let fail = true;
    const app = await e2e.app({
      hash: '#page/c3.f1',
      waitReady: false,
      intercept: (channel, args) =>
        fail && channel === 'content.section' && (args as { id?: string }).id === 'c3.f1'
          ? { ok: false, error: { code: 'INTERNAL', message: 'content.section: an internal error occurred' } }
          : undefined,
    });
    const { page } = app;
    await page.getByRole('alert').filter({ hasText: 'could not be opened' }).first().waitFor();
    fail = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect
      .poll(() => page.locator('#page-title').textContent())
      .toBe('Policy and institutional coherence, and synergies; regional partnerships');
  });

  it('has the outline counts of the core for every focus area', async () => {
    const app = await e2e.app();
    const outline = await app.invoke('content.outline', {});
    if (!outline.ok) throw new Error(outline.error.message);
    const areas: OutlineNode[] = [];
    const walk = (ns: OutlineNode[]): void =>
      ns.forEach((n) => (n.kind === 'focus-area' ? areas.push(n) : walk(n.children)));
    walk(outline.value);
    expect(areas.length).toBe(21);
    // Open one focus area per cluster and compare what the reader shows with the outline's counts.
    for (const id of ['c1.f3', 'c5.f1', 'c6.f2']) {
      const n = areas.find((a) => a.id === id);
      await openPage(app, id);
      expect(await app.page.locator('.group.kind-po > [data-block-id]').count()).toBe(n?.counts?.po);
      expect(await app.page.locator('.group.kind-ex > [data-block-id]').count()).toBe(n?.counts?.ex);
    }
  });

  it('loads everything, fonts included, from the app itself and nothing from outside', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    // Walk the screens that load things: italic and bold text, search, footnotes, cross-references.
    await page.locator('.block-text strong').first().waitFor();
    await search(page, 'remittances');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: 'Footnotes', exact: true }).click();
    await page.getByRole('tab', { name: 'Cross-refs', exact: true }).click();
    await page.getByRole('tab', { name: 'Positions', exact: true }).click();
    await page.evaluate('document.fonts.ready');
    expect(app.requests.length).toBeGreaterThan(3);
    expect(app.foreignRequests()).toEqual([]);
    expect(page.url().startsWith(`${app.origin}/`)).toBe(true);
    // The reading face is the bundled Source Serif 4, served by the app.
    expect(app.requests.some((u) => /\/assets\/source-serif-4-latin-400-normal-[^/]+\.woff2$/.test(u))).toBe(true);
    expect(await page.evaluate('document.fonts.check("18px \'Source Serif 4\'")')).toBe(true);
  });
});
