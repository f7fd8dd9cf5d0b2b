/**
 * Turns the store's notes into the records the exporters take
 * (src/core/exchange/types.ts ExportEntry): each note with its block and the
 * titles of its cluster and focus area, in document order, orphans last.
 *
 * Constraint: selection only (scope all / filter / selection of ids); the
 * formats and the privacy option are the exporters' business.
 */
import type { ExportScope, NoteEntry } from '../../../shared/contract/types';
import type { ContentLookup } from '../../content/lookup';
import type { ExportEntry } from '../../exchange/types';
import { outlineHeading } from './brief-scope';

/** Which notes a scope covers: `all`, the notes matching `filter`, or the given ids (in document order). */
export function scopeFilter(scope: ExportScope): { filter: ExportScope['filter']; ids: Set<string> | null } {
  if (scope.kind === 'selection') return { filter: {}, ids: new Set(scope.ids ?? []) };
  return { filter: scope.kind === 'filter' ? (scope.filter ?? {}) : {}, ids: null };
}

export function toExportEntries(
  notes: readonly NoteEntry[],
  content: ContentLookup,
  ids: Set<string> | null,
): ExportEntry[] {
  const out: ExportEntry[] = [];
  for (const n of notes) {
    const id = n.annotation?.id ?? n.bookmark?.id ?? '';
    if (ids && !ids.has(id)) continue;
    const blockId = n.target ? n.target.id : null;
    out.push({
      ...n,
      block: blockId ? content.block(blockId) : null,
      clusterTitle: outlineHeading(content, n.clusterId),
      focusAreaTitle: outlineHeading(content, n.focusAreaId),
    });
  }
  return out;
}
