/**
 * Private notes end to end: bookmark, highlight a passage, write a note, set
 * a position, filter the Notes panel, undo a delete, export Markdown and
 * JSON, import into a fresh data folder, restart and see everything.
 * Each step is checked in the page and in the core's own records.
 */
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/shared/contract/types';
import type { AppSession } from './harness';
import { useHarness } from './fixture';
import { block, bookmarked, chooseImportFile, exportFromDialog, selectInBlock } from './steps';

const e2e = useHarness();

async function annotations(app: AppSession): Promise<Annotation[]> {
  const r = await app.invoke('annotations.list', {});
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

async function exportText(
  app: AppSession,
  format: 'Markdown' | 'Web Annotation JSON',
  includeNotes = true,
): Promise<string> {
  const { page } = app;
  await page.getByRole('tab', { name: 'Notes', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByRole('radio', { name: new RegExp(`^${format}`) }).check();
  const box = dialog.getByRole('checkbox', { name: /Include my private note/ });
  if ((await box.isChecked()) !== includeNotes) await box.click();
  return exportFromDialog(app, dialog);
}

/** Fill a data folder through the UI: the four kinds of marks a delegate makes. */
async function markUp(app: AppSession): Promise<void> {
  const { page } = app;
  // 1. Bookmark with B.
  await page.keyboard.press('j');
  await expect.poll(() => page.evaluate('document.activeElement?.dataset?.blockId ?? null')).toBe('c2.f2.po.1');
  await page.keyboard.press('b');
  await expect.poll(() => bookmarked(page, 'c2.f2.po.1')).toBe('true');

  // 2. Highlight a passage: select it, then "Highlight" in the popup.
  await selectInBlock(page, 'c2.f2.po.2', 'equality of treatment');
  await page
    .getByRole('toolbar', { name: 'Selected passage' })
    .getByRole('button', { name: 'Highlight', exact: true })
    .click();
  await block(page, 'c2.f2.po.2').locator('mark.hl').first().waitFor();
  expect(await block(page, 'c2.f2.po.2').locator('mark.hl').allTextContents()).toEqual(['equality of treatment']);

  // 3. A note with tags, a position and a priority, with N.
  await block(page, 'c2.f2.po.1').focus();
  await page.keyboard.press('n');
  const editor = page.getByRole('dialog', { name: 'New note' });
  await editor.getByLabel('Note (Markdown)').fill('Check with capital before Thursday.\n\n*Amend*: add "regional".');
  await editor.getByLabel('Tags (separated by commas)').fill('brief, capital');
  await editor.getByRole('radio', { name: 'Agree' }).check();
  await editor
    .getByRole('combobox', { name: 'Position', exact: true })
    .selectOption({ label: '± Support with amendments' });
  await editor.getByRole('combobox', { name: 'Priority', exact: true }).selectOption({ label: 'High' });
  await app.screenshot('notes-editor');
  await editor.getByRole('button', { name: 'Save' }).click();
  await editor.waitFor({ state: 'detached' });
  const card = block(page, 'c2.f2.po.1').locator('.note-card');
  await card.waitFor();
  expect(await card.textContent()).toContain('Support with amendments');
  expect(await card.textContent()).toContain('Check with capital before Thursday.');

  // 4. A position from the Positions view.
  await page.getByRole('tab', { name: 'Positions', exact: true }).click();
  await page.getByRole('combobox', { name: 'Cluster', exact: true }).selectOption({ label: 'Cluster 2' });
  await page.getByRole('button', { name: /^Position on Cluster 2 \(2\), Policy option 2:/ }).click();
  await page
    .getByRole('listbox', { name: 'Position on Cluster 2 (2), Policy option 2' })
    .getByRole('option', { name: 'Red line' })
    .click();
  await expect
    .poll(async () => (await annotations(app)).find((a) => a.blockId === 'c2.f2.po.2' && a.position)?.position)
    .toBe('red-line');
  await app.screenshot('notes-positions');
}

describe('notes', () => {
  it('bookmarks, highlights, notes and positions are stored as the delegate made them', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    await markUp(app);
    const bm = await app.invoke('bookmarks.list', {});
    expect(bm.ok && bm.value.map((b) => b.targetId)).toEqual(['c2.f2.po.1']);
    const list = await annotations(app);
    const text = await app.invoke('content.block', { id: 'c2.f2.po.2' });
    if (!text.ok) throw new Error(text.error.message);
    const hl = list.find((a) => a.selector);
    const at = text.value.block.text.indexOf('equality of treatment');
    expect(hl?.selector).toEqual({
      exact: 'equality of treatment',
      prefix: text.value.block.text.slice(Math.max(0, at - 32), at),
      suffix: text.value.block.text.slice(at + 21, at + 21 + 32),
      start: at,
      end: at + 21,
    });
    expect(hl?.color).toBe('yellow');
    const note = list.find((a) => a.note);
    expect(note).toMatchObject({
      blockId: 'c2.f2.po.1',
      note: 'Check with capital before Thursday.\n\n*Amend*: add "regional".',
      color: 'green',
      tags: ['brief', 'capital'],
      position: 'support-with-amendments',
      priority: 'high',
    });
    // The Positions view counts what is still unmarked.
    const rows = await app.invoke('positions.list', { clusterId: 'c2' });
    if (!rows.ok) throw new Error(rows.error.message);
    const marked = rows.value.filter((r) => r.position).length;
    expect(marked).toBe(2);
    expect(await app.page.getByTestId('positions-summary').textContent()).toBe(
      `${marked} of ${rows.value.length} marked · ${rows.value.length - marked} still without a position`,
    );
  });

  // Three entries: the bookmark, the highlight and the note. The Positions view's red line is the
  // option's position, not a note, so it is no entry of its own.
  it('filters the Notes panel, undoes a delete, and restores from the trash', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await markUp(app);
    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    const entries = page.locator('.notes-panel .note-entry');
    await expect.poll(() => entries.count()).toBe(3);
    const filters = page.getByRole('search', { name: 'Filter your notes' });
    await filters
      .getByRole('combobox', { name: 'Position', exact: true })
      .selectOption({ label: '± Support with amendments' });
    await expect.poll(() => entries.count()).toBe(1);
    expect(await entries.first().textContent()).toContain('Check with capital');
    await filters.getByRole('combobox', { name: 'Position', exact: true }).selectOption({ label: 'Any' });
    await filters.getByRole('combobox', { name: 'Tag', exact: true }).selectOption('capital');
    await expect.poll(() => entries.count()).toBe(1);
    await filters.getByRole('combobox', { name: 'Tag', exact: true }).selectOption({ label: 'Any' });
    await filters.getByLabel('Find in notes').fill('Thursday');
    await expect.poll(() => entries.count()).toBe(1);
    await filters.getByLabel('Find in notes').fill('');
    await expect.poll(() => entries.count()).toBe(3);
    await app.screenshot('notes-panel');

    // Delete the highlight, then Undo from the toast.
    await page.getByRole('button', { name: /^Delete highlight on Cluster 2 \(2\), Policy option 2/ }).click();
    await expect.poll(() => entries.count()).toBe(2);
    expect(await block(page, 'c2.f2.po.2').locator('mark.hl').count()).toBe(0);
    await page.locator('.toast').getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => entries.count()).toBe(3);
    await block(page, 'c2.f2.po.2').locator('mark.hl').first().waitFor();

    // Delete again, undo with Ctrl+Z.
    await page.getByRole('button', { name: /^Delete highlight on/ }).click();
    await expect.poll(() => entries.count()).toBe(2);
    await page.locator('#reading').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => entries.count()).toBe(3);

    // Delete the highlight and the note: the Trash names each as what it is; restore the note from it.
    await page.getByRole('button', { name: /^Delete highlight on/ }).click();
    await expect.poll(() => entries.count()).toBe(2);
    await page.getByRole('button', { name: /^Delete note on/ }).click();
    await expect.poll(() => entries.count()).toBe(1);
    await page.getByRole('button', { name: 'Trash' }).click();
    const trash = page.getByRole('dialog', { name: 'Trash' });
    await expect
      .poll(async () => (await trash.locator('.trash-what > strong').allTextContents()).sort())
      .toEqual(['Highlight', 'Note']);
    await trash
      .locator('li', { has: page.locator('.trash-what > strong', { hasText: /^Note$/ }) })
      .getByRole('button', { name: 'Restore' })
      .click();
    await page.keyboard.press('Escape');
    await expect.poll(() => entries.count()).toBe(2);
    expect((await annotations(app)).some((a) => a.note.startsWith('Check with capital'))).toBe(true);
  });

  it('exports Markdown and JSON, imports into a fresh data folder, and everything is there after a restart', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    await markUp(app);

    const md = await exportText(app, 'Markdown');
    expect(md).toContain('Check with capital before Thursday.');
    expect(md).toContain('Cluster 2 (2), Policy option 1');
    expect(md).toContain('recollection://block/c2.f2.po.1');
    expect(md).toContain('equality of treatment');
    const shared = await exportText(app, 'Markdown', false);
    expect(shared).toContain('Cluster 2 (2), Policy option 1');
    expect(shared).not.toContain('Thursday');

    const json = await exportText(app, 'Web Annotation JSON');
    const doc = JSON.parse(json) as { '@context': unknown; type: unknown };
    expect(JSON.stringify(doc['@context'])).toContain('http://www.w3.org/ns/anno.jsonld');
    expect(doc.type).toBe('AnnotationCollection');

    // A delegate's other laptop: a new, empty data folder.
    const other = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = other;
    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await page.getByTestId('notes-empty').waitFor();
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import notes' });
    await chooseImportFile(other, dialog, 'notes.json', Buffer.from(json));
    const preview = dialog.getByTestId('import-preview');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('3 new, 0 updated, 0 unattached');
    await other.screenshot('notes-import-preview');
    await dialog.getByRole('button', { name: 'Import', exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('.notes-panel .note-entry').count()).toBe(3);

    const before = await annotations(app);
    await other.restart();
    const p = other.page;
    expect(await bookmarked(p, 'c2.f2.po.1')).toBe('true');
    await block(p, 'c2.f2.po.2').locator('mark.hl').first().waitFor();
    expect(await block(p, 'c2.f2.po.1').locator('.note-card').textContent()).toContain('Support with amendments');
    await p.getByRole('tab', { name: 'Notes', exact: true }).click();
    await expect.poll(() => p.locator('.notes-panel .note-entry').count()).toBe(3);
    const after = await annotations(other);
    // The same records, field for field (the anchor status is recomputed on import).
    const strip = (list: Annotation[]): Array<Omit<Annotation, 'anchor'>> =>
      [...list].sort((x, y) => x.id.localeCompare(y.id)).map(({ anchor: _anchor, ...rest }) => rest);
    expect(strip(after)).toEqual(strip(before));
  }, 180_000); // two sessions, an export, an import and a restart: past the default minute on a loaded machine
});
