/**
 * What the organisation's managed settings set, for the Settings dialog: each
 * locked value in words with IT's reason, and any problem with the policy file
 * (damaged, unknown key), which the app then reads at its strictest.
 *
 * Constraint: shown only when a policy is in force; it changes nothing (the
 * core enforces the policy).
 */
import type { ReactNode } from 'react';
import type { ManagedPolicy } from '../../shared/contract/policy';
import { useStore } from '../lib/store';
import { managedLine, policy } from '../state/policy';

const LANGUAGE = { en: 'English', fr: 'French', es: 'Spanish' } as const;

/** Each locked value as a delegate reads it. */
export function managedItems(p: ManagedPolicy): string[] {
  const items: string[] = [];
  if (p.requireProtection) items.push('Your notes must be protected with a passphrase.');
  if (p.maxAutoLockMinutes !== undefined)
    items.push(`The notes lock after ${p.maxAutoLockMinutes} minutes at the longest.`);
  if (p.allowKeychain === false) items.push('The passphrase cannot be remembered on this computer.');
  if (p.startInPresentation !== undefined)
    items.push(
      p.startInPresentation
        ? 'Every session starts in presentation mode.'
        : 'Sessions do not start in presentation mode.',
    );
  if (p.sharedFolder !== undefined) items.push(`The delegation's shared folder is ${p.sharedFolder}.`);
  if (p.allowPlainSharedFolder === false) items.push('Layer files go to the shared folder only sealed.');
  if (p.sealedExportsOnly) items.push('Exports leave this computer only sealed with a passphrase.');
  if (p.language !== undefined) items.push(`The interface is in ${LANGUAGE[p.language]}.`);
  return items;
}

export function ManagedSettings(): ReactNode {
  const view = useStore(policy, (v) => v);
  if (view.sources.length === 0) return null;
  const items = managedItems(view.policy);
  return (
    <fieldset className="managed-settings">
      <legend>Managed by your organisation</legend>
      <p className="small">{managedLine(view)}</p>
      {items.length > 0 ? (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      ) : null}
      {view.problems.length > 0 ? (
        <div role="alert" className="managed-problems">
          {view.problems.map((problem) => (
            <p key={problem} className="small">
              {problem}
            </p>
          ))}
        </div>
      ) : null}
    </fieldset>
  );
}
