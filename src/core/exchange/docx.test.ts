/**
 * Word export, opened with a real zip reader (jszip): the package is complete,
 * word/document.xml uses the Title and Heading 1/2/3 styles for the brief's
 * tree, a real table for the positions summary, the Quote style for quotations,
 * carries the notes as formatted runs, and links back into the app.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { OTHER_PARTS, SUMMARY_TITLE, UNATTACHED } from './brief-model';
import { exportDocx, xmlSafe } from './docx';
import { OPTIONS, annotation, annotationEntry, realisticEntries } from '../../../tests/support/entries';

interface Para {
  style: string | null;
  text: string;
}

const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

/** Paragraphs of document.xml with their style and their text (runs joined, breaks as newlines). */
function paragraphs(xml: string): Para[] {
  return [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => {
    const body = m[1] ?? m[2] ?? '';
    const style = /<w:pStyle w:val="([^"]+)"\/>/.exec(body)?.[1] ?? null;
    const text = [...body.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)]
      .map((t) => (t[0] === '<w:br/>' ? '\n' : unescapeXml(t[1] ?? '')))
      .join('');
    return { style, text };
  });
}

async function open(bytes: Uint8Array): Promise<{ zip: JSZip; xml: string; paras: Para[] }> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  return { zip, xml, paras: paragraphs(xml) };
}

describe('Word export', () => {
  const entries = realisticEntries();

  it('is a Word package with a Title and Heading 1/2/3 paragraphs for clusters, focus areas and items', async () => {
    const bytes = await exportDocx(entries, OPTIONS);
    expect(bytes).toBeInstanceOf(Uint8Array);
    expect(Buffer.isBuffer(bytes)).toBe(false);
    const { zip, paras } = await open(bytes);
    expect(Object.keys(zip.files)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', 'word/document.xml', 'word/styles.xml']),
    );
    const styled = (style: string): string[] => paras.filter((p) => p.style === style).map((p) => p.text);
    expect(styled('Title')).toEqual([`Brief: ${OPTIONS.documentTitle}`]);
    const clusters = [...new Set(entries.filter((e) => e.target && e.clusterTitle).map((e) => e.clusterTitle!))];
    expect(styled('Heading1')).toEqual([SUMMARY_TITLE, ...clusters.sort(), OTHER_PARTS, UNATTACHED]);
    const areas = [...new Set(entries.filter((e) => e.target && e.focusAreaTitle).map((e) => e.focusAreaTitle!))];
    expect(styled('Heading2')).toEqual(expect.arrayContaining(areas));
    // Item headings: level 3 under a focus area, level 2 where the group has no focus areas.
    const items = [...styled('Heading2'), ...styled('Heading3')];
    for (const e of entries) expect(items).toContain(e.target?.label ?? e.annotation?.blockId ?? e.bookmark?.targetId);
    // The styles the paragraphs name are defined in the package.
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Quote', 'Note'])
      expect(styles).toContain(`w:styleId="${id}"`);
    expect(styles).toMatch(/w:styleId="Quote"[\s\S]*?<w:name w:val="Quote"\/>/);
    // The content build is in the file's properties, not in the body.
    const core = (await zip.file('docProps/core.xml')?.async('string')) ?? '';
    expect(core).toContain(`Content build ${OPTIONS.contentBuildId}`);
    const custom = (await zip.file('docProps/custom.xml')?.async('string')) ?? '';
    expect(custom).toContain(OPTIONS.contentBuildId);
    expect(paras.map((p) => p.text).join('\n')).not.toContain(OPTIONS.contentBuildId);
  });

  it('carries the quoted texts in the Quote style, the fields in words, the notes as runs and the deep links', async () => {
    const { zip, paras, xml } = await open(await exportDocx(entries, OPTIONS));
    const texts = paras.map((p) => p.text);
    const quotes = paras.filter((p) => p.style === 'Quote').map((p) => p.text);
    for (const e of entries) {
      const quote = e.annotation?.selector?.exact ?? e.block?.text;
      if (quote && e.target) expect(quotes).toContain(quote);
    }
    expect(texts).toContain('Position: Support with amendments');
    expect(texts).toContain('Highlight with note (Colour: Yellow; Tags: recruitment, ILO):');
    const notes = paras.filter((p) => p.style === 'Note').map((p) => p.text);
    expect(notes).toEqual(
      expect.arrayContaining([
        'Capital says: "support, but add ILO C189". Second line, with a comma.',
        '•\tcheck with labour ministry',
        '•\tthen reply',
        'Our delegation: core paragraph. Keep "regardless of status".',
      ]),
    );
    // Markdown emphasis is run formatting, never asterisks.
    expect(texts.join('\n')).not.toContain('*');
    expect(xml).toMatch(/<w:b\/>[\s\S]{0,200}<w:t(?: [^>]*)?>core<\/w:t>/);
    expect(xml).toMatch(/<w:i\/>[\s\S]{0,200}<w:t(?: [^>]*)?>then<\/w:t>/);
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    for (const e of entries) {
      expect(rels).toContain(`Target="recollection://block/${e.annotation?.blockId ?? e.bookmark?.targetId}"`);
    }
  });

  it('opens even when a note holds characters XML forbids, and escapes markup', async () => {
    const note = 'bell\u0007 and <w:p> & "quotes"\u0000 end\uD800';
    const { xml, paras } = await open(await exportDocx([annotationEntry(annotation('c2.f2.po.1', { note }))], OPTIONS));
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
    expect(paras.map((p) => p.text)).toContain('bell and <w:p> & "quotes" end');
    expect(xmlSafe('a\u0001b\uDC00c\uD83D\uDE00')).toBe('abc\uD83D\uDE00');
  });

  it('leaves out notes and tags without private notes', async () => {
    const { paras } = await open(await exportDocx(entries, { ...OPTIONS, includeNotes: false }));
    const text = paras.map((p) => p.text).join('\n');
    expect(text).not.toContain('ILO C189');
    expect(text).not.toContain('Tags:');
    expect(text).not.toContain('Passport retention: compare');
    expect(text).toContain('Position: Red line');
  });
});
