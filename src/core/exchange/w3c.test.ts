/**
 * JSON export (W3C Web Annotation collection): every file validates against
 * the JSON Schema of the model subset the app writes (w3c.schema.json, ajv),
 * motivations and bodies follow the standard, and export → import gives back
 * the same records: it is the backup format.
 */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseImport } from './import';
import * as fx from '../../../tests/support/entries';
import type { ExportEntry } from './types';
import { ANNO_CONTEXT, REC_NS, buildW3cCollection, exportW3c, type W3cAnnotation } from './w3c';

const schema = JSON.parse(readFileSync(new URL('./w3c.schema.json', import.meta.url), 'utf8')) as object;
const validate = new Ajv({ strict: true, allErrors: true }).compile(schema);

const check = (json: string): void => {
  const ok = validate(JSON.parse(json));
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
};

const bookmarksOf = (entries: ExportEntry[]) => entries.flatMap((e) => (e.bookmark ? [e.bookmark] : []));
const annotationsOf = (entries: ExportEntry[]) => entries.flatMap((e) => (e.annotation ? [e.annotation] : []));

describe('W3C Web Annotation export', () => {
  const entries = fx.realisticEntries();
  const json = exportW3c(entries, fx.OPTIONS);

  it('validates against the schema, with and without private notes', () => {
    check(json);
    check(exportW3c(entries, { ...fx.OPTIONS, includeNotes: false }));
    check(exportW3c([], fx.OPTIONS));
    // Signed by its author: still valid, and still read by the importer.
    const signed = exportW3c(entries, {
      ...fx.OPTIONS,
      author: { id: '0b1e6f7a-2c3d-4e5f-8a9b-0c1d2e3f4a5b', name: 'Capital' },
    });
    check(signed);
    expect((JSON.parse(signed) as Record<string, unknown>)['rec:author']).toEqual({
      id: '0b1e6f7a-2c3d-4e5f-8a9b-0c1d2e3f4a5b',
      name: 'Capital',
    });
    expect(parseImport(signed).annotations).toHaveLength(annotationsOf(entries).length);
    const badAuthor = JSON.parse(signed) as Record<string, unknown>;
    badAuthor['rec:author'] = { id: 'not-a-uuid', name: 'Capital' };
    expect(validate(badAuthor)).toBe(false);
  });

  it('has a schema that rejects what the model forbids (so the check above means something)', () => {
    const broken = JSON.parse(json) as { first: { items: Array<Record<string, unknown>> } };
    delete broken.first.items[0].target;
    expect(validate(broken)).toBe(false);
    const foreign = JSON.parse(json) as { first: { items: Array<Record<string, unknown>> } };
    foreign.first.items[1].motivation = 'liking';
    expect(validate(foreign)).toBe(false);
  });

  it('is an AnnotationCollection with its context, urn:uuid ids, total and one embedded page', () => {
    const c = buildW3cCollection(entries, fx.OPTIONS);
    expect(c['@context']).toEqual([ANNO_CONTEXT, { rec: REC_NS }]);
    expect(c.type).toBe('AnnotationCollection');
    expect(c.id).toMatch(/^urn:uuid:[0-9a-f-]{36}$/);
    expect(c.total).toBe(entries.length);
    expect(c.first.items).toHaveLength(entries.length);
    expect(c['rec:contentBuildId']).toBe(fx.OPTIONS.contentBuildId);
    // A fresh collection id each time; the annotation ids are the records' own.
    expect(buildW3cCollection(entries, fx.OPTIONS).id).not.toBe(c.id);
    expect(c.first.items.map((a) => a.id)).toEqual(
      entries.map((e) => `urn:uuid:${e.annotation?.id ?? e.bookmark?.id}`),
    );
  });

  it('chooses motivations and bodies from the standard vocabulary', () => {
    const one = (e: ExportEntry): W3cAnnotation => buildW3cCollection([e], fx.OPTIONS).first.items[0];
    const full = one(
      fx.annotationEntry(
        fx.annotation('c2.f2.po.1', {
          note: 'See *note*',
          tags: ['ILO', 'recruitment'],
          position: 'oppose',
          color: 'red',
          priority: 'low',
        }),
      ),
    );
    expect(full.motivation).toEqual(['commenting', 'tagging', 'assessing']);
    expect(full.body).toEqual([
      { type: 'TextualBody', value: 'See *note*', purpose: 'commenting', format: 'text/markdown' },
      { type: 'TextualBody', value: 'ILO', purpose: 'tagging' },
      { type: 'TextualBody', value: 'recruitment', purpose: 'tagging' },
      { type: 'TextualBody', value: 'oppose', purpose: 'assessing' },
    ]);
    // Nothing but the source: the IRI itself (a { source } object is no recognised target).
    expect(full.target).toBe('recollection://block/c2.f2.po.1');
    expect([full['rec:color'], full['rec:priority'], full['rec:label']]).toEqual([
      'red',
      'low',
      'Cluster 2 (2), Policy option 1',
    ]);

    const bare = one(fx.annotationEntry(fx.annotation('c2.f2.po.1', { color: 'yellow' })));
    expect(bare.motivation).toBe('highlighting');
    expect(bare.body).toBeUndefined();
    expect(one(fx.annotationEntry(fx.annotation('c2.f2.po.1', { position: 'red-line' }))).motivation).toBe('assessing');
    expect(one(fx.annotationEntry(fx.annotation('c2.f2.po.1', { tags: ['x'] }))).motivation).toBe('tagging');

    const mark = one(fx.bookmarkEntry(fx.bookmark('c3.f2', 'whole area')));
    expect(mark.motivation).toBe('bookmarking');
    expect(mark.target).toBe('recollection://block/c3.f2');
    expect(mark.body).toEqual([
      { type: 'TextualBody', value: 'whole area', purpose: 'describing', format: 'text/plain' },
    ]);

    const quoted = entries.find((e) => e.annotation?.selector)!.annotation!;
    const s = quoted.selector!;
    expect(one(fx.annotationEntry(quoted)).target).toHaveProperty('selector', [
      { type: 'TextQuoteSelector', exact: s.exact, prefix: s.prefix, suffix: s.suffix },
      { type: 'TextPositionSelector', start: s.start, end: s.end },
    ]);
    expect(one(fx.annotationEntry(quoted)).target).toHaveProperty('source', `recollection://block/${quoted.blockId}`);
  });

  it('round-trips: export then import gives back the same bookmarks and annotations', () => {
    const back = parseImport(json);
    expect(back.bookmarks).toEqual(bookmarksOf(entries));
    expect(back.annotations).toEqual(annotationsOf(entries));
  });

  it('without private notes, carries no note, tag or bookmark label, and imports as such', () => {
    const shared = exportW3c(entries, { ...fx.OPTIONS, includeNotes: false });
    expect(shared).not.toContain('ILO C189');
    expect(shared).not.toContain('"tagging"');
    expect(shared).not.toContain('Passport retention');
    const back = parseImport(shared);
    expect(back.annotations.map((a) => [a.note, a.tags])).toEqual(annotationsOf(entries).map(() => ['', []]));
    expect(back.annotations.map((a) => a.position)).toEqual(annotationsOf(entries).map((a) => a.position));
    expect(back.bookmarks.map((b) => b.label)).toEqual(bookmarksOf(entries).map(() => ''));
  });
});
