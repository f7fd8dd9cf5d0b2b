/**
 * Printable HTML export: a standalone page that runs nothing and loads
 * nothing, with every user and document text escaped, and the brief's tree as
 * h2/h3/h4 headings.
 */
import { describe, expect, it } from 'vitest';
import { OTHER_PARTS, SUMMARY_TITLE, UNATTACHED } from './brief-model';
import { escapeHtml, exportHtml } from './html';
import * as fx from '../../../tests/support/entries';

const unescape = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
const headings = (html: string, level: number): string[] =>
  [...html.matchAll(new RegExp(`<h${level}>([^<]*)</h${level}>`, 'g'))].map((m) => unescape(m[1] ?? ''));

describe('HTML export', () => {
  const entries = fx.realisticEntries();
  const html = exportHtml(entries, fx.OPTIONS);

  it('is a standalone page with a CSP that forbids scripts and every external resource', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain(
      `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    );
    expect(html).toMatch(/<style>[\s\S]*@media print[\s\S]*<\/style>/);
    for (const banned of [
      /<script/i,
      /<link/i,
      /<img/i,
      /<iframe/i,
      /<object/i,
      /<[a-z][^>]*\ssrc=/i,
      /url\(/i,
      /@import/i,
    ]) {
      expect(html).not.toMatch(banned);
    }
  });

  it('has the brief tree as headings and the quoted texts', () => {
    expect(headings(html, 1)).toEqual([`Brief: ${fx.OPTIONS.documentTitle}`]);
    const clusters = [...new Set(entries.filter((e) => e.target && e.clusterTitle).map((e) => e.clusterTitle!))];
    expect(headings(html, 2)).toEqual([SUMMARY_TITLE, ...clusters.sort(), OTHER_PARTS, UNATTACHED]);
    // The content build is metadata, not body text.
    expect(html).toContain(`<meta name="recollection-content-build" content="${fx.OPTIONS.contentBuildId}">`);
    expect(html.slice(html.indexOf('<body>'))).not.toContain(fx.OPTIONS.contentBuildId);
    // The positions summary is a real table with a header row.
    expect(html).toMatch(/<table class="positions"><thead><tr><th scope="col">Option<\/th>/);
    const quotes = [...html.matchAll(/<blockquote>([^<]*)<\/blockquote>/g)].map((m) => unescape(m[1] ?? ''));
    for (const e of entries) {
      const quote = e.annotation?.selector?.exact ?? e.block?.text;
      if (quote) expect(quotes).toContain(quote);
    }
    expect(html).toContain('<a href="recollection://block/c2.f2.po.1">');
  });

  it('escapes a hostile note and label: they come out as text, never as markup', () => {
    const attack = [
      fx.annotationEntry(
        fx.annotation('c2.f2.po.1', {
          note: '<img src=x onerror=alert(1)>\n\n<script>alert(2)</script> [x](javascript:alert(3)) ![p](http://example.org/p.png)\n\n# not a heading',
          tags: ['<b>tag</b>'],
        }),
      ),
      fx.bookmarkEntry(fx.bookmark('c2.f2.po.2', 'Tom & Jerry "<i>" \'x\'')),
    ];
    const out = exportHtml(attack, fx.OPTIONS);
    expect(out).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(out).toContain('&lt;script&gt;alert(2)&lt;/script&gt;');
    expect(out).toContain('&lt;b&gt;tag&lt;/b&gt;');
    expect(out).toContain('Tom &amp; Jerry &quot;&lt;i&gt;&quot; &#39;x&#39;');
    for (const banned of [/<img/i, /<script/i, /<b>tag/, /<i>/, /href="javascript:/i, /<[a-z][^>]*\ssrc=/i])
      expect(out).not.toMatch(banned);
    // A note cannot add to the document's outline, nor link anywhere but the web and the app.
    expect(headings(out, 1)).toHaveLength(1);
    expect(out).toContain('<p># not a heading</p>');
    expect(out).toContain('[x](javascript:alert(3))');
    expect(escapeHtml(`<a href="x" title='y'>&`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;');
  });

  it('renders the note Markdown (lists, emphasis) inside its item', () => {
    expect(html).toMatch(
      /<div class="note" dir="auto"><p>Capital says: &quot;support, but add ILO C189&quot;\.[\s\S]*?<li><em>then<\/em> reply<\/li>/,
    );
  });

  it('leaves out notes, tags and bookmark labels without private notes', () => {
    const shared = exportHtml(entries, { ...fx.OPTIONS, includeNotes: false });
    expect(shared).not.toContain('class="note"');
    expect(shared).not.toContain('Tags:');
    expect(shared).not.toContain('Passport retention: compare');
    expect(shared).toContain('<dt>Position</dt><dd>Support with amendments</dd>');
  });

  it('isolates each tag, a bookmark label and the note, so right-to-left text cannot reorder the rest', () => {
    const rlo = '\u202Egpj.exe';
    const out = exportHtml(
      [
        fx.annotationEntry(fx.annotation('c2.f2.po.1', { note: 'ملاحظة: check', tags: [rlo, 'next', 'last'] })),
        fx.bookmarkEntry(fx.bookmark('c2.f2.po.2', `${rlo} label`)),
      ],
      fx.OPTIONS,
    );
    expect(out).toContain(`Tags: <bdi>${rlo}</bdi>, <bdi>next</bdi>, <bdi>last</bdi>)`);
    expect(out).toContain(`<dt>Bookmarked</dt><dd><bdi>${rlo} label</bdi></dd>`);
    expect(out).toContain('<div class="note" dir="auto">');
    expect(out).toMatch(/bdi \{[^}]*unicode-bidi: isolate/);
  });
});
