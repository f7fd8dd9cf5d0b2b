/**
 * Document-specific quirks of this one source text that no general rule can recognise,
 * each named and explained. Everything here is checked: the parser throws if a quirk no
 * longer matches exactly once, so a changed source cannot silently mis-parse.
 *
 * Constraint kept: quirks only re-classify text (footnote vs body, bullet vs paragraph,
 * quotation); they never add or remove words.
 */

/** A source line that looks like body prose but is footnote text that lost its number. */
export interface OrphanCitationQuirk {
  name: string;
  /** The line starts with this (after trimming). */
  prefix: string;
  why: string;
}

export const ORPHAN_CITATION_LINES: readonly OrphanCitationQuirk[] = [
  {
    name: 'orphan-citation-new-york-declaration',
    prefix: 'New York Declaration, 2016.',
    why: 'Footnote text without its number, at the head of the footnote block of footnotes 34–38 (cluster 2 context).',
  },
  {
    name: 'orphan-citation-c105',
    prefix: 'ILO, Abolition of Forced Labor Convention, C105, 1957,',
    why: 'Second citation of footnote 143 ("ILO Conventions on Forced Labor"), printed on its own line after "…C029;".',
  },
  {
    name: 'orphan-citation-un-iom-agreement',
    prefix: 'Agreement concerning the Relationship between the UN and IOM',
    why: 'Footnote text without its number between footnotes 159 and 161 (Part III).',
  },
];

/**
 * Bullets whose dash was lost and that no positional rule recognises: the third item of the
 * Part I list of sources ("Main recommendations …", "A selection of over 1,000 …", "Three
 * Dialogues …") comes after a page break, without its dash.
 */
export const LOST_DASH_BULLET_PREFIXES: readonly string[] = ['Three Dialogues and a Thematic Workshop'];

/**
 * The indented quotation of Part III lost its indentation: it is the paragraph that follows
 * the one introducing it ("… in the following way:").
 */
export const QUOTATION_INTRO_SUFFIX = 'in the following way:';

/** Throw unless every quirk in `names` was applied exactly once. */
export function assertQuirksApplied(expected: readonly string[], applied: readonly string[]): void {
  for (const name of expected) {
    const n = applied.filter((a) => a === name).length;
    if (n !== 1) throw new Error(`parse: quirk "${name}" applied ${n} times, expected once`);
  }
}
