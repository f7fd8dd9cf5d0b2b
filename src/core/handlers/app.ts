/**
 * app.* channels and the shell-only channels. In the core (command line,
 * browser harness) the shell-only ones answer UNAVAILABLE; the Electron shell
 * replaces them with versions that open dialogs or the system browser.
 */
import { CoreError } from '../../shared/contract/result';
import type { AppStatus } from '../../shared/contract/types';
import type { DomainHandlers } from './types';

export function shellOnly(): never {
  throw new CoreError('UNAVAILABLE', 'this action needs the desktop app');
}

export function appHandlers(status: () => AppStatus): DomainHandlers<'app'> {
  return {
    'app.status': () => status(),
    'app.openExternal': () => shellOnly(),
  };
}
