/**
 * Which channels answer while the notes are locked (docs/security.md): the
 * document (app.*, content.*, search.* — without notes) and vault.* itself.
 * Every other channel reads or writes the notes and answers LOCKED.
 */
import type { Channel } from './channels';

const OPEN_WHILE_LOCKED = ['app.', 'content.', 'search.', 'vault.'];

export const answersWhileLocked = (channel: Channel): boolean =>
  OPEN_WHILE_LOCKED.some((prefix) => channel.startsWith(prefix));
