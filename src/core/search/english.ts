/**
 * "Is this an English word?" for did-you-mean: a query word that the
 * document does not hold but an English dictionary does ("Sutherland",
 * "deportation", "inception") is a real word, never rewritten into a
 * document word it merely looks like.
 *
 * Uses nspell (a Hunspell-compatible checker) with the Hunspell dictionaries
 * of the `dictionary-en` (American) and `dictionary-en-gb` (British) packages,
 * loaded from node_modules (no network, files shipped in the app). A
 * well-kept dictionary knows inflections through its affix rules, which no
 * hand-made list would.
 *
 * Constraint: building the checkers takes about a second, so it happens once,
 * on the first query that has a word the document does not know (most
 * queries never need it).
 */
import nspell from 'nspell';
import en from 'dictionary-en';
import gb from 'dictionary-en-gb';

type Checker = ReturnType<typeof nspell>;
let checkers: Checker[] | null = null;

function load(): Checker[] {
  // The packages give Uint8Arrays; nspell reads Buffers (same bytes, no copy).
  const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  return [nspell(buf(en.aff), buf(en.dic)), nspell(buf(gb.aff), buf(gb.dic))];
}

/**
 * Answers already given: the overlay asks about the same words on every keystroke of a query
 * ("clmate c", "clmate ch", …), and each answer costs up to eight affix-rule lookups. Bounded.
 */
const answers = new Map<string, boolean>();
const ANSWERS_MAX = 4096;

/** True when American or British English spells `word` so (as typed, lower case or capitalised). */
export function isEnglishWord(word: string): boolean {
  if (!/^[\p{L}'’-]+$/u.test(word) || word.length > 40) return false;
  const known = answers.get(word);
  if (known !== undefined) return known;
  checkers ??= load();
  const lower = word.toLowerCase();
  const forms = new Set([word, lower, lower.charAt(0).toUpperCase() + lower.slice(1), word.toUpperCase()]);
  const answer = checkers.some((c) => [...forms].some((f) => c.correct(f)));
  if (answers.size >= ANSWERS_MAX) answers.clear();
  answers.set(word, answer);
  return answer;
}

/** Builds the checkers now (e.g. after the app has opened) instead of on the first unknown word. */
export function preloadEnglish(): void {
  checkers ??= load();
}
