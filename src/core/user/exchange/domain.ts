/**
 * The user side of export and import: the notes a scope covers, prepared for
 * the exporters, and merging a parsed import bundle (preview or apply).
 *
 * Constraint: an import is not undone record by record, so applying one backs
 * the database up first when it holds anything; a bad bundle is rejected
 * before that backup is made.
 */
import type { ExportScope, ImportPreview, OptionPosition } from '../../../shared/contract/types';
import type { ExportEntry } from '../../exchange/types';
import { retryBusy } from '../../base/faults';
import type { UserContext } from '../context';
import { probeWriteLock } from '../db';
import { scopeFilter, toExportEntries } from './entries';
import * as importer from './merge';
import type { NotesDomain } from '../notes/domain';

export function exchangeDomain(u: UserContext, notes: NotesDomain, backup: () => Promise<unknown>) {
  const preview = (bundle: importer.ImportBundleLike): ImportPreview =>
    importer.previewImport(u.session(), u.content, bundle);

  const apply = async (bundle: importer.ImportBundleLike): Promise<ImportPreview> => {
    preview(bundle); // reject a bad file before making a backup for nothing
    // Wait (off the thread) until a write can proceed, so a locked database never makes a backup per attempt.
    await retryBusy(() => probeWriteLock(u.session().db));
    const s = u.session();
    if (s.annotations.count() + s.bookmarks.count() > 0) await backup();
    return retryBusy(() => importer.applyImport(u.session(), u.content, bundle));
  };

  return {
    /** The notes a scope covers, prepared for the exporters (src/core/exchange). */
    entries(scope: ExportScope): ExportEntry[] {
      const { filter, ids } = scopeFilter(scope);
      return toExportEntries(notes.list({ filter, sort: 'document' }), u.content, ids);
    },
    /** The options' positions an export carries: all of them for a whole export, else those of the exported notes' options. */
    positionsFor(scope: ExportScope, entries: readonly ExportEntry[]): OptionPosition[] {
      const all = [...u.session().positions.all().values()];
      if (scope.kind === 'all') return all;
      const on = new Set(entries.map((e) => e.annotation?.blockId ?? e.bookmark?.targetId));
      return all.filter((p) => on.has(p.targetId));
    },
    preview,
    apply,
    /** `dryRun` previews, otherwise applies. */
    importBundle(bundle: importer.ImportBundleLike, options: { dryRun: boolean }): Promise<ImportPreview> {
      return options.dryRun ? Promise.resolve(preview(bundle)) : apply(bundle);
    },
  };
}
