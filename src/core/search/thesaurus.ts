/**
 * The migration thesaurus: words delegates use ("deportation", "brain drain",
 * "climate refugees") mapped to the document's own wording ("return",
 * "readmission"; "ethical recruitment", "brain waste"; "disaster
 * displacement"). The curated data is resources/thesaurus.json; the content
 * build validates it and stores it with the search index, so the app never
 * reads a file outside its content database for it.
 *
 * Constraint: expansion only adds the document's words to what the user typed
 * (at a low weight, see plan.ts); a term is matched on processed terms
 * (normalizeTerm), so "deportations", "Deportation" and "deportation" meet.
 */
import type { PreparedThesaurus, ThesaurusData } from '../content/thesaurus-data';
import { ROMANCE, romanceKey, romanceTerms } from './romance';
import { normalizeTerm } from './spelling';
import { queryTokens } from './tokenize';

/** A phrase's processed terms ("brain drain" → ["brain", "drain"]); stop words dropped. */
export function phraseTerms(phrase: string): string[] {
  return queryTokens(phrase)
    .map((t) => normalizeTerm(t))
    .filter((t): t is string => t !== null);
}

/** The lookup table of `data` (build time; deterministic: entry order, each document phrase once). */
export function prepareThesaurus(data: ThesaurusData | null): PreparedThesaurus {
  const byKey = new Map<string, string[]>();
  for (const e of data?.entries ?? []) {
    for (const u of e.use) {
      const terms = phraseTerms(u);
      if (terms.length === 0) continue;
      const key = terms.join(' ');
      const list = byKey.get(key) ?? [];
      for (const d of e.document) if (!list.includes(d)) list.push(d);
      byKey.set(key, list);
    }
  }
  // French and Spanish phrases: keyed by their Snowball stems, "fr:"/"es:" apart from English keys.
  for (const e of data?.glossary?.entries ?? []) {
    for (const lang of ROMANCE) {
      for (const phrase of e[lang]) {
        const stems = romanceTerms(lang, phrase);
        if (stems.length === 0) continue;
        const key = romanceKey(lang, stems);
        const list = byKey.get(key) ?? [];
        for (const d of e.en) if (!list.includes(d)) list.push(d);
        byKey.set(key, list);
      }
    }
  }
  return [...byKey];
}

/** Lookup of the thesaurus by processed phrase. */
export class Thesaurus {
  private readonly byKey: Map<string, string[]>;
  /** Every processed term a delegate may type (made on first use): words the thesaurus knows. */
  private words: Set<string> | null = null;
  /** Longest `use` phrase, in terms: bounds the n-grams looked up in a query. */
  readonly longest: number;
  /** The same bound for the glossary's French and Spanish phrases. */
  readonly longestRomance: number;

  constructor(prepared: PreparedThesaurus) {
    this.byKey = new Map(prepared);
    let longest = 1;
    let romance = 1;
    for (const key of this.byKey.keys()) {
      const n = key.split(' ').length;
      if (key.includes(':')) romance = Math.max(romance, n);
      else longest = Math.max(longest, n);
    }
    this.longest = longest;
    this.longestRomance = romance;
  }

  /** The document phrases for French or Spanish stems (romance.ts), or undefined. */
  lookupRomance(key: string): readonly string[] | undefined {
    return this.byKey.get(key);
  }

  /** The document phrases for a processed phrase, or undefined. */
  lookup(terms: readonly string[]): readonly string[] | undefined {
    return this.byKey.get(terms.join(' '));
  }

  /**
   * True when a `use` phrase holds the processed term ("inspection" of "labour inspection").
   * The document phrases need no entry: they are the document's own words (tests/core/search-thesaurus.test.ts).
   */
  knows(term: string): boolean {
    this.words ??= new Set([...this.byKey.keys()].filter((k) => !k.includes(':')).flatMap((key) => key.split(' ')));
    return this.words.has(term);
  }

  get size(): number {
    return this.byKey.size;
  }
}
