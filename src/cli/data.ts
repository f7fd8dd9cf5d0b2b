/**
 * Data commands: export, import, backup, restore.
 *
 * Constraints: lose nothing — an export is written atomically; an import is
 * always previewed first (and only previewed with --dry-run); a restore goes
 * through the core, which backs up the current notes before replacing them.
 */
import { EXPORT_FORMATS, type BriefHeader } from '../shared/contract/types';
import { CliError, optFlag, optMember, optString, UsageError, type Command, type Context } from './context';
import { readImportFile } from '../core/exchange/import-file';
import { writeFileAtomic } from '../core/base/files';
import { storageFault } from '../core/base/faults';
import { backupLine, formatBytes, previewLines } from './format';
import { errorMessage } from '../shared/errors';
import { SEAL_PASSPHRASE_FD, sealPassphrase } from './seal-passphrase';

/** The brief's title block options, in the order the brief prints them. */
const HEADER_FIELDS = ['classification', 'title', 'delegation', 'meeting', 'date'] as const satisfies ReadonlyArray<
  keyof BriefHeader
>;
const BRIEF_FORMATS: readonly string[] = ['markdown', 'docx', 'html', 'pdf'];

/**
 * The title block of a brief: each field given on the command line, else the one remembered
 * (settings `briefHeader`, shared with the app's export dialog); the date is never remembered
 * (the core prints the day of export). Fields given are remembered for the next export, as the
 * app does; an empty value (`--title ""`) clears one.
 */
async function briefHeader(ctx: Context, isBrief: boolean): Promise<Partial<BriefHeader> | undefined> {
  const given = Object.fromEntries(
    HEADER_FIELDS.flatMap((f) => {
      const v = optString(ctx.values, f);
      return v === undefined ? [] : [[f, v.trim()]];
    }),
  ) as Partial<BriefHeader>;
  if (!isBrief) {
    const stray = Object.keys(given)[0];
    if (stray !== undefined)
      throw new UsageError(`--${stray} goes with a brief (--format markdown, docx, html or pdf)`);
    return undefined;
  }
  const saved = (await ctx.call('settings.get', {})).briefHeader;
  const { date, ...kept } = given;
  const remembered = { ...saved, ...kept };
  if (HEADER_FIELDS.some((f) => f !== 'date' && remembered[f] !== saved[f]))
    await ctx.call('settings.set', { patch: { briefHeader: remembered } });
  return date === undefined ? remembered : { ...remembered, date };
}

export const exportCommand: Command = {
  name: 'export',
  usage:
    'export --format <markdown|docx|html|pdf|csv|json> --out <file> [--no-notes] [--title <text>] [--delegation <text>] [--meeting <text>] [--date <text>] [--classification <text>] [--seal [--seal-passphrase-fd <n>]] [--json]',
  summary:
    'write all your notes and bookmarks as a brief (markdown, docx, html, pdf) with a title block (remembered, as in the app), a table (csv) or a backup file (json); --seal encrypts it with a passphrase (.recollection)',
  options: ['format', 'out', 'no-notes', ...HEADER_FIELDS, 'seal', SEAL_PASSPHRASE_FD],
  positionals: [0, 0],
  async run(ctx) {
    const format = optMember(ctx.values, 'format', [...EXPORT_FORMATS, 'pdf'] as const);
    const out = optString(ctx.values, 'out');
    if (format === undefined) throw new UsageError('export needs --format');
    if (out === undefined) throw new UsageError('export needs --out <file>');
    const sealing = optFlag(ctx.values, 'seal');
    if (!sealing && ctx.values[SEAL_PASSPHRASE_FD] !== undefined)
      throw new UsageError(`--${SEAL_PASSPHRASE_FD} goes with --seal`);
    const header = await briefHeader(ctx, BRIEF_FORMATS.includes(format));
    // Asked before the work, so a typing mistake costs nothing.
    const seal = sealing ? { passphrase: await sealPassphrase(ctx.values, 'seal', ctx.askHidden) } : undefined;
    const rendered = await ctx.whileExporting(() =>
      ctx.call('export.render', {
        // PDF is the printable HTML brief, printed (as the app does), then sealed here.
        format: format === 'pdf' ? 'html' : format,
        scope: { kind: 'all' },
        includeNotes: !optFlag(ctx.values, 'no-notes'),
        seal,
        header,
        ...(format === 'pdf' ? { printed: true } : {}),
      }),
    );
    let file = format === 'pdf' ? await ctx.printPdf(rendered) : rendered;
    if (format === 'pdf' && seal)
      file = await (await import('../core/exchange/seal')).sealExportFile(file, 'pdf', seal.passphrase);
    const path = ctx.resolvePath(out);
    try {
      await writeFileAtomic(path, file.data, { dataDir: ctx.dataDir });
    } catch (err) {
      const reason = err instanceof Error && 'code' in err ? String(err.code) : 'write failed';
      throw new CliError(`could not write ${path}: ${storageFault(err)?.message ?? reason}`);
    }
    const bytes = typeof file.data === 'string' ? Buffer.byteLength(file.data) : file.data.byteLength;
    if (ctx.json) ctx.printJson({ path, filename: file.filename, mime: file.mime, bytes });
    else ctx.print(`Wrote ${path} (${formatBytes(bytes)})`);
  },
};

export const importCommand: Command = {
  name: 'import',
  usage: 'import <file> [--dry-run] [--seal-passphrase-fd <n>] [--json]',
  summary:
    'merge notes from a JSON export, sealed or not: shows what would change, then applies it (not with --dry-run)',
  options: ['dry-run', SEAL_PASSPHRASE_FD],
  positionals: [1, 1],
  async run(ctx) {
    let data: string;
    try {
      data = await readImportFile(ctx.resolvePath(ctx.args[0]));
    } catch (err) {
      throw new CliError(errorMessage(err));
    }
    // A sealed file is known by the core's answer; only then is a passphrase asked for.
    let passphrase: string | undefined;
    const preview = await ctx.call('import.preview', { data }).catch(async (err: unknown) => {
      if (!(err instanceof CliError && err.code === 'PASSPHRASE_NEEDED')) throw err;
      passphrase = await sealPassphrase(ctx.values, 'open', ctx.askHidden);
      return ctx.call('import.preview', { data, passphrase });
    });
    const dryRun = optFlag(ctx.values, 'dry-run');
    const applied = dryRun ? null : await ctx.call('import.apply', { data, passphrase });
    if (ctx.json) return ctx.printJson({ preview, applied });
    ctx.print(`Preview: ${previewLines(preview).join('\n')}`);
    ctx.print(applied ? `Imported: ${previewLines(applied)[0]}` : 'Dry run: nothing was changed.');
  },
};

export const backup: Command = {
  name: 'backup',
  usage: 'backup [list] [--json]',
  summary: 'back up your notes now (kept in <data-dir>/backups), or list the backups',
  options: [],
  positionals: [0, 1],
  async run(ctx) {
    const [action] = ctx.args;
    if (action === 'list') {
      const list = await ctx.call('backup.list', {});
      return ctx.json ? ctx.printJson(list) : ctx.print(...(list.length ? list.map(backupLine) : ['No backups.']));
    }
    if (action !== undefined) throw new UsageError(`backup: unknown action "${action}" (list)`);
    const info = await ctx.call('backup.create', {});
    if (ctx.json) ctx.printJson(info);
    else ctx.print(`Backed up: ${backupLine(info)}`);
  },
};

export const restore: Command = {
  name: 'restore',
  usage: 'restore [<backup-name>] [--json]',
  summary: 'replace your notes with a backup (the newest by default); the current notes are backed up first',
  options: [],
  positionals: [0, 1],
  async run(ctx) {
    let name = ctx.args[0];
    if (name === undefined) {
      // Newest first; a stable sort keeps the core's order for equal times.
      const newest = [...(await ctx.call('backup.list', {}))].sort((a, b) => b.created.localeCompare(a.created))[0];
      if (!newest) throw new CliError('there is no backup to restore', 'NOT_FOUND');
      name = newest.name;
    }
    const result = await ctx.call('backup.restore', { name });
    if (ctx.json) ctx.printJson(result);
    else ctx.print(`Restored ${result.restored}`);
  },
};
