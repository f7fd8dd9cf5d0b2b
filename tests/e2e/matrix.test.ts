/**
 * The positions matrix, a full-width page: edited from the keyboard, it stores
 * exactly one record per commit (Enter, or focus leaving the list) and none
 * for arrow keys or Escape; it names a cleared position in its toast; it is
 * free of serious axe violations and looked at in three window sizes, light
 * and dark. The side pane's Positions view edits the same way (no save per
 * arrow key, as its native <select> used to do).
 */
import { describe, expect, it } from 'vitest';
import type { PositionHistoryEntry, PositionRow } from '../../src/shared/contract/types';
import type { AppSession } from './harness';
import { useHarness } from './fixture';
import { WINDOW_SIZES, axeSerious, topBarTop } from './steps';
import { sizesIn } from '../support/depth';

const e2e = useHarness();
const PO = 'c2.f2.po.1';

async function row(app: AppSession): Promise<PositionRow | undefined> {
  const r = await app.invoke('positions.list', { clusterId: 'c2' });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.find((x) => x.block.id === PO);
}

async function history(app: AppSession): Promise<PositionHistoryEntry[]> {
  const r = await app.invoke('positions.history', { targetId: PO });
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

describe('positions matrix', () => {
  it('edited by keyboard, stores one record per commit', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await page.getByRole('button', { name: 'Positions matrix' }).click();
    const matrix = page.getByTestId('positions-matrix');
    await matrix.waitFor();
    await matrix.getByRole('button', { name: 'Cluster 2', exact: true }).click();
    const position = matrix.getByRole('button', { name: /^Position on 2\.2 PO 1:/ });
    const list = matrix.getByRole('listbox', { name: 'Position on 2.2 PO 1' });

    // Arrow keys move through the choices and store nothing; Enter stores one record.
    await position.focus();
    await page.keyboard.press('ArrowDown');
    await list.waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    expect((await row(app))?.position).toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await row(app))?.position).toBe('oppose');
    expect(await history(app)).toEqual([]);
    await expect
      .poll(() => page.evaluate('document.activeElement?.getAttribute("aria-label")'))
      .toBe('Position on 2.2 PO 1: Oppose');

    // Escape leaves the value as it was.
    await position.focus();
    await page.keyboard.press('ArrowDown');
    await list.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Escape');
    await list.waitFor({ state: 'detached' });
    expect((await row(app))?.position).toBe('oppose');
    expect(await history(app)).toEqual([]);

    // Focus leaving the list commits once: the replaced value is the one history record.
    await position.focus();
    await page.keyboard.press('ArrowDown');
    await list.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await row(app))?.position).toBe('red-line');
    expect((await history(app)).map((h) => h.position)).toEqual(['oppose']);
    await page.getByText('Position on 2.2 PO 1: Red line').first().waitFor();

    // The priority, same way: one more record.
    const priority = matrix.getByRole('button', { name: /^Priority of 2\.2 PO 1:/ });
    await priority.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await row(app))?.priority).toBe('high');
    expect((await history(app)).map((h) => [h.position, h.priority])).toEqual([
      ['red-line', null],
      ['oppose', null],
    ]);

    // Clearing is named in the toast and kept in the history.
    await position.focus();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Home');
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await row(app))?.position).toBeNull();
    await page.getByText('Position on 2.2 PO 1: High priority').first().waitFor();
    expect((await history(app))[0]).toMatchObject({ position: 'red-line', priority: 'high' });

    // The coverage says how much is marked.
    await expect
      .poll(() => matrix.locator('.coverage-words').first().textContent())
      .toMatch(/^0 of \d+ policy options marked · 0 of \d+ practical actions marked$/);
  });

  it("the side pane's Positions view stores nothing on arrow keys and one record per commit", async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await page.getByRole('tab', { name: 'Positions', exact: true }).click();
    const pane = page.locator('.positions');
    await pane.getByTestId('positions-summary').waitFor();
    const position = pane.getByRole('button', { name: /^Position on Cluster 2 \(2\), Policy option 1:/ });
    const list = pane.getByRole('listbox', { name: 'Position on Cluster 2 (2), Policy option 1' });

    await position.focus();
    await page.keyboard.press('ArrowDown');
    await list.waitFor();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect((await row(app))?.position).toBeNull();
    await page.keyboard.press('Enter');
    await expect.poll(async () => (await row(app))?.position).toBe('support-with-amendments');
    expect(await history(app)).toEqual([]);

    // A second commit, by focus leaving: exactly one more record (the replaced value).
    await position.focus();
    await page.keyboard.press('ArrowDown');
    await list.waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    expect((await row(app))?.position).toBe('support-with-amendments');
    await page.keyboard.press('Tab');
    await expect.poll(async () => (await row(app))?.position).toBe('red-line');
    expect((await history(app)).map((h) => h.position)).toEqual(['support-with-amendments']);
    await app.screenshot('positions-view-listbox');
    expect(await axeSerious(page)).toEqual([]);
  });

  it('is clean for axe and holds at three window sizes, light and dark', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    const { page } = app;
    await app.invoke('positions.set', { targetId: PO, position: 'red-line', priority: 'high' });
    await app.invoke('positions.set', { targetId: 'c2.f2.pa.1', position: 'support' });
    await page.getByRole('button', { name: 'Positions matrix' }).click();
    const matrix = page.getByTestId('positions-matrix');
    await matrix.waitFor();
    await matrix.getByRole('button', { name: 'Cluster 2', exact: true }).click();
    await matrix.getByRole('button', { name: /^Position on 2\.2 PO 1: Red line/ }).waitFor();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const { width, height } of sizesIn(WINDOW_SIZES, scheme)) {
        await page.setViewportSize({ width, height });
        await app.screenshot(`matrix-${width}x${height}-${scheme}`);
        const violations = await axeSerious(page);
        expect(violations, `${width}x${height} ${scheme}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
        // The frame never moves: the top bar stays at the top, the matrix scrolls inside itself.
        expect(await topBarTop(page)).toBe(0);
        // Every column fits inside the matrix's own pane, the last one ("Last change") included.
        const edges = await page.evaluate<[number, number, number]>(`(() => {
          const pane = document.querySelector('.matrix-pane');
          const last = document.querySelector('.matrix-table thead th:last-child').getBoundingClientRect();
          return [last.right, pane.getBoundingClientRect().left + pane.clientWidth, last.width];
        })()`);
        expect(
          edges[0],
          `${width}x${height}: last column ends at ${edges[0]}, the pane's inside at ${edges[1]}`,
        ).toBeLessThanOrEqual(edges[1]);
        expect(edges[2]).toBeGreaterThan(50);
      }
    }
    // An open list passes too.
    await matrix.getByRole('button', { name: /^Position on 2\.2 PO 1:/ }).focus();
    await page.keyboard.press('ArrowDown');
    await matrix.getByRole('listbox').waitFor();
    await app.screenshot('matrix-listbox-open');
    expect(await axeSerious(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Back to the text' }).click();
    await page.locator('#reading [data-block-id]').first().waitFor();
  }, 240_000); // six axe runs
});
