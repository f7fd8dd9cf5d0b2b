/**
 * Every input limit of src/shared/limits.ts is enforced at the boundary: for
 * each place a limit applies (a channel's argument, or a field of an import
 * file), a value exactly at the limit gets through and one just over it is
 * rejected with INVALID_ARGUMENT naming the field. docs/limits.md is the
 * table of the same cases.
 *
 * Two limits cannot be reached by a real annotation (the longest block of the
 * document is ~1,300 characters): a quote of `quoteLength` or an offset of
 * `blockLength` passes the argument check and is then refused by the store
 * because it does not match the block — the test checks exactly that — and
 * is accepted whole through an import (where it becomes an unattached note).
 * The cases themselves are in limits-cases.ts.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../src/shared/limits';
import { openTestCore, removeDir, type TestCore } from '../support/core';
import { CASES, importFile, s, setQuote, tagList, type Limit } from './limits-cases';

let t: TestCore;

beforeAll(async () => {
  t = openTestCore(mkdtempSync(join(existsSync('/dev/shm') ? '/dev/shm' : tmpdir(), 'recollection-limits-')));
  const text = (await t.value('content.block', { id: 'c2.f2.po.1' })).block.text;
  const exact = 'access to justice';
  const start = text.indexOf(exact);
  setQuote({ blockId: 'c2.f2.po.1', exact, start, end: start + exact.length });
});
afterAll(() => {
  if (!t) return;
  t.close();
  removeDir(t.dataDir);
});

describe('each limit, at the boundary: at the limit gets through, one over is INVALID_ARGUMENT', () => {
  it.each(CASES.map((c) => [`${c.limit} = ${LIMITS[c.limit]}: ${c.where}`, c] as const))('%s', async (_, c) => {
    const at = await t.raw(c.channel, c.at());
    if (c.atRefusedLater) {
      // Past the argument check; refused by the store for its own reason, not for the length.
      expect(at.ok ? 'ok' : at.error.code).toBe(c.atRefusedLater.code);
      expect(at.ok ? '' : at.error.message).toMatch(c.atRefusedLater.says);
    } else {
      expect(at.ok, at.ok ? '' : at.error.message).toBe(true);
    }
    const over = await t.raw(c.channel, c.over());
    expect(over.ok ? 'ok' : over.error.code).toBe('INVALID_ARGUMENT');
    expect(over.ok ? '' : over.error.message).toMatch(c.says);
  });

  it('the at-limit values are stored whole (nothing truncated on the way in)', async () => {
    const note = await t.value('annotations.create', {
      blockId: 'c2.f2.ex.3',
      note: s(LIMITS.noteLength, 'n'),
      tags: [s(LIMITS.tagLength, 't'), ...tagList(LIMITS.tagsPerNote - 1)],
    });
    const [read] = await t.value('annotations.list', { filter: { blockId: 'c2.f2.ex.3' } });
    expect(read?.note).toHaveLength(LIMITS.noteLength);
    expect(read?.tags).toEqual(note.tags);
    expect(read?.tags).toHaveLength(LIMITS.tagsPerNote);
    const bookmark = await t.value('bookmarks.add', { targetId: 'c3', label: s(LIMITS.labelLength, 'l') });
    expect((await t.value('bookmarks.list', {})).find((b) => b.id === bookmark.id)?.label).toHaveLength(
      LIMITS.labelLength,
    );
  });

  it(`importBytes = ${LIMITS.importBytes}: a file of exactly that many bytes is read, one byte more is not`, async () => {
    const file = importFile({ note: 'padded' });
    const exactly = file + ' '.repeat(LIMITS.importBytes - file.length);
    expect(Buffer.byteLength(exactly)).toBe(LIMITS.importBytes);
    expect(await t.value('import.preview', { data: exactly })).toMatchObject({ added: 1 });
    // The schema lets a sealed file be larger (sealedImportBytes); a plain one is refused by the importer.
    const over = await t.raw('import.preview', { data: `${exactly} ` });
    expect(over.ok ? 'ok' : over.error.message).toMatch(/^file: 20\.0 MB; at most 20\.0 MB can be imported/);
    // Within the limit in characters but over it in UTF-8 bytes: the importer counts bytes.
    const wide = file + 'é'.repeat((LIMITS.importBytes - file.length) / 2 + 1);
    const bytes = await t.raw('import.preview', { data: wide });
    expect(bytes.ok ? 'ok' : bytes.error.message).toMatch(/^file: 20\.0 MB; at most 20\.0 MB can be imported/);
  });

  it(`importRecords = ${LIMITS.importRecords}: that many annotations are read, one more is refused before any is`, async () => {
    const record = (i: number) =>
      `{"id":"urn:uuid:${randomUUID()}","type":"Annotation","target":"recollection://block/p1.${1 + (i % 3)}","created":"2025-01-01T00:00:00Z","bodyValue":"n"}`;
    const items = Array.from({ length: LIMITS.importRecords }, (_, i) => record(i));
    const preview = await t.value('import.preview', { data: `[${items.join(',')}]` });
    expect(preview.added).toBe(LIMITS.importRecords);
    items.push(record(0));
    const over = await t.raw('import.preview', { data: `[${items.join(',')}]` });
    expect(over.ok ? 'ok' : over.error.message).toBe(
      `top level: ${LIMITS.importRecords + 1} annotations; at most ${LIMITS.importRecords} can be imported at once`,
    );
  }, 120_000);

  it('every limit in src/shared/limits.ts has a case here', () => {
    // sharedFolderFiles bounds the shared folder, not an argument: tests/core/delegation-hostile.test.ts.
    const covered = new Set<Limit>([...CASES.map((c) => c.limit), 'importBytes', 'importRecords', 'sharedFolderFiles']);
    expect(Object.keys(LIMITS).filter((k) => !covered.has(k as Limit))).toEqual([]);
  });
});
