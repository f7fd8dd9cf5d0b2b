/**
 * Import: what is accepted (the app's JSON and plain W3C annotations in every
 * container shape), and every rejection, each with a message that says what is
 * wrong and where.
 */
import { describe, expect, it } from 'vitest';
import { CoreError } from '../../shared/contract/result';
import { LIMITS } from '../../shared/limits';
import { parseImport } from './import';
import {
  OPTIONS,
  annotation,
  annotationEntry,
  bookmark,
  bookmarkEntry,
  selectorOn,
} from '../../../tests/support/entries';
import { buildW3cCollection } from './w3c';

type Json = Record<string, unknown>;

/** A valid collection of three records (bookmark, annotation with selector, whole-block annotation). */
const BASE = JSON.stringify(
  buildW3cCollection(
    [
      bookmarkEntry(bookmark('c2.f2.po.2', 'Passport retention')),
      annotationEntry(
        annotation('c2.f2.po.1', {
          selector: selectorOn('c2.f2.po.1', 'gender-sensitive labor migration policies'),
          note: 'Check with capital',
          tags: ['recruitment'],
          position: 'support',
          color: 'green',
          priority: 'high',
        }),
      ),
      annotationEntry(annotation('c2.f2.pa.1', { position: 'red-line' })),
    ],
    OPTIONS,
  ),
);
/** A fresh copy of BASE as plain JSON, to break. */
const collection = (): { first: { items: Json[] } } & Json => JSON.parse(BASE) as { first: { items: Json[] } } & Json;

/** The CoreError parseImport throws; fails the test when it does not throw. */
function rejection(input: unknown): CoreError {
  const text = typeof input === 'string' ? input : JSON.stringify(input);
  try {
    parseImport(text);
  } catch (err) {
    expect(err).toBeInstanceOf(CoreError);
    expect((err as CoreError).code).toBe('INVALID_ARGUMENT');
    return err as CoreError;
  }
  throw new Error('expected the import to be rejected');
}
const message = (input: unknown): string => rejection(input).message;

function withItem(i: number, change: (item: Json) => void): Json {
  const c = collection();
  change(c.first.items[i]);
  return c;
}

describe('parseImport accepts', () => {
  const expected = parseImport(JSON.stringify(collection()));

  it('the app export, with its bookmark and annotations', () => {
    expect(expected.bookmarks).toHaveLength(1);
    expect(expected.annotations).toHaveLength(2);
    expect(expected.annotations[0]).toMatchObject({
      blockId: 'c2.f2.po.1',
      position: 'support',
      color: 'green',
      tags: ['recruitment'],
    });
    expect(expected.annotations[0].selector?.exact).toBe('gender-sensitive labor migration policies');
  });

  it('the same annotations as an array, an AnnotationPage, a collection with items, or one by one', () => {
    const items = collection().first.items;
    const same = (text: string) => parseImport(text);
    expect(same(JSON.stringify(items))).toEqual(expected);
    expect(same(JSON.stringify({ type: 'AnnotationPage', items }))).toEqual(expected);
    expect(same(JSON.stringify({ type: 'AnnotationCollection', total: 3, items }))).toEqual(expected);
    expect(same(JSON.stringify(items[1]))).toEqual({ bookmarks: [], annotations: [expected.annotations[0]] });
    expect(same(`\uFEFF${JSON.stringify(items)}`)).toEqual(expected);
  });

  it('a plain W3C annotation: target as an IRI, bodyValue, a single body, other purposes kept in the note', () => {
    const plain = {
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      id: 'urn:uuid:6A1F9E2C-3B4D-4C5E-8F60-718293A4B5C6',
      type: 'Annotation',
      bodyValue: 'Raised by the EU delegation.',
      body: { type: 'TextualBody', value: 'Reply expected next week', purpose: 'replying' },
      target: 'recollection://block/c4.f2.po.1',
      created: '2025-01-05T10:00:00+01:00',
    };
    expect(parseImport(JSON.stringify(plain))).toEqual({
      bookmarks: [],
      annotations: [
        {
          id: '6a1f9e2c-3b4d-4c5e-8f60-718293a4b5c6',
          blockId: 'c4.f2.po.1',
          selector: null,
          note: 'Raised by the EU delegation.\n\nReply expected next week',
          color: null,
          tags: [],
          position: null,
          priority: null,
          anchor: 'attached',
          created: '2025-01-05T09:00:00.000Z',
          modified: '2025-01-05T09:00:00.000Z',
        },
      ],
    });
  });

  it('unknown block ids (the store keeps them as orphans) and ignores unknown fields, __proto__ included', () => {
    const c = withItem(2, (a) => {
      a.target = { source: 'recollection://block/c9.f9.po.9' };
      a.extra = { nested: true };
    });
    const text = JSON.stringify(c).replace('"extra":', '"__proto__":{"note":"polluted","anchor":"orphan"},"extra":');
    const out = parseImport(text);
    expect(out.annotations[1]).toMatchObject({ blockId: 'c9.f9.po.9', note: '', anchor: 'attached' });
    expect(Object.getPrototypeOf(out.annotations[1])).toBe(Object.prototype);
    expect(({} as Json).note).toBeUndefined();
  });
});

describe('parseImport rejects, saying what and where', () => {
  it('a file over the size limit, before parsing it', () => {
    expect(message(' '.repeat(LIMITS.importBytes + 1))).toBe('file: 20.0 MB; at most 20.0 MB can be imported');
    // Under the limit in characters, over it in bytes.
    expect(message('é'.repeat(LIMITS.importBytes / 2 + 1))).toMatch(/^file: 20\.0 MB; at most 20\.0 MB/);
  });

  it('an empty file and invalid JSON, with the line and column', () => {
    expect(message('  \n')).toBe('file: empty');
    expect(message('{\n  "type": "Annotation",\n  "id": ,\n}')).toBe(
      'file: invalid JSON at line 3, column 9: unexpected ","',
    );
    expect(message('[\n  {"a": tru}\n]')).toBe('file: invalid JSON at line 2, column 12: unexpected "}"');
    expect(message('{"type": "Annotation"')).toMatch(/^file: invalid JSON at line 1, column 22: Expected ',' or '}'/);
    expect(message('[1, 2')).toMatch(/^file: invalid JSON at line 1, column 6/);
  });

  it('a top level that is not annotations', () => {
    expect(message(42)).toBe(
      'top level: expected an Annotation, an array of annotations, an AnnotationPage or an AnnotationCollection; got number 42',
    );
    expect(message('"text"')).toMatch(/^top level: expected an Annotation.*; got "text"$/);
    expect(message({ type: 'Person' })).toMatch(/; got an object of type "Person"$/);
    expect(message({ bookmarks: [] })).toMatch(/; got an object without a type$/);
  });

  it('collections it cannot read whole', () => {
    expect(message({ type: 'AnnotationCollection', total: 0 })).toBe(
      'first: missing: an AnnotationCollection needs its annotations in first.items',
    );
    expect(message({ type: 'AnnotationCollection', first: 'https://example.org/page1' })).toMatch(
      /^first: a page given by its address/,
    );
    expect(message({ ...collection(), total: 5 })).toBe(
      'total: the collection says 5 annotations but holds 3; the file may be incomplete',
    );
    const paged = collection();
    (paged.first as unknown as Json).next = 'https://example.org/page2';
    expect(message(paged)).toMatch(/^first\.next: collections split over several pages are not supported/);
    expect(message({ type: 'AnnotationPage', items: {} })).toBe('items: expected an array, got an object');
  });

  it('too many records, before reading any of them', () => {
    const many = `[${new Array(LIMITS.importRecords + 1).fill('0').join(',')}]`;
    expect(message(many)).toBe(
      `top level: ${LIMITS.importRecords + 1} annotations; at most ${LIMITS.importRecords} can be imported at once`,
    );
  });

  it('a record that is not an object or not an Annotation', () => {
    expect(message([null])).toBe('[0]: expected an annotation object, got null');
    expect(message(withItem(1, (a) => (a.type = 'Note')))).toBe(
      'first.items[1].type: expected "Annotation"; got "Note"',
    );
    expect(message(withItem(1, (a) => delete a.type))).toBe('first.items[1].type: missing');
  });

  it('a missing target, several targets, or a target outside the app', () => {
    expect(message(withItem(2, (a) => delete a.target))).toBe('first.items[2].target: missing');
    const single = collection().first.items[2];
    delete single.target;
    expect(message(single)).toBe('target: missing');
    expect(message(withItem(2, (a) => (a.target = ['recollection://block/a', 'recollection://block/b'])))).toBe(
      'first.items[2].target: 2 targets; only one is supported',
    );
    expect(message(withItem(2, (a) => (a.target = 'https://example.org/page.html')))).toBe(
      'first.items[2].target.source: not a Recollection block (expected recollection://block/<id>); got "https://example.org/page.html"',
    );
    expect(message(withItem(0, (a) => (a.target = { source: 'recollection://block/c2 f2' })))).toMatch(
      /^first\.items\[0]\.target\.source: not a Recollection block/,
    );
  });

  it('a missing, malformed or duplicate id', () => {
    expect(message(withItem(1, (a) => delete a.id))).toBe('first.items[1].id: missing');
    expect(message(withItem(1, (a) => (a.id = 'http://example.org/anno/1')))).toBe(
      'first.items[1].id: expected urn:uuid:<UUID>; got "http://example.org/anno/1"',
    );
    expect(message(withItem(1, (a) => (a.id = 7)))).toBe('first.items[1].id: expected a string, got number 7');
    const dup = collection();
    dup.first.items[2].id = String(dup.first.items[0].id).toUpperCase().replace('URN:UUID:', 'urn:uuid:');
    expect(message(dup)).toBe('first.items[2].id: duplicate of first.items[0]');
  });

  it('positions, colours and priorities outside their lists', () => {
    expect(
      message(
        withItem(2, (a) => {
          a.body = [{ type: 'TextualBody', value: 'maybe', purpose: 'assessing' }];
        }),
      ),
    ).toBe(
      'first.items[2].body[0].value: a position must be one of support, support-with-amendments, oppose, red-line, no-position, ask-capital; got "maybe"',
    );
    expect(message(withItem(1, (a) => (a['rec:color'] = 'pink')))).toBe(
      'first.items[1].rec:color: must be one of yellow, green, blue, red, purple; got "pink"',
    );
    expect(message(withItem(1, (a) => (a['rec:priority'] = 'urgent')))).toBe(
      'first.items[1].rec:priority: must be one of high, medium, low; got "urgent"',
    );
    expect(message(withItem(1, (a) => (a['rec:anchor'] = 'lost')))).toMatch(
      /^first\.items\[1]\.rec:anchor: must be one of attached, reanchored, orphan/,
    );
    const two = withItem(1, (a) => {
      (a.body as Json[]).push({ type: 'TextualBody', value: 'oppose', purpose: 'assessing' });
    });
    expect(message(two)).toBe('first.items[1].body[3]: a second position (support, then oppose)');
  });

  it('overlong notes and tags, empty tags, too many tags', () => {
    const body = (value: string, purpose: string) => ({ type: 'TextualBody', value, purpose });
    expect(message(withItem(1, (a) => (a.body = [body('x'.repeat(LIMITS.noteLength + 1), 'commenting')])))).toBe(
      'first.items[1].body[0].value: longer than 100000 characters',
    );
    expect(message(withItem(1, (a) => (a.body = [body('a', 'commenting'), body('t'.repeat(61), 'tagging')])))).toBe(
      'first.items[1].body[1].value: a tag longer than 60 characters',
    );
    expect(message(withItem(1, (a) => (a.body = [body('  ', 'tagging')])))).toBe(
      'first.items[1].body[0].value: an empty tag',
    );
    const tags = Array.from({ length: LIMITS.tagsPerNote + 1 }, (_, i) => body(`tag${i}`, 'tagging'));
    expect(message(withItem(1, (a) => (a.body = tags)))).toBe('first.items[1].body: 31 tags; at most 30');
    const halves = [
      body('x'.repeat(LIMITS.noteLength / 2), 'commenting'),
      body('y'.repeat(LIMITS.noteLength / 2), 'replying'),
    ];
    expect(message(withItem(1, (a) => (a.body = halves)))).toBe(
      'first.items[1].body: the note is longer than 100000 characters',
    );
    expect(message(withItem(0, (a) => (a.body = [body('b'.repeat(201), 'describing')])))).toBe(
      'first.items[0].body: a bookmark label longer than 200 characters',
    );
    expect(message(withItem(1, (a) => (a.body = [{ type: 'SpecificResource', value: 'x' }])))).toBe(
      'first.items[1].body[0].type: only TextualBody bodies are supported; got "SpecificResource"',
    );
  });

  it('selectors it cannot place', () => {
    const sel = (change: (s: Json[]) => void) =>
      withItem(1, (a) => {
        change((a.target as { selector: Json[] }).selector);
      });
    expect(message(sel((s) => (s[1].end = s[1].start)))).toMatch(
      /^first\.items\[1]\.target\.selector\[1]\.end: must be after start \(\d+\); got \d+$/,
    );
    expect(message(sel((s) => s.pop()))).toBe(
      'first.items[1].target.selector: needs both a TextQuoteSelector and a TextPositionSelector',
    );
    expect(message(sel((s) => (s[0] = { type: 'CssSelector', value: '#x' })))).toBe(
      'first.items[1].target.selector[0].type: unsupported selector "CssSelector": only TextQuoteSelector with TextPositionSelector',
    );
    expect(message(sel((s) => (s[0].exact = 'q'.repeat(LIMITS.quoteLength + 1))))).toBe(
      'first.items[1].target.selector[0].exact: longer than 5000 characters',
    );
    expect(message(sel((s) => (s[1].start = -1)))).toBe(
      'first.items[1].target.selector[1].start: must be at least 0; got number -1',
    );
    expect(message(sel((s) => (s[1].start = 1.5)))).toBe(
      'first.items[1].target.selector[1].start: expected an integer, got number 1.5',
    );
  });

  it('dates that are missing or not dates', () => {
    expect(
      message(
        withItem(1, (a) => {
          delete a.created;
          delete a.modified;
        }),
      ),
    ).toBe('first.items[1].created: missing: a created or modified date is needed to tell which copy is newer');
    expect(message(withItem(1, (a) => (a.modified = 'yesterday')))).toBe(
      'first.items[1].modified: expected an ISO 8601 date-time with a time zone (2024-05-01T14:03:00Z); got "yesterday"',
    );
    expect(message(withItem(1, (a) => (a.created = '2025-13-45T10:00:00Z')))).toBe(
      'first.items[1].created: not a real date: "2025-13-45T10:00:00Z"',
    );
    expect(message(withItem(1, (a) => (a.created = '2025-02-30T10:00:00Z')))).toBe(
      'first.items[1].created: not a real date: "2025-02-30T10:00:00Z"',
    );
    // One date alone is enough: the other takes its value.
    const one = parseImport(JSON.stringify(withItem(2, (a) => delete a.modified))).annotations[1];
    expect(one.modified).toBe(one.created);
  });

  it('dates with offsets: stored in UTC within 0000–9999, the rest refused with a sentence', () => {
    // Both of these fall outside the years an ISO string without a sign can hold, once in UTC.
    expect(message(withItem(1, (a) => (a.created = '9999-12-31T23:59:59-23:59')))).toBe(
      'first.items[1].created: "9999-12-31T23:59:59-23:59" is in the year 10000 in UTC; dates must fall in the years 0000 to 9999 in UTC',
    );
    expect(message(withItem(1, (a) => (a.modified = '0000-01-01T00:00:00+01:00')))).toBe(
      'first.items[1].modified: "0000-01-01T00:00:00+01:00" is in the year -1 in UTC; dates must fall in the years 0000 to 9999 in UTC',
    );
    const at = (created: string): string =>
      parseImport(JSON.stringify(withItem(2, (a) => ((a.created = created), (a.modified = created))))).annotations[1]
        .created;
    expect(at('9999-12-31T23:59:59+23:59')).toBe('9999-12-31T00:00:59.000Z');
    expect(at('9999-12-31T23:59:59.999Z')).toBe('9999-12-31T23:59:59.999Z');
    expect(at('0000-01-01T00:00:00Z')).toBe('0000-01-01T00:00:00.000Z');
    expect(at('2024-02-29T12:00:00+05:45')).toBe('2024-02-29T06:15:00.000Z');
    // What the importer stores, it reads again.
    for (const d of ['9999-12-31T23:59:59.999Z', '0000-01-01T00:00:00.000Z']) expect(at(d)).toBe(at(at(d)));
  });

  it('nothing at all when one record is wrong: the first problem ends the import', () => {
    const c = withItem(2, (a) => delete a.target);
    expect(() => parseImport(JSON.stringify(c))).toThrow(CoreError);
  });
});
