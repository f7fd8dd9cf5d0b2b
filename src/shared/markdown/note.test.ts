/** The one reading of a note's Markdown: safe links, no raw HTML, and the plain text CSV and the CLI print. */
import { describe, expect, it } from 'vitest';
import { allowedHref, noteHtml, noteOneLine, notePlainText, noteTokens } from './note';

const NOTE =
  'Ask about **labour inspection** and _fees_:\n\n- first point\n- see [ILO](https://ilo.org)\n\n<script>alert(1)</script>';

describe('note Markdown', () => {
  it('keeps links only to http(s) and recollection:', () => {
    expect(allowedHref('https://ilo.org')).toBe(true);
    expect(allowedHref('recollection://block/c2.f2.po.1')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'data:text/html,x',
      'file:///etc/passwd',
      '/relative',
      'vbscript:x',
      'mailto:a@b',
    ])
      expect(allowedHref(bad)).toBe(false);
    const links = noteTokens('[x](javascript:alert(1)) [y](https://a.b)')
      .flatMap((t) => t.children ?? [])
      .filter((t) => t.type === 'link_open')
      .map((t) => t.attrGet('href'));
    expect(links).toEqual(['https://a.b']);
  });

  it('renders no raw HTML, heading or image', () => {
    const html = noteHtml(`${NOTE}\n\n# Heading\n\n![x](https://a.b/i.png)`);
    expect(html).not.toMatch(/<script|<h1|<img/);
    expect(html).toContain('&lt;script&gt;');
    expect(html).toContain('<strong>labour inspection</strong>');
  });

  it('gives readable plain text without the markup', () => {
    expect(notePlainText(NOTE)).toBe(
      'Ask about labour inspection and fees:\n- first point\n- see ILO (https://ilo.org)\n<script>alert(1)</script>',
    );
    expect(notePlainText('1. one\n2. two')).toBe('1. one\n2. two');
    expect(noteOneLine(NOTE, 40)).toBe('Ask about labour inspection and fees: ·…');
    expect(notePlainText('a `**b**` c')).toBe('a **b** c');
  });
});
