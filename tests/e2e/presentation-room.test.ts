/**
 * Presentation mode in front of the room: while presenting, every shortcut is
 * pressed and every command of the palette is run, and after each one none
 * of the planted private strings (a note, a tag, a position word, a
 * colleague's layer name and note) is in the page's text, its accessibility
 * tree or its toasts; what the user database holds (read through the core)
 * is the same at the end as at the start. Leaving the mode takes an explicit
 * choice: "notes" + Enter in the palette does not, the shortcut asks first
 * (Enter keeps presenting). Presenting from the lock screen ends on the lock
 * screen, never in a half-locked reader.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import type { AppSession } from './harness';
import { useHarness } from './fixture';
import {
  expectNothingPrivate,
  LAYER_NAME,
  LAYER_NOTE,
  NOTE,
  SECRETS,
  seed,
  seedLayer,
  visibleText,
} from './presentation-seed';
import { WINDOW_SIZES, block, chooseTheme } from './steps';

const e2e = useHarness();
const ROOM_SECRETS = [...SECRETS, LAYER_NAME, LAYER_NOTE, 'Support'];
const PASS = 'four words make a passphrase';
/** Settings a presenter may change in the room (they hold nothing of the notes). */
const COMFORT = ['theme', 'textSize', 'lastPageId', 'lastBlockId', 'panes', 'paneWidths'];

/** What the user database holds, as the core answers it. */
async function stored(app: AppSession): Promise<unknown> {
  const answers = await Promise.all([
    app.invoke('annotations.list', {}),
    app.invoke('bookmarks.list', {}),
    app.invoke('positions.list', {}),
    app.invoke('positions.history', { targetId: 'c2.f2.po.1' }),
    app.invoke('positions.history', { targetId: 'c2.f2.po.2' }),
    app.invoke('trash.list', {}),
    app.invoke('notes.tags', {}),
    app.invoke('notes.palette', {}),
    app.invoke('layers.list', {}),
    app.invoke('settings.get', {}),
  ]);
  return answers.map((a) => {
    if (!a.ok) throw new Error(a.error.message);
    if (!a.value || Array.isArray(a.value) || !('presentation' in a.value)) return a.value;
    return Object.fromEntries(Object.entries(a.value).filter(([k]) => !COMFORT.includes(k)));
  });
}

/** Two frames: what a key or command rendered is on the page. */
const settle = (page: Page): Promise<unknown> =>
  page.evaluate('new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))');

/** The mode's badge (not a toast that mentions the mode). */
const badge = (page: Page) =>
  page.getByRole('status').filter({ has: page.getByRole('checkbox', { name: 'Always start in it' }) });

/** Still presenting, nothing private on the page; then whatever the key or command opened is closed. */
async function checkRoom(page: Page, when: string): Promise<void> {
  await settle(page);
  await expectNothingPrivate(page, when, ROOM_SECRETS);
  expect(await badge(page).count(), `${when}: still presenting`).toBe(1);
  for (let i = 0; i < 3 && (await page.getByRole('dialog').count()) > 0; i++) await page.keyboard.press('Escape');
  expect(await page.getByRole('dialog').count(), `${when}: closed again`).toBe(0);
}

/** Every key the app answers (hooks/useShortcuts.ts, hooks/useSelectionMode.ts, the help's list). */
const KEYS = [
  'j',
  'k',
  ']',
  '[',
  'b',
  'n',
  'c',
  'v',
  'Enter',
  'v',
  'n',
  'Escape',
  '?',
  'Alt+1',
  'Alt+2',
  'Alt+3',
  'Alt+4',
  'Alt+ArrowLeft',
  'Alt+ArrowRight',
  'Control+k',
  'Control+f',
  'Control+Shift+K',
  'Control+c',
  'Control+z',
  'Control+z',
];

describe('presentation mode in front of the room', () => {
  it('no key and no command of the palette shows or changes anything private; leaving takes a choice', async () => {
    const colleague = await e2e.app({ hash: '#page/c2.f2' });
    const app = await e2e.app({ hash: '#page/c2.f2' });
    await seed(app);
    await seedLayer(colleague, app);
    await app.restart();
    const { page } = app;
    // Before: the notes and the layer are on the page (so the test can fail).
    await expect.poll(() => visibleText(page)).toContain(LAYER_NOTE);
    expect(await visibleText(page)).toContain(NOTE);

    await page.getByRole('button', { name: 'Presentation mode' }).click();
    await badge(page).waitFor();
    const before = await stored(app);
    // print() would open the system's dialog: counted instead.
    await page.evaluate('window.printed = 0; window.print = () => void window.printed++;');

    await block(page, 'c2.f2.po.1').click();
    for (const key of KEYS) {
      await page.keyboard.press(key);
      await checkRoom(page, `key ${key}`);
    }
    // Undo names nothing and changes nothing.
    expect(await page.locator('.toasts').innerText()).toContain('Nothing undone: undo is off while presenting.');

    // The shortcut asks before turning the mode off; the default answer (Enter) keeps presenting.
    await page.keyboard.press('Control+Shift+P');
    const ask = page.getByRole('dialog', { name: 'Turn presentation mode off?' });
    await ask.waitFor();
    expect(await page.evaluate('document.activeElement?.textContent')).toBe('Keep presenting');
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      for (const scheme of ['light', 'dark'] as const) {
        await chooseTheme(page, scheme);
        await app.screenshot(`presentation-off-ask-${size.width}x${size.height}-${scheme}`);
      }
      const box = await ask.getByRole('button', { name: 'Turn it off' }).boundingBox();
      expect(box && box.x + box.width <= size.width && box.y + box.height <= size.height).toBe(true);
    }
    await chooseTheme(page, 'light');
    await page.setViewportSize(WINDOW_SIZES[0]);
    await page.keyboard.press('Enter');
    await ask.waitFor({ state: 'detached' });
    await checkRoom(page, 'the shortcut, answered with Enter');

    // Every command the palette offers, run by its name.
    const openPalette = async (): Promise<void> => {
      await page.keyboard.press('Control+Shift+K');
      await page.getByRole('dialog', { name: 'Command palette' }).waitFor();
    };
    await openPalette();
    const commands = await page
      .locator('.palette-list [role=option]')
      .filter({ hasText: /Command$/ })
      .locator('.result-label')
      .allTextContents();
    expect(commands).toContain('Print this section…');
    expect(commands.join('\n')).not.toContain('presentation mode off');
    await page.keyboard.press('Escape');
    for (const title of commands) {
      await openPalette();
      await page.getByRole('combobox', { name: 'Command' }).fill(title);
      await page.keyboard.press('Enter');
      await checkRoom(page, `command ${title}`);
    }
    expect(await page.evaluate('window.printed')).toBe(1);
    // A word whose best match was "Turn presentation mode off": not a way out.
    for (const word of ['notes', 'off', 'presentation']) {
      await openPalette();
      await page.getByRole('combobox', { name: 'Command' }).fill(word);
      await page.keyboard.press('Enter');
      await checkRoom(page, `palette "${word}" + Enter`);
    }

    await expect.poll(() => stored(app)).toEqual(before);
    // The explicit way out: the command typed out in full.
    await openPalette();
    await page.getByRole('combobox', { name: 'Command' }).fill('Turn presentation mode off');
    await page.keyboard.press('Enter');
    await badge(page).waitFor({ state: 'detached' });
    await expect.poll(() => visibleText(page)).toContain(NOTE);
  }, 400_000);

  it('presenting from the lock screen ends on the lock screen, and unlocking leaves no error behind', async () => {
    const colleague = await e2e.app({ hash: '#page/c2.f2' });
    const app = await e2e.app({ hash: '#page/c2.f2' });
    await seed(app);
    await seedLayer(colleague, app);
    expect((await app.invoke('vault.enable', { passphrase: PASS })).ok).toBe(true);
    expect((await app.invoke('vault.lock', {})).ok).toBe(true);
    const { page } = app;
    await page.reload(); // the window opens again on the locked core
    const lockScreen = page.getByRole('heading', { name: 'Your notes are locked' });
    await lockScreen.waitFor();

    // By the badge's button, then by the shortcut (asked, answered): back to the lock screen each time.
    for (const leave of ['button', 'shortcut'] as const) {
      await page.getByRole('button', { name: 'Present the document' }).click();
      await badge(page).waitFor();
      await expectNothingPrivate(page, `presenting locked (${leave})`, ROOM_SECRETS);
      if (leave === 'shortcut') {
        await page.keyboard.press('Control+Shift+P');
        await page
          .getByRole('dialog', { name: 'Turn presentation mode off?' })
          .getByRole('button', { name: 'Turn it off' })
          .click();
      } else await page.getByRole('button', { name: 'Presentation mode' }).click();
      await lockScreen.waitFor();
      expect(await page.getByRole('button', { name: 'Unlock' }).count()).toBe(1);
      await expectNothingPrivate(page, `left presenting (${leave})`, ROOM_SECRETS);
    }
    await app.screenshot('presentation-left-to-lock-screen');

    await page.getByLabel('Passphrase').fill(PASS);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect.poll(() => visibleText(page), { timeout: 30_000 }).toContain(NOTE);
    expect(await page.locator('.toast-error').count()).toBe(0);
  }, 240_000);
});
