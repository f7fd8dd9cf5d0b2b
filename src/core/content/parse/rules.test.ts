/**
 * Unit tests of the individual cleaning rules on small inputs (offset remapping, markup,
 * footnote markers, URLs, headings, line classification).
 */
import { describe, expect, it } from 'vitest';
import { classifyLines } from './classify';
import { DEBRIS_RULES } from './clean';
import { recogniseHeading } from './headings';
import { extractMarkers, type PlainMarker } from './markers';
import { parseMarkup } from './markup';
import { applyEdits, normaliseWhitespace, plain } from './rich-text';
import { hrefOf, urlExtent } from './urls';

describe('rich text', () => {
  it('remaps marks and refs through edits', () => {
    const rt = {
      text: 'ab  cd  ef',
      marks: [{ type: 'bold' as const, start: 4, end: 6 }],
      refs: [{ offset: 6, number: 1 }],
    };
    const out = normaliseWhitespace(rt);
    expect(out.text).toBe('ab cd ef');
    expect(out.text.slice(out.marks[0].start, out.marks[0].end)).toBe('cd');
    expect(out.refs[0].offset).toBe(5);
  });

  it('drops marks that become empty and rejects overlapping edits', () => {
    const out = applyEdits({ text: 'xyz', marks: [{ type: 'italic', start: 1, end: 2 }], refs: [] }, [
      { start: 1, end: 2, insert: '' },
    ]);
    expect(out).toEqual({ text: 'xz', marks: [], refs: [] });
    expect(() =>
      applyEdits(plain('abc'), [
        { start: 0, end: 2, insert: '' },
        { start: 1, end: 3, insert: '' },
      ]),
    ).toThrow();
  });
});

describe('markup', () => {
  it('turns **bold**, *italic* and HTML anchors into marks', () => {
    const rt = parseMarkup('The **IOM** and *AAAA*, <a href="http://x.org/1">http://x.org/2</a>; <u>u</u>.');
    expect(rt.text).toBe('The IOM and AAAA, http://x.org/2; u.');
    expect(rt.marks.map((m) => [m.type, rt.text.slice(m.start, m.end), m.href])).toEqual([
      ['link', 'http://x.org/2', 'http://x.org/1'],
      ['bold', 'IOM', undefined],
      ['italic', 'AAAA', undefined],
    ]);
  });
});

describe('footnote markers', () => {
  const run = (text: string, lastRef: number) => {
    const found: PlainMarker[] = [];
    const rt = extractMarkers(plain(text), { lastRef }, found);
    return { text: rt.text, refs: rt.refs.map((r) => [r.offset, r.number]), plain: found.map((f) => f.number) };
  };

  it('reads superscripts anywhere, with their leading space removed', () => {
    expect(run('organizations ¹⁰³, which', 0)).toEqual({ text: 'organizations, which', refs: [[13, 103]], plain: [] });
  });

  it('reads plain digits only as the next expected number', () => {
    expect(run('identical language. 18', 17)).toEqual({ text: 'identical language.', refs: [[19, 18]], plain: [18] });
    expect(run('the Bali Process 155, co-chaired', 154).text).toBe('the Bali Process, co-chaired');
    expect(run('the Bali Process 155, co-chaired', 150).refs).toEqual([]);
    expect(run('paragraph 22(b) of 2016, 1,000 examples, SDG 10.7, No. 86', 21).refs).toEqual([]);
  });

  it('reads a truncated marker after a sentence end', () => {
    expect(run('be protected. 25 Sutherland', 124)).toMatchObject({
      text: 'be protected. Sutherland',
      refs: [[13, 125]],
    });
    expect(run('over 25 members', 124).refs).toEqual([]);
  });
});

describe('URLs', () => {
  it('run to the end of the footnote unless a citation separator follows', () => {
    const t = 'X, https://a.org/b c.pdf.';
    expect(t.slice(3, urlExtent(t, 3))).toBe('https://a.org/b c.pdf');
    const u = 'X, http://a.org/217(III), Preamble; more';
    expect(u.slice(3, urlExtent(u, 3))).toBe('http://a.org/217(III)');
  });

  it('percent-encode spaces in the href and mend split escapes', () => {
    expect(hrefOf('https://a.org/b c.pdf')).toBe('https://a.org/b%20c.pdf');
    expect(hrefOf('https://a.org/?p=X%3A12100% 3A0')).toBe('https://a.org/?p=X%3A12100%3A0');
  });
});

describe('headings and line classes', () => {
  it('recognise headings, not list items', () => {
    expect(recogniseHeading('1. HUMAN RIGHTS AND **INTOLERANCE**')).toEqual({
      kind: 'cluster',
      number: 1,
      title: 'HUMAN RIGHTS AND INTOLERANCE',
    });
    expect(recogniseHeading('(1) Addressing vulnerability;')).toBeUndefined();
    expect(recogniseHeading('Options for practical action:')).toMatchObject({ kind: 'group', group: 'pa' });
    expect(recogniseHeading('3. INTERNATIONAL COOPERATION.')).toMatchObject({ title: 'INTERNATIONAL COOPERATION' });
  });

  it('classify footnote lines, debris and body', () => {
    const lines = [
      '¹ UNGA, X. ² Y, Z.',
      '82 Sutherland Report, 2017.',
      'http://gfmd.org/pfp/ppd/215.',
      '_',
      'Body text 2017.',
      '10 seducines',
    ];
    expect(
      classifyLines(lines, 0).map((e) =>
        e.type === 'footnote' ? `fn:${e.line.kind}:${e.line.kind === 'numbered' ? e.line.number : ''}` : e.type,
      ),
    ).toEqual(['fn:numbered:1', 'fn:numbered:2', 'fn:numbered:82', 'fn:url:', 'debris', 'body', 'debris']);
    expect(DEBRIS_RULES.map((r) => r.name)).toEqual([
      'lone-underscore',
      'ellipsis-line',
      'code-fence',
      'sdg-icon-requested',
      'sdg-icon-poverty',
      'sdg-icon-seducines',
    ]);
  });
});
