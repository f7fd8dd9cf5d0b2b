/**
 * vault.* channels: protection of the notes at rest and the app lock, over
 * VaultActions (user/vault/actions.ts); `vault.remember` needs the OS keychain,
 * so the shell replaces it. Also the lock guard every notes channel goes
 * through: while the notes are locked, only the document (app.*, content.*,
 * search.* without notes) and vault.* answer.
 */
import { CHANNELS } from '../../shared/contract/channels';
import { answersWhileLocked } from '../../shared/contract/locked';
import type { Handlers } from '../../shared/contract/derive';
import { CoreError } from '../../shared/contract/result';
import type { UserStore } from '../user/store';
import { LOCKED_MESSAGE } from '../user/store';
import type { VaultActions } from '../user/vault/actions';
import type { DomainHandlers } from './types';

export function vaultHandlers(vault: VaultActions): DomainHandlers<'vault'> {
  return {
    'vault.status': () => vault.status(),
    'vault.enable': (args) => vault.enable(args),
    'vault.disable': (args) => vault.disable(args),
    'vault.unlock': (args) => vault.unlock(args),
    'vault.lock': () => vault.lock(),
    'vault.changePassphrase': (args) => vault.changePassphrase(args),
    'vault.remember': () => {
      throw new CoreError('UNAVAILABLE', 'Remembering the key needs the app (the OS keychain); not available here.');
    },
  };
}

/** `handlers` with every notes channel refusing LOCKED while `user` is locked. */
export function guardLocked(handlers: Handlers, user: UserStore): Handlers {
  const out: Record<string, unknown> = { ...handlers };
  const map = handlers as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const channel of CHANNELS) {
    if (answersWhileLocked(channel)) continue;
    const inner = map[channel];
    out[channel] = (...args: unknown[]) => {
      if (user.locked) throw new CoreError('LOCKED', LOCKED_MESSAGE);
      return inner(...args);
    };
  }
  return out as unknown as Handlers;
}
