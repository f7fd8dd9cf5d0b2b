/**
 * The content build on the fixture model: every table written, deterministic
 * rows whatever the input order, refusal of an unsound model, atomic replacement.
 */
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { CoreError } from '../../shared/contract/result';
import { buildContentDb } from './build';
import { fixtureModel } from '../../../tests/support/model.fixture';
import { CONTENT_SCHEMA_VERSION, CONTENT_TABLES } from '../content/schema';

const dir = mkdtempSync(join(tmpdir(), 'recollection-build-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const opts = (name: string) => ({ sourceSha256: 'abc123', buildId: 'fingerprint-1', outPath: join(dir, name) });

function dump(path: string): Record<string, unknown[]> {
  const db = new Database(path, { readonly: true });
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of CONTENT_TABLES) out[t.name] = db.prepare(`SELECT * FROM ${t.name} ORDER BY ${t.orderBy}`).all();
    return out;
  } finally {
    db.close();
  }
}

describe('buildContentDb', () => {
  it('writes every table, the metadata and the schema version', () => {
    const report = buildContentDb(fixtureModel(), opts('a.db'));
    const model = fixtureModel();
    expect(report.counts).toMatchObject({
      sections: model.sections.length,
      blocks: model.blocks.length,
      footnotes: model.footnotes.length,
      footnoteRefs: model.blocks.reduce((n, b) => n + b.footnoteRefs.length, 0),
      crossRefs: model.crossRefs.length,
    });
    // 39 footnotes, of which footnote 22 is missing (no text): not a search document.
    expect(report.counts.indexedDocuments).toBe(model.blocks.length + 38);
    const rows = dump(report.path);
    const meta = Object.fromEntries((rows.meta as Array<{ key: string; value: string }>).map((r) => [r.key, r.value]));
    expect(meta).toMatchObject({
      title: model.meta.title,
      place: 'Geneva',
      source_sha256: 'abc123',
      build_id: 'fingerprint-1',
      schema_version: String(CONTENT_SCHEMA_VERSION),
    });
    const db = new Database(report.path, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(CONTENT_SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete');
    expect(db.pragma('foreign_key_check')).toEqual([]);
    db.close();
    // Nothing left behind but the database itself.
    expect(readdirSync(dir).filter((f) => f.startsWith('a.db'))).toEqual(['a.db']);
  });

  it('is deterministic: two builds have identical rows in every table', () => {
    const a = buildContentDb(fixtureModel(), opts('det-a.db'));
    // Same model, objects built in another order: the stored rows must not change.
    const shuffled = fixtureModel();
    shuffled.blocks.reverse();
    shuffled.sections.reverse();
    shuffled.footnotes.reverse();
    for (const b of shuffled.blocks) b.marks = b.marks.map((m) => ({ end: m.end, start: m.start, type: m.type }));
    const b = buildContentDb(shuffled, opts('det-b.db'));
    expect(dump(b.path)).toEqual(dump(a.path));
  });

  it('refuses an unsound model with a message saying what is wrong, and keeps the previous file', () => {
    const good = buildContentDb(fixtureModel(), opts('keep.db'));
    const before = readFileSync(good.path);
    const bad = fixtureModel();
    bad.blocks[1].footnoteRefs.push({ offset: 3, number: 99 });
    bad.blocks.push({ ...bad.blocks[2], seq: 1000 }); // duplicate id
    let error: unknown;
    try {
      buildContentDb(bad, opts('keep.db'));
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(CoreError);
    expect((error as CoreError).code).toBe('INVALID_ARGUMENT');
    expect((error as CoreError).message).toContain('unknown footnote 99');
    expect((error as CoreError).message).toContain(`duplicate block id ${bad.blocks[2].id}`);
    expect(readFileSync(good.path).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('keep.db'))).toEqual(['keep.db']);
  });

  it('a failure while writing removes the temporary file and keeps the previous database', () => {
    const good = buildContentDb(fixtureModel(), opts('midway.db'));
    const before = readFileSync(good.path);
    const bad = fixtureModel();
    // Passes the model checks but cannot be bound by SQLite: fails halfway through the writes.
    bad.footnotes[0].note = { text: 'not a string' } as unknown as string;
    expect(() => buildContentDb(bad, opts('midway.db'))).toThrow();
    expect(readFileSync(good.path).equals(before)).toBe(true);
    expect(readdirSync(dir).filter((f) => f.startsWith('midway.db'))).toEqual(['midway.db']);
  });

  it('replaces an existing file atomically (a reader never sees a partial file)', () => {
    const path = join(dir, 'replace.db');
    writeFileSync(path, 'not a database');
    buildContentDb(fixtureModel(), opts('replace.db'));
    expect(existsSync(path)).toBe(true);
    expect(dump(path).blocks).toHaveLength(fixtureModel().blocks.length);
  });
});
