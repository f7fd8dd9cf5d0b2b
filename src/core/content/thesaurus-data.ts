/**
 * The migration thesaurus as the content database holds it: the schema of the
 * curated file (resources/thesaurus.json), which the content build checks and
 * stores, and the shape of the lookup table it stores beside it
 * (search/thesaurus.ts makes the table and looks terms up in it).
 *
 * Constraint: shapes only, no term processing, so the content store can read
 * the rows back without loading the search.
 */
import * as z from 'zod';
import { once } from '../../shared/lazy';

export const THESAURUS_SOURCES = ['document', 'iom-glossary', 'ilo'] as const;

/** The thesaurus file's schema, made on first use (the content build checks the file; a search never parses it). */
export const thesaurusSchema = once(() => {
  const entrySchema = z
    .object({
      /** What a delegate may type (one or more spellings of the same notion). */
      use: z.array(z.string().min(1).max(60)).min(1).max(8),
      /** The document's wording to search as well. */
      document: z.array(z.string().min(1).max(60)).min(1).max(8),
      source: z.enum(THESAURUS_SOURCES),
    })
    .strict();

  return z
    .object({
      about: z.string(),
      sources: z.record(z.enum(THESAURUS_SOURCES), z.string()),
      entries: z.array(entrySchema).min(1).max(2000),
    })
    .strict();
});

export type ThesaurusData = z.infer<ReturnType<typeof thesaurusSchema>>;

/**
 * The thesaurus as the search looks it up: each `use` phrase's processed terms
 * (joined by a space) with the document phrases to search as well, in entry
 * order. Made at content build time (prepareThesaurus) and stored beside the
 * data, so opening the search runs no term processing (~1,000 phrases).
 */
export type PreparedThesaurus = Array<[key: string, document: string[]]>;
