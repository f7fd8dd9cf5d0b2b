/**
 * The search service over the document: ranked, filtered, paged hits with
 * snippets; suggestions while typing; "jump to"; "did you mean".
 *
 * Constraints: the index is the one stored by the build, unpacked at open
 * (packed-index.ts: the instance MiniSearch.loadJSON would give, without its
 * cost; never rebuilt: opening stays fast and the app searches exactly what
 * was tested); queries run on the app's own executor over that index
 * (engine.ts), which applies the kind, cluster and focus-area filters to the
 * matches before scoring them; words are combined with AND, and only when AND
 * finds nothing with OR.
 * The user's notes are searched elsewhere (user data) and merged by the handler.
 */
import type { SearchResult as RawResult } from 'minisearch';
import { CoreError } from '../../shared/contract/result';
import type { JumpTarget, SearchHit, SearchKind, SearchResult } from '../../shared/contract/types';
import type { ContentStore } from '../content/store';
import type { SortedVocabulary } from '../content/vocabulary-row';
import { footnoteLabel } from './documents';
import type { JumpResolver } from './jump';
import { footnoteHome, jumpResolverFor, pageOf, referencing } from './places';
import {
  CONTENT_SEARCH_KINDS,
  SEARCH_OPTIONS,
  fuzzyFor,
  indexOptions,
  type ContentSearchKind,
  type IndexDoc,
} from './options';
import { englishWords, type EnglishWords } from './english';
import { parseIdentifier, searchTextOf, type Identifier } from './identifiers';
import { Executor, type Ranked, type StoredFilter } from './engine';
import { contentWords, MAX_COMPLETIONS, planQuery, planQueryTree, type Lexicon, type Plan } from './plan';
import { allowedEdits, closestTerm, correctionCandidates, editDistance, type Candidates } from './similar';
import { makeSnippet, matchSpans } from './snippet';
import type { OwnedIndex } from './owned-index';
import { unpackIndex } from './packed-index';
import { normalizeTerm } from './spelling';
import { looksRomance } from './romance';
import { Thesaurus } from './thesaurus';
import { queryTokensWithOffsets } from './tokenize';
import { errorMessage } from '../../shared/errors';

/**
 * The first n results with the pinned documents first: those the words found in their rank,
 * then the others in order; and the total (pinned documents the words did not find included).
 */
function pinFirst(
  ranked: Ranked | null,
  pinned: readonly string[],
  n: number,
  stub: (id: string) => RawResult,
): { results: RawResult[]; total: number } {
  if (ranked === null) return { results: pinned.map(stub).slice(0, n), total: pinned.length };
  if (pinned.length === 0) return { results: ranked.top(n), total: ranked.total };
  const want = new Set(pinned);
  const first = ranked.pick(pinned);
  const got = new Set(first.map((r) => String(r.id)));
  const rest = pinned.filter((id) => !got.has(id)).map(stub);
  const others = ranked.top(n + pinned.length).filter((r) => !want.has(String(r.id)));
  return { results: [...first, ...rest, ...others].slice(0, n), total: ranked.total + rest.length };
}

export interface SearchQuery {
  q: string;
  /** Cluster numbers 1–6. */
  clusters?: number[];
  focusAreaId?: string;
  /** Kinds to keep; 'note' is ignored here (notes are not in the content index). */
  kinds?: SearchKind[];
  offset?: number;
  limit?: number;
  /** Also search the thesaurus's document wording for the words typed (default true). */
  expand?: boolean;
}

export const DEFAULT_LIMIT = 20;
/** Fewer hits than this and a corrected query is offered. */
const FEW_HITS = 3;
/** Unknown words corrected per query. */
const MAX_CORRECTIONS = 6;
/** Entries kept by each of the service's small caches (cleared whole when full). */
const CACHE_MAX = 4096;

/** A test on a document's stored fields (kind, cluster, focus area); null keeps every document. */
type Filter = StoredFilter | null;

/** A run of the plan: the ranked matches (per result, which slots it matched), whether every slot matched. */
interface Found {
  ranked: Ranked;
  all: boolean;
  plan: Plan;
}

/**
 * The query as MiniSearch's autoSuggest gets it: each distinct content word
 * once, at most MAX_TERMS, the last one kept last (it is being typed).
 */
export function compactQuery(q: string): string {
  return contentWords(q)
    .map((w) => w.tok.text)
    .join(' ');
}

export class SearchService {
  private readonly index: OwnedIndex<IndexDoc>;
  /** Runs the plans over the index, scoring only the matches and building only the page's results. */
  private readonly executor: Executor;
  private readonly vocabulary: SortedVocabulary;
  private corrections: Candidates | null = null;
  private readonly closestCache = new Map<string, string | null>();
  private readonly completionCache = new Map<string, readonly string[] | null>();
  private terms: string[] | null = null;
  private readonly jumper: JumpResolver;

  private readonly thesaurus: Thesaurus;
  /** Read from the content database on the first word neither the document nor the thesaurus knows. */
  private english: EnglishWords | null = null;

  constructor(private readonly content: ContentStore) {
    const data = content.searchIndexData();
    try {
      this.index = unpackIndex<IndexDoc>(data, indexOptions());
    } catch (err) {
      const why = errorMessage(err);
      throw new CoreError(
        'UNAVAILABLE',
        `the stored search index cannot be loaded (${why}): run npm run build:content`,
      );
    }
    this.executor = new Executor(this.index);
    this.vocabulary = content.searchVocabulary();
    this.thesaurus = new Thesaurus(content.searchThesaurusKeys());
    this.jumper = jumpResolverFor(content);
  }

  /** Reads the English word list now (about a millisecond) instead of on the first unknown word. */
  warmUp(): EnglishWords {
    return (this.english ??= englishWords(this.content.searchEnglish()));
  }

  query(args: SearchQuery): SearchResult {
    const offset = args.offset ?? 0;
    const limit = args.limit ?? DEFAULT_LIMIT;
    const q = args.q.trim();
    const jump = this.jump(q);
    const filter = this.filterFor(args);
    const none = { query: args.q, total: 0, offset, hits: [], jump, didYouMean: null, allWords: true };
    if (q === '' || filter === undefined) return { ...none, missing: [], expanded: [] };
    const ident = parseIdentifier(q);
    const pinned = this.pinnedFor(ident, jump).filter((id) => this.passes(id, filter));
    const text = ident ? searchTextOf(ident) : q;
    // A label or identifier answered by its passages needs no OR fallback over its parts ("2.2 PO 1").
    const found = text === null ? null : this.run(text, filter, args.expand ?? true, pinned.length === 0);
    const { results, total } = pinFirst(found?.ranked ?? null, pinned, offset + limit, (id) => this.stub(id));
    // An identifier or a label answered by its passages is not a partial match.
    const partial = found !== null && !found.all && pinned.length === 0;
    const hits = results.slice(offset).map((r) => this.hit(r, found, partial));
    const missing = partial && found ? this.missingWords(found) : [];
    // A glossary slot's expansions are shown with the words they answer: "remittances — transferts de fonds".
    const expanded = found
      ? [
          ...new Set(
            found.plan.slots.flatMap((s) =>
              s.glossed && s.expansions.length > 0 ? [`${s.expansions.join(', ')} — ${s.typed}`] : s.expansions,
            ),
          ),
        ]
      : [];
    // A query that reads as French or Spanish (its letters or function words, or two of its words
    // found in the glossary) is never "corrected" into the document's English. A lone cognate among
    // English words ("xenofobia campaing") still is.
    const glossedWords = (found?.plan.slots ?? [])
      .filter((s) => s.glossed)
      .reduce((n, s) => n + s.typed.split(/\s+/).length, 0);
    const romance = looksRomance(q) || glossedWords >= 2;
    // A misspelt word still finds hits through fuzzy matching; the delegate is told the document's spelling too.
    const misspelt = ident === null && this.hasMisspeltWord(q);
    const didYouMean =
      ident === null && !romance && pinned.length === 0 && (total < FEW_HITS || misspelt)
        ? this.correction(q, found, filter, misspelt)
        : null;
    return { ...none, total, hits, didYouMean, allWords: !partial, missing, expanded };
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

  /**
   * AND over the query's slots first; only when that finds nothing, OR, ranked
   * first by how many of the query's content words a passage matches, then by score.
   */
  private run(q: string, filter: Filter, expand = true, fallback = true): Found {
    const plan = planQuery(q, this.thesaurus, expand, this.lexicon);
    const and = this.executor.run(planQueryTree(plan, 'AND'), SEARCH_OPTIONS, filter);
    if (and.total > 0 || plan.slots.length <= 1 || !fallback) return { ranked: and, all: true, plan };
    const or = this.executor.run(planQueryTree(plan, 'OR'), SEARCH_OPTIONS, filter, true);
    return { ranked: or, all: false, plan };
  }

  /** Query words (as typed) that no result matched. */
  private missingWords(found: Found): string[] {
    return found.plan.slots.filter((_, i) => !found.ranked.childMatched[i]).map((s) => s.typed);
  }

  /** The documents an identifier or jump names, to rank first: a footnote and where it is cited, a block. */
  private pinnedFor(ident: Identifier | null, jump: JumpTarget | null): string[] {
    const out: string[] = [];
    const add = (id: string): void => {
      if (!out.includes(id) && this.index.has(id)) out.push(id);
    };
    if (ident?.type === 'pfp') for (const id of referencing(this.content, 'pfp', String(ident.id))) add(id);
    else if (ident?.type === 'sdg') for (const id of referencing(this.content, 'sdg', ident.key)) add(id);
    else if (ident?.type === 'sutherland') for (const id of referencing(this.content, 'sutherland', ident.key)) add(id);
    if (ident?.type === 'pfp' || !jump) return out;
    if (jump.footnote !== undefined) {
      add(`fn.${jump.footnote}`);
      for (const b of this.content.citingBlocks(jump.footnote)) add(b.id);
    } else if (jump.blockId && ident?.type !== 'sdg' && ident?.type !== 'sutherland') add(jump.blockId);
    return out;
  }

  private passes(id: string, filter: Filter): boolean {
    return filter === null || filter(this.index.getStoredFields(id) ?? {});
  }

  /** A result for a pinned document that the words did not find (its stored fields, no matched terms). */
  private stub(id: string): RawResult {
    const stored = this.index.getStoredFields(id) ?? {};
    return { id, score: 0, terms: [], queryTerms: [], match: {}, ...stored };
  }

  /** The filter for the query's options (null: none), or undefined when they exclude every content kind. */
  private filterFor(args: SearchQuery): Filter | undefined {
    let kinds: Set<ContentSearchKind> | null = null;
    if (args.kinds && args.kinds.length > 0) {
      kinds = new Set(CONTENT_SEARCH_KINDS.filter((k) => args.kinds?.includes(k)));
      if (kinds.size === 0) return undefined;
    }
    const clusters = args.clusters && args.clusters.length > 0 ? new Set(args.clusters) : null;
    const fa = args.focusAreaId ?? null;
    if (fa !== null && this.content.section(fa)?.kind !== 'focus-area') {
      throw new CoreError('NOT_FOUND', `no focus area ${fa}`);
    }
    if (kinds === null && clusters === null && fa === null) return null;
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

  private hit(r: RawResult, found: Found | null, partial: boolean): SearchHit {
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
      const home = footnoteHome(this.content, n) ?? { pageId: '', blockId: null };
      place = { ...footnoteLabel(n), ...home };
    } else {
      const b = this.content.block(id);
      if (!b)
        throw new CoreError('UNAVAILABLE', `the search index names an unknown block ${id}: run npm run build:content`);
      text = b.text;
      place = { label: b.label, shortLabel: b.shortLabel, pageId: pageOf(this.content, b.sectionId), blockId: b.id };
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
    const slots = partial ? found?.ranked.childrenOf(id) : undefined;
    return {
      id,
      kind: kind as ContentSearchKind,
      ...place,
      score: r.score,
      snippet: makeSnippet(text, spans),
      terms,
      ...(slots && found ? { matched: found.plan.slots.filter((_, i) => slots[i]).map((s) => s.typed) } : {}),
    };
  }

  /**
   * A query with unknown words replaced by the nearest document words, offered
   * when it does better: every word matching where the original needed the OR
   * fallback, or more hits. A word is unknown when neither the document (nor
   * the thesaurus) nor an English dictionary knows it: "Sutherland", "brain
   * drain" or "inspection" are never rewritten.
   */
  private correction(q: string, found: Found | null, filter: Filter, misspelt = false): string | null {
    let out = '';
    let pos = 0;
    let tried = 0;
    const tokens = queryTokensWithOffsets(q);
    for (const [i, tok] of tokens.entries()) {
      if (tried >= MAX_CORRECTIONS) break;
      if (!this.isUnknown(tok.text)) continue;
      const term = normalizeTerm(tok.text) ?? '';
      // The last word is still being typed when it starts a document word: nothing to correct.
      if (i === tokens.length - 1 && this.startsAnyTerm(term)) continue;
      tried++;
      const fix = this.closest(term);
      if (fix === null) continue;
      out += q.slice(pos, tok.start) + fix;
      pos = tok.end;
    }
    if (pos === 0) return null;
    out += q.slice(pos);
    const alt = this.run(out, filter);
    const before = { total: found?.ranked.total ?? 0, all: found?.all ?? false };
    const better =
      alt.ranked.total > 0 &&
      ((misspelt && alt.all) ||
        (alt.all && !before.all) ||
        (alt.all === before.all && alt.ranked.total > before.total));
    return better ? out : null;
  }

  /**
   * The nearest document word to a misspelt term (closestTerm over the vocabulary), remembered:
   * a misspelt word is corrected again on every later keystroke of the same query. Bounded.
   */
  private closest(term: string): string | null {
    const known = this.closestCache.get(term);
    if (known !== undefined) return known;
    this.corrections ??= correctionCandidates(this.vocabulary.all());
    const fix = closestTerm(term, this.vocabulary.all(), this.corrections);
    if (this.closestCache.size >= CACHE_MAX) this.closestCache.clear();
    this.closestCache.set(term, fix);
    return fix;
  }

  /** A word neither the document, the thesaurus nor English knows (a misspelling, not a word the document lacks). */
  private isUnknown(word: string): boolean {
    const term = normalizeTerm(word);
    if (term === null || !/^[a-z]{3,}$/.test(term) || this.vocabulary.get(term) !== undefined) return false;
    // A word of any thesaurus phrase is known: "inspection" of "labour inspection" is no misspelling.
    if (this.thesaurus.knows(term)) return false;
    return !this.warmUp().has(word);
  }

  /**
   * True when a word of the query is unknown (see isUnknown) and not the start
   * of a document word (a word still being typed is, and is left alone).
   */
  private hasMisspeltWord(q: string): boolean {
    for (const tok of queryTokensWithOffsets(q)) {
      const term = normalizeTerm(tok.text);
      if (term === null || !/^[a-z]{3,}$/.test(term) || this.vocabulary.get(term) !== undefined) continue;
      if (!this.startsAnyTerm(term) && this.isUnknown(tok.text)) return true;
    }
    return false;
  }

  /** What the query plan asks of the index's terms: document frequencies, and a long prefix's most used completions. */
  private readonly lexicon: Lexicon = {
    docFreq: (term) => this.vocabulary.get(term)?.[1] ?? 0,
    completions: (prefix) => this.completions(prefix),
    startsTerm: (prefix) => this.startsAnyTerm(prefix),
  };

  /**
   * The MAX_COMPLETIONS most used terms that start with `prefix` (itself excluded), or null when
   * there are no more than that many. Remembered per prefix (the vocabulary never changes).
   */
  private completions(prefix: string): readonly string[] | null {
    const known = this.completionCache.get(prefix);
    if (known !== undefined) return known;
    const terms = this.sortedTerms();
    let lo = this.lowerBound(prefix);
    if (terms[lo] === prefix) lo++;
    let hi = lo;
    while (hi < terms.length && terms[hi].startsWith(prefix)) hi++;
    let out: string[] | null = null;
    if (hi - lo > MAX_COMPLETIONS) {
      const df = (t: string): number => this.vocabulary.get(t)?.[1] ?? 0;
      out = terms
        .slice(lo, hi)
        .sort((a, b) => df(b) - df(a) || (a < b ? -1 : 1))
        .slice(0, MAX_COMPLETIONS);
    }
    if (this.completionCache.size >= CACHE_MAX) this.completionCache.clear();
    this.completionCache.set(prefix, out);
    return out;
  }

  private sortedTerms(): string[] {
    return (this.terms ??= this.vocabulary.terms());
  }

  /** Index of the first sorted term not below `prefix`. */
  private lowerBound(prefix: string): number {
    const terms = this.sortedTerms();
    let lo = 0;
    let hi = terms.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (terms[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Whether some document term starts with `prefix` (binary search over the sorted terms). */
  private startsAnyTerm(prefix: string): boolean {
    const terms = this.sortedTerms();
    const lo = this.lowerBound(prefix);
    return lo < terms.length && terms[lo].startsWith(prefix);
  }

  /** The document's own spelling of an index term ("labor", "IRIS"). */
  private surface(term: string): string {
    const s = this.vocabulary.get(term)?.[0];
    if (s === undefined) return term;
    return s === s.toUpperCase() ? s : s.toLowerCase();
  }
}
