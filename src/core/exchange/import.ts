/**
 * Reads an import file (the app's JSON export, or plain W3C Web Annotations)
 * into validated bookmarks and annotations for the user store to merge. A
 * file that is not JSON at all (a CSV, a brief, a sealed file) is named in one
 * sentence (sniff.ts) before any JSON parsing.
 *
 * Constraint: any file can be wrong. Size is checked before parsing, every
 * record is checked (zod schema, then the rules the schema cannot say), and the
 * first problem ends the import with a CoreError naming what is wrong and where,
 * e.g. "first.items[3].target: missing". Nothing is half-read: all or nothing.
 * Unknown block ids are not an error here: the store keeps them as orphans.
 */
import { CoreError } from '../../shared/contract/result';
import type { Annotation, Bookmark, OptionPosition, Position, Selector } from '../../shared/contract/types';
import { POSITIONS } from '../../shared/contract/types';
import { LIMITS } from '../../shared/limits';
import {
  ANNOTATION_ID,
  WRAPPABLE,
  errorMap,
  formatPath,
  importSchemas,
  show,
  targetBlockId,
  type RawRecord,
} from './import-schema';
import { refuseUnreadable, sniffText } from './sniff';
import type { ImportBundle } from './types';

const invalid = (where: string, what: string): never => {
  throw new CoreError('INVALID_ARGUMENT', `${where}: ${what}`);
};

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const own = (o: Json, key: string): unknown => (Object.hasOwn(o, key) ? o[key] : undefined);
const types = (v: unknown): string[] =>
  typeof v === 'string' ? [v] : Array.isArray(v) ? v.filter((t): t is string => typeof t === 'string') : [];

/** "line 3, column 5" of a UTF-16 offset. */
function lineColumn(text: string, pos: number): string {
  const before = text.slice(0, pos);
  const line = before.split('\n').length;
  return `line ${line}, column ${pos - before.lastIndexOf('\n')}`;
}

/**
 * Offset of the first character JSON.parse rejects, for the messages that do not
 * give one ("Unexpected token"): the shortest prefix that fails other than by ending early.
 */
function errorOffset(text: string): number | null {
  const failsInside = (k: number): boolean => {
    try {
      JSON.parse(text.slice(0, k));
      return false;
    } catch (err) {
      const message = err instanceof Error ? err.message : '';
      if (message === 'Unexpected end of JSON input') return false;
      const at = /at position (\d+)/.exec(message);
      return at ? Number(at[1]) < k : true;
    }
  };
  let lo = 1;
  let hi = text.length;
  if (!failsInside(hi)) return null;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (failsInside(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo - 1;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    if (!(err instanceof SyntaxError)) return invalid('file', 'the JSON nests too deeply to be read');
    const at = /^(.*) in JSON at position (\d+)/.exec(err.message);
    if (at) return invalid('file', `invalid JSON at ${lineColumn(text, Number(at[2]))}: ${at[1]}`);
    if (err.message === 'Unexpected end of JSON input')
      return invalid('file', 'invalid JSON: the file ends too early (cut short?)');
    const pos = errorOffset(text);
    const ch = pos === null ? null : text.codePointAt(pos);
    // The engine's message quotes the file; ours names only the offending character.
    if (pos === null || ch === undefined || ch === null) return invalid('file', 'invalid JSON');
    return invalid(
      'file',
      `invalid JSON at ${lineColumn(text, pos)}: unexpected ${JSON.stringify(String.fromCodePoint(ch))}`,
    );
  }
}

const TOP = 'expected an Annotation, an array of annotations, an AnnotationPage or an AnnotationCollection';

/** The list of records and the path prefix of each one ("first.items", "items", "" for a bare array; null for a single annotation). */
function locateItems(data: unknown): { items: unknown[]; base: string | null } {
  if (Array.isArray(data)) return { items: data, base: '' };
  if (!isObject(data)) return invalid('top level', `${TOP}; got ${show(data)}`);
  const t = types(own(data, 'type'));
  const pageItems = (page: Json, where: string): unknown[] => {
    if (own(page, 'next') !== undefined)
      invalid(`${where}next`, 'collections split over several pages are not supported; export them as one file');
    const items = own(page, 'items');
    if (!Array.isArray(items))
      return invalid(`${where}items`, items === undefined ? 'missing' : `expected an array, got ${show(items)}`);
    return items;
  };
  if (t.includes('AnnotationCollection')) {
    const first = own(data, 'first');
    let found: { items: unknown[]; base: string };
    if (first === undefined && Array.isArray(own(data, 'items')))
      found = { items: own(data, 'items') as unknown[], base: 'items' };
    else if (first === undefined)
      return invalid('first', 'missing: an AnnotationCollection needs its annotations in first.items');
    else if (typeof first === 'string')
      return invalid('first', 'a page given by its address cannot be read offline; embed the page and its items');
    else if (!isObject(first)) return invalid('first', `expected an AnnotationPage object, got ${show(first)}`);
    else found = { items: pageItems(first, 'first.'), base: 'first.items' };
    const total = own(data, 'total');
    if (typeof total === 'number' && total !== found.items.length) {
      invalid(
        'total',
        `the collection says ${total} annotations but holds ${found.items.length}; the file may be incomplete`,
      );
    }
    return found;
  }
  if (t.includes('AnnotationPage')) return { items: pageItems(data, ''), base: 'items' };
  if (t.includes('Annotation')) return { items: [data], base: null };
  const got =
    own(data, 'type') === undefined ? 'an object without a type' : `an object of type ${show(own(data, 'type'))}`;
  return invalid('top level', `${TOP}; got ${got}`);
}

/** One-or-many values made into arrays (and a bare target IRI into an object), remembering what was wrapped. */
function normalise(raw: Json, path: string, wrapped: Set<string>): Json {
  const out: Json = { ...raw };
  for (const key of WRAPPABLE) {
    if (key.includes('.')) continue;
    const v = own(out, key);
    if (v !== undefined && !Array.isArray(v)) {
      out[key] = [v];
      wrapped.add(key);
    }
  }
  let target = own(out, 'target');
  if (Array.isArray(target)) {
    if (target.length !== 1)
      invalid(`${path}target`, target.length === 0 ? 'empty' : `${target.length} targets; only one is supported`);
    target = target[0];
  }
  if (typeof target === 'string') target = { source: target };
  if (isObject(target)) {
    const selector = own(target, 'selector');
    target = { ...target };
    if (selector !== undefined && !Array.isArray(selector)) {
      (target as Json).selector = [selector];
      wrapped.add('target.selector');
    }
  }
  out.target = target;
  return out;
}

const FIRST_DAY = Date.parse('0000-01-01T00:00:00.000Z');
const LAST_DAY = Date.parse('9999-12-31T23:59:59.999Z');

/**
 * The date in UTC, as the store keeps it. An offset can carry a date over a year
 * boundary: 9999-12-31T23:59:59-23:59 is in the year 10000, which toISOString
 * writes as +010000-…, a form the importer (and most readers) refuse, so the
 * next export would not import. Such dates are refused here, with a sentence.
 */
function utcDate(value: string, where: string): string {
  const time = Date.parse(value);
  if (time < FIRST_DAY || time > LAST_DAY) {
    const year = new Date(time).getUTCFullYear();
    invalid(where, `${show(value)} is in the year ${year} in UTC; dates must fall in the years 0000 to 9999 in UTC`);
  }
  return new Date(time).toISOString();
}

type Parsed = { kind: 'bookmark'; value: Bookmark } | { kind: 'annotation'; value: Annotation };

function toRecord(r: RawRecord, path: string, wrapped: ReadonlySet<string>): Parsed {
  const at = (...segments: PropertyKey[]): string => formatPath(path, segments, wrapped);
  const id = (ANNOTATION_ID.exec(r.id)?.[1] ?? '').toLowerCase();
  const targetId = targetBlockId(r.target.source) ?? '';
  if (!r.created && !r.modified)
    invalid(at('created'), 'missing: a created or modified date is needed to tell which copy is newer');
  const created = utcDate((r.created ?? r.modified)!, at(r.created ? 'created' : 'modified'));
  const modified = utcDate((r.modified ?? r.created)!, at(r.modified ? 'modified' : 'created'));
  const bodies = r.body ?? [];
  const selectors = r.target.selector ?? [];
  const isBookmark =
    (r.motivation ?? []).includes('bookmarking') &&
    selectors.length === 0 &&
    !bodies.some((b) => b.purpose === 'tagging' || b.purpose === 'assessing') &&
    !r['rec:color'] &&
    !r['rec:priority'];

  if (isBookmark) {
    const label = [r.bodyValue, ...bodies.map((b) => b.value)].filter((v): v is string => v !== undefined).join(' ');
    if (label.length > LIMITS.labelLength)
      invalid(at('body'), `a bookmark label longer than ${LIMITS.labelLength} characters`);
    return { kind: 'bookmark', value: { id, targetId, label, created, modified } };
  }

  let selector: Selector | null = null;
  if (selectors.length) {
    const qi = selectors.findIndex((s) => s.type === 'TextQuoteSelector');
    const pi = selectors.findIndex((s) => s.type === 'TextPositionSelector');
    const q = selectors[qi];
    const p = selectors[pi];
    if (!q || q.type !== 'TextQuoteSelector' || !p || p.type !== 'TextPositionSelector') {
      return invalid(at('target', 'selector'), 'needs both a TextQuoteSelector and a TextPositionSelector');
    }
    if (p.end <= p.start)
      invalid(at('target', 'selector', pi, 'end'), `must be after start (${p.start}); got ${p.end}`);
    selector = { exact: q.exact, prefix: q.prefix ?? '', suffix: q.suffix ?? '', start: p.start, end: p.end };
  }

  const noteParts: string[] = r.bodyValue !== undefined ? [r.bodyValue] : [];
  const tags: string[] = [];
  let position: Position | null = null;
  bodies.forEach((b, i) => {
    if (b.purpose === 'tagging') {
      const tag = b.value.trim();
      if (tag === '') invalid(at('body', i, 'value'), 'an empty tag');
      if (tag.length > LIMITS.tagLength)
        invalid(at('body', i, 'value'), `a tag longer than ${LIMITS.tagLength} characters`);
      if (!tags.includes(tag)) tags.push(tag);
    } else if (b.purpose === 'assessing') {
      const value = POSITIONS.find((v) => v === b.value);
      if (!value)
        return invalid(
          at('body', i, 'value'),
          `a position must be one of ${POSITIONS.join(', ')}; got ${show(b.value)}`,
        );
      if (position && position !== value) invalid(at('body', i), `a second position (${position}, then ${value})`);
      position = value;
    } else {
      // commenting, describing, no purpose, or any other text: kept in the note rather than lost.
      noteParts.push(b.value);
    }
  });
  if (tags.length > LIMITS.tagsPerNote) invalid(at('body'), `${tags.length} tags; at most ${LIMITS.tagsPerNote}`);
  const note = noteParts.join('\n\n');
  if (note.length > LIMITS.noteLength) invalid(at('body'), `the note is longer than ${LIMITS.noteLength} characters`);

  return {
    kind: 'annotation',
    value: {
      id,
      blockId: targetId,
      selector,
      note,
      color: r['rec:color'] ?? null,
      tags,
      position,
      priority: r['rec:priority'] ?? null,
      anchor: r['rec:anchor'] ?? 'attached',
      created,
      modified,
    },
  };
}

function parseRecord(raw: unknown, path: string): Parsed {
  if (!isObject(raw)) return invalid(path || '(annotation)', `expected an annotation object, got ${show(raw)}`);
  const wrapped = new Set<string>();
  const parsed = importSchemas().record.safeParse(normalise(raw, path ? `${path}.` : '', wrapped), { error: errorMap });
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 3).map((i) => `${formatPath(path, i.path, wrapped)}: ${i.message}`);
    throw new CoreError('INVALID_ARGUMENT', issues.join('; '));
  }
  return toRecord(parsed.data, path, wrapped);
}

/** The options' positions of a format-2 collection, with times normalised to UTC like the records'. */
function parsePositions(raw: unknown): OptionPosition[] {
  const parsed = importSchemas().positions.safeParse(raw, { error: errorMap });
  if (!parsed.success) {
    const issues = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${formatPath('rec:positions', i.path, new Set())}: ${i.message}`);
    throw new CoreError('INVALID_ARGUMENT', issues.join('; '));
  }
  return parsed.data.map((p) => ({
    targetId: targetBlockId(p.target) ?? p.target,
    position: p.position,
    priority: p.priority,
    modified: new Date(p.modified).toISOString(),
  }));
}

export function parseImport(text: string): ImportBundle {
  // Both checks come before parsing: a hostile file must not cost its size in memory twice.
  if (text.length > LIMITS.importBytes || Buffer.byteLength(text, 'utf8') > LIMITS.importBytes) {
    invalid('file', `${mb(Buffer.byteLength(text, 'utf8'))}; at most ${mb(LIMITS.importBytes)} can be imported`);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') invalid('file', 'empty');
  const kind = sniffText(body);
  // A sealed file reaches here only when nothing opened it first (readImport does, given a passphrase).
  if (kind === 'sealed')
    throw new CoreError('PASSPHRASE_NEEDED', 'This is a sealed Recollection file: type its passphrase to open it.');
  refuseUnreadable(kind);
  const data = parseJson(body);
  const { items, base } = locateItems(data);
  if (items.length > LIMITS.importRecords) {
    invalid(
      base || 'top level',
      `${items.length} annotations; at most ${LIMITS.importRecords} can be imported at once`,
    );
  }
  const bundle: ImportBundle = { bookmarks: [], annotations: [] };
  const seen = new Map<string, string>();
  items.forEach((item, i) => {
    const path = base === null ? '' : `${base}[${i}]`;
    const record = parseRecord(item, path);
    const earlier = seen.get(record.value.id);
    if (earlier !== undefined)
      invalid(formatPath(path, ['id'], new Set()), `duplicate of ${earlier || 'an earlier record'}`);
    seen.set(record.value.id, path);
    if (record.kind === 'bookmark') bundle.bookmarks.push(record.value);
    else bundle.annotations.push(record.value);
  });
  const positions = isObject(data) ? own(data, 'rec:positions') : undefined;
  // An empty list adds nothing: the notes of such a file carry no position either.
  if (positions !== undefined) {
    const list = parsePositions(positions);
    if (list.length) bundle.positions = list;
  }
  return bundle;
}
