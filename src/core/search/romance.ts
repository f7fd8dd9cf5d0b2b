/**
 * French and Spanish query words: accents folded, elisions ("l'", "d'")
 * stripped, function words ("des", "los", "pour", "para") recognised, and
 * Snowball stems (@orama/stemmers, the Snowball algorithms generated for
 * Orama) so that "travailleuses", "travailleurs" and "travailleur" meet one
 * glossary entry. Used to look up the trilingual glossary (thesaurus.ts,
 * plan.ts) and to keep did-you-mean from rewriting French or Spanish.
 *
 * Constraint: the same folding and stemming at build time (the glossary's
 * keys) and at query time; the stemmers are small pure functions, loaded
 * with the search and never downloaded.
 */
import { stemmer as frenchStem } from '@orama/stemmers/french';
import { stemmer as spanishStem } from '@orama/stemmers/spanish';
import { fold } from './spelling';
import { queryTokens } from './tokenize';

export type Romance = 'fr' | 'es';
export const ROMANCE: readonly Romance[] = ['fr', 'es'];

/**
 * Articles, prepositions, conjunctions and pronouns of French and Spanish, folded. Words that are
 * also meaningful English or names in the document are left out ("un" is the UN, "no" a
 * negation, "a" already an English stop word, "todos" of Todos Somos Migrantes).
 */
export const FUNCTION_WORDS: ReadonlySet<string> = new Set(
  // French
  (
    'le la les l des du de d au aux et ou pour par avec dans sur sous sans entre chez vers ' +
    'ce cet cette ces son sa ses leur leurs notre nos votre vos qui que qu quel quelle quels quelles ' +
    'est sont etre ont il elle ils elles se sa y en une lors dont afin comme ' +
    // Spanish
    'el los las lo del al y e o u para por con sin sobre entre hacia desde hasta segun ' +
    'su sus nuestro nuestra nuestros nuestras que cual cuales como donde es son ser estan esta una unos unas se les'
  ).split(' '),
);

const ELISION = /^(?:l|d|qu|n|s|j|c|m|t)['’](?=\p{L})/iu;

/** A word without its French elision ("d'information" → "information"). */
export function stripElision(word: string): string {
  return word.replace(ELISION, '');
}

/** Folded and without elision: "Réintégration" → "reintegration", "l'employeur" → "employeur". */
export function foldRomance(word: string): string {
  return fold(stripElision(word)).replace(/['’]/g, '');
}

export const isFunctionWord = (word: string): boolean => FUNCTION_WORDS.has(foldRomance(word));

const STEM: Record<Romance, (w: string) => string> = { fr: frenchStem, es: spanishStem };

/** The stem of a folded word in `lang` (Snowball, on the folded form at build and query time alike). */
export const stemRomance = (lang: Romance, word: string): string => STEM[lang](foldRomance(word));

/** A phrase's stems in `lang`, function words dropped ("transferts de fonds" → "transfert fond"). */
export function romanceTerms(lang: Romance, phrase: string): string[] {
  return queryTokens(phrase)
    .filter((t) => !isFunctionWord(t))
    .map((t) => stemRomance(lang, t))
    .filter((t) => t.length > 0);
}

/** The glossary key of stems in `lang`: distinct from every English key (which has no colon). */
export const romanceKey = (lang: Romance, stems: readonly string[]): string => `${lang}:${stems.join(' ')}`;

const ROMANCE_LETTERS = /[àâçèéêëîïôûùüÿœñáíóú¿¡]/i;

/**
 * Whether a query reads as French or Spanish: a letter English does not use, or a function word
 * of those languages among other words. Did-you-mean then proposes nothing (it would rewrite
 * correct French or Spanish into the nearest English words of the document).
 */
export function looksRomance(q: string): boolean {
  if (ROMANCE_LETTERS.test(q)) return true;
  const words = queryTokens(q);
  return words.length > 1 && words.some(isFunctionWord);
}
