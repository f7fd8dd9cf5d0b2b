/**
 * The content store: the read-only content database, loaded once into memory
 * (the document is small), answering outline, page, block, footnote and
 * facet requests in O(1), and implementing ContentLookup for the rest of the core.
 *
 * Constraints: opens the file read-only and refuses a missing file or another
 * schema version with CoreError('UNAVAILABLE') naming the fix; unknown ids
 * end in CoreError('NOT_FOUND'); nothing here writes.
 */
import { CoreError } from '../../shared/contract/result';
import type {
  BlockPayload,
  BlockSummary,
  Crumb,
  DocMeta,
  Facet,
  FacetPayload,
  FootnotePayload,
  OutlineNode,
  SectionPayload,
} from '../../shared/contract/types';
import type { Block, CrossRefType, Footnote, Section } from '../../shared/model';
import { SortedVocabulary } from './vocabulary-row';
import { facetKey, buildFacets, type FacetEntry } from './facets';
import { buildOutline } from './outline';
import type { BlockLocation, ContentLookup } from './lookup';
import { thesaurusSchema, type PreparedThesaurus, type ThesaurusData } from './thesaurus-data';
import {
  SEARCH_ENGLISH_ROW,
  SEARCH_INDEX_ROW,
  SEARCH_THESAURUS_KEYS_ROW,
  SEARCH_THESAURUS_ROW,
  SEARCH_VOCABULARY_ROW,
} from './schema';
import {
  openContentDb,
  readBlocks,
  readCrossRefs,
  readFootnotes,
  readMeta,
  readOrFail,
  readSearchData,
  readSearchRow,
  readSections,
  type Db,
} from './tables';
import { SectionTree } from './tree';

export interface ContentStoreOptions {
  /** better-sqlite3 addon to load (the Electron build inside the app); default: the Node build. */
  nativeBinding?: string;
}

const EXCERPT = 200;

/** First ~200 characters, cut at a word boundary. */
export function excerpt(text: string, max = EXCERPT): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

const crumb = (s: Section): Crumb => ({ id: s.id, title: s.title, label: s.label });

export class ContentStore implements ContentLookup {
  private readonly db: Db;
  private readonly tree: SectionTree;
  private readonly metaRows: Map<string, string>;
  private readonly blocks: readonly Block[];
  private readonly blockById = new Map<string, Block>();
  private readonly blocksBySection = new Map<string, Block[]>();
  private readonly footnoteList: readonly Footnote[];
  private readonly footnoteByNumber = new Map<number, Footnote>();
  private readonly citers = new Map<number, Block[]>();
  private readonly facetList: readonly FacetEntry[];
  private readonly facetByKey = new Map<string, FacetEntry>();

  private constructor(db: Db) {
    this.db = db;
    this.metaRows = readOrFail('metadata', () => readMeta(db));
    this.tree = new SectionTree(readOrFail('sections', () => readSections(db)));
    this.blocks = readOrFail('blocks', () => readBlocks(db));
    this.footnoteList = readOrFail('footnotes', () => readFootnotes(db));
    for (const b of this.blocks) {
      this.blockById.set(b.id, b);
      const list = this.blocksBySection.get(b.sectionId) ?? [];
      list.push(b);
      this.blocksBySection.set(b.sectionId, list);
      for (const r of b.footnoteRefs) {
        const cited = this.citers.get(r.number) ?? [];
        if (!cited.includes(b)) cited.push(b);
        this.citers.set(r.number, cited);
      }
    }
    for (const f of this.footnoteList) this.footnoteByNumber.set(f.number, f);
    const refs = readOrFail('cross-references', () => readCrossRefs(db));
    this.facetList = buildFacets(refs, (id) => this.seqOf(id));
    for (const e of this.facetList) this.facetByKey.set(facetKey(e.facet.type, e.facet.key), e);
  }

  /** Opens the database at `path` read-only and loads it. */
  static open(path: string, options: ContentStoreOptions = {}): ContentStore {
    const db = openContentDb(path, options.nativeBinding);
    try {
      return new ContentStore(db);
    } catch (err) {
      db.close();
      throw err;
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  // ------------------------------------------------------------ ContentLookup

  block(id: string): Block | null {
    return this.blockById.get(id) ?? null;
  }

  section(id: string): Section | null {
    return this.tree.get(id);
  }

  summary(id: string): BlockSummary | null {
    const b = this.blockById.get(id);
    if (b) {
      const page = this.tree.pageOf(b.sectionId);
      return {
        id,
        kind: b.kind,
        label: b.label,
        shortLabel: b.shortLabel,
        pageId: page?.id ?? b.sectionId,
        excerpt: excerpt(b.text),
      };
    }
    const s = this.tree.get(id);
    if (!s) return null;
    // A section (bookmarked focus area) reads as a heading: kind 'title', its title as excerpt.
    return {
      id,
      kind: 'title',
      label: s.label,
      shortLabel: s.label,
      pageId: this.tree.pageOf(id)?.id ?? id,
      excerpt: excerpt(s.title),
    };
  }

  location(id: string): BlockLocation | null {
    const sectionId = this.blockById.get(id)?.sectionId ?? (this.tree.get(id) ? id : null);
    if (sectionId === null) return null;
    return {
      pageId: this.tree.pageOf(sectionId)?.id ?? sectionId,
      clusterId: this.tree.nearest(sectionId, 'cluster')?.id ?? null,
      focusAreaId: this.tree.nearest(sectionId, 'focus-area')?.id ?? null,
    };
  }

  allBlocks(): readonly Block[] {
    return this.blocks;
  }

  allSections(): readonly Section[] {
    return this.tree.all();
  }

  // ------------------------------------------------------------ content channels

  meta(): DocMeta {
    const m = this.metaRows;
    const count = (kind: Section['kind']): number => this.tree.all().filter((s) => s.kind === kind).length;
    return {
      title: m.get('title') ?? '',
      subtitle: m.get('subtitle') ?? '',
      place: m.get('place') ?? '',
      date: m.get('date') ?? '',
      sourceSha256: m.get('source_sha256') ?? '',
      buildId: m.get('build_id') ?? '',
      schemaVersion: Number(m.get('schema_version')),
      counts: {
        clusters: count('cluster'),
        focusAreas: count('focus-area'),
        blocks: this.blocks.length,
        footnotes: this.footnoteList.length,
      },
    };
  }

  outline(): OutlineNode[] {
    return buildOutline(this.tree, this.blocksBySection);
  }

  /** A page (or a group) with its blocks, breadcrumb, groups, footnotes and neighbours. */
  sectionPayload(id: string): SectionPayload {
    const section = this.tree.get(id);
    if (!section) throw new CoreError('NOT_FOUND', `no section ${id}`);
    const ids = section.kind === 'group' ? [id] : this.tree.pageSectionIds(id);
    const blocks = ids.flatMap((sid) => this.blocksBySection.get(sid) ?? []).sort((a, b) => a.seq - b.seq);
    const children = this.tree.children(id).filter((c) => c.kind === 'group');
    return {
      section,
      breadcrumb: this.tree.path(id).map(crumb),
      children: [...children],
      blocks,
      footnotes: this.footnotesOf(blocks),
      ...this.tree.neighbours(id),
    };
  }

  blockPayload(id: string): BlockPayload {
    const block = this.blockById.get(id);
    if (!block) throw new CoreError('NOT_FOUND', `no block ${id}`);
    return {
      block,
      pageId: this.tree.pageOf(block.sectionId)?.id ?? block.sectionId,
      breadcrumb: this.tree.path(block.sectionId).map(crumb),
      footnotes: this.footnotesOf([block]),
    };
  }

  footnote(n: number): FootnotePayload {
    const footnote = this.footnoteByNumber.get(n);
    if (!footnote) throw new CoreError('NOT_FOUND', `no footnote ${n}`);
    return { footnote, citedBy: (this.citers.get(n) ?? []).map((b) => this.summaryOf(b)) };
  }

  /** Every footnote, by number (search index docs, export). */
  allFootnotes(): readonly Footnote[] {
    return this.footnoteList;
  }

  /** Blocks citing footnote `n`, in reading order. */
  citingBlocks(n: number): readonly Block[] {
    return this.citers.get(n) ?? [];
  }

  facets(type?: CrossRefType): Facet[] {
    return this.facetList.filter((e) => type === undefined || e.facet.type === type).map((e) => e.facet);
  }

  facet(type: CrossRefType, key: string): FacetPayload {
    let entry = this.facetByKey.get(facetKey(type, key.trim()));
    // Keys are normalised by the parser ("IOM", "10.7"); accept another case from a typed link.
    entry ??= this.facetList.find(
      (e) => e.facet.type === type && e.facet.key.toLowerCase() === key.trim().toLowerCase(),
    );
    if (!entry) throw new CoreError('NOT_FOUND', `no ${type} cross-reference ${key}`);
    const blocks: BlockSummary[] = [];
    const footnotes: number[] = [];
    for (const src of entry.sources) {
      const b = this.blockById.get(src);
      if (b) blocks.push(this.summaryOf(b));
      else if (src.startsWith('fn.')) footnotes.push(Number(src.slice(3)));
    }
    return { facet: entry.facet, blocks, footnotes: footnotes.sort((a, b) => a - b) };
  }

  // ------------------------------------------------------------ search support

  /** The packed MiniSearch index stored by the build (search/packed-index.ts; read on demand, not kept). */
  searchIndexData(): unknown {
    return readOrFail('the search index', () => readSearchData(this.db, SEARCH_INDEX_ROW));
  }

  searchVocabulary(): SortedVocabulary {
    return readOrFail(
      'the search vocabulary',
      // Checked: a damaged row must fail here with the fix, not later inside a query.
      () => SortedVocabulary.of(readSearchRow(this.db, SEARCH_VOCABULARY_ROW)),
    );
  }

  /** The thesaurus stored by the build (validated), or null when the database was built without one. */
  searchThesaurus(): ThesaurusData | null {
    return readOrFail('the search thesaurus', () =>
      thesaurusSchema()
        .nullable()
        .parse(JSON.parse(readSearchRow(this.db, SEARCH_THESAURUS_ROW))),
    );
  }

  /** The thesaurus prepared for lookup by the build, checked by hand (a zod parse would compile its schema at every start). */
  searchThesaurusKeys(): PreparedThesaurus {
    return readOrFail('the search thesaurus', () => {
      const rows: unknown = JSON.parse(readSearchRow(this.db, SEARCH_THESAURUS_KEYS_ROW));
      const isRow = (r: unknown): boolean =>
        Array.isArray(r) &&
        r.length === 2 &&
        typeof r[0] === 'string' &&
        Array.isArray(r[1]) &&
        r[1].every((d) => typeof d === 'string');
      if (!Array.isArray(rows) || !rows.every(isRow)) throw new Error('not a list of [key, phrases]');
      return rows as PreparedThesaurus;
    });
  }

  /** The English word list stored by the build (search/english.ts), or null when the database was built without one. */
  searchEnglish(): string | null {
    return readOrFail('the English word list', () => {
      const list: unknown = JSON.parse(readSearchRow(this.db, SEARCH_ENGLISH_ROW));
      if (list !== null && typeof list !== 'string') throw new Error('not a word list');
      return list;
    });
  }

  // ------------------------------------------------------------ helpers

  private summaryOf(b: Block): BlockSummary {
    const s = this.summary(b.id);
    if (!s) throw new CoreError('INTERNAL', `block ${b.id} has no summary`);
    return s;
  }

  private footnotesOf(blocks: readonly Block[]): Footnote[] {
    const numbers = new Set<number>();
    for (const b of blocks) for (const r of b.footnoteRefs) numbers.add(r.number);
    return [...numbers]
      .sort((a, b) => a - b)
      .map((n) => this.footnoteByNumber.get(n))
      .filter((f): f is Footnote => f !== undefined);
  }

  /** Reading position of a block, or of a footnote (just after the block that first cites it). */
  private seqOf(id: string): number {
    const b = this.blockById.get(id);
    if (b) return b.seq;
    const n = id.startsWith('fn.') ? Number(id.slice(3)) : NaN;
    const first = this.citers.get(n)?.[0];
    return first ? first.seq + 0.5 : Number.MAX_SAFE_INTEGER;
  }
}
