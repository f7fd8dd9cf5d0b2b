/**
 * export.* and import.* channels: gather the scoped notes with their places in
 * the document, hand them to the pure exporters, and pass validated import
 * bundles to the user store, which merges them in one transaction.
 * `export.save` and `import.open` need dialogs: the shell replaces them.
 */
import type { ParsedArgs } from '../../shared/contract/channels';
import type { LayerPositions } from '../../shared/contract/layer-types';
import type { ExportFile, ExportFormat } from '../../shared/contract/types';
import { FORMATS } from '../../shared/vocabulary/formats';
import type { ContentStore } from '../content/store';
import { parseImport } from '../exchange/import';
import type { ExportOptions } from '../exchange/types';
import type { UserStore } from '../user/store';
import { shellOnly } from './app';
import type { DomainHandlers } from './types';

/**
 * For a brief's "delegation positions" table (#17.6): each chosen layer's name, colour and
 * positions by option id, in the order chosen (unknown ids left out).
 */
export function delegationColumns(user: UserStore, layerIds: readonly string[]): LayerPositions[] {
  return user.layerViews.positions({ layerIds });
}

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
    author: user.layers.author(),
    ...(args.scope.layers ? { layers: delegationColumns(user, args.scope.layers) } : {}),
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
    'import.preview': ({ data }) => user.exchange.importBundle(parseImport(data), { dryRun: true }),
    'import.apply': ({ data }) => user.exchange.importBundle(parseImport(data), { dryRun: false }),
    'import.open': () => shellOnly(),
  };
}
