/**
 * Text that misleads: a note with a 5,000-character word and a
 * 60-character tag must wrap inside the reading pane and the Notes panel (no
 * horizontal scroll, no entry wider than its pane), and a tag typed with a
 * right-to-left override must read in its own order ("#gpj.exe", not
 * "#exe.jpg"), each tag isolated from the next.
 */
import { describe, expect, it } from 'vitest';
import type { AppSession } from './harness';
import { useHarness } from './fixture';

const e2e = useHarness();

const LONG_WORD = 'w'.repeat(5000);
const LONG_TAG = 't'.repeat(60);

interface Size {
  scroll: number;
  client: number;
  width: number;
}
interface Widths {
  reading: Size | null;
  side: Size | null;
  cards: Size[];
  entries: Size[];
}
interface TagOrder {
  text: string;
  hash: number;
  first: number;
  last: number;
  next: number | null;
  isolated: string;
}

// Page scripts as text: the test project has no DOM types (the page runs them, not Node).
const SIZE = `(el) => el ? { scroll: el.scrollWidth, client: el.clientWidth, width: el.getBoundingClientRect().width } : null`;

/** scrollWidth against clientWidth for the panes, every note card and every Notes entry (px). */
const widths = (app: AppSession): Promise<Widths> =>
  app.page.evaluate<Widths>(`(() => {
    const size = ${SIZE};
    return {
      reading: size(document.querySelector('.reading-pane')),
      side: size(document.querySelector('.side-pane')),
      cards: [...document.querySelectorAll('.note-card')].map(size),
      entries: [...document.querySelectorAll('.note-entry')].map(size),
    };
  })()`);

/** Left edges of '#', the tag's first and last characters, and the next tag, as drawn. */
const tagOrder = (app: AppSession, container: string, tag: string): Promise<TagOrder | null> =>
  app.page.evaluate<TagOrder | null>(`(() => {
    const el = [...document.querySelectorAll(${JSON.stringify(`${container} .tag`)})]
      .find((t) => t.textContent.includes(${JSON.stringify(tag)}));
    const bdi = el && el.querySelector('bdi');
    const hash = el && el.firstChild;
    const text = bdi && bdi.firstChild;
    if (!el || !bdi || !hash || !text) return null;
    const x = (node, i) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getBoundingClientRect().left;
    };
    const next = el.nextElementSibling && el.nextElementSibling.classList.contains('tag') ? el.nextElementSibling : null;
    return {
      text: el.textContent,
      hash: x(hash, 0),
      first: x(text, 0),
      last: x(text, text.textContent.length - 1),
      next: next ? next.getBoundingClientRect().left : null,
      isolated: getComputedStyle(bdi).unicodeBidi,
    };
  })()`);

describe('text that misleads', () => {
  // The Notes tab shares the window from 1024 px wide; narrower, the side pane is a toggle.
  for (const [viewport, colorScheme] of [
    [{ width: 1280, height: 860 }, 'light'],
    [{ width: 1024, height: 700 }, 'dark'],
  ] as const) {
    it(`wraps a 5,000-character word and a 60-character tag; a right-to-left override cannot reverse a tag (${viewport.width}×${viewport.height}, ${colorScheme})`, async () => {
      const app = await e2e.app({ hash: '#page/c2.f2', viewport, colorScheme });
      const made = await app.invoke('annotations.create', {
        blockId: 'c2.f2.po.1',
        note: `Before ${LONG_WORD} after`,
        tags: [LONG_TAG, '\u202Egpj.exe', 'after'],
      });
      expect(made.ok && made.value.tags).toEqual([LONG_TAG, 'gpj.exe', 'after']);
      await app.restart({ link: 'recollection://page/c2.f2' });
      const { page } = app;
      await page.locator('.note-card').first().waitFor();
      await page.getByRole('tab', { name: 'Notes', exact: true }).click();
      await page.locator('.note-entry').first().waitFor();

      const w = await widths(app);
      expect(w.reading!.scroll, 'the reading pane scrolls sideways').toBeLessThanOrEqual(w.reading!.client);
      expect(w.side!.scroll, 'the side pane scrolls sideways').toBeLessThanOrEqual(w.side!.client);
      expect(w.cards.length).toBeGreaterThan(0);
      for (const c of w.cards) expect(c.scroll).toBeLessThanOrEqual(c.client);
      expect(w.entries.length).toBeGreaterThan(0);
      for (const e of w.entries) {
        expect(e.scroll, 'a Notes entry overflows').toBeLessThanOrEqual(e.client);
        expect(e.width, 'a Notes entry is wider than its pane').toBeLessThanOrEqual(w.side!.width);
      }

      for (const where of ['.note-card', '.note-entry']) {
        const order = await tagOrder(app, where, 'gpj.exe');
        expect(order, `${where}: tag not found`).not.toBeNull();
        expect(order!.text).toBe('#gpj.exe');
        expect(order!.isolated).toBe('isolate');
        // Drawn left to right as typed: '#', then 'g' … 'e', then the next tag.
        expect(order!.hash).toBeLessThan(order!.first);
        expect(order!.first).toBeLessThan(order!.last);
        if (order!.next !== null) expect(order!.last).toBeLessThan(order!.next);
      }
      await app.screenshot(`text-layout-${viewport.width}x${viewport.height}-${colorScheme}`);
    });
  }
});
