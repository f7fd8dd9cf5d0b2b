/**
 * Every annotation of a JSON export meets the MUST assertions of the W3C Web
 * Annotation test suite (w3c/web-annotation-tests, annotationMusts.test),
 * written as one ajv schema in tests/fixtures/w3c-annotation-musts.schema.json.
 * Exports are made through the real core (notes on passages and on whole
 * blocks, bookmarks on blocks and on sections, with and without notes) and
 * from the exchange tests' realistic entries.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPTIONS, realisticEntries } from '../support/entries';
import { exportW3c } from '../../src/core/exchange/w3c';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const schema = JSON.parse(
  readFileSync(new URL('../fixtures/w3c-annotation-musts.schema.json', import.meta.url), 'utf8'),
) as object;
// strictRequired off: the suite tests the presence of keys it does not describe (value, items, state...).
const validate = new Ajv({ strict: true, strictRequired: false, allErrors: true }).compile(schema);

interface Collection {
  '@context': unknown;
  first: { items: Array<Record<string, unknown>> };
}

/** Each item as a standalone annotation: embedded, it takes its context from the collection. */
const annotations = (json: string): Array<Record<string, unknown>> => {
  const c = JSON.parse(json) as Collection;
  return c.first.items.map((item) => ({ '@context': c['@context'], ...item }));
};

const failures = (items: Array<Record<string, unknown>>): Array<{ id: unknown; errors: unknown }> =>
  items.flatMap((a) => (validate(a) ? [] : [{ id: a['id'], errors: validate.errors }]));

let t: TestCore;
beforeAll(async () => {
  t = openTestCore(mkdtempSync(join(tmpdir(), 'recollection-w3c-')));
  const block = (await t.value('content.block', { id: 'c2.f3.po.1' })).block;
  const exact = block.text.split(' ').slice(2, 6).join(' ');
  const start = block.text.indexOf(exact);
  await t.value('annotations.create', {
    blockId: block.id,
    selector: { exact, prefix: '', suffix: '', start, end: start + exact.length },
    note: 'on a passage',
    tags: ['skills'],
  });
  await t.value('positions.set', { targetId: block.id, position: 'support' });
  await t.value('annotations.create', { blockId: 'c2.f3.po.2', note: 'on the whole block', color: 'red' });
  await t.value('annotations.create', { blockId: 'c2.f3.po.3', color: 'yellow' });
  await t.value('bookmarks.add', { targetId: 'c2.f3.po.1', label: 'a block' });
  await t.value('bookmarks.add', { targetId: 'c2.f3', label: 'a section' });
  await t.value('bookmarks.add', { targetId: 'c1.f1.po.1' });
});
afterAll(() => {
  t?.close();
  if (t) removeDir(t.dataDir);
});

describe('W3C Web Annotation test suite, MUST assertions', () => {
  it('every exported annotation passes, with and without private notes', async () => {
    for (const includeNotes of [true, false]) {
      const file = await t.value('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes });
      const items = annotations(String(file.data));
      expect(items).toHaveLength(6);
      expect(failures(items)).toEqual([]);
    }
    expect(failures(annotations(exportW3c(realisticEntries(), OPTIONS)))).toEqual([]);
  });

  it('a bookmark, and a note on a whole block, target the IRI itself; a passage, a Specific Resource', async () => {
    const file = await t.value('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true });
    const targets = annotations(String(file.data)).map((a) => a['target']);
    expect(targets).toContain('recollection://block/c2.f3');
    expect(targets).toContain('recollection://block/c2.f3.po.2');
    expect(targets.filter((x) => typeof x === 'object')).toHaveLength(1);
    // And the file reads back as it was.
    const again = openTestCore(mkdtempSync(join(tmpdir(), 'recollection-w3c-back-')));
    try {
      const applied = await again.value('import.apply', { data: String(file.data) });
      expect(applied.added).toBe(6);
      expect(await again.value('bookmarks.list', {})).toEqual(await t.value('bookmarks.list', {}));
      expect(await again.value('annotations.list', {})).toEqual(await t.value('annotations.list', {}));
    } finally {
      again.close();
      removeDir(again.dataDir);
    }
  });

  it('the schema refuses what the suite refuses (so passing it means something)', () => {
    const good = annotations(exportW3c(realisticEntries(), OPTIONS))[0];
    const bad = (patch: Record<string, unknown>): boolean => !validate({ ...good, ...patch });
    expect(bad({ target: { source: 'recollection://block/c2.f3' } })).toBe(true); // 3.2: source alone
    expect(bad({ target: undefined })).toBe(true);
    expect(bad({ target: 'not a uri' })).toBe(true);
    expect(bad({ '@context': 'http://example.org/other' })).toBe(true);
    expect(bad({ type: 'Note' })).toBe(true);
    expect(bad({ created: '+010000-01-01T23:58:59.000Z' })).toBe(true);
    expect(bad({ bodyValue: 'x', body: [{ type: 'TextualBody', value: 'y' }] })).toBe(true);
    expect(bad({ body: [{ type: 'TextualBody', value: 'y', source: 'http://x.org/' }] })).toBe(true);
    expect(bad({ motivation: 'liking' })).toBe(true);
    expect(
      bad({ target: { source: 'recollection://block/c2.f3', selector: { type: 'TextPositionSelector', start: -1 } } }),
    ).toBe(true);
    expect(bad({})).toBe(false);
  });
});
