/**
 * From what was typed to the MiniSearch query: the query's content words, each
 * a "slot" that a passage must match (AND) — by the word itself (exactly, by
 * prefix or fuzzily) or, at a low weight, by the document's wording for it
 * from the thesaurus ("deportation" → "return", "readmission").
 *
 * Constraints: a question's interrogatives and auxiliaries ("how", "what can
 * … do", "why is") are dropped when other words remain, so they never rank
 * passages; negations ("no", "not", "without") are kept. Thesaurus phrases
 * are matched on processed terms, longest first. Expansion terms are exact
 * (no prefix, no fuzzy) so they add little work; the last typed word keeps
 * its prefix match (it may still be being typed). At most MAX_TERMS words.
 */
import type { Query, QueryCombination, SearchOptions } from 'minisearch';
import { fuzzyFor } from './options';
import { isFunctionWord, looksRomance, ROMANCE, romanceKey, stemRomance, stripElision } from './romance';
import { fold, normalizeTerm } from './spelling';
import { phraseTerms, type Thesaurus } from './thesaurus';
import { queryTokensWithOffsets, type Token } from './tokenize';

/** Distinct words searched per query: bounds the work of a pasted paragraph. */
export const MAX_TERMS = 24;
/** Weight of a thesaurus term against the user's own word. */
export const EXPANSION_WEIGHT = 0.25;
/** Document phrases searched per thesaurus match. */
const MAX_EXPANSIONS = 6;

/**
 * Words of a question or request that say nothing about the subject: dropped
 * when the query keeps other words. Compared folded, before term processing.
 */
export const QUESTION_WORDS: ReadonlySet<string> = new Set(
  (
    'how what which who whom whose why when where whether ' +
    'do does did doing done can could should would will shall may might must ' +
    'i me my we us our you your they them he she his her one ones ' +
    'about there here any some more most much many very also just so if then ' +
    'make makes making made get gets getting give show tell find help need needs want know ' +
    'way ways thing things important best good better ' +
    'being is are was were be been am isn aren t s please'
  ).split(' '),
);
/** Kept even inside a question: they change the meaning. */
const NEGATIONS: ReadonlySet<string> = new Set(['no', 'not', 'without', 'never', 'nor']);

export interface Slot {
  /** The words as typed, for "not found: …" and the matched words of a hit. */
  typed: string;
  /** Processed terms that count as matching this slot (the user's and the thesaurus's). */
  terms: Set<string>;
  /** Thesaurus phrases also searched for it, in the document's wording. */
  expansions: string[];
  /** True when the expansions come from the French or Spanish glossary (shown "remittances — transferts de fonds"). */
  glossed: boolean;
  query: Query;
}

export interface Plan {
  slots: Slot[];
}

interface Word {
  tok: Token;
  term: string;
}

/** Distinct content words of a query, question words dropped when others remain. */
export function contentWords(q: string): Word[] {
  const seen = new Set<string>();
  const words: Word[] = [];
  for (const typed of queryTokensWithOffsets(q)) {
    // A French elision is not part of the word: "d'information" is "information".
    const text = stripElision(typed.text);
    const tok = text === typed.text ? typed : { ...typed, text, start: typed.end - text.length };
    const term = normalizeTerm(tok.text);
    if (term === null || seen.has(term)) continue;
    seen.add(term);
    words.push({ tok, term });
  }
  // French and Spanish articles and prepositions ("des", "los", "para") say nothing about the subject either.
  const isQuestionWord = (w: Word): boolean => {
    const f = fold(w.tok.text).replace(/['’]/g, '');
    return (QUESTION_WORDS.has(f) && !NEGATIONS.has(f)) || isFunctionWord(w.tok.text);
  };
  const kept = words.filter((w) => !isQuestionWord(w));
  const chosen = kept.length > 0 ? kept : words;
  if (chosen.length <= MAX_TERMS) return chosen;
  return [...chosen.slice(0, MAX_TERMS - 1), chosen[chosen.length - 1]];
}

/** Weight of a verb form's stem ("identified" → identifi…) against the word itself. */
const STEM_WEIGHT = 0.5;
const VERB_FORM = /^([a-z]{5,}?)(?:ed|ing)$/;

/**
 * A word as typed; a verb form ending in -ed or -ing also matches the words
 * its stem starts, at a lower weight: a question's "identified" or "improved"
 * finds the document's "identification" and "improvement".
 */
function wordQuery(w: Word, last: boolean, lex: Lexicon): Query {
  const own = ownWord(w, last, lex);
  const m = VERB_FORM.exec(w.term);
  if (!m) return own;
  const stem: Query = { queries: [m[1]], fuzzy: false, prefix: true, boostTerm: () => STEM_WEIGHT };
  return { combineWith: 'OR', queries: [own, stem] };
}

/** Fields where a word may also match by prefix or fuzzily; elsewhere only exactly. */
const LOOSE_FIELDS = ['text', 'title'];
const EXACT_FIELDS = ['label', 'kind', 'ids'];
/** Edits allowed at most, whatever the word's length (MiniSearch's default is 6). */
const MAX_FUZZY = 2;
/**
 * A word that at least this many documents hold exactly is not searched fuzzily: it is spelt
 * as the document spells it, and its fuzzy neighbours ("policy" → "police", "migration" →
 * "emigration") cost most of a query's time on a large corpus for results ranked below its own.
 */
export const KNOWN_DOCS = 3;

/** Prefix completions searched at most for the word being typed (the most used ones). */
export const MAX_COMPLETIONS = 64;
/** MiniSearch's weight of a prefix match (its default `weights.prefix`). */
const PREFIX_WEIGHT = 0.375;

/** What the plan needs to know of the index's terms. */
export interface Lexicon {
  /** How many documents hold a processed term exactly (0 when unknown). */
  docFreq(term: string): number;
  /**
   * The completions of a prefix (processed terms that start with it, itself excluded) when there
   * are more than MAX_COMPLETIONS: the MAX_COMPLETIONS most used. Null when there are fewer
   * (MiniSearch then expands the prefix itself).
   */
  completions(prefix: string): readonly string[] | null;
  /** Whether some processed term of the index starts with `prefix` (a word that may still be being typed). */
  startsTerm?(prefix: string): boolean;
}

const NO_LEXICON: Lexicon = { docFreq: () => 0, completions: () => null };

/** MiniSearch's own weight of a prefix match of `term` on `prefix` (executeQuerySpec). */
const prefixWeight = (term: string, prefix: string): number =>
  (PREFIX_WEIGHT * term.length) / (term.length + 0.3 * (term.length - prefix.length));

/**
 * A short prefix on a large corpus ("co", "re") starts thousands of terms, every one scored in
 * every document that holds it. Beyond MAX_COMPLETIONS, only the most used completions are
 * searched, as exact terms with the weight MiniSearch gives a prefix match, so the first page
 * ranks as it would and the work stays bounded.
 */
function completionsQuery(prefix: string, terms: readonly string[]): Query {
  const weight = new Map(terms.map((t) => [t, prefixWeight(t, prefix)]));
  return {
    combineWith: 'OR',
    queries: [...terms],
    fields: LOOSE_FIELDS,
    fuzzy: false,
    prefix: false,
    // Already processed terms of the index: searched as they are.
    tokenize: (s) => [s],
    processTerm: (t) => t,
    boostTerm: (t) => weight.get(t) ?? 0,
  };
}

/**
 * The word itself. Prefix and fuzzy expansions (many terms on a large corpus)
 * are scored only in the text and title; label, kind and identifier words
 * match exactly, so an expansion is not scored in fields where it only breaks ties.
 */
function ownWord(w: Word, last: boolean, lex: Lexicon): Query {
  const fuzzy = lex.docFreq(w.term) >= KNOWN_DOCS ? false : fuzzyFor(w.term);
  let prefix = last && w.term.length >= 2;
  const many = prefix ? lex.completions(w.term) : null;
  if (many) prefix = false;
  if (fuzzy === false && !prefix && !many) return { queries: [w.tok.text], fuzzy: false, prefix: false };
  const queries: Query[] = [
    { queries: [w.tok.text], fields: EXACT_FIELDS, fuzzy: false, prefix: false },
    { queries: [w.tok.text], fields: LOOSE_FIELDS, fuzzy, prefix, maxFuzzy: MAX_FUZZY },
  ];
  if (many) queries.push(completionsQuery(w.term, many));
  return { combineWith: 'OR', queries };
}

/** Processed terms that count as the word: itself, the stem of a verb form, and the completions searched as terms. */
function wordTerms(w: Word, last: boolean, lex: Lexicon): string[] {
  const m = VERB_FORM.exec(w.term);
  const own = m ? [w.term, m[1]] : [w.term];
  const many = last && w.term.length >= 2 ? lex.completions(w.term) : null;
  return many ? [...own, ...many] : own;
}

/** Thesaurus terms: exact, at a low weight, in the text and title only (where they can rank a passage). */
const EXACT: SearchOptions = { fuzzy: false, prefix: false, fields: LOOSE_FIELDS, boostTerm: () => EXPANSION_WEIGHT };

/**
 * The slots of a query; `thesaurus` null or `expand` false leaves the user's words alone.
 * `lex` says which words the document holds (those are not searched fuzzily) and bounds prefixes.
 */
export function planQuery(q: string, thesaurus: Thesaurus | null, expand = true, lex: Lexicon = NO_LEXICON): Plan {
  const words = contentWords(q);
  const slots: Slot[] = [];
  const romance = looksRomance(q);
  // Each word stemmed once per language, when first looked up in the glossary.
  const stems: Record<string, Array<string | undefined>> = { fr: [], es: [] };
  const stemAt = (lang: 'fr' | 'es', k: number): string => (stems[lang][k] ??= stemRomance(lang, words[k].tok.text));
  let i = 0;
  while (i < words.length) {
    const longest = thesaurus ? Math.max(thesaurus.longest, thesaurus.longestRomance) : 1;
    let n = expand && thesaurus ? Math.min(longest, words.length - i) : 1;
    let found: readonly string[] | undefined;
    let glossed = false;
    for (; n >= 1; n--) {
      if (!expand || !thesaurus) break;
      const group = words.slice(i, i + n);
      if (n <= thesaurus.longest) found = thesaurus.lookup(group.map((w) => w.term));
      if (found) break;
      // The glossary, for French or Spanish: a query that reads so, or words the document does not hold.
      // The last word, while it starts a document word, may be English being typed ("dat" of "data").
      const unknown = (w: Word, k: number): boolean =>
        lex.docFreq(w.term) === 0 && !(i + k === words.length - 1 && (lex.startsTerm?.(w.term) ?? false));
      if (n <= thesaurus.longestRomance && (romance || group.some(unknown))) {
        for (const lang of ROMANCE) {
          found = thesaurus.lookupRomance(
            romanceKey(
              lang,
              group.map((_, k) => stemAt(lang, i + k)),
            ),
          );
          if (found) break;
        }
        glossed = found !== undefined;
      }
      if (found) break;
    }
    n = Math.max(n, 1);
    const group = words.slice(i, i + n);
    const isLast = i + n === words.length;
    const own: Query =
      group.length === 1
        ? wordQuery(group[0], isLast, lex)
        : {
            combineWith: 'AND',
            queries: group.map((w, k) => wordQuery(w, isLast && k === group.length - 1, lex)),
          };
    const terms = new Set(group.flatMap((w, k) => wordTerms(w, isLast && k === group.length - 1, lex)));
    const expansions: string[] = [];
    const queries: Query[] = [own];
    for (const phrase of (found ?? []).slice(0, MAX_EXPANSIONS)) {
      const pt = phraseTerms(phrase);
      if (pt.length === 0 || pt.join(' ') === group.map((w) => w.term).join(' ')) continue;
      expansions.push(phrase);
      for (const t of pt) terms.add(t);
      queries.push({ ...EXACT, combineWith: 'AND', queries: [phrase] });
    }
    const typed = q.slice(group[0].tok.start, group[group.length - 1].tok.end);
    slots.push({ typed, terms, expansions, glossed, query: queries.length > 1 ? { combineWith: 'OR', queries } : own });
    i += n;
  }
  return { slots };
}

/** The MiniSearch query of a plan: every slot (AND), or any (OR, the fallback). */
export function planQueryTree(plan: Plan, combineWith: 'AND' | 'OR'): QueryCombination {
  return { combineWith, queries: plan.slots.map((s) => s.query) };
}
