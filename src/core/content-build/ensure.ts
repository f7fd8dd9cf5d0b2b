/**
 * Development and test entry to the content database: where it lives, the
 * fingerprint that says whether it is current, and "build it when missing or
 * stale" (npm run build:content, npm start, the test global setup).
 *
 * Constraint: the fingerprint covers everything the database is made from
 * (the source text, the parser, the builder, the search options, the model
 * type, the MiniSearch version), so changing any of them rebuilds; and it is a
 * hash, never a timestamp, so an unchanged tree never rebuilds.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import Database from 'better-sqlite3';
import { CoreError } from '../../shared/contract/result';
import { buildContentDb, type BuildReport } from './build';
import { CONTENT_DB_PATH, REPO_ROOT, SOURCE_FILE, SOURCE_PATH } from '../content/location';
import { parseRecollection } from '../content/parse';
import { CONTENT_SCHEMA_VERSION } from '../content/schema';
import { englishWordList } from '../search/english-list';
import { glossarySchema, thesaurusSchema, type ThesaurusData } from '../content/thesaurus-data';

/** The one document the app ships (see resources/ and the corpus README). */
export const SOURCE_SHA256 = '50e3e21096dd4d0910b8cdb42214ec24f42418eb4cab7168b1478001c0140538';

// Where things are lives in location.ts (light, for the command line's start); re-exported for the callers of old.
export { CONTENT_DB_PATH, REPO_ROOT, SOURCE_FILE, SOURCE_PATH } from '../content/location';
/** The search thesaurus (docs/search.md), built into the content database. */
export const THESAURUS_FILE = 'resources/thesaurus.json';
/** The trilingual migration glossary (French and Spanish → the document's English), stored with the thesaurus. */
export const GLOSSARY_FILE = 'resources/migration-glossary.json';

/** resources/thesaurus.json with the glossary, validated: a broken file fails the build with its path and the reason. */
export function readThesaurus(root: string = REPO_ROOT): ThesaurusData {
  let path = join(root, THESAURUS_FILE);
  try {
    const thesaurus = thesaurusSchema().parse(JSON.parse(readFileSync(path, 'utf8')));
    path = join(root, GLOSSARY_FILE);
    return { ...thesaurus, glossary: glossarySchema().parse(JSON.parse(readFileSync(path, 'utf8'))) };
  } catch (err) {
    const why = err instanceof Error ? err.message : String(err);
    throw new CoreError('UNAVAILABLE', `the search thesaurus ${path} cannot be read: ${why}`);
  }
}

/** Folders and files whose source code shapes the database. */
const INPUT_DIRS = ['src/core/content', 'src/core/content-build', 'src/core/search'];
const INPUT_FILES = [
  'src/shared/model.ts',
  'node_modules/minisearch/package.json',
  // The English word list of did-you-mean is made from these dictionaries (search/english-list.ts).
  'node_modules/dictionary-en/package.json',
  'node_modules/dictionary-en-gb/package.json',
  'node_modules/@orama/stemmers/package.json',
  THESAURUS_FILE,
  GLOSSARY_FILE,
];
const IS_INPUT = /\.ts$/;
const IS_TEST_ONLY = /\.(test|fixture)\.ts$/;

function listInputs(root: string): string[] {
  const files: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (IS_INPUT.test(entry.name) && !IS_TEST_ONLY.test(entry.name)) files.push(path);
    }
  };
  for (const d of INPUT_DIRS) walk(join(root, d));
  for (const f of INPUT_FILES) if (existsSync(join(root, f))) files.push(join(root, f));
  // Sorted by forward-slash relative path: the same order on every platform.
  return files
    .map((f) => relative(root, f).split(sep).join('/'))
    .sort()
    .map((f) => join(root, f));
}

/** sha256 over the source text and the code that turns it into the database. */
export function contentFingerprint(root: string = REPO_ROOT): string {
  const hash = createHash('sha256');
  hash.update(`schema ${CONTENT_SCHEMA_VERSION}\n`);
  hash.update(readSource(join(root, SOURCE_FILE)));
  for (const file of listInputs(root)) {
    const rel = relative(root, file).split(sep).join('/');
    // Line endings normalised: a Windows checkout must not look like a different parser.
    const text = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
    hash.update(`\0${rel}\0${text}`);
  }
  return hash.digest('hex');
}

function readSource(path: string): string {
  if (!existsSync(path)) throw new CoreError('UNAVAILABLE', `the source text is missing (${path})`);
  return readFileSync(path, 'utf8');
}

/** build_id and schema_version of an existing database, or null when it is absent or unreadable. */
export function readBuildStamp(path: string): { buildId: string; schemaVersion: number } | null {
  if (!existsSync(path)) return null;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      const rows = db
        .prepare<[], { key: string; value: string }>(
          "SELECT key, value FROM meta WHERE key IN ('build_id','schema_version')",
        )
        .all();
      const m = new Map(rows.map((r) => [r.key, r.value]));
      return { buildId: m.get('build_id') ?? '', schemaVersion: Number(m.get('schema_version')) };
    } finally {
      db.close();
    }
  } catch {
    return null; // damaged or not a database: rebuild it
  }
}

export interface EnsureOptions {
  /** Rebuild even when the database is current. */
  force?: boolean;
  /** Where to write (default CONTENT_DB_PATH). */
  dbPath?: string;
}

export interface EnsureResult {
  path: string;
  built: boolean;
  /** Why it was (re)built, or why not. */
  reason: 'missing' | 'stale' | 'schema' | 'forced' | 'current';
  buildId: string;
  report: BuildReport | null;
  millis: number;
}

/** Builds the content database when it is missing, from another build, or from another schema version. */
export function ensureContentSync(options: EnsureOptions = {}): EnsureResult {
  const started = performance.now();
  const path = resolve(options.dbPath ?? CONTENT_DB_PATH);
  const buildId = contentFingerprint();
  const stamp = readBuildStamp(path);
  let reason: EnsureResult['reason'];
  if (options.force) reason = 'forced';
  else if (!stamp) reason = 'missing';
  else if (stamp.schemaVersion !== CONTENT_SCHEMA_VERSION) reason = 'schema';
  else if (stamp.buildId !== buildId) reason = 'stale';
  else return { path, built: false, reason: 'current', buildId, report: null, millis: performance.now() - started };

  const text = readSource(SOURCE_PATH);
  const sourceSha256 = sha256(text);
  if (sourceSha256 !== SOURCE_SHA256) {
    throw new CoreError(
      'INVALID_ARGUMENT',
      `${SOURCE_FILE} is not the expected document (sha256 ${sourceSha256.slice(0, 12)}…, expected ${SOURCE_SHA256.slice(0, 12)}…); restore it from the corpus`,
    );
  }
  const report = buildContentFromText(text, { buildId, outPath: path });
  return { path, built: true, reason, buildId, report, millis: performance.now() - started };
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The content build proper: source text → the parser's model → the content database with the
 * search thesaurus and the English word list. ensureContentSync runs it on the shipped document once that is checked; the
 * tests run it on their miniature copy (tests/support/model.fixture.ts), so both go one way.
 */
export function buildContentFromText(text: string, options: { buildId: string; outPath: string }): BuildReport {
  const model = parseRecollection(text);
  return buildContentDb(model, {
    sourceSha256: sha256(text),
    buildId: options.buildId,
    outPath: options.outPath,
    thesaurus: readThesaurus(),
    english: englishWordList(),
  });
}

/** Promise form of ensureContentSync (vitest globalSetup, scripts). */
export function ensureContent(options: EnsureOptions = {}): Promise<EnsureResult> {
  try {
    return Promise.resolve(ensureContentSync(options));
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}
