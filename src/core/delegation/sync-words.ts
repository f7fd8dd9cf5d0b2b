/**
 * What the shared folder's files list and layers say, in words (sync.ts): why
 * a sealed file was not read, and which files claim one author's layer.
 *
 * Constraint: pure (no file system); never the passphrase, never a note.
 */
import type { LayerConflict, SharedFile } from '../../shared/contract/layer-types';
import { CoreError } from '../../shared/contract/result';
import { errorMessage } from '../../shared/errors';
import type { LayerFile } from '../user/layers/domain';

/** Why a sealed file was not read, in words for the files list (never the passphrase). */
export function sealedRefusal(err: unknown): string {
  const code = err instanceof CoreError ? err.code : null;
  if (code === 'PASSPHRASE_NEEDED')
    return 'Sealed: not read until the delegation passphrase is entered (Settings, Shared folder).';
  if (code === 'WRONG_PASSPHRASE')
    return 'Sealed with another passphrase: your delegation passphrase does not open it, so nothing of it was read. Check the passphrase with its author.';
  if (code === 'DAMAGED')
    return 'Not read: the sealed file is damaged or was changed after it was sealed (nothing of it was taken).';
  return `Not read: ${errorMessage(err).split('\n')[0].slice(0, 300)}`;
}

export function conflictOf(
  own: boolean,
  group: Array<{ shared: SharedFile; file: LayerFile }>,
  shown: SharedFile | undefined,
): LayerConflict {
  const newest = [...group].sort(
    (a, b) => b.file.exported.localeCompare(a.file.exported) || b.shared.modified.localeCompare(a.shared.modified),
  )[0];
  newest.shared.newest = true;
  const who = own ? 'your own layer' : `${group[0].file.author?.name || 'a colleague'}'s layer`;
  const list = group
    .map((g) => `${g.shared.name} (exported ${g.file.exported}${g === newest ? ', newest' : ''})`)
    .join('; ');
  const what = own
    ? 'They are never read as a layer: your own notes are in your data folder, not in these files.'
    : shown
      ? `They are not merged: the layer shows ${shown.name}, the file ${group[0].file.author?.name || 'its author'}'s app writes.`
      : 'None is shown until the author’s own file is there: they are not merged.';
  return {
    message: `${group.length} file${group.length === 1 ? '' : 's'} claim ${who}: ${list}. ${what} Delete the copies once you have checked them.`,
    // The file shown first, then the copies.
    files: [...group].sort((x, y) => Number(y.shared === shown) - Number(x.shared === shown)).map((g) => g.shared),
  };
}
