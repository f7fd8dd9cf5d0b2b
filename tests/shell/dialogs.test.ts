/**
 * export.save and import.open: the dialogs are fakes, the files are real (a
 * temporary folder). An export is written whole or not at all; an import file
 * over the size limit is refused before it is read.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Handlers } from '../../src/shared/contract/derive';
import type { ExportFile } from '../../src/shared/contract/types';

vi.mock('electron', () => import('./fakes'));

const { openImport, saveExport } = await import('../../src/main/dialogs');
const { readImportFile } = await import('../../src/core/exchange/import-file');
const { writeFileAtomic } = await import('../../src/core/base/files');
const { shellHandlers } = await import('../../src/main/handlers');
const { CHANNELS } = await import('../../src/shared/contract/channels');
const { CoreError } = await import('../../src/shared/contract/result');
const { LIMITS } = await import('../../src/shared/limits');
const fakes = await import('./fakes');

const dir = mkdtempSync(join(tmpdir(), 'recollection-dialogs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
fakes.app.paths.set('documents', dir);
// The app's data folder: where an export records its temporary file while writing.
fakes.app.paths.set('userData', join(dir, 'data'));

let rendered: ExportFile;
const render = vi.fn(() => rendered);
const core = { 'export.render': render } as unknown as Handlers;
const args = { format: 'markdown' as const, scope: { kind: 'all' as const }, includeNotes: true };

beforeEach(() => {
  fakes.dialog.showSaveDialog.mockReset();
  fakes.dialog.showOpenDialog.mockReset();
  render.mockClear();
  rendered = { filename: 'recollection-notes.md', mime: 'text/markdown', data: '# Notes\n' };
});

describe('export.save', () => {
  it('renders, asks where with the export name as default, and writes the file', async () => {
    const target = join(dir, 'brief.md');
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    expect(await saveExport(core, args, null)).toEqual({ path: target });
    const options = fakes.dialog.showSaveDialog.mock.calls[0][0] as {
      defaultPath: string;
      filters: Array<{ extensions: string[] }>;
    };
    expect(options.defaultPath).toBe(join(dir, 'recollection-notes.md'));
    expect(options.filters[0].extensions).toEqual(['md']);
    expect(readFileSync(target, 'utf8')).toBe('# Notes\n');
  });

  it('adds the extension to a name typed without one (older Linux portals drop the suggested name)', async () => {
    const typed = join(dir, 'brief-for-tuesday');
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: typed });
    expect(await saveExport(core, args, null)).toEqual({ path: `${typed}.md` });
    expect(readFileSync(`${typed}.md`, 'utf8')).toBe('# Notes\n');
    // Never onto another file than the one the dialog confirmed: then the name stays as typed.
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: typed });
    expect(await saveExport(core, args, null)).toEqual({ path: typed });
    expect(readFileSync(`${typed}.md`, 'utf8')).toBe('# Notes\n');
  });

  it('prints the HTML brief to PDF in a hidden window without JavaScript, then writes it', async () => {
    rendered = { filename: 'recollection-notes.html', mime: 'text/html', data: '<!doctype html><p>Brief & notes</p>' };
    const target = join(dir, 'brief.pdf');
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const before = fakes.BrowserWindow.instances.length;
    await saveExport(core, { ...args, format: 'pdf' }, null);
    expect(render).toHaveBeenCalledWith({ ...args, format: 'html', printed: true });
    const printer = fakes.BrowserWindow.instances[before];
    expect(printer.options).toMatchObject({ show: false, webPreferences: { javascript: false, sandbox: true } });
    expect(decodeURIComponent(printer.loaded[0])).toBe(
      'data:text/html;charset=utf-8,<!doctype html><p>Brief & notes</p>',
    );
    expect(printer.destroyed).toBe(true);
    const options = fakes.dialog.showSaveDialog.mock.calls[0][0] as { defaultPath: string };
    expect(options.defaultPath).toBe(join(dir, 'recollection-notes.pdf'));
    expect(readFileSync(target, 'utf8')).toBe('%PDF-1.7 fake');
  });

  it('refuses to print a brief too long for a data: URL, before asking where to save', async () => {
    rendered = { filename: 'n.html', mime: 'text/html', data: 'x'.repeat(2_000_000) };
    await expect(saveExport(core, { ...args, format: 'pdf' }, null)).rejects.toThrow(/too long/);
    expect(fakes.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('writes binary exports byte for byte', async () => {
    rendered = { filename: 'n.docx', mime: 'application/zip', data: new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]) };
    const target = join(dir, 'brief.docx');
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    await saveExport(core, { ...args, format: 'docx' }, null);
    expect(new Uint8Array(readFileSync(target))).toEqual(new Uint8Array([0x50, 0x4b, 3, 4, 0, 255]));
  });

  it('writes nothing when cancelled', async () => {
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: true, filePath: '' });
    const before = readdirSync(dir).length;
    expect(await saveExport(core, args, null)).toBeNull();
    expect(readdirSync(dir).length).toBe(before);
  });

  it('opens no dialog when the export itself fails', async () => {
    render.mockImplementationOnce(() => {
      throw new CoreError('INVALID_ARGUMENT', 'nothing to export');
    });
    await expect(saveExport(core, args, null)).rejects.toThrow('nothing to export');
    expect(fakes.dialog.showSaveDialog).not.toHaveBeenCalled();
  });

  it('reports an unwritable destination as UNAVAILABLE and leaves no partial file', async () => {
    const target = join(dir, 'no-such-folder', 'brief.md');
    fakes.dialog.showSaveDialog.mockResolvedValue({ canceled: false, filePath: target });
    const error = await saveExport(core, args, null).catch((e: unknown) => e);
    expect((error as InstanceType<typeof CoreError>).code).toBe('UNAVAILABLE');
    expect(existsSync(target)).toBe(false);
  });
});

describe('writeFileAtomic', () => {
  it('replaces a file whole and leaves no temporary file behind', async () => {
    const target = join(dir, 'atomic.txt');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new content');
    expect(readFileSync(target, 'utf8')).toBe('new content');
    expect(readdirSync(dir).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });
});

describe('import.open', () => {
  it('returns the chosen file name and text, without a byte-order mark', async () => {
    const file = join(dir, 'notes.json');
    writeFileSync(file, '\uFEFF{"format":"recollection-notes"}');
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [file] });
    expect(await openImport(null)).toEqual({ name: 'notes.json', data: '{"format":"recollection-notes"}' });
  });

  it('returns null when cancelled', async () => {
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: true, filePaths: [] });
    expect(await openImport(null)).toBeNull();
  });

  it('refuses a file over the import limit without reading it', async () => {
    const big = join(dir, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, LIMITS.importBytes + 1); // sparse: costs no disk
    fakes.dialog.showOpenDialog.mockResolvedValue({ canceled: false, filePaths: [big] });
    const error = await openImport(null).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoreError);
    expect((error as InstanceType<typeof CoreError>).code).toBe('INVALID_ARGUMENT');
    expect((error as Error).message).toMatch(/larger than 20 MB/);
  });

  it('accepts a file of exactly the limit', async () => {
    const edge = join(dir, 'edge.json');
    // Spaces, not the zero bytes truncate would give: a file of zero bytes is named as binary (sniff.ts).
    writeFileSync(edge, Buffer.alloc(LIMITS.importBytes, 0x20));
    expect((await readImportFile(edge)).length).toBe(LIMITS.importBytes);
  });

  it('says NOT_FOUND for a file that vanished', async () => {
    const error = await readImportFile(join(dir, 'gone.json')).catch((e: unknown) => e);
    expect((error as InstanceType<typeof CoreError>).code).toBe('NOT_FOUND');
  });
});

describe('shell handlers', () => {
  it('replace exactly the shell-only channels and keep the core for the rest', () => {
    const base = Object.fromEntries(CHANNELS.map((c) => [c, () => c])) as unknown as Handlers;
    const merged = shellHandlers(base, () => null);
    const replaced = CHANNELS.filter((c) => merged[c] !== base[c]).sort();
    expect(replaced).toEqual(['app.openExternal', 'export.save', 'import.open']);
    expect(Object.keys(merged).sort()).toEqual([...CHANNELS].sort());
  });
});
