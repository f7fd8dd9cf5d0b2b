/**
 * `check`: the integrity of both databases, without changing either — the
 * content database (quick_check, the expected tables, the schema version this
 * app reads, a stored search index) and the notes database (integrity_check,
 * a schema version this app knows).
 *
 * Constraint: read-only. Both files are opened read-only and the core is not
 * opened (it would create or migrate the notes database), so `check` is safe
 * to run on a damaged or newer file.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { CONTENT_SCHEMA_VERSION, CONTENT_TABLES, SEARCH_INDEX_ROW } from '../core/content/schema';
import { headerUserVersion } from '../core/user/db';
import { LATEST_VERSION } from '../core/user/migrations';
import { USER_DB_FILE } from '../core/user/store';
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

function withReadOnly<T>(path: string, body: (db: Database.Database) => T): T {
  const db = new Database(path, { readonly: true, fileMustExist: true });
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

export function checkContent(path: string): DbCheck {
  const result: DbCheck = { path, exists: existsSync(path), ok: false, problems: [], schemaVersion: null };
  if (!result.exists) return { ...result, problems: ['the file does not exist (run npm run build:content)'] };
  try {
    withReadOnly(path, (db) => {
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

export function checkUser(dataDir: string): DbCheck {
  const path = join(dataDir, USER_DB_FILE);
  const result: DbCheck = { path, exists: existsSync(path), ok: true, problems: [], schemaVersion: null };
  if (!result.exists) return result; // no notes yet: nothing to be damaged
  result.schemaVersion = headerUserVersion(path);
  if (result.schemaVersion !== null && result.schemaVersion > LATEST_VERSION) {
    result.problems.push(
      `made by a newer version of Recollection (schema ${result.schemaVersion}, this app knows ${LATEST_VERSION})`,
    );
  } else {
    try {
      withReadOnly(path, (db) => result.problems.push(...integrityProblems(db.pragma('integrity_check'))));
    } catch (err) {
      result.problems.push(`cannot be read as a database (${errorMessage(err)})`);
    }
  }
  result.ok = result.problems.length === 0;
  return result;
}

function describe(name: string, c: DbCheck): string[] {
  if (!c.exists && c.ok) return [`${name}: no notes yet (${c.path})`];
  const version = c.schemaVersion === null ? '' : `, schema ${c.schemaVersion}`;
  return [`${name}: ${c.ok ? 'ok' : 'DAMAGED'} (${c.path}${version})`, ...c.problems.map((p) => `  ${p}`)];
}

export const check: Command = {
  name: 'check',
  usage: 'check [--json]',
  summary: 'check the integrity of the document database and of your notes database (read-only)',
  options: [],
  positionals: [0, 0],
  run(ctx) {
    const content = checkContent(ctx.contentDbPath);
    const user = checkUser(ctx.dataDir);
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
