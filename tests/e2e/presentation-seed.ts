/**
 * What the presentation-mode scenarios plant and look for: a data folder full
 * of notes, tags, positions, highlights and bookmarks (and, on request, a
 * colleague's layer), the strings the room must never see, and the checks
 * that none of them is on the page (its text, its accessibility tree, its toasts).
 */
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import type { AppSession } from './harness';

export const NOTE = 'Capital insists on portability wording';
export const TAG = 'delegation-eyes-only';
export const BOOKMARK = 'Brief for Thursday';
/** Words of c2.f2.po.1 (from the document) highlighted in red. */
export const HIGHLIGHT = 'gender-sensitive labor migration policies';
/** A colleague's layer: its author's name and one of its notes. */
export const LAYER_NAME = 'Delegation of Ruritania';
export const LAYER_NOTE = 'Ruritania will walk out over the retention clause';
/** Strings the room must not see: what the seeded folder holds, and the names of positions and priorities. */
export const SECRETS = [NOTE, TAG, BOOKMARK, 'Red line', 'Oppose', 'High priority', 'Your notes on this block'];

export async function seed(app: AppSession): Promise<void> {
  const block = await app.invoke('content.block', { id: 'c2.f2.po.1' });
  if (!block.ok) throw new Error('no block');
  const text = block.value.block.text;
  const start = text.indexOf(HIGHLIGHT);
  const results = await Promise.all([
    app.invoke('annotations.create', {
      blockId: 'c2.f2.po.1',
      note: NOTE,
      tags: [TAG],
      color: 'red',
      selector: {
        exact: HIGHLIGHT,
        prefix: text.slice(Math.max(0, start - 32), start),
        suffix: text.slice(start + HIGHLIGHT.length, start + HIGHLIGHT.length + 32),
        start,
        end: start + HIGHLIGHT.length,
      },
    }),
    app.invoke('annotations.create', { blockId: 'c2.f2.po.2', note: 'Second thought' }),
    // Positions belong to the option: set on the option itself.
    app.invoke('positions.set', { targetId: 'c2.f2.po.1', position: 'red-line', priority: 'high' }),
    app.invoke('positions.set', { targetId: 'c2.f2.po.2', position: 'oppose' }),
    app.invoke('bookmarks.add', { targetId: 'c2.f2.po.3', label: BOOKMARK }),
    app.invoke('bookmarks.add', { targetId: 'c2.f2' }),
  ]);
  for (const r of results) expect(r.ok, JSON.stringify(r)).toBe(true);
}

/** `colleague`'s notes, exported and added to `app` as a layer named LAYER_NAME (shown). */
export async function seedLayer(colleague: AppSession, app: AppSession): Promise<void> {
  await colleague.invoke('settings.set', { patch: { authorName: LAYER_NAME } });
  await colleague.invoke('annotations.create', { blockId: 'c2.f2.po.3', note: LAYER_NOTE });
  await colleague.invoke('positions.set', { targetId: 'c2.f2.po.3', position: 'support' });
  const file = await colleague.invoke('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true });
  if (!file.ok || typeof file.value.data !== 'string') throw new Error('no JSON export');
  const added = await app.invoke('layers.add', { data: file.value.data });
  expect(added.ok, JSON.stringify(added)).toBe(true);
}

/** Everything a person or a screen reader could get from the page now. */
export async function visibleText(page: Page): Promise<string> {
  const inner = await page.evaluate<string>('document.body.innerText');
  const content = await page.evaluate<string>('document.body.textContent');
  const tree = await page.locator('body').ariaSnapshot();
  return [inner, content, tree].join('\n');
}

export async function expectNothingPrivate(page: Page, when: string, secrets: string[] = SECRETS): Promise<void> {
  const text = await visibleText(page);
  for (const secret of secrets) expect(text, `${when}: "${secret}" is on the page`).not.toContain(secret);
  expect(await page.locator('mark.hl, .block-notes, .note-card, [data-annotation]').count(), when).toBe(0);
  expect(await page.getByRole('tab', { name: 'Notes', exact: true }).count(), when).toBe(0);
  expect(await page.getByRole('tab', { name: 'Positions', exact: true }).count(), when).toBe(0);
}
