/**
 * The MiniSearch options of the content index: fields, boosts, stored fields,
 * tokenizer, term processing, fuzzy and prefix rules.
 *
 * Constraint: the build and the app must construct MiniSearch with these same
 * options (MiniSearch.loadJSON needs them again), so they live in one place;
 * changing this file changes the content fingerprint and rebuilds the index.
 * The reasons for each choice are in docs/search.md.
 */
import type { Options, SearchOptions } from 'minisearch';
import type { SearchKind } from '../../shared/contract/types';
import { normalizeTerm } from './spelling';
import { indexTokens, queryTokens } from './tokenize';

/** Kinds of documents in the content index (notes are searched elsewhere). */
export type ContentSearchKind = Exclude<SearchKind, 'note'>;
export const CONTENT_SEARCH_KINDS: readonly ContentSearchKind[] = [
  'policy-option',
  'practical-action',
  'example',
  'context',
  'footnote',
];

/** One document of the index: a block, or a footnote with id `fn.N`. */
export interface IndexDoc {
  id: string;
  /** The block's or footnote's plain text (footnote URLs are skipped by the tokenizer). */
  text: string;
  /** Citation label, e.g. "Cluster 2 (3), Policy option 1". */
  label: string;
  /** Title of the page that shows the block (focus area, cluster, part). */
  title: string;
  /** Words for the kind, e.g. "policy option", so "example IOM" can narrow by kind. */
  kind: string;
  /** Identifier words from cross-references: "pfp ppd 5424", "sdg 10.7", "sutherland recommendation 5". */
  ids: string;
  /** Stored: search kind, cluster number (1–6), focus area id; read by filters. */
  k: ContentSearchKind;
  c: number | null;
  fa: string | null;
}

export const INDEX_FIELDS = ['text', 'title', 'label', 'kind', 'ids'] as const;
export const STORE_FIELDS = ['k', 'c', 'fa'] as const;

/**
 * The text counts most; the page title lifts every block of a matching focus
 * area a little; label and kind words only break ties.
 */
export const FIELD_BOOST: Readonly<Record<(typeof INDEX_FIELDS)[number], number>> = {
  text: 2,
  title: 0.8,
  label: 0.3,
  kind: 0.3,
  ids: 1,
};

/** Footnotes are citations: they rank below the prose that cites them for the same words. */
export const FOOTNOTE_BOOST = 0.5;

export const KIND_WORDS: Readonly<Record<ContentSearchKind, string>> = {
  'policy-option': 'policy option',
  'practical-action': 'option for practical action',
  example: 'policy and practice example',
  context: 'context',
  footnote: 'footnote',
};

const LETTERS = /^[a-z]+$/;

/** Fuzzy matching for words of 4 letters or more: 0.2 × length edits (1 for 4–7 letters, 2 for 8–12, …). Never for codes. */
export function fuzzyFor(term: string): number | false {
  return LETTERS.test(term) && term.length >= 4 ? 0.2 : false;
}

/** Prefix matching on the last word only (it is the one being typed), from its second character. */
export function prefixFor(term: string, i: number, terms: string[]): boolean {
  return i === terms.length - 1 && term.length >= 2;
}

export function boostDocument(_id: unknown, _term: string, stored?: Record<string, unknown>): number {
  return stored?.k === 'footnote' ? FOOTNOTE_BOOST : 1;
}

/** Search options shared by queries and suggestions (combineWith is set per call: AND, then OR as a fallback). */
export const SEARCH_OPTIONS: SearchOptions = {
  boost: { ...FIELD_BOOST },
  fuzzy: fuzzyFor,
  prefix: prefixFor,
  boostDocument,
  tokenize: queryTokens,
  processTerm: (term) => normalizeTerm(term),
  combineWith: 'AND',
};

export function indexOptions(): Options<IndexDoc> {
  return {
    idField: 'id',
    fields: [...INDEX_FIELDS],
    storeFields: [...STORE_FIELDS],
    tokenize: (text) => indexTokens(text),
    processTerm: (term) => normalizeTerm(term),
    searchOptions: SEARCH_OPTIONS,
    autoSuggestOptions: SEARCH_OPTIONS,
  };
}
