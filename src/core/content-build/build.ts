/**
 * Writes the content database from a document model: tables, metadata and the
 * search index (packed: search/packed-index.ts).
 *
 * Constraints: deterministic (the same model and options give identical table
 * contents: rows are written in a fixed order, JSON with a fixed key order,
 * and build_id is a content fingerprint, never a timestamp); atomic (written
 * to a temporary file in the same folder, then renamed over the target, so a
 * reader never sees a half-written database and a failed build leaves the
 * previous one intact).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { DocumentModel, Mark } from '../../shared/model';
import { buildIndex } from '../search/documents';
import { indexOptions } from '../search/options';
import { OwnedIndex } from '../search/owned-index';
import { packIndex } from '../search/packed-index';
import { vocabularyRow } from '../content/vocabulary-row';
import { prepareThesaurus } from '../search/thesaurus';
import type { ThesaurusData } from '../content/thesaurus-data';
import {
  CONTENT_DDL,
  CONTENT_SCHEMA_VERSION,
  SEARCH_ENGLISH_ROW,
  SEARCH_INDEX_ROW,
  SEARCH_THESAURUS_KEYS_ROW,
  SEARCH_THESAURUS_ROW,
  SEARCH_VOCABULARY_ROW,
  type MetaKey,
} from '../content/schema';
import { cmp } from '../content/tree';
import { assertSoundModel } from '../content/validate';

export interface BuildOptions {
  sourceSha256: string;
  buildId: string;
  outPath: string;
  /** better-sqlite3 addon to load (default: the Node build). */
  nativeBinding?: string;
  /** The search thesaurus (resources/thesaurus.json, validated); none when omitted. */
  thesaurus?: ThesaurusData | null;
  /** The English word list of did-you-mean (englishWordList()); none when omitted: no word counts as English. */
  english?: string | null;
}

export interface BuildReport {
  path: string;
  bytes: number;
  counts: {
    sections: number;
    blocks: number;
    footnotes: number;
    footnoteRefs: number;
    crossRefs: number;
    indexedDocuments: number;
  };
}

/** Marks with a fixed key order, so the JSON is the same whatever order the parser built the objects in. */
function marksJson(marks: readonly Mark[]): string {
  return JSON.stringify(
    marks.map((m) =>
      m.href === undefined
        ? { type: m.type, start: m.start, end: m.end }
        : { type: m.type, start: m.start, end: m.end, href: m.href },
    ),
  );
}

export function buildContentDb(model: DocumentModel, options: BuildOptions): BuildReport {
  assertSoundModel(model);
  const { outPath } = options;
  mkdirSync(dirname(outPath), { recursive: true });
  const tmp = `${outPath}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  const db = new Database(tmp, { nativeBinding: options.nativeBinding });
  let counts: BuildReport['counts'];
  try {
    // No journal: the file is private until the rename, and a crash just leaves a .tmp behind.
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.pragma('foreign_keys = ON');
    counts = db.transaction(() => writeAll(db, model, options))();
    db.pragma(`user_version = ${CONTENT_SCHEMA_VERSION}`);
    // Readers open it read-only: a rollback journal (not WAL) needs no -wal/-shm files next to it.
    db.pragma('journal_mode = DELETE');
    db.close();
    renameSync(tmp, outPath);
  } catch (err) {
    if (db.open) db.close();
    if (existsSync(tmp)) rmSync(tmp, { force: true });
    throw err;
  }
  return { path: outPath, bytes: statSync(outPath).size, counts };
}

function writeAll(db: Database.Database, model: DocumentModel, options: BuildOptions): BuildReport['counts'] {
  for (const ddl of CONTENT_DDL) db.exec(ddl);

  const meta: Record<MetaKey, string> = {
    title: model.meta.title,
    subtitle: model.meta.subtitle,
    place: model.meta.place,
    date: model.meta.date,
    source_sha256: options.sourceSha256,
    schema_version: String(CONTENT_SCHEMA_VERSION),
    build_id: options.buildId,
  };
  const insertMeta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  for (const key of Object.keys(meta).sort(cmp) as MetaKey[]) insertMeta.run(key, meta[key]);

  // Parents before children (foreign keys): sections in outline depth order.
  const depth = new Map<string, number>();
  const parentOf = new Map(model.sections.map((s) => [s.id, s.parentId]));
  const depthOf = (id: string): number => {
    let d = 0;
    for (let p = parentOf.get(id) ?? null; p !== null && d < 100; p = parentOf.get(p) ?? null) d++;
    return d;
  };
  for (const s of model.sections) depth.set(s.id, depthOf(s.id));
  const sections = [...model.sections].sort(
    (a, b) => (depth.get(a.id) ?? 0) - (depth.get(b.id) ?? 0) || cmp(a.id, b.id),
  );
  const insertSection = db.prepare(
    'INSERT INTO sections (id, kind, parent_id, ord, title, label, grp) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  for (const s of sections) insertSection.run(s.id, s.kind, s.parentId, s.order, s.title, s.label, s.group ?? null);

  const insertFootnote = db.prepare(
    'INSERT INTO footnotes (number, id, status, text, marks, urls, pfp_ids, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const f of [...model.footnotes].sort((a, b) => a.number - b.number)) {
    insertFootnote.run(
      f.number,
      f.id,
      f.status,
      f.text,
      marksJson(f.marks),
      JSON.stringify(f.urls),
      JSON.stringify(f.pfpIds),
      f.note ?? null,
    );
  }

  // Blocks by seq: a nested item always follows its parent in reading order.
  const insertBlock = db.prepare(
    `INSERT INTO blocks (id, section_id, parent_id, kind, seq, text, marks, label, short_label)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertRef = db.prepare('INSERT OR IGNORE INTO footnote_refs (block_id, offset, number) VALUES (?, ?, ?)');
  let refs = 0;
  const blocks = [...model.blocks].sort((a, b) => a.seq - b.seq);
  for (const b of blocks) {
    insertBlock.run(b.id, b.sectionId, b.parentId, b.kind, b.seq, b.text, marksJson(b.marks), b.label, b.shortLabel);
  }
  for (const b of blocks) for (const r of b.footnoteRefs) refs += insertRef.run(b.id, r.offset, r.number).changes;

  // An exact repeat of a cross-reference carries no information: the first one is kept.
  const insertXref = db.prepare(
    'INSERT OR IGNORE INTO cross_refs (source_id, type, key, display, via) VALUES (?, ?, ?, ?, ?)',
  );
  let xrefs = 0;
  for (const x of model.crossRefs) xrefs += insertXref.run(x.sourceId, x.type, x.key, x.display, x.via).changes;

  const built = buildIndex(model);
  const insertIndex = db.prepare('INSERT INTO search_index (id, data) VALUES (?, ?)');
  // Packed from what loadJSON gives (its Map order is the one the app has always searched).
  insertIndex.run(SEARCH_INDEX_ROW, packIndex(OwnedIndex.fromJSON(built.index.toJSON(), indexOptions())));
  insertIndex.run(SEARCH_VOCABULARY_ROW, vocabularyRow(built.vocabulary));
  insertIndex.run(SEARCH_THESAURUS_ROW, JSON.stringify(options.thesaurus ?? null));
  insertIndex.run(SEARCH_THESAURUS_KEYS_ROW, JSON.stringify(prepareThesaurus(options.thesaurus ?? null)));
  insertIndex.run(SEARCH_ENGLISH_ROW, JSON.stringify(options.english ?? null));

  return {
    sections: model.sections.length,
    blocks: model.blocks.length,
    footnotes: model.footnotes.length,
    footnoteRefs: refs,
    crossRefs: xrefs,
    indexedDocuments: built.documentCount,
  };
}
