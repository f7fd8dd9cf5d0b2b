/**
 * Presentation mode: with a data folder full of notes, tags,
 * positions, highlights and bookmarks, turning the mode on leaves none of
 * their strings in the page's text or its accessibility tree; a badge says the
 * mode is on; it survives a restart; the app can be set to start in it;
 * turning it off with the badge's button asks nothing and brings everything
 * back, with the shortcut or the menu it asks first. Every key and command
 * while presenting: presentation-room.test.ts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useHarness } from './fixture';
import { expectNothingPrivate, NOTE, seed, visibleText } from './presentation-seed';
import { axeSerious, block, chooseTheme } from './steps';

const e2e = useHarness();

/** The mean of the reading pane's background red, green and blue (0 black … 255 white), read at once. */
async function paneLightness(page: Page): Promise<number> {
  const rgb = await page.evaluate<string>("getComputedStyle(document.querySelector('.reading-pane')).backgroundColor");
  const [r, g, b] = (rgb.match(/\d+/g) ?? []).map(Number);
  return (r + g + b) / 3;
}

describe('presentation mode', () => {
  it('hides every private thing, says so, survives a restart and turns off without a question', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    await seed(app);
    await app.restart(); // the seeded notes are read at start
    // Before: the notes are there (so the test can fail).
    const before = await visibleText(app.page);
    expect(before).toContain(NOTE);
    expect(before).toContain('Red line');

    await app.page.getByRole('button', { name: 'Presentation mode' }).click();
    await app.page.getByRole('status').filter({ hasText: 'Presentation mode' }).waitFor();
    await expectNothingPrivate(app.page, 'presentation on');
    // Search does not search the notes either.
    await app.page.keyboard.press('Control+k');
    await app.page.getByRole('combobox', { name: 'Search' }).fill('portability wording');
    await app.page
      .locator('.search-status')
      .filter({ hasText: /result/ })
      .waitFor();
    await expectNothingPrivate(app.page, 'searching for a note');
    await app.page.keyboard.press('Escape');
    // B and N make no private mark.
    await block(app.page, 'c2.f2.po.3').click();
    await app.page.keyboard.press('n');
    await app.page.keyboard.press('b');
    expect(await app.page.getByRole('dialog').count()).toBe(0);

    for (const [scheme, name] of [
      ['light', 'presentation-1280x860-light'],
      ['dark', 'presentation-1280x860-dark'],
    ] as const) {
      await chooseTheme(app.page, scheme);
      // The screenshot waits for a rendered frame (session.ts): before it, Chromium still showed the old
      // theme's colours (the dark screenshot came out light). What it captured has the theme's colours.
      await app.screenshot(name);
      expect(await paneLightness(app.page), scheme).toSatisfy((l: number) => (scheme === 'dark' ? l < 30 : l > 220));
      expect(await axeSerious(app.page), scheme).toEqual([]);
    }

    await app.restart();
    await app.page.getByRole('status').filter({ hasText: 'Presentation mode' }).waitFor();
    await expectNothingPrivate(app.page, 'after a restart');

    // Off: no question asked, everything back.
    await app.page.getByRole('button', { name: 'Presentation mode' }).click();
    await expect.poll(() => visibleText(app.page)).toContain(NOTE);
    expect(await app.page.getByRole('dialog').count()).toBe(0);
    const bookmarks = await app.invoke('bookmarks.list', {});
    expect(bookmarks.ok && bookmarks.value.length).toBe(2);
  }, 240_000);

  it('the app can be set to start in presentation mode; the shortcut and the menu turn it on, and off after asking', async () => {
    const app = await e2e.app({ hash: '#page/c2.f2' });
    await seed(app);
    await app.page.keyboard.press('Control+Shift+P');
    const badge = app.page.getByRole('status').filter({ hasText: 'Presentation mode' });
    await badge.waitFor();
    await badge.getByRole('checkbox', { name: 'Always start in it' }).check();
    // Off by the shortcut asks first (a key pressed by mistake shows nothing); the answer is explicit.
    await app.page.keyboard.press('Control+Shift+P');
    await app.page
      .getByRole('dialog', { name: 'Turn presentation mode off?' })
      .getByRole('button', { name: 'Turn it off' })
      .click();
    await badge.waitFor({ state: 'detached' });
    await expect
      .poll(async () => {
        const s = await app.invoke('settings.get', {});
        return s.ok && [s.value.presentation, s.value.startInPresentation];
      })
      .toEqual([false, true]);
    await app.restart();
    await app.page.getByRole('status').filter({ hasText: 'Presentation mode' }).waitFor();
    await expectNothingPrivate(app.page, 'started in presentation mode');
    // The menu item sends app.command 'presentation': off, it asks as the shortcut does.
    await app.send('app.command', { command: 'presentation' });
    await app.page
      .getByRole('dialog', { name: 'Turn presentation mode off?' })
      .getByRole('button', { name: 'Turn it off' })
      .click();
    await expect.poll(() => visibleText(app.page)).toContain(NOTE);
  }, 240_000);
});
