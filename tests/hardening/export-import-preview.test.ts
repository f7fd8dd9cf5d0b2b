/**
 * The import dialog's preview in a real browser (tests/e2e harness): a file
 * from a colleague who set no author name is not called "'s notes"; merging
 * shows the positions it would bring, counted, and each listed in words.
 */
import { describe, expect, it } from 'vitest';
import { useHarness } from '../e2e/fixture';
import { chooseImportFile } from '../e2e/steps';

const e2e = useHarness();

describe('import preview', () => {
  it('names an unnamed author and lists the positions in words, as counted', async () => {
    const a = await e2e.app({ hash: '#page/c2.f2' });
    const b = await e2e.app({ hash: '#page/c2.f2' });
    await a.invoke('positions.set', { targetId: 'c2.f2.po.1', position: 'red-line', priority: 'high' });
    await a.invoke('positions.set', { targetId: 'c2.f2.po.2', position: 'ask-capital' });
    await a.invoke('annotations.create', { blockId: 'c2.f2.po.1', note: 'hold the line' });
    const file = await a.invoke('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true });
    if (!file.ok || typeof file.value.data !== 'string') throw new Error('no JSON export');
    const { page } = b;
    await page.getByRole('tab', { name: 'Notes', exact: true }).click();
    await page.getByRole('button', { name: 'Import…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import notes' });
    await chooseImportFile(b, dialog, 'notes.json', Buffer.from(file.value.data));
    await dialog.getByRole('group', { name: "This file is a colleague's notes (no name set)" }).waitFor();
    expect(await dialog.textContent()).not.toContain(" 's notes");
    const preview = dialog.getByTestId('import-preview');
    await preview.waitFor();
    const text = (await preview.textContent()) ?? '';
    expect(text).toContain('1 new, 0 updated, 0 unattached, positions: 2 new, 0 updated, 0 kept (newer here)');
    expect(text).toContain('Cluster 2 (2), Policy option 1: Red line, High priority (new)');
    expect(text).toContain('Cluster 2 (2), Policy option 2: Ask capital (new)');
    expect(text).not.toMatch(/red-line|ask-capital/);
  }, 240_000);
});
