/**
 * Read side of the content database: opening it read-only with its checks,
 * and one small reader per table that turns rows back into model objects.
 *
 * Constraint: the file comes from outside the process and may be missing,
 * from another schema version, or damaged. Each case ends in a
 * ContentUnavailable (a CoreError('UNAVAILABLE', …)) with the problem's code
 * and the fix, never in a crash or a misread.
 */
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CoreError } from '../../shared/contract/result';
import type { ContentProblem } from '../../shared/contract/types';
import type {
  Block,
  BlockKind,
  CrossRef,
  CrossRefType,
  Footnote,
  FootnoteRef,
  FootnoteStatus,
  GroupKind,
  Mark,
  Section,
  SectionKind,
} from '../../shared/model';
import { CONTENT_FIX, CONTENT_SCHEMA_VERSION } from './schema';
import { errorMessage } from '../../shared/errors';

export type Db = Database.Database;

/** The content database cannot be used; `problem` says why (app.status carries it). */
export class ContentUnavailable extends CoreError {
  constructor(
    readonly problem: ContentProblem,
    message: string,
  ) {
    super('UNAVAILABLE', message);
  }
}

/** What to do about each problem: a newer database needs a newer app; anything else, a fresh copy of the document. */
const FIX: Record<ContentProblem, string> = {
  missing: CONTENT_FIX,
  damaged: CONTENT_FIX,
  'too-old': CONTENT_FIX,
  'too-new': `update Recollection to the version that made it, or ${CONTENT_FIX} to rebuild it for this version`,
};

const unavailable = (message: string, problem: ContentProblem = 'damaged'): ContentUnavailable =>
  new ContentUnavailable(problem, `${message}: ${FIX[problem]}`);

function firstLine(err: unknown): string {
  return errorMessage(err).split('\n')[0].slice(0, 200);
}

/** Opens the content database read-only and checks its schema version. */
export function openContentDb(path: string, nativeBinding?: string): Db {
  if (!existsSync(path)) throw unavailable(`the content database is missing (${path})`, 'missing');
  let db: Db;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true, nativeBinding });
  } catch (err) {
    throw unavailable(`the content database cannot be opened (${firstLine(err)})`);
  }
  try {
    const row = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?').get('schema_version');
    const version = row ? Number(row.value) : NaN;
    if (version !== CONTENT_SCHEMA_VERSION) {
      const found = row ? `schema version ${row.value}` : 'no schema version';
      const problem = version > CONTENT_SCHEMA_VERSION ? 'too-new' : 'too-old';
      throw unavailable(`the content database has ${found}, this app reads version ${CONTENT_SCHEMA_VERSION}`, problem);
    }
    return db;
  } catch (err) {
    db.close();
    if (err instanceof CoreError) throw err;
    throw unavailable(`the content database is damaged (${firstLine(err)})`);
  }
}

/** Runs a reader, turning any failure (bad JSON, missing table) into "damaged". */
export function readOrFail<T>(what: string, read: () => T): T {
  try {
    return read();
  } catch (err) {
    if (err instanceof CoreError) throw err;
    throw unavailable(`the content database is damaged: cannot read ${what} (${firstLine(err)})`);
  }
}

// ---------------------------------------------------------------- JSON columns

/*
 * The JSON columns are checked by hand rather than with zod: every block and
 * footnote row has them, and zod's first parse of a schema compiles it, which
 * the command line paid on every start (about a tenth of `show`'s CPU time).
 * Same rules as the model: a wrong value is a damaged database.
 */
const MARK_TYPES: ReadonlySet<string> = new Set(['bold', 'italic', 'link']);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

function isMark(v: unknown): v is Mark {
  if (v === null || typeof v !== 'object') return false;
  const m = v as Record<string, unknown>;
  return (
    typeof m.type === 'string' &&
    MARK_TYPES.has(m.type) &&
    isCount(m.start) &&
    isCount(m.end) &&
    (m.href === undefined || typeof m.href === 'string')
  );
}

function jsonArray<T>(text: string, ok: (v: unknown) => v is T, what: string): T[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value) || !value.every(ok)) throw new Error(`not a list of ${what}`);
  return value;
}

const marksOf = (text: string): Mark[] => jsonArray(text, isMark, 'marks');
const stringsOf = (text: string): string[] => jsonArray(text, (v): v is string => typeof v === 'string', 'strings');
const numbersOf = (text: string): number[] => jsonArray(text, (v): v is number => typeof v === 'number', 'numbers');

// ---------------------------------------------------------------- tables

export function readMeta(db: Db): Map<string, string> {
  const rows = db.prepare<[], { key: string; value: string }>('SELECT key, value FROM meta').all();
  return new Map(rows.map((r) => [r.key, r.value]));
}

interface SectionRow {
  id: string;
  kind: string;
  parent_id: string | null;
  ord: number;
  title: string;
  label: string;
  grp: string | null;
}

export function readSections(db: Db): Section[] {
  const rows = db
    .prepare<[], SectionRow>('SELECT id, kind, parent_id, ord, title, label, grp FROM sections ORDER BY id')
    .all();
  return rows.map((r) => {
    const s: Section = {
      id: r.id,
      kind: r.kind as SectionKind,
      parentId: r.parent_id,
      order: r.ord,
      title: r.title,
      label: r.label,
    };
    if (r.grp !== null) s.group = r.grp as GroupKind;
    return s;
  });
}

interface RefRow {
  block_id: string;
  offset: number;
  number: number;
}

interface BlockRow {
  id: string;
  section_id: string;
  parent_id: string | null;
  kind: string;
  seq: number;
  text: string;
  marks: string;
  label: string;
  short_label: string;
}

/** Blocks in reading order, each with its footnote references (by offset). */
export function readBlocks(db: Db): Block[] {
  const refs = new Map<string, FootnoteRef[]>();
  const refRows = db
    .prepare<[], RefRow>('SELECT block_id, offset, number FROM footnote_refs ORDER BY block_id, offset, number')
    .all();
  for (const r of refRows) {
    const list = refs.get(r.block_id) ?? [];
    list.push({ offset: r.offset, number: r.number });
    refs.set(r.block_id, list);
  }
  const rows = db
    .prepare<[], BlockRow>(
      'SELECT id, section_id, parent_id, kind, seq, text, marks, label, short_label FROM blocks ORDER BY seq',
    )
    .all();
  return rows.map((r) => ({
    id: r.id,
    sectionId: r.section_id,
    parentId: r.parent_id,
    kind: r.kind as BlockKind,
    seq: r.seq,
    text: r.text,
    marks: marksOf(r.marks),
    footnoteRefs: refs.get(r.id) ?? [],
    label: r.label,
    shortLabel: r.short_label,
  }));
}

interface FootnoteRow {
  number: number;
  id: string;
  status: string;
  text: string;
  marks: string;
  urls: string;
  pfp_ids: string;
  note: string | null;
}

export function readFootnotes(db: Db): Footnote[] {
  const rows = db
    .prepare<[], FootnoteRow>(
      'SELECT number, id, status, text, marks, urls, pfp_ids, note FROM footnotes ORDER BY number',
    )
    .all();
  return rows.map((r) => {
    const f: Footnote = {
      number: r.number,
      id: r.id,
      status: r.status as FootnoteStatus,
      text: r.text,
      marks: marksOf(r.marks),
      urls: stringsOf(r.urls),
      pfpIds: numbersOf(r.pfp_ids),
    };
    if (r.note !== null) f.note = r.note;
    return f;
  });
}

interface CrossRefRow {
  source_id: string;
  type: string;
  key: string;
  display: string;
  via: string;
}

export function readCrossRefs(db: Db): CrossRef[] {
  const rows = db
    .prepare<[], CrossRefRow>(
      'SELECT source_id, type, key, display, via FROM cross_refs ORDER BY type, key, source_id, via',
    )
    .all();
  return rows.map((r) => ({
    sourceId: r.source_id,
    type: r.type as CrossRefType,
    key: r.key,
    display: r.display,
    via: r.via as CrossRef['via'],
  }));
}

export function readSearchRow(db: Db, id: string): string {
  const data = readSearchData(db, id);
  if (typeof data !== 'string') throw new Error(`the ${id} row is not text`);
  return data;
}

/** A row of `search_index` as stored: JSON text, or bytes (the packed index). */
export function readSearchData(db: Db, id: string): unknown {
  const row = db.prepare<[string], { data: unknown }>('SELECT data FROM search_index WHERE id = ?').get(id);
  if (!row) throw unavailable(`the content database has no search index (${id})`);
  return row.data;
}
