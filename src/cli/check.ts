/**
 * `check`: the integrity of both databases, without changing either — the
 * content database (quick_check, the expected tables, the schema version this
 * app reads, a stored search index) and the notes database (integrity_check,
 * a schema version this app knows), naming the cause when it is not usable:
 * missing or empty while backups exist, no permission, read-only, a newer
 * schema, or damaged.
 *
 * Constraint: read-only. Both files are opened read-only and the core is not
 * opened (it would create or migrate the notes database), so `check` is safe
 * to run on a damaged or newer file.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CONTENT_SCHEMA_VERSION, CONTENT_TABLES, SEARCH_INDEX_ROW } from '../core/content/schema';
import { backupNames } from '../core/user/backups/rotation';
import { headerUserVersion } from '../core/user/db';
import { LATEST_VERSION } from '../core/user/migrations';
import { USER_DB_FILE } from '../core/user/store';
import { looksEncrypted } from '../core/user/vault/cipher';
import { keyFilePath } from '../core/user/vault/keyfile';
import { CliError, type Command } from './context';
import { errorMessage } from '../shared/errors';

export interface DbCheck {
  path: string;
  exists: boolean;
  ok: boolean;
  /** What was found wrong, one item per problem; empty when ok. */
  problems: string[];
  schemaVersion: number | null;
}

/**
 * `nativeBinding`: the addon file to load. The built command line carries better-sqlite3's
 * JavaScript in its bundle, where the package's own lookup (the `bindings` package, relative to
 * its source file) finds nothing, so the path is always passed when known.
 */
function withReadOnly<T>(path: string, nativeBinding: string | undefined, body: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
  try {
    return body(db);
  } finally {
    db.close();
  }
}

/** The lines of a quick_check / integrity_check answer that are not "ok". */
const integrityProblems = (rows: unknown): string[] =>
  (Array.isArray(rows) ? (rows as unknown[]) : [rows])
    .map((row) => (row !== null && typeof row === 'object' ? String(Object.values(row)[0]) : String(row)))
    .filter((text) => text !== 'ok')
    .slice(0, 10);

export function checkContent(path: string, nativeBinding?: string): DbCheck {
  const result: DbCheck = { path, exists: existsSync(path), ok: false, problems: [], schemaVersion: null };
  if (!result.exists) return { ...result, problems: ['the file does not exist (run npm run build:content)'] };
  try {
    withReadOnly(path, nativeBinding, (db) => {
      result.problems.push(...integrityProblems(db.pragma('quick_check')));
      const tables = new Set(
        db
          .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
          .all()
          .map((r) => r.name),
      );
      for (const t of CONTENT_TABLES) if (!tables.has(t.name)) result.problems.push(`table ${t.name} is missing`);
      if (!tables.has('meta') || !tables.has('search_index')) return;
      const version = db
        .prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?')
        .get('schema_version');
      result.schemaVersion = version ? Number(version.value) : null;
      if (result.schemaVersion !== CONTENT_SCHEMA_VERSION) {
        result.problems.push(
          `schema version ${String(version?.value ?? 'none')}, this app reads ${CONTENT_SCHEMA_VERSION}`,
        );
      }
      if (!db.prepare('SELECT 1 FROM search_index WHERE id = ?').get(SEARCH_INDEX_ROW)) {
        result.problems.push('the search index is missing');
      }
    });
  } catch (err) {
    result.problems.push(`cannot be read as a database (${errorMessage(err)})`);
  }
  result.ok = result.problems.length === 0;
  return result;
}

/** Why the notes database is not usable, for `check`; 'ok' and 'absent' (no notes yet) are fine. */
export type UserDbCause =
  'ok' | 'absent' | 'missing' | 'empty' | 'no-permission' | 'read-only' | 'newer-schema' | 'damaged';

export interface UserDbCheck extends DbCheck {
  cause: UserDbCause;
  /** Protection is on: the file is encrypted, and its contents are checked when it is unlocked. */
  encrypted?: boolean;
}

const CAUSE_LABEL: Record<UserDbCause, string> = {
  ok: 'ok',
  absent: 'ok',
  missing: 'MISSING',
  empty: 'EMPTY',
  'no-permission': 'NO PERMISSION',
  'read-only': 'READ-ONLY',
  'newer-schema': 'NEWER SCHEMA',
  damaged: 'DAMAGED',
};

const can = (path: string, mode: number): boolean => {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
};

export function checkUser(dataDir: string, nativeBinding?: string): UserDbCheck {
  const path = join(dataDir, USER_DB_FILE);
  const exists = existsSync(path);
  const result: UserDbCheck = { path, exists, ok: true, problems: [], schemaVersion: null, cause: 'ok' };
  const fail = (cause: UserDbCause, problem: string): UserDbCheck => ({
    ...result,
    ok: false,
    cause,
    problems: [...result.problems, problem],
  });
  const backups = backupNames(dataDir).length;
  const restoreNote = `${backups} backup(s) exist; the app restores the newest good one when it next opens`;
  if (!exists) {
    return backups ? fail('missing', `the file is missing; ${restoreNote}`) : { ...result, cause: 'absent' };
  }
  if (!can(path, constants.R_OK)) return fail('no-permission', 'this user may not read the file');
  if (statSync(path).size === 0) {
    return backups ? fail('empty', `the file is empty; ${restoreNote}`) : { ...result, cause: 'absent' };
  }
  if (existsSync(keyFilePath(dataDir)) && looksEncrypted(path)) {
    // Without the passphrase only its presence can be checked; every other command opens it (and runs
    // SQLite's quick_check) once the passphrase is given.
    return { ...result, encrypted: true };
  }
  result.schemaVersion = headerUserVersion(path);
  try {
    withReadOnly(path, nativeBinding, (db) => result.problems.push(...integrityProblems(db.pragma('integrity_check'))));
  } catch (err) {
    const code = err && typeof err === 'object' && 'code' in err ? String(err.code) : '';
    if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_PERM') {
      return fail('no-permission', 'the file cannot be opened by this user');
    }
    result.problems.push(`cannot be read as a database (${errorMessage(err)})`);
  }
  // A sound file with a higher version is a newer app's; a damaged header's "version" is just damage.
  if (result.problems.length === 0 && result.schemaVersion !== null && result.schemaVersion > LATEST_VERSION) {
    return fail(
      'newer-schema',
      `made by a newer version of Recollection (schema ${result.schemaVersion}, this app knows ${LATEST_VERSION}); update the app`,
    );
  }
  if (result.problems.length > 0) return { ...result, ok: false, cause: 'damaged' };
  // Writing needs the file and its folder (SQLite creates the -wal and -shm beside it).
  if (!can(path, constants.W_OK) || !can(dataDir, constants.W_OK)) {
    return fail('read-only', 'the file or its folder is read-only: the app can show the notes but not save changes');
  }
  return result;
}

function describe(name: string, c: DbCheck & { cause?: UserDbCause }): string[] {
  if (c.cause === 'absent' || (!c.exists && c.ok)) return [`${name}: no notes yet (${c.path})`];
  const version = c.schemaVersion === null ? '' : `, schema ${c.schemaVersion}`;
  const label = c.cause ? CAUSE_LABEL[c.cause] : c.ok ? 'ok' : 'DAMAGED';
  if ('encrypted' in c && c.encrypted)
    return [`${name}: ${label}, encrypted: unlock to check its contents (${c.path})`];
  return [`${name}: ${label} (${c.path}${version})`, ...c.problems.map((p) => `  ${p}`)];
}

export const check: Command = {
  name: 'check',
  usage: 'check [--json]',
  summary: 'check the integrity of the document database and of your notes database (read-only)',
  options: [],
  positionals: [0, 0],
  run(ctx) {
    const content = checkContent(ctx.contentDbPath, ctx.addons.content);
    // A plain notes database is plain SQLite: the content database's addon reads it.
    const user = checkUser(ctx.dataDir, ctx.addons.content);
    const ok = content.ok && user.ok;
    if (ctx.json) ctx.printJson({ ok, content, user });
    else ctx.print(...describe('document database', content), ...describe('notes database', user));
    if (!ok) {
      const failed = [content.ok ? null : 'document database', user.ok ? null : 'notes database'].filter(Boolean);
      return Promise.reject(new CliError(`check failed: ${failed.join(' and ')}`));
    }
    return Promise.resolve();
  },
};
