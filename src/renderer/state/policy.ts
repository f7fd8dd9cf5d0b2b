/**
 * The organisation's managed settings as the window knows them (`app.policy`,
 * docs/deployment.md): read once at start. The core enforces them whatever the
 * window shows; the window only says so before the user tries (a locked value
 * shown as set by the organisation, with the reason IT gave).
 */
import { NO_POLICY, type PolicyView } from '../../shared/contract/policy';
import { api } from '../api';
import { createStore } from '../lib/store';

export const policy = createStore<PolicyView>(NO_POLICY);

export async function loadPolicy(): Promise<void> {
  const res = await api.app.policy({});
  if (res.ok) policy.set(res.value);
}

/** "Set by your organisation" with IT's reason, for a locked value. */
export function managedLine(view: PolicyView = policy.get()): string {
  const reason = view.policy.reason?.trim().replace(/[.!?]+$/, '');
  return `Set by your organisation${reason ? `: ${reason}` : ''}.`;
}
