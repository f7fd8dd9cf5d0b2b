/**
 * app.* channels and the shell-only channels. In the core (command line,
 * browser harness) the shell-only ones answer UNAVAILABLE; the Electron shell
 * replaces them with versions that open dialogs or the system browser.
 */
import { CoreError } from '../../shared/contract/result';
import { NO_POLICY } from '../../shared/contract/policy';
import type { AppStatus } from '../../shared/contract/types';
import type { DomainHandlers } from './types';

export function shellOnly(): never {
  throw new CoreError('UNAVAILABLE', 'This action needs the desktop app.');
}

export function appHandlers(status: () => AppStatus): DomainHandlers<'app'> {
  return {
    'app.status': () => status(),
    'app.openExternal': () => shellOnly(),
    // Replaced by guardPolicy (core/policy/guard.ts) when the core is opened with a policy.
    'app.policy': () => NO_POLICY,
  };
}
