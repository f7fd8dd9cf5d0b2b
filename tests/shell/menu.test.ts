/**
 * The application menu: each app command item sends exactly its command to the
 * page (app.command), every command the contract knows has an item, and the
 * developer items appear only in development.
 */
import { describe, expect, it, vi } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';

vi.mock('electron', () => import('./fakes'));

const { installMenu, menuTemplate } = await import('../../src/main/menu');
const fakes = await import('./fakes');

const COMMANDS = [
  'search',
  'export',
  'import',
  'backup',
  'print',
  'shortcuts',
  'presentation',
  'back',
  'forward',
  'palette',
] as const;

function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);
}

function click(item: MenuItemConstructorOptions): void {
  (item.click as unknown as () => void)();
}

describe('menu', () => {
  it('has one item per app command, each sending exactly its own command', () => {
    const sent: string[] = [];
    const all = items(menuTemplate({ isMac: false, development: false, send: (c) => sent.push(c) }));
    const clickable = all.filter((i) => typeof i.click === 'function');
    expect(clickable).toHaveLength(COMMANDS.length);
    for (const item of clickable) {
      const before = sent.length;
      click(item);
      expect(sent.length).toBe(before + 1);
    }
    expect([...sent].sort()).toEqual([...COMMANDS].sort());
  });

  it('shows reload and developer tools only in development', () => {
    const roles = (development: boolean) =>
      items(menuTemplate({ isMac: false, development, send: () => {} })).map((i) => i.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toContain('toggleDevTools');
  });

  it('has the macOS application menu only on macOS', () => {
    expect(menuTemplate({ isMac: true, development: false, send: () => {} })[0].role).toBe('appMenu');
    expect(items(menuTemplate({ isMac: false, development: false, send: () => {} })).map((i) => i.role)).toContain(
      'quit',
    );
  });

  it('is installed as the application menu', () => {
    installMenu({ isMac: false, development: false, send: () => {} });
    expect(fakes.Menu.setApplicationMenu).toHaveBeenCalledTimes(1);
    expect(fakes.Menu.buildFromTemplate).toHaveBeenCalledTimes(1);
  });
});
