/**
 * Read models over colleagues' layers: their annotations beside a page's
 * blocks, their notes as a Notes list (paged), their positions by option (the
 * matrix's columns and a brief's "delegation positions" table) and search
 * over their notes.
 *
 * Constraint: read-only, and built from the same pure views as the user's own
 * notes (../notes/views.ts, ../notes/search.ts), so a layer's notes filter, sort and
 * search exactly like one's own; every entry names its layer.
 */
import type {
  LayerBlockAnnotations,
  LayerNoteEntry,
  LayerNotesPage,
  LayerPositions,
} from '../../../shared/contract/layer-types';
import type { AnnotationFilter, SearchHit } from '../../../shared/contract/types';
import type { UserContext } from '../context';
import type { LayerRow } from './rows';
import { matchesAnnotation, matchesBookmark, noteEntries } from '../notes/views';
import { searchNotes } from '../notes/search';

const DEFAULT_PER_BLOCK = 50;

export function layerViews(u: UserContext) {
  const repo = () => u.session().layers;
  /** The layers asked for, in that order, or the visible ones; unknown ids are left out. */
  const chosen = (ids?: readonly string[]): LayerRow[] => {
    const all = repo().list();
    if (!ids) return all.filter((l) => l.visible);
    const byId = new Map(all.map((l) => [l.id, l]));
    return [...new Set(ids)].flatMap((id) => byId.get(id) ?? []);
  };

  return {
    chosen,

    forBlocks(blockIds: readonly string[], layerIds?: readonly string[], perBlock?: number): LayerBlockAnnotations {
      const layers = chosen(layerIds);
      if (!layers.length || !blockIds.length) return { annotations: [], totals: {} };
      const byVersion = new Map(layers.map((l) => [l.current, l.id]));
      const { rows, totals } = repo().onBlocks(blockIds, [...byVersion.keys()], perBlock ?? DEFAULT_PER_BLOCK);
      const copies = new Map(layers.map((l) => [l.id, repo().adoptedNotes(l.id)]));
      return {
        annotations: rows.map((r) => {
          const layerId = byVersion.get(r.versionId) ?? '';
          const adoptedAs = copies.get(layerId)?.get(r.annotation.id);
          return { ...r.annotation, layerId, ...(adoptedAs ? { adoptedAs } : {}) };
        }),
        totals,
      };
    },

    notesPage(args: {
      layerIds: readonly string[];
      filter?: AnnotationFilter;
      sort?: 'document' | 'date';
      offset: number;
      limit: number;
    }): LayerNotesPage {
      const filter = args.filter ?? {};
      const owner = new Map<object, string>();
      const annotations = [];
      const bookmarks = [];
      for (const l of chosen(args.layerIds)) {
        const items = repo().items(l.current);
        for (const a of items.annotations) {
          if (!matchesAnnotation(a, filter, u.content)) continue;
          owner.set(a, l.id);
          annotations.push(a);
        }
        for (const b of items.bookmarks) {
          if (!matchesBookmark(b, filter, u.content)) continue;
          owner.set(b, l.id);
          bookmarks.push(b);
        }
      }
      const all: LayerNoteEntry[] = noteEntries(
        annotations,
        bookmarks,
        u.content,
        u.order,
        args.sort ?? 'document',
      ).map((e) => ({ ...e, layerId: owner.get((e.annotation ?? e.bookmark) as object) ?? '' }));
      return { entries: all.slice(args.offset, args.offset + args.limit), offset: args.offset, total: all.length };
    },

    /** Each chosen layer's positions by option (of one cluster), in the order asked. */
    positions(args: { clusterId?: string; layerIds?: readonly string[] } = {}): LayerPositions[] {
      return chosen(args.layerIds).map((l) => {
        const items = repo().items(l.current);
        const notes = new Map<string, number>();
        for (const a of items.annotations) {
          if (a.anchor !== 'orphan') notes.set(a.blockId, (notes.get(a.blockId) ?? 0) + 1);
        }
        const positions: LayerPositions['positions'] = {};
        for (const p of items.positions) {
          if (args.clusterId && u.content.location(p.targetId)?.clusterId !== args.clusterId) continue;
          positions[p.targetId] = {
            position: p.position,
            priority: p.priority,
            modified: p.modified,
            noteCount: notes.get(p.targetId) ?? 0,
          };
        }
        return { layerId: l.id, name: l.name, color: l.color, positions };
      });
    },

    /** The chosen layers' notes matching a query, as note hits naming their layer. */
    search(q: string, layerIds: readonly string[], limit?: number): SearchHit[] {
      const hits: SearchHit[] = [];
      for (const l of chosen(layerIds)) {
        const items = repo().items(l.current);
        for (const h of searchNotes(q, items.annotations, items.bookmarks, u.content, limit)) {
          hits.push({ ...h, layerId: l.id });
        }
      }
      return hits.sort((a, b) => b.score - a.score).slice(0, limit);
    },
  };
}
