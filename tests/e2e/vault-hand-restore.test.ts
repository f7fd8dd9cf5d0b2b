/**
 * The hand restore of docs/data-safety.md under protection, in the browser
 * target: a plain copy of user.db, kept from before protection was turned on,
 * is put back in the data folder by hand. The app opens locked (the key is
 * kept) and the lock screen says what it found and what the unlock will do,
 * at three window sizes, light and dark; the unlock encrypts the copy, says
 * so, and shows its notes; the notes written since protection are in the
 * encrypted backup, listed as verified.
 */
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { dispatch } from '../../src/core/dispatch';
import { openCore } from '../../src/core/open';
import type { Args, Channel } from '../../src/shared/contract/channels';
import { useHarness } from './fixture';

const e2e = useHarness();
const PASS = 'four words make a passphrase';
const BEFORE = 'Capybara note from before protection';
const SINCE = 'Axolotl note written since protection';
const SIZES = [
  { width: 1280, height: 860 },
  { width: 1024, height: 700 },
  { width: 800, height: 600 },
];

async function withCore(
  dataDir: string,
  work: (call: <K extends Channel>(c: K, a: Args<K>) => Promise<void>) => Promise<void>,
) {
  const core = openCore({ contentDbPath: CONTENT_DB_PATH, dataDir, kdfTargetMs: 1 });
  try {
    await work(async (channel, args) => {
      const r = await dispatch(core.handlers, channel, args);
      if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    });
  } finally {
    core.close();
  }
}

describe('a plain copy of the notes put back by hand under protection', () => {
  it('keeps the key, says so on the lock screen, encrypts the copy at the unlock', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recollection-e2e-hand-'));
    const copy = `${dataDir}-copy.db`;
    await withCore(dataDir, async (call) => {
      await call('annotations.create', { blockId: 'c2.f3.po.1', note: BEFORE });
      await call('settings.set', { patch: { vaultOffered: true } });
    });
    copyFileSync(join(dataDir, 'user.db'), copy);
    await withCore(dataDir, async (call) => {
      await call('vault.enable', { passphrase: PASS });
      await call('annotations.create', { blockId: 'c2.f3.po.1', note: SINCE });
      await call('backup.create', {});
    });
    copyFileSync(copy, join(dataDir, 'user.db'));

    const app = await e2e.app({ dataDir, hash: '#page/c2.f3', waitReady: false });
    const { page } = app;
    await page.getByRole('heading', { name: 'Your notes are locked' }).waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'not encrypted, though protection is on' });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/key is kept.*Unlock to encrypt this copy/);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await app.screenshot(`vault-hand-restore-lock-${size.width}x${size.height}-${scheme}`);
      }
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(SIZES[0]);
    await page.getByLabel('Passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await app.waitReady();
    await expect
      .poll(() => page.locator('.toasts').innerText(), { timeout: 20_000 })
      .toMatch(/was encrypted with your key and opened/);
    await expect.poll(() => page.locator('body').innerText(), { timeout: 20_000 }).toContain(BEFORE);
    await app.screenshot('vault-hand-restore-unlocked-1280-light');
    const status = await app.invoke('vault.status', {});
    expect(status).toMatchObject({ ok: true, value: { protected: true, locked: false } });
    const backups = await app.invoke('backup.list', {});
    expect(backups.ok && backups.value.length === 1 && backups.value[0].verified).toBe(true);
  }, 180_000);
});
