/**
 * The Markdown brief with hostile notes, rendered as a viewer would (markdown-it
 * with raw HTML on, and commonmark.js without its safe mode): nothing that runs
 * or loads remains (no script, style, iframe, event handler, or link outside
 * http, https and recollection), and a note's headings sit inside its entry.
 */
import { HtmlRenderer, Parser } from 'commonmark';
import fc from 'fast-check';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { exportMarkdown } from './markdown';
import { safeNoteMarkdown, unsafeLink } from './markdown-note';
import { OPTIONS, annotation, annotationEntry, block } from '../../../tests/support/entries';

const HOSTILE = [
  'Keep <b>this</b> in mind.',
  '<script>alert(1)</script>',
  '<style>body { display: none }</style>',
  '[x](javascript:alert(1)) and [y](JaVaScRiPt:alert(2)) and [z](<java\tscript:alert(3)>)',
  '[e](jav&#x61;script:alert(4)) [d](data:text/html;base64,PHNjcmlwdD4=) [v](vbscript:msgbox)',
  '![img](javascript:alert(5)) <img src=x onerror=alert(6)> <a href="javascript:alert(7)">a</a>',
  '<javascript:alert(8)> and [ref] and <iframe src="https://evil.example"></iframe>',
  '',
  '[ref]: javascript:alert(9)',
  '',
  '# Heading',
  '',
  '## Second *heading* ##',
  '',
  'Setext heading',
  '==============',
  '',
  '> # quoted heading',
  '',
  '- # listed heading',
  '',
  'Fine: [site](https://example.org/a?b=c), [app](recollection://block/c2.f2.po.1), [rel](#x), `<code>` span.',
  '',
  '<div',
  'onclick="alert(10)">',
  '</div>',
].join('\n');

const markdownIt = new MarkdownIt({ html: true });
const commonmark = (md: string): string => new HtmlRenderer({ safe: false }).render(new Parser().parse(md));
const renderers: Array<[string, (md: string) => string]> = [
  ['markdown-it (html: true)', (md) => markdownIt.render(md)],
  ['commonmark.js (safe: false)', commonmark],
];

/** Tags a harmless brief may hold. */
const ALLOWED = new Set(
  'h1 h2 h3 h4 p ul ol li blockquote a strong em code pre hr br table thead tbody tr th td del s'.split(' '),
);

/** Everything in the HTML that could run or load, as readable findings (empty when safe). */
function executable(html: string): string[] {
  const found: string[] = [];
  for (const m of html.matchAll(/<\/?([a-zA-Z][a-zA-Z0-9-]*)([^>]*)>/g)) {
    const [tag, name, attrs] = [m[0], m[1].toLowerCase(), m[2]];
    if (!ALLOWED.has(name)) found.push(`tag ${tag}`);
    if (/\bon[a-z]+\s*=/i.test(attrs) || /\bstyle\s*=/i.test(attrs)) found.push(`attribute in ${tag}`);
    for (const a of attrs.matchAll(/\b(href|src)\s*=\s*"([^"]*)"/gi)) {
      const url = a[2]
        .replace(/&amp;/g, '&')
        .replace(/&#(x?)([0-9a-f]+);/gi, (_s, x: string, n: string) => String.fromCodePoint(parseInt(n, x ? 16 : 10)));
      if (unsafeLink(url)) found.push(`link ${url}`);
    }
  }
  return found;
}

const headingLevels = (html: string): string[] =>
  [...html.matchAll(/<h([1-6])>(.*?)<\/h\1>/g)].map((m) => `${m[1]} ${m[2]}`);

describe('Markdown export of a hostile note', () => {
  const md = exportMarkdown([annotationEntry(annotation('c2.f2.po.1', { note: HOSTILE }))], OPTIONS);

  for (const [name, render] of renderers) {
    it(`rendered by ${name}: nothing runs or loads, safe links and the text stay`, () => {
      const html = render(md);
      expect(executable(html)).toEqual([]);
      expect(html).toContain('<a href="https://example.org/a?b=c">site</a>');
      expect(html).toContain('<a href="recollection://block/c2.f2.po.1">app</a>');
      expect(html).toContain('<code>&lt;code&gt;</code>');
      // The hostile text is shown as text, so the reader sees what was in the note.
      expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(html).toContain('&lt;style&gt;');
    });

    it(`rendered by ${name}: the note's headings are bold text inside its entry, not headings of the brief`, () => {
      const html = render(md);
      expect(headingLevels(html)).toEqual([
        `1 Brief: ${OPTIONS.documentTitle.replace(/&/g, '&amp;')}`,
        expect.stringMatching(/^2 Cluster 2/),
        expect.stringMatching(/^3 /),
        `4 ${block('c2.f2.po.1').label}`,
      ]);
      for (const h of ['Heading', 'Second <em>heading</em>', 'Setext heading', 'quoted heading', 'listed heading'])
        expect(html).toContain(`<strong>${h}</strong>`);
    });
  }

  it('leaves a harmless note exactly as written', () => {
    const plain =
      'Capital says:\n\n- support, *with* amendments\n- see [GCM](https://example.org)\n\n```\n<not html>\n```';
    expect(safeNoteMarkdown(plain)).toBe(plain);
  });

  it('any note, from any mix of markup fragments, renders to nothing that runs', () => {
    const fragment = fc.constantFrom(
      '<script>x()</script>',
      '<style>',
      '<img src=x onerror=y()>',
      '[a](javascript:x)',
      '[a]: javascript:x',
      '[a]',
      '<javascript:x>',
      '# h',
      '===',
      '> ',
      '- ',
      '`',
      '```',
      '\\',
      '<',
      '>',
      '[',
      ']',
      '(',
      ')',
      '"',
      'text',
      ' ',
      '\n',
      '\n\n',
      '<!--',
      '-->',
      '<div>',
      '&#106;',
      'java',
      'script:',
    );
    fc.assert(
      fc.property(fc.array(fragment, { maxLength: 25 }), (parts) => {
        const note = parts.join('');
        const out = exportMarkdown([annotationEntry(annotation('c2.f2.po.1', { note }))], OPTIONS);
        for (const [, render] of renderers) {
          const html = render(out);
          expect(executable(html), note).toEqual([]);
          expect(headingLevels(html).length, note).toBe(4);
        }
      }),
      { numRuns: 400, seed: 1212 },
    );
  });
});
