/**
 * The first-run offer to protect the notes, in a real browser: a data
 * folder whose notes are plain and were never offered protection (here one
 * that already holds a note) opens on the document with the offer over it,
 * which says plainly that without the passphrase or the recovery code the
 * notes cannot be read; "Not now" is remembered across a restart and
 * Settings still offers protection; "Protect my notes…" leads to the set-up
 * and its recovery code; never in presentation mode. axe on the offer, and a
 * look at it at three window sizes, light and dark.
 *
 * The other scenarios never meet the offer: the harness marks it answered
 * unless a scenario opens with `firstRun` (harness.ts).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { openCore } from '../../src/core/open';
import type { Settings } from '../../src/shared/contract/types';
import type { AppSession } from './harness';
import { useHarness } from './fixture';
import { axeSerious, encryptInDialog, WINDOW_SIZES } from './steps';
import { sizesIn } from '../support/depth';

const e2e = useHarness();
const NOTE = 'Quokka reservation on readmission';
const PASS = 'four words make a passphrase';
const folders: string[] = [];
afterAll(() => folders.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

/** A plain data folder as an earlier version left it: a note, these settings, never offered protection. */
function plainFolder(settings: Partial<Settings> = {}): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'recollection-e2e-offer-'));
  folders.push(dataDir);
  const core = openCore({ contentDbPath: CONTENT_DB_PATH, dataDir });
  try {
    core.user.annotations.create({ blockId: 'c2.f3.po.1', note: NOTE });
    core.user.settings.set({ patch: settings });
  } finally {
    core.close();
  }
  return dataDir;
}

const offer = (page: Page) => page.getByRole('dialog', { name: 'Protect your notes?' });

/** Whether the offer is on screen once the start has settled (it opens in the frame after the document). */
async function offered(app: AppSession): Promise<boolean> {
  await app.waitReady();
  await app.page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');
  return (await offer(app.page).count()) > 0;
}

async function vaultOffered(app: AppSession): Promise<boolean | null> {
  const s = await app.invoke('settings.get', {});
  return s.ok ? s.value.vaultOffered : null;
}

describe('the first-run offer to protect the notes', () => {
  it('a fresh folder is offered protection over the document; the offer is accessible and keyboard-first', async () => {
    const app = await e2e.app({ hash: '#page/c2.f3', firstRun: true });
    const { page } = app;
    const dialog = offer(page);
    await dialog.waitFor();
    // The document is open behind it, not held back by it.
    expect(await page.locator('article[data-page] #page-title').first().isVisible()).toBe(true);
    const text = await dialog.innerText();
    expect(text).toContain('Recommended on a laptop that travels.');
    expect(text).toContain('Without the passphrase or the recovery code, the notes cannot be read');
    expect(text).toMatch(/later, from Settings or the Notes tab/);
    // Focus starts on the recommended action; Tab stays inside; Esc is "Not now".
    const focused = (): Promise<unknown> => page.evaluate('document.activeElement?.textContent');
    expect(await focused()).toBe('Protect my notes…');
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('Not now');
    expect(await axeSerious(page, '[role=dialog]')).toEqual([]);
    expect(await axeSerious(page)).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const size of sizesIn(WINDOW_SIZES, scheme)) {
        await page.setViewportSize(size);
        await app.screenshot(`vault-offer-${size.width}x${size.height}-${scheme}`);
      }
    }
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => vaultOffered(app)).toBe(true);
  }, 120_000);

  it('"Not now" on a plain folder with notes is remembered across a restart; Settings still offers protection', async () => {
    const app = await e2e.app({ dataDir: plainFolder(), hash: '#page/c2.f3', firstRun: true });
    const { page } = app;
    await offer(page).waitFor();
    expect(await vaultOffered(app)).toBe(false);
    await offer(page).getByRole('button', { name: 'Not now' }).click();
    await offer(page).waitFor({ state: 'detached' });
    await expect.poll(() => page.locator('body').innerText()).toContain(NOTE);
    await expect.poll(() => vaultOffered(app)).toBe(true);

    await app.restart();
    expect(await offered(app)).toBe(false);
    await app.page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await app.page.getByRole('button', { name: 'Settings…' }).click();
    const settings = app.page.getByRole('dialog', { name: 'Settings' });
    await settings.getByRole('group', { name: 'Protection' }).waitFor();
    await app.screenshot('vault-offer-settings-protection');
    await settings.getByRole('button', { name: 'Protect my notes…' }).click();
    await app.page
      .getByRole('dialog', { name: 'Protect my notes' })
      .getByLabel(/^Passphrase/)
      .waitFor();
    await app.screenshot('vault-offer-settings-leads-to-setup');
  }, 120_000);

  it('"Protect my notes…" leads to the set-up and the recovery code; a protected folder is not offered again', async () => {
    const app = await e2e.app({ dataDir: plainFolder(), hash: '#page/c2.f3', firstRun: true });
    const { page } = app;
    await offer(page).getByRole('button', { name: 'Protect my notes…' }).click();
    const setup = page.getByRole('dialog', { name: 'Protect my notes' });
    await expect.poll(() => setup.innerText()).toMatch(/cannot be read/);
    expect(await offer(page).count()).toBe(0);
    expect(await encryptInDialog(setup, PASS)).toMatch(/^[0-9A-Z]{4}-/);
    await app.screenshot('vault-offer-recovery-code');
    await setup.getByLabel('I have saved it').check();
    await setup.getByRole('button', { name: 'Done' }).click();
    await setup.waitFor({ state: 'detached' });
    expect(await app.invoke('vault.status', {})).toMatchObject({ ok: true, value: { protected: true } });
    expect(await vaultOffered(app)).toBe(true);

    // The window started again on protected notes: no offer.
    await page.reload();
    expect(await offered(app)).toBe(false);
    await expect.poll(() => app.page.locator('body').innerText(), { timeout: 20_000 }).toContain(NOTE);
  }, 180_000);

  it('is not made in presentation mode, and is kept for a later start', async () => {
    const app = await e2e.app({
      dataDir: plainFolder({ startInPresentation: true }),
      hash: '#page/c2.f3',
      firstRun: true,
    });
    await app.page.getByRole('status').filter({ hasText: 'Presentation mode' }).waitFor();
    expect(await offered(app)).toBe(false);
    expect(await vaultOffered(app)).toBe(false);
  }, 120_000);
});
