/**
 * Recognises the body headings: Parts I–IV, the six cluster titles, focus areas / Part III
 * sub-sections "(n) …", and the three group headings inside a focus area.
 *
 * Constraint kept: headings are recognised from whole lines only, never from text inside a
 * paragraph, so a heading match can never split a sentence.
 */
import type { GroupKind } from '../../../shared/model';

export type Heading =
  | { kind: 'part'; roman: 'I' | 'II' | 'III' | 'IV'; title: string }
  | { kind: 'cluster'; number: number; title: string }
  | { kind: 'numbered'; number: number; title: string }
  | { kind: 'group'; group: GroupKind; title: string };

const GROUP_HEADINGS: ReadonlyArray<{ re: RegExp; group: GroupKind; title: string }> = [
  { re: /^Policy Options:?$/, group: 'po', title: 'Policy Options' },
  { re: /^Options for practical action:?$/, group: 'pa', title: 'Options for practical action' },
  { re: /^Policy and Practice Examples:?$/, group: 'ex', title: 'Policy and Practice Examples' },
];

/** Strip bold/italic delimiters from a heading (e.g. "… AND **INTOLERANCE**"). */
function stripEmphasis(s: string): string {
  return s.replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
}

/**
 * Recognise a heading line. A "(n) …" line ending in ";" is not a heading: it is an item of a
 * focus-area list (cluster 5's list item (1) lost its dash and looks like the heading that
 * follows it — the "duplicated heading" of the source).
 */
export function recogniseHeading(line: string): Heading | undefined {
  const t = line.trim();
  for (const g of GROUP_HEADINGS) if (g.re.test(t)) return { kind: 'group', group: g.group, title: g.title };
  const part = /^(I|II|III|IV)\. (.+)$/.exec(t);
  if (part) return { kind: 'part', roman: part[1] as 'I' | 'II' | 'III' | 'IV', title: stripEmphasis(part[2]) };
  const cluster = /^([1-6])\. (.+)$/.exec(t);
  if (cluster && !/[a-z]/.test(stripEmphasis(cluster[2]))) {
    // Headings of clusters 3 and 5 end with a full stop; it is heading punctuation, not title text.
    return { kind: 'cluster', number: Number(cluster[1]), title: stripEmphasis(cluster[2]).replace(/\.$/, '') };
  }
  const numbered = /^\(([1-9])\) (.+)$/.exec(t);
  if (numbered && !/[;.]$/.test(t))
    return { kind: 'numbered', number: Number(numbered[1]), title: stripEmphasis(numbered[2]) };
  return undefined;
}
