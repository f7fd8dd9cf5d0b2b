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
import { z } from 'zod';
import { normalizeTerm } from './spelling';
import { queryTokens } from './tokenize';

export const THESAURUS_SOURCES = ['document', 'iom-glossary', 'ilo'] as const;

const entrySchema = z
  .object({
    /** What a delegate may type (one or more spellings of the same notion). */
    use: z.array(z.string().min(1).max(60)).min(1).max(8),
    /** The document's wording to search as well. */
    document: z.array(z.string().min(1).max(60)).min(1).max(8),
    source: z.enum(THESAURUS_SOURCES),
  })
  .strict();

export const thesaurusSchema = z
  .object({
    about: z.string(),
    sources: z.record(z.enum(THESAURUS_SOURCES), z.string()),
    entries: z.array(entrySchema).min(1).max(2000),
  })
  .strict();

export type ThesaurusData = z.infer<typeof thesaurusSchema>;

/** A phrase's processed terms ("brain drain" → ["brain", "drain"]); stop words dropped. */
export function phraseTerms(phrase: string): string[] {
  return queryTokens(phrase)
    .map((t) => normalizeTerm(t))
    .filter((t): t is string => t !== null);
}

/** Lookup of the thesaurus by processed phrase. */
export class Thesaurus {
  private readonly byKey = new Map<string, string[]>();
  /** Every processed term of every phrase, typed or the document's: words the thesaurus knows. */
  private readonly words = new Set<string>();
  /** Longest `use` phrase, in terms: bounds the n-grams looked up in a query. */
  readonly longest: number;

  constructor(data: ThesaurusData | null) {
    let longest = 1;
    for (const e of data?.entries ?? []) {
      for (const u of e.use) {
        const terms = phraseTerms(u);
        if (terms.length === 0) continue;
        for (const t of terms) this.words.add(t);
        longest = Math.max(longest, terms.length);
        const key = terms.join(' ');
        const list = this.byKey.get(key) ?? [];
        for (const d of e.document) {
          if (list.includes(d)) continue;
          list.push(d);
          for (const t of phraseTerms(d)) this.words.add(t);
        }
        this.byKey.set(key, list);
      }
    }
    this.longest = longest;
  }

  /** The document phrases for a processed phrase, or undefined. */
  lookup(terms: readonly string[]): readonly string[] | undefined {
    return this.byKey.get(terms.join(' '));
  }

  /** True when a phrase of the thesaurus holds the processed term (as a word a delegate types or the document's). */
  knows(term: string): boolean {
    return this.words.has(term);
  }

  get size(): number {
    return this.byKey.size;
  }
}
