/**
 * A delegation through a shared folder: two data folders (A, "Capital",
 * and B, the head of delegation) and one folder a sync tool would carry.
 * A marks positions and writes a note; B sees them as Capital's layer, read-only
 * and distinct from B's own, and adopts a position; A changes a position and B
 * sees it once A's file changed; neither's own notes are touched by the other;
 * a conflict copy a sync tool made is shown as such and not merged. Then
 * presentation mode hides every layer mark, name and count, and the matrix with
 * layer columns and the reader with a layer are looked at (three window sizes,
 * light and dark) and audited with axe.
 */
import { copyFileSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppSession } from './harness';
import { useHarness } from './fixture';
import { axeSerious, block, chooseImportFile, chooseSharedFolder, WINDOW_SIZES } from './steps';
import { sizesIn } from '../support/depth';

const e2e = useHarness();
const PO1 = 'c2.f2.po.1';
const PO2 = 'c2.f2.po.2';
const NOTE = 'Capital: hold the line on the wording of this option.';
const HIGHLIGHT = 'equality of treatment';

let shared: string | null = null;
afterEach(() => {
  if (shared) rmSync(shared, { recursive: true, force: true });
  shared = null;
});

/** Settings…: the author's name and the shared folder, typed as a delegate would. */
async function setUp(app: AppSession, name: string, folder: string): Promise<void> {
  const { page } = app;
  await page.getByRole('tab', { name: 'Notes', exact: true }).click();
  await page.getByRole('button', { name: 'Settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Your name (signs your exports and your layer file)').fill(name);
  await expect.poll(() => dialog.getByTestId('author-id').textContent()).toMatch(/^[0-9a-f-]{36}$/);
  await chooseSharedFolder(app, dialog, folder);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  const status = await app.invoke('folder.status', {});
  expect(status.ok && status.value.path).toBe(folder);
}

async function authorId(app: AppSession): Promise<string> {
  const me = await app.invoke('author.get', {});
  if (!me.ok) throw new Error(me.error.message);
  return me.value.id;
}

async function ownPositions(app: AppSession): Promise<Record<string, string | null>> {
  const rows = await app.invoke('positions.list', { clusterId: 'c2' });
  if (!rows.ok) throw new Error(rows.error.message);
  return Object.fromEntries(rows.value.filter((r) => r.position).map((r) => [r.block.id, r.position]));
}

async function ownNotes(app: AppSession): Promise<string[]> {
  const list = await app.invoke('annotations.list', {});
  if (!list.ok) throw new Error(list.error.message);
  return list.value.map((a) => `${a.blockId}: ${a.note || a.selector?.exact || ''}`).sort();
}

/** The matrix, on cluster 2. */
async function openMatrix(page: Page): Promise<Locator> {
  await page.getByRole('button', { name: 'Positions matrix' }).click();
  const matrix = page.getByTestId('positions-matrix');
  await matrix.waitFor();
  await matrix.getByRole('button', { name: 'Cluster 2', exact: true }).click();
  return matrix;
}

/** The text of Capital's cell on an option's row. */
function layerCell(matrix: Locator, optionId: string, layerId: string): Locator {
  return matrix.locator(`tr[data-block-id="${optionId}"] td .layer-cell[data-layer="${layerId}"]`);
}

describe('a delegation through a shared folder', () => {
  it('B sees A as a layer, adopts from it, follows A’s changes, and a conflict copy is shown, not merged', async () => {
    shared = mkdtempSync(join(tmpdir(), 'recollection-shared-'));
    const a = await e2e.app({ hash: '#page/c2.f2' });
    const b = await e2e.app({ hash: '#page/c2.f2' });
    await setUp(a, 'Capital', shared);
    await setUp(b, 'Head of delegation', shared);
    const capital = await authorId(a);

    // A marks two positions and writes a note and a highlight, through the reader.
    await a.invoke('positions.set', { targetId: PO1, position: 'oppose', priority: 'high' });
    await a.invoke('positions.set', { targetId: PO2, position: 'support' });
    await block(a.page, PO1).focus();
    await a.page.keyboard.press('n');
    const editor = a.page.getByRole('dialog', { name: 'New note' });
    await editor.getByLabel('Note (Markdown)').fill(NOTE);
    await editor.getByRole('button', { name: 'Save' }).click();
    await editor.waitFor({ state: 'detached' });
    const text = await a.invoke('content.block', { id: PO2 });
    if (!text.ok) throw new Error(text.error.message);
    const start = text.value.block.text.indexOf(HIGHLIGHT);
    await a.invoke('annotations.create', {
      blockId: PO2,
      selector: { exact: HIGHLIGHT, prefix: '', suffix: '', start, end: start + HIGHLIGHT.length },
    });
    const aNotes = await ownNotes(a);
    expect(aNotes).toEqual([`${PO1}: ${NOTE}`, `${PO2}: ${HIGHLIGHT}`]);

    // B: Capital's layer appears in the Notes pane, and in the text beside B's (empty) own notes.
    const layers = b.page.getByTestId('layers');
    await b.page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await layers.getByText('Capital', { exact: true }).waitFor({ timeout: 20_000 });
    const card = block(b.page, PO1).locator('.layer-card');
    await expect.poll(() => card.textContent(), { timeout: 20_000 }).toContain(NOTE);
    expect(await card.textContent()).toContain('Capital');
    expect(await card.getByRole('button', { name: /Edit|Delete/ }).count()).toBe(0);
    await expect.poll(() => block(b.page, PO2).locator('mark.hl-layer').allTextContents()).toEqual([HIGHLIGHT]);
    expect(await block(b.page, PO2).locator('mark.hl').count()).toBe(0);

    // B adopts Capital's note: it becomes B's own, saying where it came from; Capital's card stays.
    await card.getByRole('button', { name: "Adopt Capital's note into my notes" }).click();
    await block(b.page, PO1).locator('.note-card .adopted-from').waitFor();
    expect(await block(b.page, PO1).locator('.note-card').textContent()).toContain('Adopted from Capital');
    const adopted = await b.invoke('annotations.list', {});
    expect(adopted.ok && adopted.value.map((n) => [n.note, n.adoptedFrom?.authorName])).toEqual([[NOTE, 'Capital']]);
    expect(await card.count()).toBe(1);

    // The Notes panel lists Capital's notes when asked, signed and read-only.
    await b.page.getByLabel('Whose notes').selectOption({ label: 'Capital' });
    const entries = b.page.locator('.notes-panel .note-entry[data-layer]');
    await expect.poll(() => entries.count()).toBe(2);
    expect(await b.page.locator('.notes-panel .note-entry .entry-check').count()).toBe(0);
    await b.page.getByLabel('Whose notes').selectOption({ label: 'My notes' });
    await expect.poll(() => b.page.locator('.notes-panel .note-entry:not([data-layer])').count()).toBe(1);

    // The matrix: mine | Capital, a disagreement marked in words; B adopts Capital's position on PO 1.
    const matrix = await openMatrix(b.page);
    const cell = layerCell(matrix, PO1, capital);
    await expect.poll(() => cell.textContent()).toContain('Oppose');
    expect(await cell.textContent()).toContain('differs from mine');
    await matrix.getByRole('button', { name: "Adopt Capital's position on 2.2 PO 1" }).click();
    await expect.poll(() => ownPositions(b)).toEqual({ [PO1]: 'oppose' });
    const row = await b.invoke('positions.list', { clusterId: 'c2' });
    expect(row.ok && row.value.find((r) => r.block.id === PO1)?.adoptedFrom?.authorName).toBe('Capital');
    await matrix.locator(`tr[data-block-id="${PO1}"]`).getByTestId('adopted-from').waitFor();
    await expect.poll(() => cell.textContent()).toContain('same as mine');

    // A sync tool leaves a conflict copy of A's file (the version B has now)…
    const own = readdirSync(shared).find((f) => f === `${capital}.layer.json`);
    expect(own).toBeDefined();
    copyFileSync(
      join(shared, `${capital}.layer.json`),
      join(shared, `${capital}.layer.sync-conflict-20261130-101500-ABCDEFG.json`),
    );
    // …and A changes a position: B sees the change once A's file changed.
    await a.invoke('positions.set', { targetId: PO1, position: 'red-line' });
    await expect.poll(() => cell.textContent(), { timeout: 20_000 }).toContain('Red line');
    expect(await cell.textContent()).toContain('differs from mine');

    // Neither's own notes were touched by the other.
    expect(await ownPositions(b)).toEqual({ [PO1]: 'oppose' });
    expect(await ownNotes(b)).toEqual([`${PO1}: ${NOTE}`]);
    expect(await ownPositions(a)).toEqual({ [PO1]: 'red-line', [PO2]: 'support' });
    expect(await ownNotes(a)).toEqual(aNotes);

    // B changes the adopted position: its history still says where the earlier value came from (migration 5).
    await b.invoke('positions.set', { targetId: PO1, position: 'support' });
    const bRow = matrix.locator(`tr[data-block-id="${PO1}"]`);
    await bRow.getByRole('button', { name: 'History of the position on 2.2 PO 1' }).click();
    await expect
      .poll(() => bRow.getByTestId('history-adopted-from').textContent())
      .toMatch(/^ ?\(adopted from Capital, .+\)$/);
    expect(await bRow.locator('.position-history li').first().textContent()).toContain('Oppose, High priority');
    await bRow.locator('.position-history').scrollIntoViewIfNeeded();
    await b.screenshot('matrix-history-adopted-from');
    await bRow.getByRole('button', { name: 'History of the position on 2.2 PO 1' }).click();

    // The conflict copy is named as such in B's layers list, and Capital's layer holds A's main file only.
    await b.page.getByRole('button', { name: 'Back to the text' }).click();
    await b.page.getByRole('tab', { name: 'Notes', exact: true }).click();
    const conflict = layers.getByTestId('layer-conflict');
    await conflict.waitFor({ timeout: 20_000 });
    expect(await conflict.textContent()).toContain('sync-conflict');
    const held = await b.invoke('layers.positions', {});
    expect(held.ok && held.value.find((l) => l.layerId === capital)?.positions[PO1]?.position).toBe('red-line');

    // Search finds Capital's note, marked with its layer.
    await b.page.keyboard.press('Control+k');
    const search = b.page.getByRole('dialog', { name: /Search/ });
    await search.getByRole('combobox', { name: 'Search' }).fill('hold the line');
    // Both the adopted copy (mine) and Capital's own note are found, each marked with whose it is.
    const theirs = search.locator('.search-result .result-layer[data-layer]');
    await expect.poll(async () => (await theirs.allTextContents()).map((t) => t.trim())).toEqual(['Capital']);
    await expect.poll(() => search.locator('.search-result .result-layer:not([data-layer])').count()).toBe(1);
    await search.getByRole('button', { name: 'Capital' }).click(); // Capital's notes not searched: its hit goes
    await expect.poll(() => theirs.count()).toBe(0);
    // The choice is a setting: kept in the notes database, and the reopened search keeps it.
    await expect
      .poll(async () => {
        const s = await b.invoke('settings.get', {});
        return s.ok ? s.value.searchLayers : 'failed';
      })
      .toEqual(['mine']);
    await b.page.keyboard.press('Escape');
    await b.page.keyboard.press('Control+k');
    await expect.poll(() => search.getByRole('button', { name: 'Capital' }).getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => search.locator('.search-result .result-layer:not([data-layer])').count()).toBe(1);
    expect(await theirs.count()).toBe(0);
    await search.getByRole('button', { name: 'Capital' }).click();
    await expect.poll(() => theirs.count()).toBe(1);
    await b.page.keyboard.press('Escape');
  }, 180_000);

  it('shows layers apart in the matrix and the reader (three sizes, light and dark), and hides them in presentation mode', async () => {
    shared = mkdtempSync(join(tmpdir(), 'recollection-shared-'));
    const a = await e2e.app({ hash: '#page/c2.f2', waitReady: true });
    const b = await e2e.app({ hash: '#block/c2.f2.po.1' });
    await setUp(a, 'Capital', shared);
    await a.invoke('positions.set', { targetId: PO1, position: 'oppose', priority: 'high' });
    await a.invoke('positions.set', { targetId: PO2, position: 'support' });
    await a.invoke('annotations.create', { blockId: PO1, note: NOTE, tags: ['wording'] });
    await b.invoke('positions.set', { targetId: PO1, position: 'support' });
    await setUp(b, 'Head of delegation', shared);
    const { page } = b;
    await expect.poll(() => block(page, PO1).locator('.layer-card').count(), { timeout: 20_000 }).toBe(1);

    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const { width, height } of sizesIn(WINDOW_SIZES, scheme)) {
        await page.setViewportSize({ width, height });
        await block(page, PO1).locator('.layer-card').scrollIntoViewIfNeeded();
        await b.screenshot(`layers-reader-${width}x${height}-${scheme}`);
        expect(await axeSerious(page), `reader ${width}x${height} ${scheme}`).toEqual([]);
        const matrix = await openMatrix(page);
        await matrix.locator('.layer-cell[data-differs="true"]').first().scrollIntoViewIfNeeded();
        await b.screenshot(`layers-matrix-${width}x${height}-${scheme}`);
        expect(await axeSerious(page), `matrix ${width}x${height} ${scheme}`).toEqual([]);
        // The frame never moves: the matrix scrolls inside its own pane.
        expect(await page.evaluate('document.querySelector(".topbar").getBoundingClientRect().top')).toBe(0);
        expect(await page.evaluate('document.scrollingElement.scrollTop')).toBe(0);
        // Keyboard: Tab from my priority on the row reaches Capital's "Adopt".
        await matrix.getByRole('button', { name: /^Priority of 2\.2 PO 1:/ }).focus();
        await page.keyboard.press('Tab');
        expect(await page.evaluate('document.activeElement?.getAttribute("aria-label")')).toBe(
          "Adopt Capital's position on 2.2 PO 1",
        );
        await page.getByRole('button', { name: 'Back to the text' }).click();
        await page.locator('#reading [data-block-id]').first().waitFor();
      }
    }

    // Presentation mode: no layer mark, name or count anywhere.
    await page.keyboard.press('Control+Shift+P');
    await page.locator('.presentation-badge').waitFor();
    const visible = [
      await page.evaluate<string>('document.body.innerText'),
      await page.evaluate<string>('document.body.textContent'),
      await page.locator('body').ariaSnapshot(),
    ].join('\n');
    for (const secret of ['Capital', NOTE, 'wording', 'Oppose', 'read-only']) expect(visible).not.toContain(secret);
    expect(await page.locator('.layer-card, mark.hl-layer, [data-layer]').count()).toBe(0);
    await page.keyboard.press('Control+k');
    const search = page.getByRole('dialog', { name: /Search/ });
    await search.getByRole('combobox', { name: 'Search' }).fill('hold the line');
    await search
      .locator('.search-status')
      .filter({ hasText: /result/ })
      .waitFor();
    expect(await search.locator('.result-layer, [aria-label="Whose notes"]').count()).toBe(0);
  }, 480_000); // twelve screenshots and twelve axe runs

  it('imports a colleague’s file as a layer, updates it from a newer file with undo, and refuses an older one', async () => {
    const a = await e2e.app({ hash: '#page/c2.f2' });
    const b = await e2e.app({ hash: '#page/c2.f2' });
    await a.invoke('settings.set', { patch: { authorName: 'Capital' } });
    await a.invoke('positions.set', { targetId: PO1, position: 'oppose' });
    await a.invoke('annotations.create', { blockId: PO1, note: NOTE });
    const exportOf = async (): Promise<Buffer> => {
      const file = await a.invoke('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true });
      if (!file.ok || typeof file.value.data !== 'string') throw new Error('no JSON export');
      return Buffer.from(file.value.data);
    };
    const first = await exportOf();
    const { page } = b;

    const importFile = async (name: string, data: Buffer): Promise<Locator> => {
      await page.getByRole('tab', { name: 'Notes', exact: true }).click();
      await page.getByRole('button', { name: 'Import…' }).click();
      const dialog = page.getByRole('dialog', { name: 'Import notes' });
      await chooseImportFile(b, dialog, name, data);
      return dialog;
    };

    // A file from another author: "Add as a layer" is offered beside merging, with what it holds.
    let dialog = await importFile('capital.json', first);
    const preview = dialog.getByTestId('layer-preview');
    await dialog.getByRole('group', { name: "This file is Capital's notes" }).waitFor();
    // Offered, not chosen: merging stays the default (one's own notes moved to a new machine come this way too).
    expect(await dialog.getByRole('radio', { name: /Merge into my notes/ }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: /Add as a layer/ }).check();
    expect(await preview.textContent()).toMatch(/Adds Capital's layer.*1 note.*1 position/s);
    await b.screenshot('layers-import-add');
    expect(await axeSerious(page, '[role=dialog]')).toEqual([]);
    await dialog.getByRole('button', { name: 'Add the layer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByTestId('layers').getByText('Capital', { exact: true }).waitFor();
    expect(await b.invoke('annotations.list', {})).toEqual({ ok: true, value: [] });
    const held = async (): Promise<string | null | undefined> => {
      const l = await b.invoke('layers.positions', {});
      return l.ok ? l.value[0]?.positions[PO1]?.position : undefined;
    };
    expect(await held()).toBe('oppose');

    // A newer file of the same author replaces the layer, saying which version it replaces; Undo brings it back.
    await a.invoke('positions.set', { targetId: PO1, position: 'red-line' });
    dialog = await importFile('capital-2.json', await exportOf());
    await dialog
      .getByTestId('layer-preview')
      .filter({ hasText: /Replaces Capital's layer of/ })
      .waitFor();
    await dialog.getByRole('button', { name: 'Update the layer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(held).toBe('red-line');
    const toast = page.locator('.toast', { hasText: /Replaces Capital's layer of/ });
    await toast.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(held).toBe('oppose');

    // The older file again, now that a newer one was held and undone: same version, nothing to do; an older one is refused.
    await a.invoke('positions.set', { targetId: PO1, position: 'support' });
    const newest = await exportOf();
    dialog = await importFile('capital-3.json', newest);
    await dialog.getByRole('button', { name: 'Update the layer' }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(held).toBe('support');
    dialog = await importFile('capital.json', first);
    await dialog.getByText(/Not offered as a layer: .*older/).waitFor();
    expect(await dialog.getByTestId('layer-preview').count()).toBe(0);
    await dialog.getByTestId('import-preview').waitFor(); // merging is still offered
    await page.keyboard.press('Escape');
    expect(await held()).toBe('support');
    expect(await b.invoke('annotations.list', {})).toEqual({ ok: true, value: [] });
  }, 180_000);
});
