/**
 * A delegation whose shared folder is sealed: A ("Capital") and B (the
 * head of delegation) type the same delegation passphrase in Settings (masked);
 * A's layer file is sealed on disk and B reads it as Capital's layer, marked
 * "sealed". C, sealing with another passphrase, is refused at B with a sentence
 * in Settings; A's file tampered with in the folder is refused whole, said on
 * Capital's layer, which keeps the version B had; B's own notes never move. The
 * Settings dialog and the layers list are looked at (three window sizes, light
 * and dark) and audited with axe. A sealed export imported by hand is opened
 * with its passphrase and added as a layer.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AppSession } from './harness';
import { useHarness } from './fixture';
import { seal } from '../../src/core/exchange/seal';
import { answerFolderDialog, axeSerious, block, chooseImportFile, chooseSharedFolder, WINDOW_SIZES } from './steps';
import { sizesIn } from '../support/depth';

const e2e = useHarness();
const PO1 = 'c2.f2.po.1';
const NOTE = 'Capital: Zanzibar pelican, hold the line.';
const PASS = 'Freedonia delegation 2026';

let shared: string | null = null;
afterEach(() => {
  if (shared) rmSync(shared, { recursive: true, force: true });
  shared = null;
});

/** Settings…: name, shared folder and delegation passphrase, typed as a delegate would. */
async function setUpSealed(app: AppSession, name: string, folder: string, passphrase: string): Promise<void> {
  const { page } = app;
  await page.getByRole('tab', { name: 'Notes', exact: true }).click();
  await page.getByRole('button', { name: 'Settings…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Settings' });
  await dialog.getByLabel('Your name (signs your exports and your layer file)').fill(name);
  await chooseSharedFolder(app, dialog, folder);
  const field = dialog.getByLabel(/^Delegation passphrase/);
  expect(await field.getAttribute('type')).toBe('password');
  await field.fill(passphrase);
  await dialog.getByRole('button', { name: 'Save' }).click();
  await dialog.waitFor({ state: 'detached' });
  const status = await app.invoke('folder.status', {});
  expect(status.ok && [status.value.path, status.value.sealing, status.value.passphraseKept]).toEqual([
    folder,
    'on',
    'session',
  ]);
  // The passphrase is never answered back: not in the status, not in the settings.
  const settings = await app.invoke('settings.get', {});
  expect(JSON.stringify([status, settings])).not.toContain(passphrase);
}

async function authorId(app: AppSession): Promise<string> {
  const me = await app.invoke('author.get', {});
  if (!me.ok) throw new Error(me.error.message);
  return me.value.id;
}

describe('a delegation whose shared folder is sealed', () => {
  it('reads a colleague’s sealed file as a layer; another passphrase and a tampered file are refused, said plainly', async () => {
    shared = mkdtempSync(join(tmpdir(), 'recollection-sealed-'));
    const a = await e2e.app({ hash: '#page/c2.f2' });
    const b = await e2e.app({ hash: '#page/c2.f2' });
    const c = await e2e.app({ hash: '#page/c2.f2' });
    await setUpSealed(a, 'Capital', shared, PASS);
    await a.invoke('positions.set', { targetId: PO1, position: 'oppose', priority: 'high' });
    await a.invoke('annotations.create', { blockId: PO1, note: NOTE });
    await setUpSealed(b, 'Head of delegation', shared, PASS);
    const capital = await authorId(a);
    const fileA = join(shared, `${capital}.layer.json`);

    // B: Capital's layer, marked sealed, its note in the text.
    const { page } = b;
    const layers = page.getByTestId('layers');
    await layers.getByText('Capital', { exact: true }).waitFor({ timeout: 20_000 });
    await expect.poll(() => block(page, PO1).locator('.layer-card').textContent(), { timeout: 20_000 }).toContain(NOTE);
    await layers.getByTestId('layer-sealed').waitFor();
    // On disk, A's file is sealed: nothing of A's note readable there.
    const sealedA = readFileSync(fileA, 'utf8');
    expect(sealedA).toContain('-----BEGIN AGE ENCRYPTED FILE-----');
    expect(sealedA).not.toContain('Zanzibar');

    // C seals with another passphrase: B lists C's file as refused, with the reason, and no layer for it.
    await c.invoke('settings.set', { patch: { authorName: 'Expert C' } });
    await answerFolderDialog(c, shared);
    await c.invoke('folder.choose', {});
    await c.invoke('folder.setPassphrase', { passphrase: 'another delegation entirely' });
    await c.invoke('positions.set', { targetId: PO1, position: 'support' });
    const expertC = await authorId(c);
    await expect
      .poll(
        async () => {
          const s = await b.invoke('folder.status', {});
          return s.ok ? s.value.files.find((f) => f.name === `${expertC}.layer.json`)?.message : null;
        },
        { timeout: 20_000 },
      )
      .toMatch(/^Sealed with another passphrase/);

    // A's file tampered with in the folder: refused whole, said on Capital's layer, which keeps its version.
    // (A's app stops sharing first: while it shares, it writes its own file again at once when it finds
    // one it did not write, tests/core/delegation-hostile.test.ts.)
    await a.invoke('folder.stop', {});
    const at = sealedA.indexOf('-----BEGIN') + 300;
    writeFileSync(fileA, sealedA.slice(0, at) + (sealedA[at] === 'A' ? 'B' : 'A') + sealedA.slice(at + 1));
    const refused = layers.getByTestId('layer-refused');
    await expect.poll(() => refused.textContent(), { timeout: 20_000 }).toMatch(/damaged or was changed/);
    expect(await refused.textContent()).toContain("Capital's latest file was not read.");
    expect(await block(page, PO1).locator('.layer-card').textContent()).toContain(NOTE);
    const held = await b.invoke('layers.list', {});
    expect(held.ok && held.value.map((l) => l.name)).toEqual(['Capital']);

    // Looked at: the layers list and Settings, three sizes, light and dark.
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const { width, height } of sizesIn(WINDOW_SIZES, scheme)) {
        await page.setViewportSize({ width, height });
        const notesTab = page.getByRole('tab', { name: 'Notes', exact: true });
        // A narrow window keeps the side panel as a drawer: opened as a delegate would.
        if (!(await notesTab.isVisible()))
          await page.getByRole('button', { name: 'Show side panel', exact: true }).click();
        await notesTab.click();
        await refused.scrollIntoViewIfNeeded();
        await b.screenshot(`sealed-layers-${width}x${height}-${scheme}`);
        expect(await axeSerious(page), `layers ${width}x${height} ${scheme}`).toEqual([]);
        await page.getByRole('button', { name: 'Settings…' }).click();
        const dialog = page.getByRole('dialog', { name: 'Settings' });
        await dialog
          .getByTestId('shared-status')
          .getByText(/Sealed with another passphrase/)
          .waitFor();
        await dialog.getByTestId('sealing').scrollIntoViewIfNeeded();
        await b.screenshot(`sealed-settings-${width}x${height}-${scheme}`);
        expect(await axeSerious(page, '[role=dialog]'), `settings ${width}x${height} ${scheme}`).toEqual([]);
        expect(await page.evaluate('document.scrollingElement.scrollTop')).toBe(0);
        await dialog.getByRole('button', { name: 'Cancel' }).click();
        await dialog.waitFor({ state: 'detached' });
      }
    }

    // C's export, sealed and sent by hand: the import dialog asks its passphrase, then offers it as a layer.
    const exportC = await c.invoke('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true });
    if (!exportC.ok || typeof exportC.value.data !== 'string') throw new Error('no JSON export');
    const sealedC = await seal({ format: 'json', filename: 'expert-c.json', data: exportC.value.data }, PASS, 10);
    await page.getByRole('button', { name: 'Import…' }).click();
    const imp = page.getByRole('dialog', { name: 'Import notes' });
    await chooseImportFile(b, imp, 'expert-c.json.recollection', Buffer.from(sealedC));
    await imp.getByLabel('Passphrase of the sealed file').fill(PASS);
    await imp.getByLabel('Passphrase of the sealed file').press('Enter');
    await imp.getByRole('radio', { name: /Add as a layer/ }).check({ timeout: 30_000 });
    await imp.getByRole('button', { name: 'Add the layer' }).click();
    await imp.waitFor({ state: 'detached' });
    await layers.getByText('Expert C', { exact: true }).waitFor();

    // B's own notes were never touched.
    const own = await b.invoke('annotations.list', {});
    expect(own.ok && own.value).toEqual([]);
  }, 480_000);
});
