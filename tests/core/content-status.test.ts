/**
 * Core tier: a content database that is missing, damaged (overwritten or
 * truncated bytes of a real copy) or made by a newer app does not stop the
 * core. app.status carries the problem's code and a sentence saying what to
 * do, the document's channels answer UNAVAILABLE with it, and the notes
 * written before stay reachable, unchanged (not re-anchored against nothing).
 */
import { closeSync, copyFileSync, mkdtempSync, openSync, rmSync, statSync, truncateSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { CONTENT_SCHEMA_VERSION } from '../../src/core/content/schema';
import { dispatch } from '../../src/core/dispatch';
import { openCore } from '../../src/core/open';
import type { ContentProblem } from '../../src/shared/contract/types';
import { openTestCore } from '../support/core';

const dir = mkdtempSync(join(tmpdir(), 'rec-content-status-'));
const dataDir = join(dir, 'data');
const PO = 'c2.f2.po.1';
let annotationId = '';

beforeAll(async () => {
  // Notes written while the document could be opened.
  const t = openTestCore(dataDir);
  await t.value('bookmarks.add', { targetId: 'c2.f2', label: 'recruitment' });
  annotationId = (await t.value('annotations.create', { blockId: PO, note: 'red line on fees', tags: ['fees'] })).id;
  t.close();
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the real content database, changed by `damage`. */
function copyWith(name: string, damage: (file: string) => void): string {
  const file = join(dir, name);
  copyFileSync(CONTENT_DB_PATH, file);
  damage(file);
  return file;
}

function overwrite(file: string, offset: number, length: number): void {
  const fd = openSync(file, 'r+');
  writeSync(fd, Buffer.alloc(length, 0x5a), 0, length, offset);
  closeSync(fd);
}

const cases: Array<[string, ContentProblem, () => string, RegExp]> = [
  ['missing', 'missing', () => join(dir, 'absent.db'), /missing.*run npm run build:content\.$/],
  [
    'overwritten header',
    'damaged',
    () => copyWith('header.db', (f) => overwrite(f, 0, 100)),
    /damaged.*run npm run build:content\.$/,
  ],
  [
    'truncated to a third',
    'damaged',
    () => copyWith('truncated.db', (f) => truncateSync(f, Math.floor(statSync(f).size / 3))),
    /damaged.*run npm run build:content\.$/,
  ],
  [
    'made by a newer app',
    'too-new',
    () =>
      copyWith('newer.db', (f) => {
        const db = new Database(f);
        db.prepare("UPDATE meta SET value = ? WHERE key = 'schema_version'").run(String(CONTENT_SCHEMA_VERSION + 1));
        db.close();
      }),
    /schema version \d+.*update Recollection/,
  ],
];

describe('a content database that cannot be used becomes a status', () => {
  it.each(cases)('%s: app.status says %s and what to do; notes stay reachable', async (_name, code, make, sentence) => {
    const core = openCore({ contentDbPath: make(), dataDir, version: 'test' });
    try {
      const call = (channel: string, args: unknown) => dispatch(core.handlers, channel, args);
      const status = await call('app.status', {});
      if (!status.ok) throw new Error(status.error.message);
      const content = (status.value as { content: { ok: boolean; code: string; message: string } }).content;
      expect(content).toMatchObject({ ok: false, code });
      expect(content.message).toMatch(sentence);

      // The document's channels answer with the same sentence.
      for (const [channel, args] of [
        ['content.outline', {}],
        ['content.block', { id: PO }],
        ['search.query', { q: 'recruitment' }],
        ['export.render', { format: 'markdown', scope: { kind: 'all' }, includeNotes: true }],
      ] as const) {
        const r = await call(channel, args);
        expect(r.ok ? 'ok' : r.error, channel).toEqual({ code: 'UNAVAILABLE', message: content.message });
      }

      // The notes are there, with their text.
      const bookmarks = await call('bookmarks.list', {});
      expect(bookmarks.ok && (bookmarks.value as Array<{ label: string }>).map((b) => b.label)).toEqual([
        'recruitment',
      ]);
      const notes = await call('annotations.list', {});
      expect(notes.ok && notes.value).toMatchObject([
        { id: annotationId, note: 'red line on fees', blockId: PO, anchor: 'attached' },
      ]);
    } finally {
      core.close();
    }
  });

  it('the notes are not re-anchored against the missing document: they are attached when it is back', async () => {
    const t = openTestCore(dataDir);
    try {
      expect(await t.value('annotations.list', {})).toMatchObject([{ id: annotationId, anchor: 'attached' }]);
      expect((await t.value('app.status', {})).content).toEqual({ ok: true, code: null, message: null });
    } finally {
      t.close();
    }
  });
});
