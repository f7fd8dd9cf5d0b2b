/**
 * export.* and import.* channels: gather the scoped notes with their places in
 * the document, hand them to the pure exporters, and pass validated import
 * bundles to the user store, which merges them in one transaction. A sealed
 * export is the rendered file sealed (exchange/seal.ts); a sealed import is
 * opened first, then read like any other (exchange/read-import.ts).
 * `export.save` and `import.open` need dialogs: the shell replaces them.
 */
import type { ParsedArgs } from '../../shared/contract/channels';
import type { ExportFile, ExportFormat } from '../../shared/contract/types';
import { FORMATS } from '../../shared/vocabulary/formats';
import type { ContentStore } from '../content/store';
import { readImport } from '../exchange/read-import';
import type { ExportOptions } from '../exchange/types';
import type { UserStore } from '../user/store';
import { shellOnly } from './app';
import type { DomainHandlers } from './types';

export async function renderExport(
  content: ContentStore,
  user: UserStore,
  args: ParsedArgs<'export.render'>,
  now: Date,
): Promise<ExportFile> {
  const entries = user.exchange.entries(args.scope);
  const meta = content.meta();
  const options: ExportOptions = {
    includeNotes: args.includeNotes,
    positions: user.exchange.positionsFor(args.scope, entries),
    generated: now.toISOString(),
    documentTitle: meta.title,
    contentBuildId: meta.buildId,
  };
  const { extension, mime } = FORMATS[args.format];
  // A brief shared without the private notes must not be mistaken for a backup.
  const privacy = args.includeNotes ? '' : '-without-notes';
  const filename = `recollection-notes-${now.toISOString().slice(0, 10)}${privacy}.${extension}`;
  // Each exporter is loaded when first used: the DOCX and Markdown libraries are most of the
  // code, and the command line must not compile them to answer a search (docs/cli.md).
  const render: Record<ExportFormat, () => Promise<string | Uint8Array>> = {
    markdown: async () => (await import('../exchange/markdown')).exportMarkdown(entries, options),
    docx: async () => (await import('../exchange/docx')).exportDocx(entries, options),
    html: async () => (await import('../exchange/html')).exportHtml(entries, options),
    csv: async () => (await import('../exchange/csv')).exportCsv(entries, options),
    json: async () => (await import('../exchange/w3c')).exportW3c(entries, options),
  };
  const file = { filename, mime, data: await render[args.format]() };
  if (!args.seal) return file;
  // Sealed: the same bytes inside, the passphrase used here and nowhere else (never logged or returned).
  const { sealExportFile } = await import('../exchange/seal');
  return sealExportFile(file, args.format, args.seal.passphrase);
}

export function exchangeHandlers(
  content: ContentStore,
  user: UserStore,
  now: () => Date,
): DomainHandlers<'export'> & DomainHandlers<'import'> {
  return {
    'export.render': (args) => renderExport(content, user, args, now()),
    'export.save': () => shellOnly(),
    'import.preview': async ({ data, passphrase }) =>
      user.exchange.importBundle(await readImport(data, passphrase), { dryRun: true }),
    'import.apply': async ({ data, passphrase }) =>
      user.exchange.importBundle(await readImport(data, passphrase), { dryRun: false }),
    'import.open': () => shellOnly(),
  };
}
