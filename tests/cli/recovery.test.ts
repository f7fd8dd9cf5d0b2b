/**
 * Recovery is never silent on the command line: real CLI runs on
 * a damaged, an empty and a missing notes database with backups present — the
 * newest good backup is restored, the command says so on stderr (and in the
 * --json document), the damaged/empty file is kept in damaged/; and `check`
 * names the cause instead of DAMAGED for everything.
 */
import { chmodSync, existsSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LATEST_VERSION } from '../../src/core/user/migrations';
import type { Annotation, NoteEntry } from '../../src/shared/contract/types';
import { cli, cliJson, tempDir } from './run';

const isRoot = process.getuid?.() === 0;

/** A data folder with a backup holding note A, then note B written after the backup. */
async function folderWithBackup(): Promise<{ data: string; a: Annotation; b: Annotation }> {
  const data = tempDir();
  const a = await cliJson<Annotation>(data, 'annotate', 'c2.f3.po.1', '--note', 'in the backup');
  await cliJson(data, 'backup');
  const b = await cliJson<Annotation>(data, 'annotate', 'c2.f3.po.2', '--note', 'after the backup');
  return { data, a, b };
}

const damagedFiles = (data: string): string[] =>
  existsSync(join(data, 'damaged')) ? readdirSync(join(data, 'damaged')) : [];

describe('the command line says what recovery did', () => {
  it('garbage in user.db: the backup is restored, stderr says so, the damaged file is kept', async () => {
    const { data, a } = await folderWithBackup();
    writeFileSync(join(data, 'user.db'), 'this is not a database'.repeat(100));
    rmSync(join(data, 'user.db-wal'), { force: true });
    const run = await cli(data, 'notes');
    expect(run.code).toBe(0);
    expect(run.err).toMatch(
      /^recollection: Recollection could not read your notes database .*moved to .*damaged.*restored from the backup of/,
    );
    expect(run.err).toContain('notes made after that are only in the damaged file');
    expect(run.out).toContain('in the backup');
    expect(run.out).not.toContain('after the backup');
    expect(damagedFiles(data).some((n) => n.endsWith('.db'))).toBe(true);
    // Once recovered, the next run is quiet.
    const again = await cli(data, 'notes', '--json');
    expect(again.err).toBe('');
    expect(JSON.parse(again.out) as NoteEntry[]).toHaveLength(1);
    expect(again.out).toContain(a.id);
  });

  it('--json: an object document carries a `recovery` field', async () => {
    const { data } = await folderWithBackup();
    writeFileSync(join(data, 'user.db'), Buffer.alloc(8192, 0x41));
    rmSync(join(data, 'user.db-wal'), { force: true });
    const run = await cli(data, 'annotate', 'c2.f3.po.3', '--note', 'after recovery', '--json');
    expect(run.code).toBe(0);
    const doc = JSON.parse(run.out) as Annotation & { recovery?: string };
    expect(doc.note).toBe('after recovery');
    expect(doc.recovery).toMatch(/restored from the backup of/);
    expect(run.err).toContain(doc.recovery!.slice(0, 60));
  });

  it('a zero-byte user.db with backups present is damage: the backup is restored, the empty file kept', async () => {
    const { data } = await folderWithBackup();
    rmSync(join(data, 'user.db-wal'), { force: true });
    rmSync(join(data, 'user.db-shm'), { force: true });
    writeFileSync(join(data, 'user.db'), '');
    const run = await cli(data, 'notes');
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/the file is empty.*restored from the backup of/);
    expect(run.out).toContain('in the backup');
    const kept = damagedFiles(data).filter((n) => n.endsWith('.db'));
    expect(kept).toHaveLength(1);
    expect(statSync(join(data, 'damaged', kept[0])).size).toBe(0);
  });

  it('a missing user.db with backups present: the backup is restored and the run says the file was missing', async () => {
    const { data } = await folderWithBackup();
    for (const side of ['', '-wal', '-shm']) rmSync(join(data, `user.db${side}`), { force: true });
    const run = await cli(data, 'notes');
    expect(run.code).toBe(0);
    expect(run.err).toMatch(/^recollection: Your notes database was missing .*restored from the backup of/);
    expect(run.out).toContain('in the backup');
  });

  it('a first start (no backups) is not recovery: no message, an empty notes database', async () => {
    const data = tempDir();
    const run = await cli(data, 'notes');
    expect(run).toMatchObject({ code: 0, err: '' });
  });
});

describe('check names the cause', () => {
  const user = async (data: string): Promise<{ cause: string; problems: string[] }> => {
    const run = await cli(data, 'check', '--json');
    return (JSON.parse(run.out) as { user: { cause: string; problems: string[] } }).user;
  };

  it('damaged, newer schema, empty and missing with backups', async () => {
    const damaged = tempDir();
    writeFileSync(join(damaged, 'user.db'), Buffer.from('SQLite format 3\0'.padEnd(4096, 'x')));
    expect((await user(damaged)).cause).toBe('damaged');
    expect((await cli(damaged, 'check')).out).toMatch(/notes database: DAMAGED/);

    const newer = tempDir();
    await cliJson(newer, 'bookmark', 'add', 'c1.f1');
    const header = Buffer.alloc(4);
    header.writeUInt32BE(LATEST_VERSION + 1);
    const { openSync, writeSync, closeSync } = await import('node:fs');
    const fd = openSync(join(newer, 'user.db'), 'r+');
    writeSync(fd, header, 0, 4, 60);
    closeSync(fd);
    expect((await user(newer)).cause).toBe('newer-schema');
    expect((await cli(newer, 'check')).out).toMatch(/notes database: NEWER SCHEMA/);

    const { data } = await folderWithBackup();
    for (const side of ['-wal', '-shm']) rmSync(join(data, `user.db${side}`), { force: true });
    writeFileSync(join(data, 'user.db'), '');
    const empty = await cli(data, 'check');
    expect(empty.code).toBe(1);
    expect(empty.out).toMatch(/notes database: EMPTY/);
    rmSync(join(data, 'user.db'));
    expect((await user(data)).cause).toBe('missing');
    expect(existsSync(join(data, 'user.db'))).toBe(false); // check changed nothing
  });

  it.skipIf(isRoot || process.platform === 'win32')('read-only and no permission', async () => {
    const data = tempDir();
    await cliJson(data, 'bookmark', 'add', 'c1.f1');
    const file = join(data, 'user.db');
    chmodSync(file, 0o400);
    try {
      expect((await user(data)).cause).toBe('read-only');
      chmodSync(file, 0o000);
      expect((await user(data)).cause).toBe('no-permission');
    } finally {
      chmodSync(file, 0o600);
    }
  });
});
