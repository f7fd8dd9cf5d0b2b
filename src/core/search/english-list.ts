/**
 * Content build time only: the English word list that english.ts looks words
 * up in, made from the Hunspell dictionaries of `dictionary-en` (American)
 * and `dictionary-en-gb` (British) by nspell, a Hunspell-compatible checker.
 * A well-kept dictionary knows inflections through its affix rules, which no
 * hand-made list would; nspell applies those rules when it loads, so the
 * words it holds are every form the dictionaries accept.
 *
 * Constraints: deterministic (sorted by code unit, the order english.ts
 * searches in; one lower-case word a line, each once); only words nspell
 * itself accepts (no forbidden or compound-only forms) and only words made of
 * letters, apostrophes and hyphens (what a query word can be). Never imported
 * by the app or the command line: building the checkers takes ~600 ms.
 */
import nspell from 'nspell';
import en from 'dictionary-en';
import gb from 'dictionary-en-gb';

const WORD = /^[\p{L}'’-]+$/u;

/** nspell's table of every form it generated from the dictionary and its affix rules. */
interface WithData {
  data: Record<string, unknown>;
}

let made: string | null = null;

/** The sorted, newline-separated, lower-case list of American and British English words (made once a process). */
export function englishWordList(): string {
  return (made ??= makeList());
}

function makeList(): string {
  // The packages give Uint8Arrays; nspell reads Buffers (same bytes, no copy).
  const buf = (u: Uint8Array): Buffer => Buffer.from(u.buffer, u.byteOffset, u.byteLength);
  const words = new Set<string>();
  for (const dict of [en, gb]) {
    const checker = nspell(buf(dict.aff), buf(dict.dic));
    for (const form of Object.keys((checker as unknown as WithData).data)) {
      if (WORD.test(form) && checker.correct(form)) words.add(form.toLowerCase());
    }
  }
  return [...words].sort().join('\n');
}
