/**
 * Commands that only read (search, show, outline, notes) open the notes
 * database without the trash purge, the one write every open did: they take
 * no write lock while the app may be saving, and change nothing on disk.
 * Commands that write still purge what has been in the trash over 30 days.
 */
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Annotation } from '../../src/shared/contract/types';
import { cli, cliJson, tempDir } from './run';

/** How many annotations are in the file, deleted or not. */
function annotationRows(data: string): number {
  const db = new Database(join(data, 'user.db'), { readonly: true });
  try {
    return db.prepare<[], { n: number }>('SELECT count(*) AS n FROM annotations').get()?.n ?? -1;
  } finally {
    db.close();
  }
}

/** Puts an annotation in the trash as if deleted in 2001 (long past the 30 days). */
function trashLongAgo(data: string, id: string): void {
  const db = new Database(join(data, 'user.db'));
  try {
    db.prepare("UPDATE annotations SET deleted = '2001-01-01T00:00:00.000Z' WHERE id = ?").run(id);
  } finally {
    db.close();
  }
}

describe('read-only commands', () => {
  it('leave old trash alone; the next command that writes purges it', async () => {
    const data = tempDir();
    const made = await cliJson<Annotation>(data, 'annotate', 'c2.f2.po.1', '--note', 'old note');
    trashLongAgo(data, made.id);
    for (const argv of [['search', 'remittances'], ['show', 'c2.f2.po.1'], ['outline'], ['notes']]) {
      const run = await cli(data, ...argv);
      expect(run.code, argv.join(' ')).toBe(0);
      expect(annotationRows(data), argv.join(' ')).toBe(1);
    }
    await cliJson<Annotation>(data, 'annotate', 'c2.f2.po.2', '--note', 'new note');
    // The old one was purged at open, the new one is there.
    expect(annotationRows(data)).toBe(1);
  });
});
