/**
 * export.* and import.* channels: gather the scoped notes with their places in
 * the document, hand them to the pure exporters, and pass validated import
 * bundles to the user store, which merges them in one transaction. A sealed
 * export is the rendered file sealed (exchange/seal.ts); a sealed import is
 * opened first, then read like any other (exchange/read-import.ts).
 * `export.save` and `import.open` need dialogs: the shell replaces them.
 */
import type { ParsedArgs } from '../../shared/contract/channels';
import type { LayerPositions } from '../../shared/contract/layer-types';
import type { ExportFile, ExportFormat } from '../../shared/contract/types';
import { FORMATS } from '../../shared/vocabulary/formats';
import type { ContentStore } from '../content/store';
import { readImport } from '../exchange/read-import';
import type { DelegationLayer, ExportOptions } from '../exchange/types';
import { citationName, narrow, placesFor, readingOrder } from '../user/brief-scope';
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
  /** Delegation layers for the positions tables (#17.6), supplied by the layers when chosen. */
  delegation?: readonly DelegationLayer[],
): Promise<ExportFile> {
  const meta = content.meta();
  const scoped = user.exchange.entries(args.scope);
  const { entries, positions } = narrow(
    scoped,
    user.exchange.positionsFor(args.scope, scoped),
    args.scope.only,
    content,
  );
  // The layers chosen in the scope (#17.6), else the ones handed in (tests).
  const layers = args.scope.layers ? delegationColumns(user, args.scope.layers) : (delegation ?? []);
  const marked = [...positions.filter((p) => p.position || p.priority).map((p) => p.targetId)];
  // A whole export gives every marked option an entry; a filter or selection, those of its notes.
  const placeIds = args.scope.kind === 'all' ? [...marked, ...layers.flatMap((l) => Object.keys(l.positions))] : [];
  const places = placesFor(content, placeIds, entries);
  const options: ExportOptions = {
    includeNotes: args.includeNotes,
    positions,
    author: user.layers.author(),
    generated: now.toISOString(),
    documentTitle: meta.title,
    contentBuildId: meta.buildId,
    header: args.header,
    citationName: citationName(meta),
    places,
    order: readingOrder(content, [...entries.map((e) => e.target?.id ?? ''), ...places.map((p) => p.target.id)]),
    delegation: layers,
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
