/**
 * What the reader's layer views need of a colleague's layer and its notes,
 * as plain data: the components take these as props, so they do not
 * depend on how the core lists them.
 */
import type { LayerAnnotation, LayerInfo } from '../../shared/contract/layer-types';
import type { LayerColor } from '../../shared/contract/values';
import type { Position, Priority, Selector } from '../../shared/contract/types';

/** A colleague's note or highlight, read-only, signed with its layer. */
export interface LayerNoteView {
  id: string;
  layerId: string;
  layerName: string;
  layerColor: LayerColor;
  blockId: string;
  note: string;
  selector: Selector | null;
  tags: string[];
  position: Position | null;
  priority: Priority | null;
  /** Already copied into the user's own notes (Adopt shows "Adopted"). */
  adopted: boolean;
}

/** The layers' annotations as the reader draws them: each signed with its (visible) layer's name and colour. */
export function layerNoteViews(annotations: readonly LayerAnnotation[], list: readonly LayerInfo[]): LayerNoteView[] {
  const byId = new Map(list.map((l) => [l.id, l]));
  return annotations.flatMap((a) => {
    const l = byId.get(a.layerId);
    if (!l?.visible || a.anchor === 'orphan') return [];
    return [
      {
        id: a.id,
        layerId: l.id,
        layerName: l.name,
        layerColor: l.color,
        blockId: a.blockId,
        note: a.note,
        selector: a.selector,
        tags: a.tags,
        position: a.position,
        priority: a.priority,
        adopted: a.adoptedAs !== undefined,
      },
    ];
  });
}

export interface Stance {
  position: Position | null;
  priority: Priority | null;
}

/**
 * Whether a colleague's stance on an option differs from mine: they
 * marked a position or priority, and it is not what I have. An option they did
 * not mark is no disagreement.
 */
export function differs(mine: Stance, theirs: Stance | null): boolean {
  if (!theirs || (!theirs.position && !theirs.priority)) return false;
  return theirs.position !== mine.position || (theirs.priority !== null && theirs.priority !== mine.priority);
}
