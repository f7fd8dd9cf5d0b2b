/**
 * The two channels that need a native file dialog: export.save (render the
 * export in the core, ask where to save, write it) and import.open (ask for a
 * file, check its size, read it as text for import.preview / import.apply).
 *
 * Constraints: lose nothing — the export is written to a temporary file in the
 * target folder and renamed over the destination only once complete; an import
 * file larger than LIMITS.importBytes is refused before it is read.
 */
import { basename, join } from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { ParsedArgs, ResultOf } from '../shared/contract/channels';
import type { HandlerContext, Handlers } from '../shared/contract/derive';
import { CoreError } from '../shared/contract/result';
import type { ExportFormat } from '../shared/contract/types';
import { readImportFile, writeFileAtomic } from '../core/files';

const FILTERS: Readonly<Record<ExportFormat, { name: string; extensions: string[] }>> = {
  markdown: { name: 'Markdown', extensions: ['md'] },
  docx: { name: 'Word document', extensions: ['docx'] },
  html: { name: 'Web page', extensions: ['html'] },
  csv: { name: 'Spreadsheet (CSV)', extensions: ['csv'] },
  json: { name: 'Recollection notes (JSON)', extensions: ['json'] },
};

export async function saveExport(
  handlers: Handlers,
  args: ParsedArgs<'export.save'>,
  ctx: HandlerContext,
  window: BrowserWindow | null,
): Promise<ResultOf<'export.save'>> {
  // Render first: a failing export never opens a dialog for nothing.
  const file = await handlers['export.render'](args, ctx);
  const options = {
    title: 'Export notes',
    defaultPath: join(app.getPath('documents'), basename(file.filename)),
    filters: [FILTERS[args.format]],
  };
  const choice = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  if (choice.canceled || !choice.filePath) return null;
  try {
    await writeFileAtomic(choice.filePath, file.data);
  } catch (err) {
    const reason = err instanceof Error && 'code' in err ? String(err.code) : 'write failed';
    throw new CoreError('UNAVAILABLE', `could not write ${basename(choice.filePath)} (${reason})`);
  }
  return { path: choice.filePath };
}

export async function openImport(window: BrowserWindow | null): Promise<ResultOf<'import.open'>> {
  const options = {
    title: 'Import notes',
    properties: ['openFile' as const],
    filters: [
      { name: 'Recollection notes (JSON)', extensions: ['json'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const choice = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
  const path = choice.filePaths[0];
  if (choice.canceled || path === undefined) return null;
  return { name: basename(path), data: await readImportFile(path) };
}
