/**
 * Fidelity: nothing of the source text is lost or duplicated, and no conversion noise
 * reaches a block, a footnote or a title. The source is normalised here by simple,
 * independent means (not by the parser's modules), with every exception listed literally.
 */
import { describe, expect, it } from 'vitest';
import { corpusText } from '../../../../tests/support/content';
import { parseRecollection } from './index';

const source = corpusText();
const model = parseRecollection(source);
const lines = source.split('\n');

/** Page-break and SDG-icon debris, by exact line (trimmed) or prefix. */
const DEBRIS_EXACT = ['_', '. . .', '```', '10 seducines'];
const DEBRIS_PREFIX = ['¹⁰ REQUESTED TO NECOUNTRY', '1 POVERTY IN THE PRINCES 10 REDUCED'];

/** Footnote markers printed as plain digits: [as printed, without the marker]. */
const PLAIN_MARKERS: Array<[string, string]> = [
  ['identical language. 18', 'identical language.'],
  ['household surveys.82', 'household surveys.'],
  ['money-laundering.97', 'money-laundering.'],
  ['international levels" 120;', 'international levels";'],
  ['can be protected. 25 Sutherland', 'can be protected. Sutherland'],
  ["public's trust in them. 126", "public's trust in them."],
  ['Cooperative State Action 129 is', 'Cooperative State Action is'],
  ['post-crisis action. 130', 'post-crisis action.'],
  ['in law and in practice. 146', 'in law and in practice.'],
  ['abduction and exploitation. 147', 'abduction and exploitation.'],
  ['the Bali Process 155,', 'the Bali Process,'],
  ['and the private sector. 159', 'and the private sector.'],
  ['contribution to the GCM. 163', 'contribution to the GCM.'],
];

/** Footnote lines whose number is printed as plain digits. */
const PLAIN_FOOTNOTE_NUMBER = /^\s*(82|131|133|149|164|165) /;

const HEADING_PATTERNS = [
  /^(I|II|III|IV)\. /, // parts
  /^[1-6]\. [^a-z]+$/, // cluster titles (upper case)
  /^\(\d\) .*[^;.]$/, // focus areas and Part III sub-sections (list items end with ";" or ".")
  /^(Policy Options:|Options for practical action:|Policy and Practice Examples)$/,
];

function normaliseLine(raw: string): string {
  let s = raw;
  for (const [printed, clean] of PLAIN_MARKERS) s = s.split(printed).join(clean);
  s = s.replace(PLAIN_FOOTNOTE_NUMBER, '');
  s = s
    .replace(/<sup>\d+<\/sup>/g, '')
    .replace(/<a href="[^"]*">/g, '')
    .replace(/<\/a>|<\/?u>|<\/sup>/g, '');
  s = s.replace(/\*/g, '');
  s = s.replace(/ ?[⁰¹²³⁴⁵⁶⁷⁸⁹]+/g, '');
  s = s.replace(/^\s*[-•]\s*/, '');
  return s.replace(/\s+/g, ' ').trim();
}

const tocStart = lines.findIndex((l) => l.trim() === 'CONTENT');
const bodyStart = lines.findIndex((l, i) => i > tocStart && l.trim() === 'I. Introduction');

const isDebris = (t: string) => DEBRIS_EXACT.includes(t) || DEBRIS_PREFIX.some((p) => t.startsWith(p));
const isHeading = (t: string) => HEADING_PATTERNS.some((re) => re.test(t));

const contentLines = lines.filter((l, i) => {
  const t = l.trim();
  if (t === '' || (i >= tocStart && i < bodyStart)) return false;
  return !isDebris(t) && !(i >= bodyStart && isHeading(t));
});
const headingLines = lines.filter((l, i) => i >= bodyStart && isHeading(l.trim()));

const sourceTexts = contentLines.map(normaliseLine).filter((t) => t !== '');
const outputTexts = [...model.blocks.map((b) => b.text), ...model.footnotes.map((f) => f.text)];

function count(haystacks: readonly string[], needle: string): number {
  let n = 0;
  for (const h of haystacks) {
    for (let i = h.indexOf(needle); i >= 0; i = h.indexOf(needle, i + needle.length)) n++;
  }
  return n;
}

/** Sentence fragments of the source (split after . ! ? ; :), each distinct fragment once. */
const fragments = [...new Set(sourceTexts.flatMap((t) => t.split(/(?<=[.!?;:])\s+/)))].filter((f) => f !== '');

/** Fragments that occur a different number of times in the output than in the source. */
function mismatches(output: readonly string[]): Array<{ f: string; source: number; output: number }> {
  return fragments
    .map((f) => ({ f, source: count(sourceTexts, f), output: count(output, f) }))
    .filter((p) => p.source !== p.output);
}

describe('fidelity to the source', () => {
  it('sets aside only the table of contents (38 lines), debris and headings', () => {
    expect(lines.slice(tocStart, bodyStart).filter((l) => l.trim() !== '')).toHaveLength(38);
    expect(lines.filter((l) => isDebris(l.trim()))).toHaveLength(9);
    // Parts, clusters, focus areas, Part III sub-sections, 21 × (Policy Options, Options for practical
    // action), and the 13 "Policy and Practice Examples" headings that survive (8 are missing).
    expect(headingLines).toHaveLength(4 + 6 + 21 + 4 + 21 * 2 + 13);
  });

  it('keeps every sentence of the source in a block or footnote, as often as the source has it', () => {
    expect(fragments).toHaveLength(1008);
    expect(mismatches(outputTexts)).toEqual([]);
  });

  it('would notice a lost block or a duplicated footnote (the check itself works)', () => {
    expect(mismatches(outputTexts.filter((t) => t !== model.blocks[40].text)).length).toBeGreaterThan(0);
    expect(mismatches([...outputTexts, model.footnotes[10].text]).length).toBeGreaterThan(0);
  });

  it('loses no characters: output letters and digits equal the source ones minus markers', () => {
    const letters = (ts: readonly string[]) => ts.join('').replace(/[^\p{L}\p{N}]/gu, '').length;
    expect(letters(outputTexts)).toBe(letters(sourceTexts));
  });

  it('turns every heading line into a section title', () => {
    const titles = new Set(model.sections.map((s) => s.title));
    for (const h of headingLines) {
      const t = h.trim().replace(/\*/g, '').replace(/:$/, '');
      const title = t
        .replace(/^(I|II|III|IV|[1-6])\. /, '')
        .replace(/^\(\d\) /, '')
        .replace(/\.$/, '');
      expect(titles.has(title), h).toBe(true);
    }
  });
});

/** Digits glued to punctuation that are printed that way: ILO instrument numbers "No.97", "No.118", "No.157". */
const ALLOWED_GLUED: string[] = ['c4.f5.ex.3: 97', 'c4.f5.ex.4: 118', 'c4.f5.ex.4: 157'];

describe('no conversion noise in the output', () => {
  const texts: Array<[string, string]> = [
    ...model.blocks.map((b): [string, string] => [b.id, b.text]),
    ...model.footnotes.map((f): [string, string] => [f.id, f.text]),
    ...model.sections.map((s): [string, string] => [s.id, s.title]),
  ];
  const NOISE: Array<[string, RegExp]> = [
    ['bold/italic markers', /\*/],
    ['HTML', /<sup|<\/sup|<a |<\/a>|<u>|<\/u>/],
    ['code fence', /```/],
    ['lone underscore', /(^|\s)_(\s|$)/],
    ['ellipsis debris', /\. \. \./],
    ['SDG icon debris', /NECOUNTRY|seducines|POVERTY IN THE|PARTHERSHIPS/],
    ['superscript digits', /[⁰¹²³⁴⁵⁶⁷⁸⁹]/],
    ['double space', / {2}/],
    ['other whitespace', /[\t\n\r\u00a0]/],
    ['leading/trailing whitespace', /^\s|\s$/],
  ];

  it.each(NOISE)('no %s', (_, re) => {
    expect(texts.filter(([, t]) => re.test(t)).map(([id]) => id)).toEqual([]);
  });

  it('no footnote digits glued to words or punctuation in blocks', () => {
    const glued = model.blocks.flatMap((b) =>
      [...b.text.matchAll(/[a-z][0-9]{1,3}\b|(?<=[a-z)][.;,"”])[0-9]{1,3}\b/g)].map((m) => `${b.id}: ${m[0]}`),
    );
    expect(glued.filter((g) => !ALLOWED_GLUED.includes(g))).toEqual([]);
  });

  it('no footnote digits glued to words in footnote text outside URLs', () => {
    const glued = model.footnotes.flatMap((f) => {
      let t = f.text;
      for (const m of [...f.marks].filter((x) => x.type === 'link').sort((a, b) => b.start - a.start))
        t = t.slice(0, m.start) + t.slice(m.end);
      return [...t.matchAll(/[a-z][0-9]{1,3}\b/g)].map((m) => `${f.id}: ${m[0]}`);
    });
    expect(glued).toEqual([]);
  });
});
