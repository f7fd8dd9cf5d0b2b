/**
 * One open user database with its repositories, and the undo operations that
 * act on them. The store replaces its session when a backup is restored.
 *
 * Constraint: `applyInverse` runs inside the caller's transaction and only
 * ever restores state the user had (un-trash, trash, previous fields, previous
 * colour name, previous position of an option); an inverse whose record is
 * gone (purged) is skipped.
 */
import { AnnotationRepo } from './annotations/rows';
import { BookmarkRepo } from './bookmarks/rows';
import type { UserDb } from './db';
import { HistoryRepo, type Inverse } from './history';
import { LayerRepo } from './layers/rows';
import { MetaRepo } from './meta';
import { PaletteRepo } from './notes/palette-rows';
import { PositionRepo } from './positions/rows';
import { normalizeTags } from './records';
import { SettingsRepo } from './settings/rows';
import { TrashRepo } from './trash/rows';

export interface Session {
  db: UserDb;
  annotations: AnnotationRepo;
  bookmarks: BookmarkRepo;
  trash: TrashRepo;
  palette: PaletteRepo;
  positions: PositionRepo;
  settings: SettingsRepo;
  history: HistoryRepo;
  meta: MetaRepo;
  layers: LayerRepo;
}

export function createSession(db: UserDb): Session {
  return {
    db,
    annotations: new AnnotationRepo(db),
    bookmarks: new BookmarkRepo(db),
    trash: new TrashRepo(db),
    palette: new PaletteRepo(db),
    positions: new PositionRepo(db),
    settings: new SettingsRepo(db),
    history: new HistoryRepo(db),
    meta: new MetaRepo(db),
    layers: new LayerRepo(db),
  };
}

/** Applies one undo step; false when there was nothing left to act on. */
export function applyInverse(s: Session, inv: Inverse, nowIso: string): boolean {
  switch (inv.op) {
    case 'trash':
    case 'untrash': {
      const repo = inv.type === 'annotation' ? s.annotations : s.bookmarks;
      const rec = repo.get(inv.id);
      const inTrash = rec?.deleted != null;
      if (!rec || inTrash === (inv.op === 'trash')) return false;
      repo.setDeleted(inv.id, inv.op === 'trash' ? nowIso : null);
      return true;
    }
    case 'put-annotation': {
      const rec = s.annotations.get(inv.id);
      if (!rec) return false;
      s.annotations.put({ ...rec, ...inv.fields, tags: normalizeTags(inv.fields.tags), modified: nowIso });
      return true;
    }
    case 'put-bookmark': {
      const rec = s.bookmarks.get(inv.id);
      if (!rec) return false;
      s.bookmarks.put({ ...rec, label: inv.label, modified: nowIso });
      return true;
    }
    case 'put-position':
      s.positions.put({
        targetId: inv.targetId,
        position: inv.position,
        priority: inv.priority,
        modified: inv.modified || nowIso,
        ...(inv.adoptedFrom ? { adoptedFrom: inv.adoptedFrom } : {}),
      });
      if (inv.replaced) s.positions.forget(inv.targetId, inv.modified, inv.replaced);
      return true;
    case 'rename-color':
      s.palette.rename(inv.color, inv.name);
      return true;
  }
}
