/**
 * The managed settings enforced on the handler map, so that the app, the browser
 * harness and the command line refuse the same things with the same sentence:
 * - protection required: turning it off is refused, and while the notes are not yet
 *   protected nothing writes or sends them (set-up comes first);
 * - sealed exports only: an export without a seal is refused;
 * - the longest auto-lock time and start-in-presentation: a setting beyond them is
 *   refused, and `settings.get` answers the value in force;
 * - no keychain: remembering the key is refused;
 * - the shared folder set by IT: another folder is refused; plain layer files too
 *   when they are not allowed.
 *
 * Constraint: the guard only refuses or narrows; it never writes. A refusal is the
 * POLICY error with a sentence that says who decided and, when IT gave one, why.
 */
import type { Handlers } from '../../shared/contract/derive';
import type { ManagedPolicy, PolicyView } from '../../shared/contract/policy';
import { CoreError } from '../../shared/contract/result';
import type { Settings } from '../../shared/contract/types';

/** Channels that write the notes or send them out: refused until protection is on, where it is required. */
const WRITES_NOTES = new Set<string>([
  'bookmarks.add',
  'bookmarks.update',
  'bookmarks.remove',
  'annotations.create',
  'annotations.update',
  'annotations.remove',
  'notes.renameColor',
  'positions.set',
  'positions.restore',
  'trash.restore',
  'history.undo',
  'export.render',
  'export.save',
  'import.apply',
  'backup.create',
  'backup.restore',
  'layers.add',
  'layers.update',
  'layers.remove',
  'layers.undo',
  'layers.adopt',
  'folder.choose',
  'folder.stop',
  'folder.allowPlain',
  'folder.setPassphrase',
]);

/** "Your organisation requires …" with IT's reason when it gave one. */
export function policyRefusal(what: string, policy: ManagedPolicy): CoreError {
  const reason = policy.reason?.trim().replace(/[.!?]+$/, '');
  return new CoreError('POLICY', `${what} (a setting of your organisation${reason ? `: ${reason}` : ''}).`);
}

/** The settings in force: the user's own, narrowed to what the policy allows. */
export function settingsInForce(settings: Settings, policy: ManagedPolicy): Settings {
  const max = policy.maxAutoLockMinutes;
  const autoLockMinutes =
    max !== undefined && (settings.autoLockMinutes === 0 || settings.autoLockMinutes > max)
      ? max
      : settings.autoLockMinutes;
  const startInPresentation = policy.startInPresentation ?? settings.startInPresentation;
  if (autoLockMinutes === settings.autoLockMinutes && startInPresentation === settings.startInPresentation)
    return settings;
  return { ...settings, autoLockMinutes, startInPresentation };
}

export interface PolicyGuardOptions {
  /** The notes are protected now (a passphrase is set). */
  isProtected: () => boolean;
}

/** `handlers` with the policy's refusals, and `app.policy` answering what is in force. */
export function guardPolicy(handlers: Handlers, view: PolicyView, o: PolicyGuardOptions): Handlers {
  const p = view.policy;
  const out = { ...handlers } as Record<string, (args: never) => unknown>;
  const wrap = (channel: string, check: (args: Record<string, unknown>) => void): void => {
    const next = out[channel] as (args: unknown) => unknown;
    out[channel] = (args: Record<string, unknown>) => {
      check(args ?? {});
      return next(args);
    };
  };
  out['app.policy'] = () => view;

  if (p.requireProtection) {
    for (const channel of WRITES_NOTES) {
      wrap(channel, () => {
        if (!o.isProtected())
          throw policyRefusal('Your notes must be protected first: set a passphrase (Protect my notes…)', p);
      });
    }
    wrap('vault.disable', () => {
      throw policyRefusal('Protection of your notes cannot be turned off', p);
    });
  }
  if (p.sealedExportsOnly) {
    for (const channel of ['export.render', 'export.save']) {
      wrap(channel, (args) => {
        if (!args['seal'])
          throw policyRefusal('Exports leave this computer only sealed: choose "Seal with a passphrase"', p);
      });
    }
  }
  if (p.allowKeychain === false) {
    wrap('vault.remember', (args) => {
      if (args['remember'] === true)
        throw policyRefusal('The key cannot be remembered in the system keychain on this computer', p);
    });
  }
  if (p.maxAutoLockMinutes !== undefined || p.startInPresentation !== undefined) {
    wrap('settings.set', (args) => {
      const patch = (args['patch'] ?? {}) as Partial<Settings>;
      const max = p.maxAutoLockMinutes;
      if (
        max !== undefined &&
        patch.autoLockMinutes !== undefined &&
        (patch.autoLockMinutes === 0 || patch.autoLockMinutes > max)
      )
        throw policyRefusal(`The notes lock after ${max} minutes without use at the longest`, p);
      if (
        p.startInPresentation !== undefined &&
        patch.startInPresentation !== undefined &&
        patch.startInPresentation !== p.startInPresentation
      )
        throw policyRefusal(
          p.startInPresentation
            ? 'Every session starts in presentation mode'
            : 'Sessions do not start in presentation mode',
          p,
        );
    });
    for (const channel of ['settings.get', 'settings.set']) {
      const next = out[channel] as (args: unknown) => Promise<Settings> | Settings;
      out[channel] = async (args: unknown) => settingsInForce(await next(args), p);
    }
  }
  if (p.sharedFolder !== undefined) {
    for (const channel of ['folder.choose', 'folder.stop']) {
      wrap(channel, () => {
        throw policyRefusal('The shared folder is set by your organisation', p);
      });
    }
  }
  if (p.allowPlainSharedFolder === false) {
    wrap('folder.allowPlain', () => {
      throw policyRefusal('Layer files are written to the shared folder only sealed with the delegation passphrase', p);
    });
    wrap('folder.setPassphrase', (args) => {
      if (args['passphrase'] === null || args['passphrase'] === undefined)
        throw policyRefusal(
          'Layer files are written to the shared folder only sealed with the delegation passphrase',
          p,
        );
    });
  }
  return out as unknown as Handlers;
}
