/**
 * Turns the document model into the documents of the search index and builds
 * the index with its vocabulary (run once, at content build time).
 *
 * Constraint: deterministic. Documents are added in reading order (blocks by
 * seq, then footnotes by number), so the serialized index is byte-identical
 * for the same model; the app loads it and never calls this.
 */
import MiniSearch from 'minisearch';
import type { Block, BlockKind, CrossRef, DocumentModel, Footnote } from '../../shared/model';
import { SectionTree, cmp } from '../content/tree';
import type { Vocabulary } from '../content/vocabulary-row';
import { KIND_WORDS, indexOptions, type ContentSearchKind, type IndexDoc } from './options';
import { normalizeTerm } from './spelling';
import { indexTokensWithOffsets } from './tokenize';

export function searchKindOf(kind: BlockKind): ContentSearchKind {
  switch (kind) {
    case 'policy-option':
      return 'policy-option';
    case 'practical-action':
    case 'practical-action-item':
      return 'practical-action';
    case 'example':
      return 'example';
    default:
      return 'context';
  }
}

export function footnoteLabel(n: number): { label: string; shortLabel: string } {
  return { label: `Footnote ${n}`, shortLabel: `fn ${n}` };
}

/** The first block (in reading order) citing each footnote. */
export function firstCitations(blocks: readonly Block[]): Map<number, Block> {
  const out = new Map<number, Block>();
  const ordered = [...blocks].sort((a, b) => a.seq - b.seq);
  for (const b of ordered) for (const r of b.footnoteRefs) if (!out.has(r.number)) out.set(r.number, b);
  return out;
}

/**
 * Identifier words of each block and footnote, from its cross-references: a
 * Platform for Partnerships id ("pfp ppd 5424", whose URL the tokenizer skips),
 * an SDG target ("sdg 10.7", also for an indicator 10.7.1 or an inherited one)
 * and a Sutherland recommendation ("sutherland recommendation 12(a)"), so
 * `ppd 5424`, `10.7` and `Sutherland recommendation 5` find the passages.
 */
export function identifierWords(refs: readonly CrossRef[]): Map<string, string> {
  const words = new Map<string, Set<string>>();
  for (const r of refs) {
    const w =
      r.type === 'pfp'
        ? `pfp ppd ${r.key}`
        : r.type === 'sdg'
          ? `sdg ${r.key}`
          : r.type === 'sutherland'
            ? `sutherland recommendation ${r.key}`
            : null;
    if (w === null) continue;
    const set = words.get(r.sourceId) ?? new Set<string>();
    set.add(w);
    words.set(r.sourceId, set);
  }
  return new Map([...words].map(([id, set]) => [id, [...set].join(' ; ')]));
}

export function indexDocuments(model: DocumentModel): IndexDoc[] {
  const ids = identifierWords(model.crossRefs);
  const tree = new SectionTree(model.sections);
  const place = (sectionId: string): Pick<IndexDoc, 'title' | 'c' | 'fa'> => ({
    title: tree.pageOf(sectionId)?.title ?? '',
    c: tree.clusterNumber(sectionId),
    fa: tree.nearest(sectionId, 'focus-area')?.id ?? null,
  });
  const docs: IndexDoc[] = [];
  for (const b of [...model.blocks].sort((x, y) => x.seq - y.seq)) {
    const k = searchKindOf(b.kind);
    docs.push({
      id: b.id,
      text: b.text,
      label: b.label,
      kind: KIND_WORDS[k],
      ids: ids.get(b.id) ?? '',
      k,
      ...place(b.sectionId),
    });
  }
  const cited = firstCitations(model.blocks);
  const footnotes: Footnote[] = [...model.footnotes].sort((a, b) => a.number - b.number);
  for (const f of footnotes) {
    if (f.text.trim() === '') continue; // a missing footnote has nothing to find
    const home = cited.get(f.number);
    const where = home ? place(home.sectionId) : { c: null, fa: null };
    docs.push({
      id: f.id,
      text: f.text,
      label: footnoteLabel(f.number).label,
      title: '',
      kind: KIND_WORDS.footnote,
      ids: ids.get(f.id) ?? '',
      k: 'footnote',
      c: where.c,
      fa: where.fa,
    });
  }
  return docs;
}

/**
 * The words behind each index term, so suggestions and "did you mean" show
 * the document's own words ("labor mobility", "IRIS") rather than processed
 * terms, and so a term's document frequency is known without the index internals.
 */
export function buildVocabulary(docs: readonly IndexDoc[]): Vocabulary {
  const surfaces = new Map<string, Map<string, number>>();
  const df = new Map<string, number>();
  for (const doc of docs) {
    const seen = new Set<string>();
    // Titles repeat on every block of a page (and cluster titles are in capitals):
    // a word in the text counts a thousand times more, so they only name terms the text lacks.
    const fields: Array<[string, number]> = [
      [doc.text, 1000],
      [doc.title, 1],
      [doc.label, 1],
      [doc.kind, 1],
    ];
    for (const [text, weight] of fields) {
      for (const tok of indexTokensWithOffsets(text)) {
        const term = normalizeTerm(tok.text);
        if (term === null) continue;
        const surface = text.slice(tok.start, tok.end);
        const counts = surfaces.get(term) ?? new Map<string, number>();
        counts.set(surface, (counts.get(surface) ?? 0) + weight);
        surfaces.set(term, counts);
        if (!seen.has(term)) {
          seen.add(term);
          df.set(term, (df.get(term) ?? 0) + 1);
        }
      }
    }
  }
  const vocab: Vocabulary = {};
  for (const term of [...surfaces.keys()].sort(cmp)) {
    const best = [...(surfaces.get(term) ?? new Map<string, number>()).entries()].sort(
      ([a, na], [b, nb]) => nb - na || lowerFirst(a, b),
    )[0];
    vocab[term] = [best[0], df.get(term) ?? 0];
  }
  return vocab;
}

/** Prefer the lower-case form on a tie ("labor" over "Labor"), then code-unit order. */
function lowerFirst(a: string, b: string): number {
  const la = a === a.toLowerCase();
  const lb = b === b.toLowerCase();
  if (la !== lb) return la ? -1 : 1;
  return cmp(a, b);
}

export interface BuiltIndex {
  index: MiniSearch<IndexDoc>;
  vocabulary: Vocabulary;
  documentCount: number;
}

export function buildIndex(model: DocumentModel): BuiltIndex {
  const docs = indexDocuments(model);
  const index = new MiniSearch<IndexDoc>(indexOptions());
  index.addAll(docs);
  return { index, vocabulary: buildVocabulary(docs), documentCount: docs.length };
}
