/**
 * A killed export leaves nothing behind for long: a child
 * process writing an export through the real writeFileAtomic is SIGKILLed
 * while its temporary file (owner-only, `.<name>.<uuid>.recollection-tmp`) is
 * being written; the next core open removes that file and its record, and
 * touches nothing else in the user's destination folder. A failed write
 * removes its temporary file at once.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { cleanStaleTemps, isOurTempName, TEMP_LOG_DIR, writeFileAtomic } from '../../src/core/base/files';
import { openCore } from '../../src/core/open';

const ROOT = resolve(import.meta.dirname, '../..');
const dirs: string[] = [];
const tempDir = (): string => {
  const dir = mkdtempSync(join(tmpdir(), 'recollection-export-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** Starts the child and SIGKILLs it as soon as its temporary file appears in `out`. */
async function killMidExport(dataDir: string, out: string, megabytes: number, skip: string): Promise<string | null> {
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      join(ROOT, 'tests/hardening/export-child.ts'),
      dataDir,
      join(out, 'notes.json'),
      String(megabytes),
    ],
    { cwd: ROOT, stdio: 'pipe' },
  );
  const closed = new Promise((done) => child.on('close', done));
  let seen: string | null = null;
  while (child.exitCode === null && child.signalCode === null) {
    seen = readdirSync(out).find((n) => n !== skip && isOurTempName(n)) ?? null;
    if (seen) {
      child.kill('SIGKILL');
      break;
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await closed;
  return seen;
}

describe('export temporary files', () => {
  it('a SIGKILLed export leaves its temporary file; the next open removes it and nothing else', async () => {
    const dataDir = tempDir();
    const out = tempDir();
    // The user's own files in the destination folder, one even named like ours but not recorded.
    writeFileSync(join(out, 'mine.txt'), 'keep me');
    const lookalike = `.notes.json.${'0'.repeat(8)}-0000-0000-0000-${'0'.repeat(12)}.recollection-tmp`;
    writeFileSync(join(out, lookalike), 'not ours to remove');

    let temp: string | null = null;
    for (let mb = 200; !temp && mb <= 800; mb *= 2) temp = await killMidExport(dataDir, out, mb, lookalike);
    expect(temp, 'the child finished before it could be killed').not.toBeNull();
    expect(existsSync(join(out, temp!))).toBe(true);
    if (process.platform !== 'win32') expect(statSync(join(out, temp!)).mode & 0o777).toBe(0o600);
    expect(existsSync(join(out, 'notes.json'))).toBe(false);
    expect(readdirSync(join(dataDir, TEMP_LOG_DIR))).toHaveLength(1);

    const core = openCore({ contentDbPath: CONTENT_DB_PATH, dataDir });
    core.close();
    expect(readdirSync(out).sort()).toEqual([lookalike, 'mine.txt'].sort());
    expect(readdirSync(join(dataDir, TEMP_LOG_DIR))).toEqual([]);
  }, 120_000);

  it('a failed write removes its temporary file and its record at once; a finished one leaves none', async () => {
    const dataDir = tempDir();
    const out = tempDir();
    mkdirSync(join(out, 'taken'));
    await expect(writeFileAtomic(join(out, 'taken'), 'x', { dataDir })).rejects.toThrow();
    expect(readdirSync(out)).toEqual(['taken']);
    expect(readdirSync(join(dataDir, TEMP_LOG_DIR))).toEqual([]);
    await writeFileAtomic(join(out, 'brief.md'), 'secret', { dataDir });
    expect(readdirSync(out).sort()).toEqual(['brief.md', 'taken']);
    if (process.platform !== 'win32') expect(statSync(join(out, 'brief.md')).mode & 0o777).toBe(0o600);
    expect(cleanStaleTemps(dataDir)).toEqual([]);
  });
});
