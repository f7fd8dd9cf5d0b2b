/**
 * Result shapes of the delegation channels: the author of this
 * installation, colleagues' layers (read-only copies of their notes and
 * positions), what adopting from a layer gives, and the shared folder.
 *
 * Constraint: plain structured-clone data, like types.ts; argument shapes are
 * inferred from schemas.ts. A layer never holds or changes the user's own notes.
 */
import type { Annotation, NoteEntry, OptionPosition, Position, Priority } from './types';
import type { LayerColor } from './values';

export type { LayerColor } from './values';

/** Who this installation is: a stable id made once per data folder, and the name set in Settings. */
export interface Author {
  id: string;
  /** '' until the user sets one (Settings, `settings.set { authorName }`). */
  name: string;
}

/** Where an adopted note or position came from (kept on the copy in the user's own notes). */
export interface Provenance {
  layerId: string;
  authorId: string | null;
  authorName: string;
  /** The layer's annotation id, or the option's block id for a position. */
  itemId: string;
  /** When it was adopted (ISO 8601). */
  at: string;
}

/** One file of the shared folder, and what the app made of it. */
export interface SharedFile {
  name: string;
  /** Modification time on disk (ISO 8601). */
  modified: string;
  /**
   * own: this installation's layer file; layer: a colleague's, read as a layer;
   * conflict: a sync tool's conflict copy or a second file claiming an author id already read (never merged);
   * rejected: not a valid layer file (message says why); ignored: not a layer file at all.
   */
  state: 'own' | 'layer' | 'conflict' | 'rejected' | 'ignored';
  authorId: string | null;
  authorName: string | null;
  /** The file's own export time, when it could be read. */
  exported: string | null;
  /** The newest of the files claiming this author id. */
  newest: boolean;
  message: string | null;
  /** The file on disk is sealed; null when it was not read as a layer file at all. */
  sealed: boolean | null;
}

/** Files that disagree about one author's layer: shown, never merged silently. */
export interface LayerConflict {
  /** A sentence: which files, which is newest, what to do. */
  message: string;
  files: SharedFile[];
}

export interface LayerInfo {
  /** The layer's id: the author's id when the file names one. */
  id: string;
  authorId: string | null;
  /** As the file gives it. */
  authorName: string;
  /** Shown name (default: the author's name; the user may rename). */
  name: string;
  color: LayerColor;
  visible: boolean;
  /** The export time of the version held (ISO 8601): an update must be newer. */
  exported: string;
  /** When the layer was first added, and when this version was stored. */
  added: string;
  updated: string;
  /** Where the version held came from. */
  source: 'import' | 'shared-folder';
  /** The shared-folder file it was read from, when it came from there. */
  file: string | null;
  counts: { annotations: number; bookmarks: number; positions: number };
  /** A previous version is kept (layers.undo restores it). */
  canUndo: boolean;
  conflict: LayerConflict | null;
  /**
   * The author's own file in the shared folder as last read (sealed or not, refused and why); null
   * when the shared folder holds none. Answered by layers.list.
   */
  shared?: SharedFile | null;
}

/** What adding a file as a layer would do (layers.preview) or did (layers.add). */
export interface LayerAddResult {
  /** add: a new layer; update: replaces the older version of the same author's layer; same: already held, nothing done. */
  action: 'add' | 'update' | 'same';
  /** A sentence for the dialog ("Adds Capital's layer: 12 notes, 30 positions."). */
  message: string;
  author: { id: string | null; name: string };
  exported: string;
  counts: { annotations: number; bookmarks: number; positions: number };
  /** The layer as it is (preview: null when it would be new) or as it now is (add). */
  layer: LayerInfo | null;
}

/** A layer's annotation, read-only, with the layer it belongs to. */
export interface LayerAnnotation extends Annotation {
  layerId: string;
  /** The user's own note adopted from this one (not in the trash), when there is one: Adopt shows "Adopted". */
  adoptedAs?: string;
}

/** layers.forBlocks: the visible (or chosen) layers' annotations on some blocks. */
export interface LayerBlockAnnotations {
  annotations: LayerAnnotation[];
  /** Per block id, how many layer annotations it has in all (across the layers asked). */
  totals: Record<string, number>;
}

export interface LayerNoteEntry extends NoteEntry {
  layerId: string;
}

export interface LayerNotesPage {
  entries: LayerNoteEntry[];
  offset: number;
  total: number;
}

/** One option's position in a layer, as its author had it. */
export interface LayerPosition {
  position: Position | null;
  priority: Priority | null;
  modified: string;
  /** The layer's notes on the option. */
  noteCount: number;
}

/** A layer's column of the positions matrix (or of a brief's "delegation positions" table). */
export interface LayerPositions {
  layerId: string;
  name: string;
  color: LayerColor;
  /** By option (block) id; options the author did not mark are absent. */
  positions: Record<string, LayerPosition>;
}

/** What layers.adopt put into the user's own notes. */
export interface AdoptResult {
  what: 'position' | 'note';
  /** Set for `position`: the user's position of the option now. */
  position: OptionPosition | null;
  /** Set for `note`: the new note in the user's own notes. */
  annotation: Annotation | null;
  from: Provenance;
  /** It was adopted already (the same layer's note or position): nothing new was made, the existing copy is answered. */
  already: boolean;
}

export interface SharedFolderStatus {
  /** The folder, or null when none is set. */
  path: string | null;
  /** off: none set; watching: file events; polling: events unavailable, read every few seconds; unavailable: the folder cannot be read now. */
  state: 'off' | 'watching' | 'polling' | 'unavailable';
  message: string | null;
  /** This installation's layer file name in the folder. */
  ownFile: string | null;
  lastWrite: string | null;
  lastScan: string | null;
  files: SharedFile[];
  /**
   * Layer files sealed with the delegation passphrase: off (plain files); on (sealed, the
   * passphrase entered); needs-passphrase (the delegation seals, but the passphrase is not entered in this
   * session: nothing is written, sealed files are not read).
   */
  sealing: 'off' | 'on' | 'needs-passphrase';
  /** Where the passphrase is kept: wrapped in the protected notes, or for this session only. */
  passphraseKept: 'notes' | 'session' | null;
  /**
   * With the notes protected and sealing off: whether the own layer file may be written unsealed
   * (`allowed`: chosen in the shell's dialog for this folder; `needs-choice`: nothing is written until then).
   * Null when it does not apply (notes not protected, or sealing on).
   */
  unsealed: 'allowed' | 'needs-choice' | null;
}

/** Event `layers.changed`: layers were added, updated, removed or the shared folder changed. */
export interface LayersChanged {
  reason: 'added' | 'updated' | 'removed' | 'folder' | 'conflict';
  layerIds: string[];
}
