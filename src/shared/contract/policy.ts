/**
 * Managed settings (policies): what an organisation's IT may set and lock for every
 * user of a machine (docs/deployment.md), the schema its file is checked against, and
 * what the app shows of it (`app.policy`).
 *
 * Constraint: a policy only ever makes the app stricter than its defaults, except for the
 * choice of language and of the shared folder. A file that cannot be read whole is never
 * a reason to open with weaker protection than it may have asked for: each key that
 * cannot be read is applied at its strictest value (`STRICTEST`), and the problem is
 * reported, never ignored silently.
 */
import * as z from 'zod';
import { once } from '../lazy';

export const POLICY_LANGUAGES = ['en', 'fr', 'es'] as const;

/** The longest auto-lock time IT may allow, in minutes (the setting's own maximum). */
const MAX_MINUTES = 24 * 60;

/** One policy key's schema each, so that a bad value spoils that key alone. */
export const POLICY_KEYS = once(() => ({
  /** The notes must be protected: the first run goes to set-up, "Not now" is gone, turning protection off is refused. */
  requireProtection: z.boolean(),
  /** The longest auto-lock time a user may choose, in minutes (1 … 1440); "never" is refused. */
  maxAutoLockMinutes: z.number().int().min(1).max(MAX_MINUTES),
  /** The key may be remembered in the system keychain (false: the option is gone, a remembered key is forgotten). */
  allowKeychain: z.boolean(),
  /** Every session starts in presentation mode. */
  startInPresentation: z.boolean(),
  /** The delegation's shared folder, set for every user (an absolute path). */
  sharedFolder: z.string().min(1).max(4096),
  /** Plain (unsealed) layer files may be written to the shared folder. */
  allowPlainSharedFolder: z.boolean(),
  /** Exports and briefs leave the machine only sealed (.recollection). */
  sealedExportsOnly: z.boolean(),
  /** The interface language, for every user. */
  language: z.enum(POLICY_LANGUAGES),
  /** The organisation's own update location (https); without it the app never checks for updates. */
  updateUrl: z.url({ protocol: /^https$/ }).max(2048),
  /** The sentence IT gives for its settings, shown beside each locked value. */
  reason: z.string().max(500),
}));

export type PolicyKey = keyof ReturnType<typeof POLICY_KEYS>;

/** A policy as applied: every key optional (unset: the user decides). */
export interface ManagedPolicy {
  requireProtection?: boolean;
  maxAutoLockMinutes?: number;
  allowKeychain?: boolean;
  startInPresentation?: boolean;
  sharedFolder?: string;
  allowPlainSharedFolder?: boolean;
  sealedExportsOnly?: boolean;
  language?: (typeof POLICY_LANGUAGES)[number];
  updateUrl?: string;
  reason?: string;
}

/**
 * The strictest reading of each key that restricts something, used for a key (or a whole
 * file) that cannot be read: protection required, a short auto-lock, no keychain, no plain
 * files out. Keys that only choose (language, folder, updates) have no strictest value and stay
 * unset; nor does start-in-presentation, which governs the screen, not the notes at rest (and
 * would hide the set-up that protection required asks for).
 */
export const STRICTEST: Readonly<ManagedPolicy> = Object.freeze({
  requireProtection: true,
  maxAutoLockMinutes: 5,
  allowKeychain: false,
  allowPlainSharedFolder: false,
  sealedExportsOnly: true,
});

/** What `app.policy` answers: the policy in force, where it came from and what was wrong with it. */
export interface PolicyView {
  /** Where the policy was read from (a file path or a registry key); [] when there is none. */
  sources: string[];
  policy: ManagedPolicy;
  /** Sentences for a file that could not be read whole: damaged, unreadable, an unknown key, a bad value. */
  problems: string[];
}

export const NO_POLICY: PolicyView = Object.freeze({ sources: [], policy: {}, problems: [] });
