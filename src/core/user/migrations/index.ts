/**
 * The numbered migrations of the user database, in order, one file each.
 * Migration N brings `user_version` from N-1 to N; the runner (../db.ts)
 * applies each in its own transaction.
 *
 * Constraint: append only. A migration that has shipped is never edited or
 * reordered, because users' databases already carry its result; fix forward
 * with a new file. Migrations never drop user data.
 */
import { m001 } from './001-bookmarks-annotations-settings';
import { m002 } from './002-trash-history-palette';
import { m003 } from './003-positions-per-option';
import { m004 } from './004-layers-authors';
import { m005 } from './005-position-history-provenance';
import type { Migration } from './types';

export type { Migration } from './types';

export const MIGRATIONS: readonly Migration[] = [m001, m002, m003, m004, m005];

export const LATEST_VERSION = MIGRATIONS.length;
