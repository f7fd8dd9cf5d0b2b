/**
 * Where the development content database and its source text are: the
 * repository root, found from this file's place (or the working directory).
 *
 * Constraint: imports nothing but Node's path and fs, because the command
 * line needs the default database path at every start, and the builder
 * (ensure.ts, with the parser and MiniSearch) must not be loaded for that.
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const SOURCE_FILE = 'resources/gfmd-thematic-recollection-2007-2017.txt';

/** The repository root: the nearest folder above this file (or the working directory) holding the source text. */
function findRoot(): string {
  const starts: string[] = [];
  try {
    starts.push(dirname(fileURLToPath(import.meta.url)));
  } catch {
    // Bundled without a file URL: fall back to the working directory.
  }
  starts.push(process.cwd());
  for (const start of starts) {
    for (let dir = start; ; dir = dirname(dir)) {
      if (existsSync(join(dir, SOURCE_FILE)) && existsSync(join(dir, 'package.json'))) return dir;
      if (dirname(dir) === dir) break;
    }
  }
  return process.cwd();
}

export const REPO_ROOT = findRoot();
export const CONTENT_DB_PATH = join(REPO_ROOT, 'build', 'content', 'recollection.db');
export const SOURCE_PATH = join(REPO_ROOT, SOURCE_FILE);
