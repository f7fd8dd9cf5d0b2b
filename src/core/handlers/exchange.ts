/**
 * export.* and import.* channels: gather the scoped notes with their places in
 * the document, hand them to the pure exporters, and pass validated import
 * bundles to the user store, which merges them in one transaction.
 * `export.save` and `import.open` need dialogs: the shell replaces them.
 */
import type { ParsedArgs } from '../../shared/contract/channels';
import type { ExportFile, ExportFormat } from '../../shared/contract/types';
import { FORMATS } from '../../shared/vocabulary/formats';
import type { ContentStore } from '../content/store';
import { exportCsv } from '../exchange/csv';
import { exportDocx } from '../exchange/docx';
import { exportHtml } from '../exchange/html';
import { parseImport } from '../exchange/import';
import { exportMarkdown } from '../exchange/markdown';
import type { ExportOptions } from '../exchange/types';
import { exportW3c } from '../exchange/w3c';
import type { UserStore } from '../user/store';
import { shellOnly } from './app';
import type { DomainHandlers } from './types';

export async function renderExport(
  content: ContentStore,
  user: UserStore,
  args: ParsedArgs<'export.render'>,
  now: Date,
): Promise<ExportFile> {
  const entries = user.exportEntries(args.scope);
  const meta = content.meta();
  const options: ExportOptions = {
    includeNotes: args.includeNotes,
    generated: now.toISOString(),
    documentTitle: meta.title,
    contentBuildId: meta.buildId,
  };
  const { extension, mime } = FORMATS[args.format];
  // A brief shared without the private notes must not be mistaken for a backup.
  const privacy = args.includeNotes ? '' : '-without-notes';
  const filename = `recollection-notes-${now.toISOString().slice(0, 10)}${privacy}.${extension}`;
  const render: Record<ExportFormat, () => string | Promise<Uint8Array>> = {
    markdown: () => exportMarkdown(entries, options),
    docx: () => exportDocx(entries, options),
    html: () => exportHtml(entries, options),
    csv: () => exportCsv(entries, options),
    json: () => exportW3c(entries, options),
  };
  return { filename, mime, data: await render[args.format]() };
}

export function exchangeHandlers(
  content: ContentStore,
  user: UserStore,
  now: () => Date,
): DomainHandlers<'export'> & DomainHandlers<'import'> {
  return {
    'export.render': (args) => renderExport(content, user, args, now()),
    'export.save': () => shellOnly(),
    'import.preview': ({ data }) => user.importBundle(parseImport(data), { dryRun: true }),
    'import.apply': ({ data }) => user.importBundle(parseImport(data), { dryRun: false }),
    'import.open': () => shellOnly(),
  };
}
