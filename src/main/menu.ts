/**
 * The application menu. App commands (Search, Export…, Import…, Back up now,
 * Print, Presentation mode, Command palette, Back, Forward, Keyboard shortcuts) are not carried out here: they are sent to the
 * page as `app.command` events, so the menu and the page's own keys and
 * buttons share one implementation in the renderer.
 *
 * Constraint: the menu sends nothing but contract events (EVENTS); developer
 * items (reload, developer tools) exist only in development.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { EventPayloads } from '../shared/contract/channels';

export type AppCommand = EventPayloads['app.command']['command'];

export interface MenuOptions {
  isMac: boolean;
  development: boolean;
  send: (command: AppCommand) => void;
}

export function menuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const command = (label: string, name: AppCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator ? { accelerator } : {}),
    click: () => options.send(name),
  });
  /** The page handles these keys itself (they work in the browser target too): the menu only shows them. */
  const pageKey = (label: string, name: AppCommand, accelerator: string): MenuItemConstructorOptions => ({
    ...command(label, name, accelerator),
    registerAccelerator: false,
  });
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      command('Export Notes…', 'export', 'CmdOrCtrl+Shift+E'),
      command('Import Notes…', 'import', 'CmdOrCtrl+Shift+I'),
      command('Back Up Now', 'backup'),
      { type: 'separator' },
      command('Print…', 'print', 'CmdOrCtrl+P'),
      ...(options.isMac ? [] : [{ type: 'separator' as const }, { role: 'quit' as const }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: '&Edit',
    submenu: [
      { role: 'undo' },
      { role: 'redo' },
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
      { type: 'separator' },
      command('Search', 'search', 'CmdOrCtrl+F'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
      { type: 'separator' },
      pageKey('Presentation Mode', 'presentation', 'CmdOrCtrl+Shift+P'),
      pageKey('Command Palette…', 'palette', 'CmdOrCtrl+Shift+K'),
      ...(options.development
        ? [{ type: 'separator' as const }, { role: 'reload' as const }, { role: 'toggleDevTools' as const }]
        : []),
    ],
  };
  const go: MenuItemConstructorOptions = {
    label: '&Go',
    submenu: [pageKey('Back', 'back', 'Alt+Left'), pageKey('Forward', 'forward', 'Alt+Right')],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: '&Help',
    submenu: [command('Keyboard Shortcuts', 'shortcuts', 'F1')],
  };
  const mac: MenuItemConstructorOptions[] = options.isMac ? [{ role: 'appMenu' }] : [];
  return [...mac, file, edit, view, go, help];
}

export function installMenu(options: MenuOptions): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(options)));
}
