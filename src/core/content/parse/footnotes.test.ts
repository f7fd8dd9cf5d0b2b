/**
 * Footnotes 1–168: every number accounted for, lost numbers inferred (listed by hand from the
 * source), URLs re-attached, and body references consistent with the footnote list.
 */
import { describe, expect, it } from 'vitest';
import { corpusText } from '../../../../tests/support/content';
import { parseWithDiagnostics } from './index';

const source = corpusText();
const { model, diagnostics } = parseWithDiagnostics(source);
const fn = (n: number) => {
  const f = model.footnotes.find((x) => x.number === n);
  if (!f) throw new Error(`no footnote ${n}`);
  return f;
};

/** Footnote lines whose number did not survive the conversion (read off the source). */
const INFERRED = [
  33, 37, 53, 55, 57, 61, 80, 86, 103, 105, 107, 109, 111, 112, 114, 117, 118, 134, 151, 153, 154, 155, 157, 158, 160,
];
/** Cited in the body ("… Private Employment Agencies No. 181⁴⁰") but no text survives. */
const MISSING = [40];
/** Footnotes with no surviving marker in the body. */
const UNCITED = [47, 72, 73, 95, 114, 160, 161, 165];

describe('footnotes', () => {
  it('accounts for every number from 1 to 168 exactly once', () => {
    expect(model.footnotes.map((f) => f.number)).toEqual(Array.from({ length: 168 }, (_, i) => i + 1));
    expect(model.footnotes.every((f) => f.id === `fn.${f.number}`)).toBe(true);
  });

  it('lists the inferred and missing numbers', () => {
    expect(model.footnotes.filter((f) => f.status === 'inferred').map((f) => f.number)).toEqual(INFERRED);
    expect(model.footnotes.filter((f) => f.status === 'missing').map((f) => f.number)).toEqual(MISSING);
    for (const f of model.footnotes) {
      if (f.status === 'present') expect(f.text, f.id).not.toBe('');
      else expect(f.note, f.id).toMatch(/\w/);
    }
    expect(fn(40)).toMatchObject({ text: '', marks: [], urls: [], pfpIds: [] });
  });

  it('explains each inference', () => {
    expect(fn(53).note).toContain('http://gfmd.org/pfp/ppd/215.');
    expect(fn(53).note).toContain('between 50 and 54');
    expect(fn(53).note).toContain('c2.f1.ex.3');
    expect(fn(55).note).toContain('55, 57');
    expect(fn(160).note).toContain('No marker for it survives in the body');
  });

  it.each([
    [29, ['http://gfmd.org/pfp/ppd/2334'], [2334]],
    [30, ['http://afmd.org/pfp/ppd/1890'], [1890]], // host misspelled as printed, id still read
    [33, ['http://gfmd.org/pfp/ppd/2623'], [2623]],
    [37, [], []],
    [53, ['http://gfmd.org/pfp/ppd/215'], [215]],
    [55, ['http://gfmd.org/pfp/ppd/5424'], [5424]],
    [57, ['http://gfmd.org/pfp/ppd/2674'], [2674]],
    [103, ['http://gfmd.org/pfp/ppd/5234'], [5234]],
    [134, ['https://www.gfmd.org/pfp/ppd/5897'], [5897]],
    [153, ['http://aaptip.org'], []],
    [158, ['http://gfmd.org/pfp/ppd/376'], [376]],
    [160, ['http://www.un.org/ga/search/view_doc.asp?symbol=A/70/976'], []],
    [6, ['https://gfmd.org/pfp/ppd'], []],
  ])('footnote %i links %j (PfP %j)', (n, urls, pfp) => {
    expect(fn(n).urls).toEqual(urls);
    expect(fn(n).pfpIds).toEqual(pfp);
  });

  it('re-attaches URLs wrapped onto the next line or printed before their footnote', () => {
    expect(fn(27).text).toBe(
      'GCM Thematic Sessions, Issue Brief #1, 2017, http://refugeesmigrants.un.org/sites/default/files/issue brief for first thematic session.pdf.',
    );
    expect(fn(99).urls).toEqual(['http://refugeesmigrants.un.org/sites/default/files/ts4_issuebrief.pdf']);
    expect(fn(100).urls).toEqual([
      'http://refugeesmigrants.un.org/sites/default/files/ts4_co-facilitators_summary.pdf',
    ]);
    expect(fn(148).urls).toEqual(['https://refugeesmigrants.un.org/sites/default/files/ts5_issue_brief.pdf']);
    expect(fn(149).urls).toEqual([
      'https://refugeesmigrants.un.org/sites/default/files/ts5_co-facilitators_summary.pdf',
    ]);
    expect(fn(143).text).toContain(
      'C029; ILO, Abolition of Forced Labor Convention, C105, 1957, https://web.archive.org/',
    );
  });

  it('keeps URLs with spaces as printed and percent-encodes the href', () => {
    const f5 = fn(5);
    const printed = 'https://gfmd.org/files/documents/2017-06-30 co-chairs conclusions of the 10th gfmd summit 0.pdf';
    expect(f5.text).toContain(printed);
    expect(f5.urls).toEqual([
      'https://gfmd.org/files/documents/2017-06-30%20co-chairs%20conclusions%20of%20the%2010th%20gfmd%20summit%200.pdf',
    ]);
    const link = f5.marks.find((m) => m.type === 'link');
    expect(link && f5.text.slice(link.start, link.end)).toBe(printed);
    // A space that split a percent-escape ("12100% 3A0") is dropped from the href only.
    expect(fn(143).urls[1]).toContain('NORMLEXPUB%3A12100%3A0%3A%3ANO');
    expect(fn(143).text).toContain('NORMLEXPUB%3A12100% 3A0');
  });

  it('splits two footnotes printed on one line and reads HTML and plain-number footnotes', () => {
    expect(fn(14).text.endsWith('IMG/NR000503.pdf?OpenElement.')).toBe(true);
    expect(fn(15).text.startsWith('UNGA, Convention on the Rights of the Child (UNCRC)')).toBe(true);
    expect(fn(138).text).toBe('Palermo Convention (UNTOC), 2000, Annex III, p. 40.');
    expect(
      fn(39).text.startsWith('ILO Migration for Employment Convention No. 97, C097, 1949, https://www.ilo.org/'),
    ).toBe(true);
    expect(fn(39).marks.filter((m) => m.type === 'link')).toHaveLength(2);
    expect(fn(82).text).toBe('Sutherland Report, 2017, Recommendation 12(a).');
    expect(fn(165).status).toBe('present');
    expect(fn(130).text).toBe('MICIC Guidelines, 2016.');
    expect(fn(45).text).toBe('Universal Declaration of Human Rights (UDHR), 1948.');
  });

  it('carries italics and link marks over exactly the printed spans', () => {
    const f1 = fn(1);
    const italic = f1.marks.find((m) => m.type === 'italic');
    expect(italic && f1.text.slice(italic.start, italic.end)).toBe('New York Declaration');
    for (const f of model.footnotes) {
      for (const m of f.marks.filter((x) => x.type === 'link'))
        expect(f.text.slice(m.start, m.end), f.id).toMatch(/^https?:\/\//);
    }
  });
});

describe('footnote references in the body', () => {
  const refs = model.blocks.flatMap((b) => b.footnoteRefs.map((r) => ({ block: b, ...r })));

  it('point to existing footnotes, sit after a character, and cover all but the uncited ones', () => {
    const numbers = new Set(model.footnotes.map((f) => f.number));
    for (const r of refs) {
      expect(numbers.has(r.number), `${r.block.id} → ${r.number}`).toBe(true);
      expect(r.offset).toBeGreaterThan(0);
      expect(r.offset).toBeLessThanOrEqual(r.block.text.length);
      expect(r.block.text[r.offset - 1], `${r.block.id} → ${r.number}`).toMatch(/\S/);
    }
    const cited = new Set(refs.map((r) => r.number));
    expect(model.footnotes.filter((f) => !cited.has(f.number)).map((f) => f.number)).toEqual(UNCITED);
  });

  it('appear in ascending order through the document, each once', () => {
    const order = refs.map((r) => r.number);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(new Set(order).size).toBe(order.length);
  });

  it('reads plain-digit markers only where they are the next expected number', () => {
    expect(diagnostics.plainMarkers.map((m) => [m.number, m.printed])).toEqual([
      [18, '18'],
      [82, '82'],
      [97, '97'],
      [120, '120'],
      [125, '25'], // truncated marker: "…can be protected. 25 Sutherland …"
      [126, '126'],
      [129, '129'],
      [130, '130'],
      [146, '146'],
      [147, '147'],
      [155, '155'],
      [159, '159'],
      [163, '163'],
    ]);
  });

  it('places markers right after the character they follow and removes their digits', () => {
    const at = (id: string, n: number) => {
      const b = model.blocks.find((x) => x.id === id);
      const r = b?.footnoteRefs.find((x) => x.number === n);
      return b && r
        ? b.text.slice(Math.max(0, r.offset - 20), r.offset) + '|' + b.text.slice(r.offset, r.offset + 6)
        : '';
    };
    expect(at('c1.2', 18)).toBe(' identical language.|');
    expect(at('c6.f2.ex.3', 155)).toBe(' as the Bali Process|, co-c');
    expect(at('c4.f1.ex.2', 103)).toBe('igrant organizations|, whic');
    expect(at('c5.10', 125)).toBe('ey can be protected.| Suthe');
    expect(at('p1.1', 2)).toBe('odalities Resolution|, the ');
    expect(model.blocks.find((b) => b.id === 'p1.1')?.text).toContain(
      'paragraph 22(b) of the GCM Modalities Resolution, the',
    );
    expect(model.blocks.find((b) => b.id === 'c2.f4.ex.3')?.text).toContain('providing up to 9,000 places per year');
  });
});
