/**
 * The channels that need a native file dialog: export.save (render the
 * export in the core, ask where to save, write it), import.open (ask for a
 * file, check its size, read it as text for import.preview / import.apply)
 * and the shared folder's dialogs (which folder; whether to write it unsealed).
 * A sealed PDF is sealed here, after printing; the other formats in the core.
 *
 * Constraints: lose nothing — the export is written to a temporary file in the
 * target folder and renamed over the destination only once complete; an import
 * file larger than LIMITS.importBytes is refused before it is read.
 */
import { existsSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';
import type { ParsedArgs, ResultOf } from '../shared/contract/channels';
import type { FolderDialogs } from '../core/delegation/service';
import type { Handlers } from '../shared/contract/derive';
import { CoreError } from '../shared/contract/result';
import type { ExportFile } from '../shared/contract/types';
import { FORMATS } from '../shared/vocabulary/formats';
import { readImportFile } from '../core/exchange/import-file';
import { writeFileAtomic } from '../core/base/files';
import { SEAL_EXTENSION, sealExportFile } from '../core/exchange/seal';
import { storageFault } from '../core/base/faults';

export async function saveExport(
  handlers: Handlers,
  args: ParsedArgs<'export.save'>,
  window: BrowserWindow | null,
): Promise<ResultOf<'export.save'>> {
  // Render first: a failing export never opens a dialog for nothing.
  let file =
    args.format === 'pdf'
      ? await printBriefToPdf(await handlers['export.render']({ ...args, format: 'html', printed: true }))
      : await handlers['export.render']({ ...args, format: args.format });
  // The PDF is printed here, so sealed here; the core seals the other formats.
  if (args.format === 'pdf' && args.seal) file = await sealExportFile(file, 'pdf', args.seal.passphrase);
  const filter = args.seal
    ? { name: `Sealed ${FORMATS[args.format].label}`, extensions: [SEAL_EXTENSION] }
    : { name: FORMATS[args.format].label, extensions: [FORMATS[args.format].extension] };
  const options = {
    title: 'Export notes',
    defaultPath: join(app.getPath('documents'), basename(file.filename)),
    filters: [filter],
  };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  const path = withExtension(choice.filePath, filter.extensions[0] ?? '');
  try {
    await writeFileAtomic(path, file.data, { dataDir: app.getPath('userData') });
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String(err.code) : 'write failed';
    // STORAGE, not UNAVAILABLE: the renderer reads UNAVAILABLE as "no save dialog here" and falls back.
    const known = storageFault(err);
    throw new CoreError(
      known ? 'STORAGE' : 'UNAVAILABLE',
      `could not write ${basename(path)}: ${known?.message ?? reason}`,
    );
  }
  return { path };
}

/**
 * The chosen path with the format's extension when it has none. Older Linux file-chooser portals
 * ignore the suggested name (its extension with it), so a user types "brief" and would get a file
 * no program opens. Only when no file of the longer name exists: the dialog confirmed replacing
 * the name the user typed, never another file.
 */
export function withExtension(path: string, extension: string): string {
  if (extension === '' || extname(basename(path)) !== '') return path;
  const longer = `${path}.${extension}`;
  return existsSync(longer) ? path : longer;
}

/** Chromium refuses to navigate to longer data: URLs. */
export const PDF_HTML_LIMIT = 1_900_000;

/**
 * Prints the printable HTML brief to PDF in a hidden window with JavaScript off
 * (the brief has none). It is loaded as a data: URL, which the session allows,
 * so no file or server is involved; the security guards apply to it as to any
 * web contents.
 */
export async function printBriefToPdf(html: ExportFile): Promise<ExportFile> {
  const url = `data:text/html;charset=utf-8,${encodeURIComponent(String(html.data))}`;
  if (url.length > PDF_HTML_LIMIT) {
    throw new CoreError('UNAVAILABLE', 'this brief is too long to print to PDF here: export it as HTML and print that');
  }
  const printer = new BrowserWindow({
    show: false,
    webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false, javascript: false },
  });
  try {
    await printer.loadURL(url);
    const pdf = await printer.webContents.printToPDF({ printBackground: true, pageSize: 'A4' });
    const filename = html.filename.replace(/\.html$/, `.${FORMATS.pdf.extension}`);
    return { filename, mime: FORMATS.pdf.mime, data: new Uint8Array(pdf) };
  } finally {
    printer.destroy();
  }
}

export async function openImport(window: BrowserWindow | null): Promise<ResultOf<'import.open'>> {
  const options = {
    title: 'Import notes',
    properties: ['openFile' as const],
    filters: [
      { name: 'Recollection exports', extensions: [FORMATS.json.extension, SEAL_EXTENSION] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || path === undefined) return null;
  return { name: basename(path), data: await readImportFile(path) };
}

/**
 * The shared folder's dialogs, given to the core (core/delegation/service.ts): the folder comes from
 * this dialog only, never from the page; and with the notes protected, writing them unsealed there is a
 * choice made here, in words, with Cancel the default.
 */
export function folderDialogs(window: () => BrowserWindow | null): FolderDialogs {
  return {
    async chooseFolder() {
      const options = {
        title: 'Shared folder for the delegation',
        properties: ['openDirectory' as const, 'createDirectory' as const],
      };
      const w = window();
      const choice = w ? await dialog.showOpenDialog(w, options) : await dialog.showOpenDialog(options);
      const path = choice.filePaths[0];
      return choice.canceled || path === undefined ? null : path;
    },
    async confirmUnsealed(dir) {
      const options = {
        type: 'warning' as const,
        title: 'Write your notes unsealed?',
        message: 'Write every note and position to the shared folder unsealed?',
        detail:
          `Your notes are encrypted on this computer. Without a delegation passphrase, your layer file is written to\n${dir}\n` +
          'in clear: anyone who can read that folder, or the service that syncs it, can read all your notes and positions.\n\n' +
          'To keep them sealed, cancel and set a delegation passphrase that your delegation shares.',
        buttons: ['Cancel', 'Write my notes unsealed'],
        defaultId: 0,
        cancelId: 0,
      };
      const w = window();
      const answer = w ? await dialog.showMessageBox(w, options) : await dialog.showMessageBox(options);
      return answer.response === 1;
    },
  };
}
