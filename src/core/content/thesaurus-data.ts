/**
 * The migration thesaurus as the content database holds it: the schema of the
 * curated files (resources/thesaurus.json, and the French and Spanish glossary
 * resources/migration-glossary.json stored with it), which the content build checks and
 * stores, and the shape of the lookup table it stores beside it
 * (search/thesaurus.ts makes the table and looks terms up in it).
 *
 * Constraint: shapes only, no term processing, so the content store can read
 * the rows back without loading the search.
 */
import * as z from 'zod';
import { once } from '../../shared/lazy';

export const THESAURUS_SOURCES = ['document', 'iom-glossary', 'ilo'] as const;
export const GLOSSARY_SOURCES = ['iom-glossary', 'ilo', 'un-2030-agenda', 'unterm'] as const;

/** resources/migration-glossary.json: French and Spanish terms → the document's English wording. */
export const glossarySchema = once(() =>
  z
    .object({
      about: z.string(),
      sources: z.record(z.enum(GLOSSARY_SOURCES), z.string()),
      entries: z
        .array(
          z
            .object({
              fr: z.array(z.string().min(1).max(80)).max(8),
              es: z.array(z.string().min(1).max(80)).max(8),
              /** The document's wording to search. */
              en: z.array(z.string().min(1).max(60)).min(1).max(8),
              source: z.enum(GLOSSARY_SOURCES),
            })
            .strict(),
        )
        .min(1)
        .max(2000),
    })
    .strict(),
);

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
      /** The trilingual glossary, read from its own file and stored with the thesaurus. */
      glossary: z.optional(z.lazy(() => glossarySchema())),
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
