/**
 * The layers domain: colleagues' notes and positions held read-only
 * beside the user's own — add a file as a layer, replace it with a newer
 * version of the same author (the previous kept for undo), refuse an older
 * one, show / hide / recolour / rename / remove, and adopt a layer's position
 * or note into the user's own notes with where it came from.
 *
 * Constraint: only `adopt` writes the user's own notes, through the positions
 * and annotations code the user's own edits use (undoable, in the history);
 * everything else writes the layer tables alone. A layer file is read whole or
 * refused whole (../../delegation/layer-file.ts).
 */
import { nodeCrypto } from '../../base/builtins';
import type {
  AdoptResult,
  Author,
  LayerAddResult,
  LayerColor,
  LayerInfo,
  Provenance,
} from '../../../shared/contract/layer-types';
import { CoreError } from '../../../shared/contract/result';
import { LIMITS } from '../../../shared/limits';
import { LAYER_COLORS } from '../../../shared/contract/values';
import type { UserContext } from '../context';
import { newAnnotation } from '../edits';
import type { LayerItems, LayerRow } from './rows';
import type { PositionsDomain } from '../positions/domain';

export const META_AUTHOR_ID = 'author_id';

/** A layer file as read (../../delegation/layer-file.ts): what the domain adds, replaces or refuses. */
export interface LayerFile {
  /** Null for a file without `rec:author` (an older export): it can be added, never updated. */
  author: { id: string; name: string } | null;
  /** The file's export time (ISO 8601, UTC). */
  exported: string;
  items: LayerItems;
  /** A digest of the author and items (not of the export time or the collection's fresh ids). */
  fingerprint: string;
}

/** How a file came in: imported by hand, or read from the shared folder. */
export interface LayerSource {
  source: 'import' | 'shared-folder';
  file: string | null;
  name?: string;
  color?: LayerColor;
}

const day = (iso: string): string => iso.replace('T', ' ').slice(0, 16) + ' UTC';
const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

export function layersDomain(u: UserContext, positions: PositionsDomain) {
  const repo = () => u.session().layers;

  const author = (): Author => {
    const s = u.session();
    let id = s.meta.get(META_AUTHOR_ID);
    if (!id) {
      // Made by migration 4; a hand-edited file that lost it gets a new one, once.
      const made = nodeCrypto().randomUUID();
      s.db.transaction(() => s.meta.set(META_AUTHOR_ID, made)).immediate();
      id = made;
    }
    return { id, name: s.settings.get().authorName };
  };

  const info = (l: LayerRow): LayerInfo => {
    const v = repo().version(l.current);
    if (!v) throw new CoreError('INTERNAL', 'a layer without its version');
    return {
      id: l.id,
      authorId: l.authorId,
      authorName: v.authorName,
      name: l.name,
      color: l.color,
      visible: l.visible,
      exported: v.exported,
      added: l.added,
      updated: v.stored,
      source: v.source,
      file: v.file,
      counts: repo().counts(l.current),
      canUndo: l.previous !== null,
      conflict: null,
    };
  };

  const layer = (id: string): LayerRow => {
    const l = repo().get(id);
    if (!l) throw new CoreError('NOT_FOUND', `no layer with id ${id}`);
    return l;
  };

  const nextColor = (): LayerColor => {
    const used = new Set(
      repo()
        .list()
        .map((l) => l.color),
    );
    return LAYER_COLORS.find((c) => !used.has(c)) ?? LAYER_COLORS[repo().list().length % LAYER_COLORS.length];
  };

  /** What adding `file` would do; throws CONFLICT (with a sentence) when it must be refused. */
  const plan = (file: LayerFile): { action: LayerAddResult['action']; existing: LayerRow | null; message: string } => {
    const who = file.author?.name || 'an unnamed colleague';
    const counts = `${plural(file.items.annotations.length, 'note')}, ${plural(file.items.positions.length, 'position')}`;
    if (file.author && file.author.id === author().id) {
      throw new CoreError(
        'CONFLICT',
        'This file is your own export (same author id): your notes are already yours, so it is not added as a layer.',
      );
    }
    const existing = file.author ? repo().byAuthor(file.author.id) : null;
    if (!existing && repo().list().length >= LIMITS.layers) {
      throw new CoreError(
        'CONFLICT',
        `You hold ${LIMITS.layers} layers, the most one installation keeps: ${who}'s file is not added. Remove a layer you no longer need first.`,
      );
    }
    if (!existing) return { action: 'add', existing, message: `Adds ${who}'s layer: ${counts}.` };
    const held = repo().version(existing.current);
    if (held?.fingerprint === file.fingerprint) {
      return {
        action: 'same',
        existing,
        message: `${existing.name}'s layer is already this version; nothing changes.`,
      };
    }
    if (held?.exported === file.exported) {
      // Two different contents under one export time: one of them was changed after it was written.
      throw new CoreError(
        'CONFLICT',
        `This file from ${who} has the export time of the version you have (${day(held.exported)}) but other ` +
          'contents: it was changed after it was exported, so it is not taken; nothing was changed.',
      );
    }
    if (held && file.exported < held.exported) {
      throw new CoreError(
        'CONFLICT',
        `This file from ${who} was exported on ${day(file.exported)}, before the version you have ` +
          `(${day(held.exported)}): an older file never replaces a newer layer, so nothing was changed.`,
      );
    }
    return {
      action: 'update',
      existing,
      message: `Replaces ${existing.name}'s layer with the version of ${day(file.exported)}: ${counts} (the previous version is kept for undo).`,
    };
  };

  const summary = (file: LayerFile) => ({
    author: { id: file.author?.id ?? null, name: file.author?.name ?? '' },
    exported: file.exported,
    counts: {
      annotations: file.items.annotations.length,
      bookmarks: file.items.bookmarks.length,
      positions: file.items.positions.length,
    },
  });

  return {
    author,

    list(): LayerInfo[] {
      return repo()
        .list()
        .map((l) => info(l));
    },

    preview(file: LayerFile): LayerAddResult {
      const p = plan(file);
      return { action: p.action, message: p.message, ...summary(file), layer: p.existing ? info(p.existing) : null };
    },

    /** Adds or updates the layer (a 'same' file changes nothing). */
    add(file: LayerFile, how: LayerSource): LayerAddResult {
      const p = plan(file);
      const s = u.session();
      const now = u.nowIso();
      let id = p.existing?.id ?? null;
      if (p.action !== 'same') {
        s.db
          .transaction(() => {
            const layerId = p.existing?.id ?? file.author?.id ?? nodeCrypto().randomUUID();
            const version = s.layers.insertVersion(
              {
                layerId,
                authorName: file.author?.name ?? '',
                exported: file.exported,
                stored: now,
                source: how.source,
                file: how.file,
                fingerprint: file.fingerprint,
              },
              file.items,
            );
            if (p.existing) {
              if (p.existing.previous !== null) s.layers.deleteVersion(p.existing.previous);
              s.layers.setVersions(layerId, version, p.existing.current);
            } else {
              s.layers.insertLayer({
                id: layerId,
                authorId: file.author?.id ?? null,
                name: how.name ?? (file.author?.name || 'Colleague'),
                color: how.color ?? nextColor(),
                visible: true,
                added: now,
                current: version,
              });
            }
            id = layerId;
          })
          .immediate();
      }
      const now_ = id ? repo().get(id) : null;
      return { action: p.action, message: p.message, ...summary(file), layer: now_ ? info(now_) : null };
    },

    update({ id, visible, color, name }: { id: string; visible?: boolean; color?: LayerColor; name?: string }) {
      const l = layer(id);
      const s = u.session();
      s.db
        .transaction(() =>
          s.layers.setLook(id, { name: name ?? l.name, color: color ?? l.color, visible: visible ?? l.visible }),
        )
        .immediate();
      return info(layer(id));
    },

    remove({ id }: { id: string }): { id: string } {
      layer(id);
      const s = u.session();
      s.db.transaction(() => s.layers.remove(id)).immediate();
      return { id };
    },

    /** Restores the version the last update replaced (the newer one is dropped). */
    undo({ id }: { id: string }): LayerInfo {
      const l = layer(id);
      if (l.previous === null)
        throw new CoreError('NOT_FOUND', `${l.name}'s layer has no earlier version to go back to`);
      const previous = l.previous;
      const s = u.session();
      s.db
        .transaction(() => {
          s.layers.setVersions(id, previous, null);
          s.layers.deleteVersion(l.current);
        })
        .immediate();
      return info(layer(id));
    },

    /**
     * Copies a layer's position of an option, or one of its notes, into the user's own notes. Once: adopting
     * the same note again (its copy not in the trash), or a position already taken from that layer, answers
     * what is there (`already`) and changes nothing.
     */
    adopt(args: { layerId: string; what: 'position' | 'note'; targetId?: string; noteId?: string }): AdoptResult {
      const l = layer(args.layerId);
      const v = repo().version(l.current);
      const base = { layerId: l.id, authorId: l.authorId, authorName: v?.authorName || l.name, at: u.nowIso() };
      if (args.what === 'position') {
        const targetId = args.targetId ?? '';
        const theirs = repo().positions(l.current).get(targetId);
        if (!theirs) throw new CoreError('NOT_FOUND', `${l.name} has no position on ${targetId}`);
        const from: Provenance = { ...base, itemId: targetId };
        const mine = u.session().positions.get(targetId);
        if (
          mine &&
          mine.position === theirs.position &&
          mine.priority === theirs.priority &&
          mine.adoptedFrom?.layerId === l.id &&
          mine.adoptedFrom.itemId === targetId
        ) {
          // Pressed again: already this layer's value, taken from it; no second change in the history.
          return { what: 'position', position: mine, annotation: null, from: mine.adoptedFrom, already: true };
        }
        const position = positions.adopt(targetId, { position: theirs.position, priority: theirs.priority }, from);
        return { what: 'position', position, annotation: null, from, already: false };
      }
      const theirs = repo().annotation(l.current, args.noteId ?? '');
      if (!theirs) throw new CoreError('NOT_FOUND', `${l.name}'s layer has no note ${args.noteId ?? ''}`);
      const copy = repo().adoptedNotes(l.id).get(theirs.id);
      const existing = copy ? u.session().annotations.get(copy) : null;
      if (existing && existing.deleted === null && existing.adoptedFrom) {
        // Pressed again: the note adopted before is the answer; no identical second note (echoed to the colleague).
        const option = u.session().positions.get(existing.blockId);
        const { sectionId: _s, deleted: _d, ...annotation } = existing;
        return {
          what: 'note',
          position: null,
          annotation: { ...annotation, position: option?.position ?? null, priority: option?.priority ?? null },
          from: existing.adoptedFrom,
          already: true,
        };
      }
      const from: Provenance = { ...base, itemId: theirs.id };
      const fields = { blockId: theirs.blockId, note: theirs.note, color: theirs.color, tags: theirs.tags };
      let rec;
      try {
        rec = newAnnotation({ ...fields, selector: theirs.selector }, u.content, u.nowIso());
      } catch {
        // The quoted passage is not in this build of the document: the note goes on the whole block.
        rec = newAnnotation(fields, u.content, u.nowIso());
      }
      const adopted = { ...rec, adoptedFrom: from };
      u.mutate('Adopted note removed', { op: 'trash', type: 'annotation', id: adopted.id }, (s) =>
        s.annotations.insert(adopted),
      );
      const own = u.session().annotations.get(adopted.id);
      const option = u.session().positions.get(adopted.blockId);
      const { sectionId: _s, deleted: _d, ...annotation } = own ?? adopted;
      return {
        what: 'note',
        position: null,
        annotation: { ...annotation, position: option?.position ?? null, priority: option?.priority ?? null },
        from,
        already: false,
      };
    },
  };
}
