/**
 * export.* and import.* channels: gather the scoped notes with their places in
 * the document, hand them to the pure exporters, and pass validated import
 * bundles to the user store, which merges them in one transaction. A sealed
 * export is the rendered file sealed (exchange/seal.ts); a sealed import is
 * opened first, then read like any other (exchange/read-import.ts).
 * `export.save` and `import.open` need dialogs: the shell replaces them.
 * A long export reports progress (the `export.progress` event) and stops at
 * `export.cancel` with CANCELLED, before anything is written (progress.ts).
 */
import type { EventPayloads, ParsedArgs } from '../../shared/contract/channels';
import type { LayerPositions } from '../../shared/contract/layer-types';
import type { ExportFile, ExportFormat } from '../../shared/contract/types';
import { FORMATS } from '../../shared/vocabulary/formats';
import type { ContentStore } from '../content/store';
import { checkCancelled, driveSteps, type ExportProgress, type Steps } from '../exchange/progress';
import { readImport } from '../exchange/read-import';
import type { DelegationLayer, ExportOptions } from '../exchange/types';
import { citationName, narrow, placesFor, readingOrder } from '../user/exchange/brief-scope';
import type { UserStore } from '../user/store';
import { shellOnly } from './app';
import type { DomainHandlers } from './types';

/**
 * For a brief's "delegation positions" table: each chosen layer's name, colour and
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
  progress?: ExportProgress,
  /** Delegation layers for the positions tables, supplied by the layers when chosen. */
  delegation?: readonly DelegationLayer[],
): Promise<ExportFile> {
  const meta = content.meta();
  const scoped = user.exchange.entries(args.scope);
  checkCancelled(progress);
  const { entries, positions } = narrow(
    scoped,
    user.exchange.positionsFor(args.scope, scoped),
    args.scope.only,
    content,
  );
  // The layers chosen in the scope, else the ones handed in (tests).
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
  const total = entries.length;
  const drive = <T>(steps: Steps<T>): Promise<T> => driveSteps(steps, total, progress);
  // Each exporter is loaded when first used: the DOCX and Markdown libraries are most of the
  // code, and the command line must not compile them to answer a search (docs/cli.md).
  const render: Record<ExportFormat, () => Promise<string | Uint8Array>> = {
    markdown: async () => drive((await import('../exchange/markdown')).markdownExportSteps(entries, options)),
    docx: async () => {
      const { docxSteps, packDocx } = await import('../exchange/docx');
      const document = await drive(docxSteps(entries, options));
      checkCancelled(progress);
      return packDocx(document);
    },
    html: async () => drive((await import('../exchange/html')).htmlExportSteps(entries, options)),
    csv: async () => drive((await import('../exchange/csv')).csvExportSteps(entries, options)),
    json: async () => drive((await import('../exchange/w3c')).w3cExportSteps(entries, options)),
  };
  const data = await render[args.format]();
  // A cancel that came during the last step still wins: nothing is handed on to be written.
  checkCancelled(progress);
  const file = { filename, mime, data };
  if (args.seal) {
    // Sealed: the same bytes inside, the passphrase used here and nowhere else (never logged or returned).
    const { sealExportFile } = await import('../exchange/seal');
    const sealed = await sealExportFile(file, args.format, args.seal.passphrase);
    checkCancelled(progress);
    progress?.onProgress?.(total, total);
    return sealed;
  }
  progress?.onProgress?.(total, total);
  return file;
}

export function exchangeHandlers(
  content: ContentStore,
  user: UserStore,
  now: () => Date,
  onProgress?: (progress: EventPayloads['export.progress']) => void,
): DomainHandlers<'export'> & DomainHandlers<'import'> {
  // The exports running now: `export.cancel` stops them all (there is one at a time in practice).
  const running = new Set<AbortController>();
  return {
    'export.render': async (args) => {
      const controller = new AbortController();
      running.add(controller);
      try {
        // A brief to be printed is rendered unsealed: the caller seals the PDF it prints.
        const render = args.printed ? { ...args, seal: undefined } : args;
        return await renderExport(content, user, render, now(), {
          signal: controller.signal,
          onProgress: (done, total) => onProgress?.({ done, total }),
        });
      } finally {
        running.delete(controller);
      }
    },
    'export.cancel': () => {
      const cancelled = running.size > 0;
      for (const controller of running) controller.abort();
      return { cancelled };
    },
    'export.save': () => shellOnly(),
    'import.preview': async ({ data, passphrase }) =>
      user.exchange.importBundle(await readImport(data, passphrase), { dryRun: true }),
    'import.apply': async ({ data, passphrase }) =>
      user.exchange.importBundle(await readImport(data, passphrase), { dryRun: false }),
    'import.open': () => shellOnly(),
  };
}
