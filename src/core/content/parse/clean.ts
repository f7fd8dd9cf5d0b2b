/**
 * Line-level noise rules of the PDF-to-text conversion: which source lines are page-break
 * debris, which belong to the table of contents, and how superscript digits read.
 *
 * Constraint kept: a line is only ever discarded by a named rule listed here (and in
 * docs/id-scheme.md); every other line is either body text, a heading or footnote text.
 */

/** A named rule that discards a whole source line. */
export interface DebrisRule {
  name: string;
  /** Why the line is noise, for the documentation and for debugging. */
  why: string;
  test: (line: string) => boolean;
}

export const DEBRIS_RULES: readonly DebrisRule[] = [
  {
    name: 'lone-underscore',
    why: 'A lone `_` left where a page ended (a footnote separator rule).',
    test: (l) => l.trim() === '_',
  },
  {
    name: 'ellipsis-line',
    why: 'A `. . .` line left where a page ended.',
    test: (l) => l.trim() === '. . .',
  },
  {
    name: 'code-fence',
    why: 'The ``` fences around the one HTML footnote line (footnote 39); the line itself is footnote text.',
    test: (l) => l.trim() === '```',
  },
  {
    name: 'sdg-icon-requested',
    why: 'Text read out of the SDG icons after the cluster 1 focus-area list ("¹⁰ REQUESTED TO NECOUNTRY …").',
    test: (l) => /NECOUNTRY/.test(l),
  },
  {
    name: 'sdg-icon-poverty',
    why: 'Text read out of the SDG icons after the cluster 4 focus-area list ("1 POVERTY IN THE PRINCES 10 REDUCED …").',
    test: (l) => /^\d+ POVERTY IN THE PRINCES\b/.test(l.trim()),
  },
  {
    name: 'sdg-icon-seducines',
    why: 'Text read out of an SDG icon ("10 seducines" = "10 REDUCED INEQUALITIES") before cluster 5 (1).',
    test: (l) => l.trim() === '10 seducines',
  },
];

/** The debris rule a line falls under, if any. */
export function debrisRuleOf(line: string): DebrisRule | undefined {
  return DEBRIS_RULES.find((r) => r.test(line));
}

export function isBlank(line: string): boolean {
  return line.trim() === '';
}

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** Character class source for one superscript digit. */
export const SUP = '[⁰¹²³⁴⁵⁶⁷⁸⁹]';

/** "¹²⁶" → 126. */
export function superscriptToNumber(s: string): number {
  let n = 0;
  for (const ch of s) {
    const d = SUPERSCRIPT_DIGITS.indexOf(ch);
    if (d < 0) throw new Error(`not a superscript digit: ${ch}`);
    n = n * 10 + d;
  }
  return n;
}

/**
 * Front-matter / table-of-contents rule: the lines before the `CONTENT` heading are the title
 * page; from `CONTENT` up to the first line that is exactly a Part I heading (no page number)
 * is the table of contents. The table of contents is not turned into blocks: the outline built
 * from the body headings replaces it (its entries are truncated or misspelled anyway).
 */
export interface Regions {
  /** Index of the first table-of-contents line (`CONTENT`). */
  tocStart: number;
  /** Index of the first body line (the Part I heading). */
  bodyStart: number;
}

export function findRegions(lines: readonly string[]): Regions {
  const tocStart = lines.findIndex((l) => l.trim() === 'CONTENT');
  const bodyStart = lines.findIndex((l, i) => i > tocStart && l.trim() === 'I. Introduction');
  if (tocStart < 0 || bodyStart < 0) throw new Error('parse: CONTENT or body Part I heading not found');
  return { tocStart, bodyStart };
}
