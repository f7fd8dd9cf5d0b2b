/**
 * The content fingerprint (what makes a rebuild) on a throw-away tree, and
 * ensureContent's rebuild rules on a temporary database built from the real text.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH, REPO_ROOT, SOURCE_FILE, contentFingerprint, ensureContent, readBuildStamp } from './ensure';
import { ContentStore } from '../content/store';

const dir = mkdtempSync(join(tmpdir(), 'recollection-ensure-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(root: string, rel: string, text: string): void {
  mkdirSync(dirname(join(root, rel)), { recursive: true });
  writeFileSync(join(root, rel), text);
}

describe('contentFingerprint', () => {
  const root = join(dir, 'tree');
  write(root, SOURCE_FILE, 'the source text\n');
  write(root, 'src/core/content/parse/index.ts', 'export const parser = 1;\n');
  write(root, 'src/core/content/parse/index.test.ts', 'test 1\n');
  write(root, 'src/core/search/options.ts', 'export const boost = 2;\n');
  write(root, 'src/shared/model.ts', 'export type X = 1;\n');
  const base = contentFingerprint(root);

  it('is a stable sha256, not a timestamp', () => {
    expect(base).toMatch(/^[0-9a-f]{64}$/);
    expect(contentFingerprint(root)).toBe(base);
  });

  it('changes with the source, the parser, the search options and the model type', () => {
    for (const rel of [
      SOURCE_FILE,
      'src/core/content/parse/index.ts',
      'src/core/search/options.ts',
      'src/shared/model.ts',
    ]) {
      const before = readFileSync(join(root, rel), 'utf8');
      write(root, rel, `${before}// changed\n`);
      expect(contentFingerprint(root), rel).not.toBe(base);
      write(root, rel, before);
    }
    expect(contentFingerprint(root)).toBe(base);
  });

  it('ignores tests and Windows line endings', () => {
    write(root, 'src/core/content/parse/index.test.ts', 'test 2\n');
    write(root, 'src/core/content/parse/index.ts', 'export const parser = 1;\r\n');
    expect(contentFingerprint(root)).toBe(base);
  });

  it('names the default database under the repository root', () => {
    expect(CONTENT_DB_PATH).toBe(join(REPO_ROOT, 'build', 'content', 'recollection.db'));
  });
});

describe('ensureContent', () => {
  const dbPath = join(dir, 'out', 'recollection.db');

  it('builds when missing, then only when stale, from another schema, or forced', async () => {
    const first = await ensureContent({ dbPath });
    expect(first).toMatchObject({ built: true, reason: 'missing' });
    expect(first.report?.counts.blocks).toBeGreaterThan(100);
    expect(readBuildStamp(dbPath)?.buildId).toBe(contentFingerprint());

    expect(await ensureContent({ dbPath })).toMatchObject({ built: false, reason: 'current', report: null });

    const w = new Database(dbPath);
    w.prepare("UPDATE meta SET value = 'old-build' WHERE key = 'build_id'").run();
    w.close();
    expect(await ensureContent({ dbPath })).toMatchObject({ built: true, reason: 'stale' });

    const v = new Database(dbPath);
    v.prepare("UPDATE meta SET value = '0' WHERE key = 'schema_version'").run();
    v.close();
    expect(await ensureContent({ dbPath })).toMatchObject({ built: true, reason: 'schema' });

    expect(await ensureContent({ dbPath, force: true })).toMatchObject({ built: true, reason: 'forced' });
    const store = ContentStore.open(dbPath);
    expect(store.meta().buildId).toBe(contentFingerprint());
    store.close();
  });

  it('rebuilds over a damaged file', async () => {
    const damaged = join(dir, 'damaged.db');
    writeFileSync(damaged, 'garbage');
    expect(readBuildStamp(damaged)).toBeNull();
    expect(await ensureContent({ dbPath: damaged })).toMatchObject({ built: true, reason: 'missing' });
  });
});
