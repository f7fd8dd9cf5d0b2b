/**
 * Small steps shared by the scenarios (open a page, read the clipboard, run
 * an axe audit), so a scenario reads as what a delegate does.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { BrowserSession, ElectronSession, type AppSession } from './harness';

/** The block element of `id` in the reading pane. */
export function block(page: Page, id: string): Locator {
  return page.locator(`#reading [data-block-id="${id}"]`);
}

/** Whether the block's bookmark button is pressed: 'true' or 'false' (its aria-pressed). */
export function bookmarked(page: Page, id: string): Promise<string | null> {
  return block(page, id)
    .getByRole('button', { name: /^Bookmark/ })
    .getAttribute('aria-pressed');
}

/** The three window sizes every screen is looked at in (a 13-inch laptop, a projector, a small window). */
export const WINDOW_SIZES = [
  { width: 1280, height: 860 },
  { width: 1024, height: 700 },
  { width: 800, height: 600 },
] as const;

/** Choose a theme with the top bar's Theme select, as a person would, and wait until the page has it. */
export async function chooseTheme(page: Page, theme: 'light' | 'dark' | 'system'): Promise<void> {
  await page.getByRole('combobox', { name: 'Theme' }).selectOption(theme);
  await page.locator(`html[data-theme="${theme}"]`).waitFor({ state: 'attached' });
}

/** Where the top bar's top edge is (the frame never moves: always 0). */
export function topBarTop(page: Page): Promise<number> {
  return page.evaluate<number>('document.querySelector(".topbar").getBoundingClientRect().top');
}

/** Open a page of the document through the location hash (how the shell passes deep links). */
export async function openPage(app: AppSession, pageId: string): Promise<void> {
  await app.page.evaluate(`location.hash = ${JSON.stringify(`#page/${pageId}`)}`);
  await app.page.locator(`article[data-page="${pageId}"]`).waitFor();
}

/**
 * Press the export dialog's Export… button and return what was exported. In
 * the app the shell asks where to save: the dialog is answered with a
 * temporary file, read once the export dialog closes (after the write). In the
 * browser, where export.save is unavailable, the dialog previews the text.
 */
export async function exportFromDialog(app: AppSession, dialog: Locator): Promise<string> {
  const button = dialog.getByRole('button', { name: 'Export…' });
  if (app instanceof ElectronSession) {
    const path = await app.answerSaveDialog('export');
    await button.click();
    await dialog.waitFor({ state: 'detached' });
    return readFileSync(path, 'utf8');
  }
  await button.click();
  const preview = dialog.getByTestId('export-preview');
  await preview.waitFor();
  const text = await preview.inputValue();
  await app.page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  return text;
}

/**
 * Choose a file in the import dialog: in the app, its open dialog is answered
 * with a temporary file holding `data`; in the browser, where import.open is
 * unavailable, the dialog's file input takes the bytes.
 */
export async function chooseImportFile(app: AppSession, dialog: Locator, name: string, data: Buffer): Promise<void> {
  if (app instanceof ElectronSession) await app.answerOpenDialog(name, data);
  await dialog.getByRole('button', { name: 'Choose a file…' }).click();
  if (!(app instanceof ElectronSession)) {
    await dialog.getByLabel('File to import').setInputFiles({ name, mimeType: 'application/json', buffer: data });
  }
}

/** The next folder dialog (folder.choose) answers `folder`, in the app or in the browser harness. */
export async function answerFolderDialog(app: AppSession, folder: string): Promise<void> {
  if (app instanceof ElectronSession) await app.answerFolderDialog(folder);
  else if (app instanceof BrowserSession) app.folderAnswers.push(folder);
}

/**
 * Choose the shared folder in the Settings dialog: the shell's folder dialog (the app's, or the browser
 * harness's stand-in) answers `folder`; the page never types a path.
 */
export async function chooseSharedFolder(app: AppSession, dialog: Locator, folder: string): Promise<void> {
  await answerFolderDialog(app, folder);
  await dialog.getByRole('button', { name: 'Choose…' }).click();
  await expect.poll(() => dialog.getByLabel('Folder', { exact: true }).inputValue()).toBe(folder);
}

/** The search overlay, opened with the shortcut. */
export async function openSearch(page: Page): Promise<Locator> {
  await page.keyboard.press('Control+k');
  const dialog = page.getByRole('dialog', { name: /Search/ });
  await dialog.waitFor();
  return dialog;
}

/** Type a query and wait until the result count for it is shown. */
export async function search(page: Page, q: string): Promise<Locator> {
  const dialog = await openSearch(page);
  const input = dialog.getByRole('combobox', { name: 'Search' });
  await input.fill(q);
  await dialog
    .locator('.search-status')
    .filter({ hasText: /result/ })
    .waitFor();
  return dialog;
}

/** Number in "N results". */
export async function resultCount(dialog: Locator): Promise<number> {
  const text = await dialog.locator('.search-status').textContent();
  const m = /(\d+) results?/.exec(text ?? '');
  if (!m) throw new Error(`no result count in "${text}"`);
  return Number(m[1]);
}

/** Select `exact` (its first occurrence) inside a block's text, as a mouse drag would, and release. */
export async function selectInBlock(page: Page, blockId: string, exact: string): Promise<void> {
  const ok = await page.evaluate(`(() => {
    const el = document.querySelector('[data-text-of="${blockId}"]');
    if (!el) return false;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const nodes = [];
    let text = '';
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      if (n.parentElement.closest('[data-skip]')) continue;
      nodes.push([n, text.length]);
      text += n.data;
    }
    const at = text.indexOf(${JSON.stringify(exact)});
    if (at < 0) return false;
    const point = (offset) => {
      for (const [n, start] of nodes) if (offset <= start + n.data.length) return [n, offset - start];
      return null;
    };
    const [sn, so] = point(at + 1 - 1) ?? [];
    const [en, eo] = point(at + ${exact.length}) ?? [];
    const range = document.createRange();
    range.setStart(sn, so);
    range.setEnd(en, eo);
    const sel = getSelection();
    sel.removeAllRanges();
    sel.addRange(range);
    document.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    return true;
  })()`);
  if (!ok) throw new Error(`"${exact}" not found in block ${blockId}`);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Run axe-core on the page as it is now (or only within `within`, a CSS
 * selector, e.g. an open dialog); serious and critical violations only.
 */
export async function axeSerious(page: Page, within?: string): Promise<AxeViolation[]> {
  const axe = (await import('axe-core')).default;
  // Evaluated through the DevTools protocol, so the page's CSP (no inline scripts) does not apply.
  await page.evaluate(axe.source);
  const context = within ? `document.querySelector(${JSON.stringify(within)})` : 'document';
  const all = await page.evaluate<AxeViolation[]>(`axe.run(${context}, { resultTypes: ['violations'] }).then((r) =>
    r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 4).map((n) => n.target.join(' ')) })))`);
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** The window sizes every changed screen is looked at in (light and dark): wide, laptop, small. */
export const LOOK_SIZES = [
  [1280, 860],
  [1024, 700],
  [800, 600],
] as const;

/** Turn protection on in the "Protect my notes" dialog as a person would (the passphrase twice): the recovery code shown. */
export async function encryptInDialog(dialog: Locator, passphrase: string): Promise<string> {
  await dialog.getByLabel(/^Passphrase/).fill(passphrase);
  await dialog.getByLabel('The same passphrase again').fill(passphrase);
  await dialog.getByRole('button', { name: 'Encrypt my notes' }).click();
  const code = dialog.getByLabel('Recovery code');
  await code.waitFor({ timeout: 30_000 });
  return code.innerText();
}
