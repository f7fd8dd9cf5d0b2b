/**
 * What reaches the page from the shell rather than from the user: deep links
 * handed over by the OS (when it starts the app for a link clicked in a brief,
 * and while the app runs), menu commands, and the notice that the notes were
 * recovered from a backup. In the app these go through the main process and
 * the preload; in the browser the harness's bridge delivers the same events.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { openPage } from './steps';

const e2e = useHarness();
const focused = 'document.activeElement?.dataset?.blockId ?? null';

describe('shell events', () => {
  it('opens the block of a deep link the app was started for', async () => {
    // Cluster 4 (2), Policy option 4: chosen by reading the document, far from the first page.
    const app = await e2e.app({ link: 'recollection://block/c4.f2.po.4' });
    const { page } = app;
    await expect.poll(() => page.evaluate(focused)).toBe('c4.f2.po.4');
    expect(await page.locator('article[data-page]').getAttribute('data-page')).toBe('c4.f2');
  });

  it('prefers the deep link to the place remembered from last time', async () => {
    const app = await e2e.app();
    await openPage(app, 'c3.f2');
    await expect
      .poll(async () => {
        const s = await app.invoke('settings.get', {});
        return s.ok ? s.value.lastPageId : null;
      })
      .toBe('c3.f2');
    await app.restart({ link: 'recollection://block/c2.f2.po.2' });
    const { page } = app;
    await expect.poll(() => page.evaluate(focused)).toBe('c2.f2.po.2');
    expect(await page.locator('article[data-page]').getAttribute('data-page')).toBe('c2.f2');
  });

  it('opens the beginning, with a notice, for a deep link to a place this edition does not have', async () => {
    // A well-formed id that no block of the document has (clusters run from 1 to 6).
    const app = await e2e.app({ link: 'recollection://block/c9.f1.po.1' });
    const { page } = app;
    await expect.poll(() => page.locator('.toasts').textContent()).toContain('not in this edition');
    // Part I, the beginning of the document.
    expect(await page.locator('article[data-page]').getAttribute('data-page')).toBe('p1');
  });

  it('follows a deep link handed over while it runs, and ignores a malformed one', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await app.openLink('recollection://page/c5.f1');
    await expect.poll(() => page.locator('article[data-page]').getAttribute('data-page')).toBe('c5.f1');
    await app.openLink('recollection://block/c1.f1.po.1');
    await expect.poll(() => page.evaluate(focused)).toBe('c1.f1.po.1');
    for (const bad of ['recollection://run/c2.f2', 'recollection://block/../../etc', 'https://example.org/c2.f2']) {
      await app.openLink(bad);
    }
    // Give a wrongly accepted link time to arrive, then check nothing moved.
    await page.evaluate('new Promise((r) => setTimeout(r, 300))');
    expect(await page.locator('article[data-page]').getAttribute('data-page')).toBe('c1.f1');
    expect(await page.evaluate(focused)).toBe('c1.f1.po.1');
  });

  it('carries out menu commands and shows the recovery notice', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await app.send('app.command', { command: 'search' });
    const search = page.getByRole('dialog', { name: /Search/ });
    await search.waitFor();
    await page.keyboard.press('Escape');
    await search.waitFor({ state: 'detached' });
    await app.send('app.command', { command: 'shortcuts' });
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await page.keyboard.press('Escape');
    await app.send('app.command', { command: 'backup' });
    await page.getByRole('dialog', { name: 'Backups of your notes' }).waitFor();
    await page.keyboard.press('Escape');
    const notice = 'Your notes were restored from the backup of 28 November 2026, 09:12.';
    await app.send('app.recovered', { message: notice });
    await expect.poll(() => page.locator('.toasts').textContent()).toContain(notice);
  });
});
