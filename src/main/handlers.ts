/**
 * The handler map the window talks to: the core's handlers, with the
 * shell-only channels (which answer UNAVAILABLE in the core) replaced by the
 * versions that open a dialog or the system browser.
 *
 * Constraint: everything else is the core's own handler, unchanged, so the
 * app, the command line and the browser harness behave alike.
 */
import type { BrowserWindow } from 'electron';
import type { Handlers } from '../shared/contract/derive';
import { saveExport, openImport } from './dialogs';
import { openExternal } from './external';

export function shellHandlers(core: Handlers, window: () => BrowserWindow | null): Handlers {
  return {
    ...core,
    'app.openExternal': (args) => openExternal(args.url, window()),
    'export.save': (args) => saveExport(core, args, window()),
    'import.open': () => openImport(window()),
  };
}
