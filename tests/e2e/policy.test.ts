/**
 * The organisation's managed settings in a real browser (docs/deployment.md):
 * a policy file requiring protection and sealed exports, in a temporary system
 * root. The first run goes straight to the set-up, which cannot be put off; a
 * plain export is refused with a sentence and the export dialog keeps sealing
 * on; Settings shows what the organisation set, with its reason; the auto-lock
 * choice stops at the policy's longest time. A look at Settings at three sizes,
 * light and dark.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { policyFiles } from '../../src/core/policy/read';
import { useHarness } from './fixture';
import { axeSerious, encryptInDialog, WINDOW_SIZES } from './steps';

const e2e = useHarness();
const PASS = 'four words make a passphrase';
const REASON = 'Ministry instruction 4.2: delegation notes are Restricted.';
const roots: string[] = [];
afterAll(() => roots.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function policyRoot(policy: object): string {
  const root = mkdtempSync(join(tmpdir(), 'recollection-e2e-policy-'));
  roots.push(root);
  const file = policyFiles({ platform: process.platform, root })[0];
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(policy));
  return root;
}

describe('managed settings', () => {
  it('protection required and sealed exports only: set-up first, plain export refused, Settings shows the locks', async () => {
    const root = policyRoot({
      requireProtection: true,
      sealedExportsOnly: true,
      maxAutoLockMinutes: 10,
      reason: REASON,
    });
    const app = await e2e.app({ hash: '#page/c2.f3', firstRun: true, policyRoot: root });
    const { page } = app;

    // Straight to the set-up, not the offer; it says why and cannot be put off.
    const setup = page.getByRole('dialog', { name: 'Protect my notes' });
    await setup.waitFor();
    expect(await page.getByRole('dialog', { name: 'Protect your notes?' }).count()).toBe(0);
    expect(await setup.innerText()).toContain('Your organisation requires your notes to be protected.');
    expect(await setup.innerText()).toContain(REASON);
    expect(await setup.getByRole('button', { name: 'Not now' }).count()).toBe(0);
    await page.keyboard.press('Escape');
    expect(await setup.isVisible()).toBe(true);
    // Nothing is written before set-up, whatever the page asks.
    const early = await app.invoke('bookmarks.add', { targetId: 'c2.f3.po.1' });
    expect(early).toMatchObject({ ok: false, error: { code: 'POLICY' } });
    expect(await axeSerious(page, '[role=dialog]')).toEqual([]);

    expect(await encryptInDialog(setup, PASS)).toMatch(/^[0-9A-Z]{4}-/);
    await setup.getByLabel('I have saved it').check();
    await setup.getByRole('button', { name: 'Done' }).click();
    await setup.waitFor({ state: 'detached' });
    expect(await app.invoke('vault.status', {})).toMatchObject({ ok: true, value: { protected: true } });
    expect(await app.invoke('bookmarks.add', { targetId: 'c2.f3.po.1' })).toMatchObject({ ok: true });

    // A plain export is refused with a sentence; the dialog keeps sealing on.
    const plain = await app.invoke('export.render', { format: 'markdown', scope: { kind: 'all' }, includeNotes: true });
    expect(plain).toMatchObject({ ok: false, error: { code: 'POLICY' } });
    expect(plain.ok ? '' : plain.error.message).toMatch(/only sealed.*Ministry instruction 4\.2/);
    expect(await app.invoke('vault.disable', { passphrase: PASS })).toMatchObject({
      ok: false,
      error: { code: 'POLICY' },
    });

    await page.keyboard.press('Control+Shift+K');
    const palette = page.getByRole('dialog', { name: /Command palette/i });
    await palette.waitFor();
    await page.keyboard.type('Export');
    await page.keyboard.press('Enter');
    const exporting = page.getByRole('dialog', { name: /Export/ });
    await exporting.waitFor();
    const sealBox = exporting.getByRole('checkbox', { name: /Seal with a passphrase/ });
    expect(await sealBox.isChecked()).toBe(true);
    expect(await sealBox.isDisabled()).toBe(true);
    expect(await exporting.getByTestId('seal-required').innerText()).toContain('only sealed');
    await page.keyboard.press('Escape');
    await exporting.waitFor({ state: 'detached' });

    // Settings: what the organisation set, with its reason.
    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await page.getByRole('button', { name: 'Settings…' }).click();
    const settings = page.getByRole('dialog', { name: 'Settings' });
    const managed = settings.getByRole('group', { name: 'Managed by your organisation' });
    await managed.waitFor();
    const text = await managed.innerText();
    expect(text).toContain(REASON);
    expect(text).toContain('Your notes must be protected with a passphrase.');
    expect(text).toContain('The notes lock after 10 minutes at the longest.');
    expect(text).toContain('Exports leave this computer only sealed with a passphrase.');
    expect(await axeSerious(page, '[role=dialog]')).toEqual([]);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const size of WINDOW_SIZES) {
        await page.setViewportSize(size);
        await app.screenshot(`policy-settings-${size.width}x${size.height}-${scheme}`);
      }
    }
    await page.setViewportSize({ width: 1280, height: 860 });
    await page.keyboard.press('Escape');
    await settings.waitFor({ state: 'detached' });

    // The auto-lock choice stops at the policy's longest time, and "never" is gone.
    await page.getByRole('button', { name: 'Protection…', exact: true }).click();
    const vaultDialog = page.getByRole('dialog', { name: 'Protect my notes' });
    const options = await vaultDialog.locator('select option').allInnerTexts();
    expect(options).toEqual(['5 minutes', '10 minutes']);
    expect(await vaultDialog.getByRole('button', { name: 'Turn protection off…' }).count()).toBe(0);
  }, 180_000);

  it('a damaged policy file opens at its strictest and Settings says so', async () => {
    const root = mkdtempSync(join(tmpdir(), 'recollection-e2e-policy-'));
    roots.push(root);
    const file = policyFiles({ platform: process.platform, root })[0];
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, '{ "requireProtection": fal');
    const app = await e2e.app({ hash: '#page/c2.f3', firstRun: true, policyRoot: root });
    const setup = app.page.getByRole('dialog', { name: 'Protect my notes' });
    await setup.waitFor();
    expect(await setup.innerText()).toContain('Your organisation requires your notes to be protected.');
    const policy = await app.invoke('app.policy', {});
    expect(policy.ok && policy.value.problems[0]).toMatch(/strictest reading is applied/);
  }, 120_000);
});
