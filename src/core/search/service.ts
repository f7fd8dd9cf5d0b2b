/**
 * The search service over the document: ranked, filtered, paged hits with
 * snippets; suggestions while typing; "jump to"; "did you mean".
 *
 * Constraints: the index is the one stored by the build, loaded with
 * MiniSearch.loadJSON at open (never rebuilt: opening stays fast and the app
 * searches exactly what was tested); filters run inside MiniSearch's `filter`
 * option; words are combined with AND, and only when AND finds nothing with OR.
 * The user's notes are searched elsewhere (user data) and merged by the handler.
 */
import MiniSearch, { type SearchResult as RawResult } from 'minisearch';
import { CoreError } from '../../shared/contract/result';
import type { JumpTarget, SearchHit, SearchKind, SearchResult } from '../../shared/contract/types';
import type { ContentStore } from '../content/store';
import type { Vocabulary } from './documents';
import { footnoteLabel } from './documents';
import { JumpResolver } from './jump';
import {
  CONTENT_SEARCH_KINDS,
  SEARCH_OPTIONS,
  fuzzyFor,
  indexOptions,
  type ContentSearchKind,
  type IndexDoc,
} from './options';
import { allowedEdits, closestTerm, correctionCandidates, editDistance } from './similar';
import { makeSnippet, matchSpans } from './snippet';
import { normalizeTerm } from './spelling';
import { queryTokensWithOffsets } from './tokenize';

export interface SearchQuery {
  q: string;
  /** Cluster numbers 1–6. */
  clusters?: number[];
  focusAreaId?: string;
  /** Kinds to keep; 'note' is ignored here (notes are not in the content index). */
  kinds?: SearchKind[];
  offset?: number;
  limit?: number;
}

export const DEFAULT_LIMIT = 20;
/** Fewer hits than this and a corrected query is offered. */
const FEW_HITS = 3;

/** Distinct words searched per query, and unknown words corrected: bounds the work of a pasted paragraph. */
const MAX_TERMS = 24;
const MAX_CORRECTIONS = 6;

type Filter = (r: RawResult) => boolean;

/**
 * The query as MiniSearch gets it: each distinct word once (repeating a word
 * adds nothing but work), at most MAX_TERMS of them, the last one kept last
 * since it is the one being typed (prefix search).
 */
export function compactQuery(q: string): string {
  const seen = new Set<string>();
  const words: string[] = [];
  for (const tok of queryTokensWithOffsets(q)) {
    const term = normalizeTerm(tok.text);
    if (term === null || seen.has(term)) continue;
    seen.add(term);
    words.push(tok.text);
  }
  if (words.length <= MAX_TERMS) return words.join(' ');
  return [...words.slice(0, MAX_TERMS - 1), words[words.length - 1]].join(' ');
}

export class SearchService {
  private readonly index: MiniSearch<IndexDoc>;
  private readonly vocabulary: Vocabulary;
  private corrections: Array<[string, number]> | null = null;
  private terms: string[] | null = null;
  private readonly jumper: JumpResolver;

  constructor(private readonly content: ContentStore) {
    const json = content.searchIndexJson();
    try {
      this.index = MiniSearch.loadJSON<IndexDoc>(json, indexOptions());
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw new CoreError(
        'UNAVAILABLE',
        `the stored search index cannot be loaded (${why}): run npm run build:content`,
      );
    }
    this.vocabulary = content.searchVocabulary();
    this.jumper = new JumpResolver({
      block: (id) => content.block(id),
      section: (id) => content.section(id),
      allBlocks: () => content.allBlocks(),
      allSections: () => content.allSections(),
      footnoteHome: (n) => this.footnoteHome(n),
      pageOf: (id) => this.pageOf(id),
    });
  }

  query(args: SearchQuery): SearchResult {
    const offset = args.offset ?? 0;
    const limit = args.limit ?? DEFAULT_LIMIT;
    const q = args.q.trim();
    const jump = this.jump(q);
    const filter = this.filterFor(args);
    if (q === '' || filter === null) return { query: args.q, total: 0, offset, hits: [], jump, didYouMean: null };
    const found = this.run(q, filter);
    const results = found.results;
    const hits = results.slice(offset, offset + limit).map((r) => this.hit(r));
    // A misspelt word still finds hits through fuzzy matching; the delegate is told the document's spelling too.
    const misspelt = this.hasMisspeltWord(q);
    const didYouMean = results.length < FEW_HITS || misspelt ? this.correction(q, found, filter, misspelt) : null;
    return { query: args.q, total: results.length, offset, hits, jump, didYouMean };
  }

  /**
   * Completions of the word being typed, in the document's own words, among
   * the documents that also hold the words before it ("labour mob" → "labour
   * mobility"). MiniSearch's autoSuggest finds and ranks the documents; its
   * phrases list every matched term of a document, so only the terms that
   * complete (or correct) the last word are kept, after the words as typed.
   */
  suggest(q: string, limit = 8): string[] {
    const tokens = queryTokensWithOffsets(q);
    const last = tokens[tokens.length - 1];
    const lastTerm = last ? normalizeTerm(last.text) : null;
    if (!last || lastTerm === null) return [];
    const typed = q.slice(0, last.start);
    const edits = allowedEdits(lastTerm.length);
    const scores = new Map<string, number>();
    const query = `${compactQuery(typed)} ${last.text}`.trim();
    for (const s of this.index.autoSuggest(query, { ...SEARCH_OPTIONS, combineWith: 'AND' })) {
      for (const t of s.terms) {
        const completes =
          t.startsWith(lastTerm) || (fuzzyFor(lastTerm) !== false && editDistance(t, lastTerm, edits) <= edits);
        if (completes) scores.set(t, (scores.get(t) ?? 0) + s.score);
      }
    }
    return [...scores.entries()]
      .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
      .slice(0, limit)
      .map(([t]) => `${typed}${this.surface(t)}`);
  }

  jump(q: string): JumpTarget | null {
    return this.jumper.resolve(q);
  }

  // ------------------------------------------------------------ internals

  /** AND first; OR only when AND finds nothing. `all` says whether every word matched. */
  private run(q: string, filter: Filter): { results: RawResult[]; all: boolean } {
    const query = compactQuery(q);
    const and = this.index.search(query, { ...SEARCH_OPTIONS, combineWith: 'AND', filter });
    if (and.length > 0) return { results: and, all: true };
    return { results: this.index.search(query, { ...SEARCH_OPTIONS, combineWith: 'OR', filter }), all: false };
  }

  /** The filter for the query's options, or null when they exclude every content kind. */
  private filterFor(args: SearchQuery): Filter | null {
    let kinds: Set<ContentSearchKind> | null = null;
    if (args.kinds && args.kinds.length > 0) {
      kinds = new Set(CONTENT_SEARCH_KINDS.filter((k) => args.kinds?.includes(k)));
      if (kinds.size === 0) return null;
    }
    const clusters = args.clusters && args.clusters.length > 0 ? new Set(args.clusters) : null;
    const fa = args.focusAreaId ?? null;
    if (fa !== null && this.content.section(fa)?.kind !== 'focus-area') {
      throw new CoreError('NOT_FOUND', `no focus area ${fa}`);
    }
    return (r) => {
      const k: unknown = r.k;
      const c: unknown = r.c;
      const f: unknown = r.fa;
      if (kinds && !kinds.has(k as ContentSearchKind)) return false;
      if (clusters && !(typeof c === 'number' && clusters.has(c))) return false;
      if (fa !== null && f !== fa) return false;
      return true;
    };
  }

  private hit(r: RawResult): SearchHit {
    const id = String(r.id);
    const kind: unknown = r.k;
    // Only words matched in the text are highlighted (not ones matched in the title or label).
    const textTerms = new Set(
      Object.entries(r.match)
        .filter(([, fields]) => fields.includes('text'))
        .map(([t]) => t),
    );
    let text: string;
    let place: { label: string; shortLabel: string; pageId: string; blockId: string | null };
    const fn = /^fn\.(\d+)$/.exec(id);
    if (fn) {
      const n = Number(fn[1]);
      text = this.content.footnote(n).footnote.text;
      const home = this.footnoteHome(n) ?? { pageId: '', blockId: null };
      place = { ...footnoteLabel(n), ...home };
    } else {
      const b = this.content.block(id);
      if (!b)
        throw new CoreError('UNAVAILABLE', `the search index names an unknown block ${id}: run npm run build:content`);
      text = b.text;
      place = { label: b.label, shortLabel: b.shortLabel, pageId: this.pageOf(b.sectionId), blockId: b.id };
    }
    const spans = matchSpans(text, textTerms);
    const terms: string[] = [];
    const seen = new Set<string>();
    for (const s of spans) {
      const word = text.slice(s.start, s.end);
      if (!seen.has(word.toLowerCase())) {
        seen.add(word.toLowerCase());
        terms.push(word);
      }
    }
    if (terms.length === 0) terms.push(...r.terms.map((t) => this.surface(t)));
    return {
      id,
      kind: kind as ContentSearchKind,
      ...place,
      score: r.score,
      snippet: makeSnippet(text, spans),
      terms,
    };
  }

  /**
   * A query with unknown words replaced by the nearest document words, offered
   * when it does better: every word matching where the original needed the OR
   * fallback, or more hits.
   */
  private correction(
    q: string,
    found: { results: RawResult[]; all: boolean },
    filter: Filter,
    misspelt = false,
  ): string | null {
    let out = '';
    let pos = 0;
    let tried = 0;
    const tokens = queryTokensWithOffsets(q);
    for (const [i, tok] of tokens.entries()) {
      if (tried >= MAX_CORRECTIONS) break;
      const term = normalizeTerm(tok.text);
      if (term === null || !/^[a-z]{3,}$/.test(term) || this.vocabulary[term] !== undefined) continue;
      // The last word is still being typed when it starts a document word: nothing to correct.
      if (i === tokens.length - 1 && this.startsAnyTerm(term)) continue;
      tried++;
      this.corrections ??= correctionCandidates(this.vocabulary);
      const fix = closestTerm(term, this.vocabulary, this.corrections);
      if (fix === null) continue;
      out += q.slice(pos, tok.start) + fix;
      pos = tok.end;
    }
    if (pos === 0) return null;
    out += q.slice(pos);
    const alt = this.run(out, filter);
    const better =
      alt.results.length > 0 &&
      ((misspelt && alt.all) ||
        (alt.all && !found.all) ||
        (alt.all === found.all && alt.results.length > found.results.length));
    return better ? out : null;
  }

  /**
   * True when a word of the query is neither a document word nor the start of
   * one (a word still being typed is the start of one, and is left alone).
   */
  private hasMisspeltWord(q: string): boolean {
    for (const tok of queryTokensWithOffsets(q)) {
      const term = normalizeTerm(tok.text);
      if (term === null || !/^[a-z]{3,}$/.test(term) || this.vocabulary[term] !== undefined) continue;
      if (!this.startsAnyTerm(term)) return true;
    }
    return false;
  }

  /** Whether some document term starts with `prefix` (binary search over the sorted terms). */
  private startsAnyTerm(prefix: string): boolean {
    const terms = (this.terms ??= Object.keys(this.vocabulary).sort());
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo < terms.length && terms[lo].startsWith(prefix);
  }

  /** The document's own spelling of an index term ("labor", "IRIS"). */
  private surface(term: string): string {
    const s = this.vocabulary[term]?.[0];
    if (s === undefined) return term;
    return s === s.toUpperCase() ? s : s.toLowerCase();
  }

  private pageOf(sectionId: string): string {
    return this.content.location(sectionId)?.pageId ?? sectionId;
  }

  /** Where footnote `n` is cited; for an uncited one, the page of the nearest earlier cited footnote. */
  private footnoteHome(n: number): { pageId: string; blockId: string | null } | null {
    const all = this.content.allFootnotes();
    if (!all.some((f) => f.number === n)) return null;
    const first = this.content.citingBlocks(n)[0];
    if (first) return { pageId: this.pageOf(first.sectionId), blockId: first.id };
    for (let m = n - 1; m >= 1; m--) {
      const b = this.content.citingBlocks(m)[0];
      if (b) return { pageId: this.pageOf(b.sectionId), blockId: null };
    }
    const firstPage = this.content.allSections().find((s) => s.kind !== 'group');
    return firstPage ? { pageId: firstPage.id, blockId: null } : null;
  }
}
