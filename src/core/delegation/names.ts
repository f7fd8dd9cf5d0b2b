/**
 * File names in the shared folder: each installation writes exactly one
 * file, `<author-id>.layer.json`; anything else that starts with a layer
 * file's name is a copy some sync tool made when two versions met, and is
 * named here for what it is.
 *
 * The shapes (docs/delegation.md lists them with examples):
 * - Dropbox: `<name> (Bob's conflicted copy 2024-05-01).json`
 * - Nextcloud / ownCloud: `<name> (conflicted copy 2024-05-01 101500).json`
 * - Syncthing: `<name>.sync-conflict-20240501-101500-ABCDEFG.json`
 * - OneDrive / SharePoint: `<name>-LAPTOP-42.json` (the device's name appended)
 * - Google Drive: `<name> (1).json`
 *
 * Constraint: pure string work, no file system. A name is never trusted to
 * say who wrote a file: the author id inside it decides (sync.ts).
 */
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LAYER = new RegExp(`^(${UUID})\\.layer(.*)\\.json$`, 'i');

export type CopyKind = 'dropbox-or-nextcloud' | 'syncthing' | 'onedrive' | 'google-drive' | 'other';

export interface LayerName {
  /** The author id the name claims. */
  authorId: string;
  /** Null for the file an installation writes itself; else the kind of copy. */
  copy: CopyKind | null;
}

export const layerFileName = (authorId: string): string => `${authorId.toLowerCase()}.layer.json`;

/** What a name in the shared folder is, or null when it is not a layer file (ignored). */
export function classifyName(name: string): LayerName | null {
  const m = LAYER.exec(name);
  if (!m) return null;
  const authorId = m[1].toLowerCase();
  const rest = m[2];
  if (rest === '') return { authorId, copy: null };
  if (/conflicted copy/i.test(rest)) return { authorId, copy: 'dropbox-or-nextcloud' };
  if (/^\.sync-conflict-/i.test(rest)) return { authorId, copy: 'syncthing' };
  if (/^ \(\d+\)$/.test(rest)) return { authorId, copy: 'google-drive' };
  if (/^-[^.\s/\\]+$/.test(rest)) return { authorId, copy: 'onedrive' };
  return { authorId, copy: 'other' };
}

export const COPY_WORDS: Record<CopyKind, string> = {
  'dropbox-or-nextcloud': 'a conflicted copy (Dropbox, Nextcloud or ownCloud)',
  syncthing: 'a Syncthing conflict copy',
  onedrive: 'a OneDrive/SharePoint copy named after a device',
  'google-drive': 'a Google Drive duplicate',
  other: 'a copy of a layer file',
};
