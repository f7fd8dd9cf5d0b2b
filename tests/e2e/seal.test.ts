/**
 * Sealed files in the dialogs, as a delegate uses them: export the notes
 * sealed with a passphrase (the two fields must agree), carry the file to
 * another data folder, import it: the dialog asks for the passphrase, refuses
 * a wrong one in a sentence, then previews and imports. A CSV export picked
 * by mistake gets the sentence naming it. Screenshots of both dialogs at
 * 1280×860 and 800×600 go to test-results/.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import type { AppSession } from './harness';
import { chooseImportFile, exportFromDialog } from './steps';

const e2e = useHarness();
const PASS = 'Geneva by the lake 2026';
const SMALL = { width: 800, height: 600 };
const LARGE = { width: 1280, height: 860 };

async function openExport(app: AppSession, format: RegExp) {
  const { page } = app;
  await page.getByRole('tab', { name: 'Notes', exact: true }).click();
  await page.getByRole('button', { name: 'Export…' }).first().click();
  const dialog = page.getByRole('dialog', { name: 'Export notes' });
  await dialog.getByRole('radio', { name: format }).check();
  return dialog;
}

async function openImport(app: AppSession) {
  await app.page.getByRole('tab', { name: 'Notes', exact: true }).click();
  await app.page.getByRole('button', { name: 'Import…' }).click();
  return app.page.getByRole('dialog', { name: 'Import notes' });
}

describe('sealed export and import', () => {
  it('exports sealed, imports it back with the passphrase, and names a CSV', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2', viewport: LARGE });
    const made = await app.invoke('annotations.create', {
      blockId: 'c2.f2.po.1',
      note: 'Red line: no fees for workers',
    });
    expect(made.ok).toBe(true);

    const dialog = await openExport(app, /^Web Annotation JSON/);
    await dialog.getByRole('checkbox', { name: /Seal with a passphrase/ }).check();
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await dialog.getByLabel('Passphrase again').fill(`${PASS}!`);
    await dialog.getByRole('button', { name: 'Export…' }).click();
    expect(await dialog.getByRole('alert').textContent()).toBe('The two passphrases differ.');
    await dialog.getByLabel('Passphrase again').fill(PASS);
    await expect.poll(() => dialog.getByText(/there is no way to recover it/).isVisible()).toBe(true);
    await app.screenshot('seal-export-1280x860');
    await app.page.setViewportSize(SMALL);
    await app.screenshot('seal-export-800x600');
    await app.page.setViewportSize(LARGE);
    const sealed = await exportFromDialog(app, dialog);
    expect(sealed).toMatch(/^Recollection sealed file/);
    expect(sealed).toContain('-----BEGIN AGE ENCRYPTED FILE-----');
    expect(sealed).not.toContain('no fees');

    const csvDialog = await openExport(app, /^Spreadsheet/);
    const csv = await exportFromDialog(app, csvDialog);

    // Another laptop: an empty data folder; the dialog on a small screen.
    const other = await e2e.app({ hash: '#page/c2.f2', viewport: LARGE });
    let imp = await openImport(other);
    await other.page.setViewportSize(SMALL);
    await chooseImportFile(other, imp, 'notes.json.recollection', Buffer.from(sealed));
    await expect
      .poll(() => imp.getByRole('alert').textContent())
      .toBe('This is a sealed Recollection file: type its passphrase to open it.');
    const field = imp.getByLabel('Passphrase of the sealed file');
    await field.fill('not the passphrase');
    await imp.getByRole('button', { name: 'Open', exact: true }).click();
    await expect
      .poll(() => imp.getByRole('alert').textContent(), { timeout: 60_000 })
      .toBe('This passphrase does not open this sealed file; nothing was imported.');
    await other.screenshot('seal-import-800x600');
    await other.page.setViewportSize(LARGE);
    await other.screenshot('seal-import-1280x860');
    await field.fill(PASS);
    await field.press('Enter');
    const preview = imp.getByTestId('import-preview');
    await preview.waitFor({ timeout: 60_000 });
    expect(await preview.textContent()).toContain('1 new, 0 updated, 0 unattached');
    await imp.getByRole('button', { name: 'Import', exact: true }).click();
    await imp.waitFor({ state: 'detached', timeout: 60_000 });
    const notes = await other.invoke('annotations.list', {});
    expect(notes.ok && notes.value.map((a) => a.note)).toEqual(['Red line: no fees for workers']);

    imp = await openImport(other);
    await chooseImportFile(other, imp, 'notes.csv', Buffer.from(csv));
    await expect
      .poll(() => imp.getByRole('alert').textContent())
      .toMatch(/^(notes\.csv|This file) is a spreadsheet \(CSV\) exported by Recollection.*; it cannot be imported\./);
    expect(await imp.getByRole('alert').textContent()).not.toMatch(/JSON at|line \d|column \d/);
    await other.screenshot('seal-import-csv-1280x860');
  }, 240_000);
});
