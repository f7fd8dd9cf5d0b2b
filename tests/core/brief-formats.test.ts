/**
 * The hand-over brief from a seeded data folder, through
 * the real core (user store, content store, export handler), into every
 * format, read back: the DOCX package's styles and table rows (unzipped), the
 * HTML brief shown in Chromium and printed to PDF by the command line's own
 * printer, the PDF read back with PDF.js (its text, and a screenshot of its
 * first page), the Markdown parsed, the CSV read.
 *
 * Checked: the title block; one entry per option (its bookmark, position,
 * highlights and notes together, its text once); the positions table with a
 * column per delegation layer; notes' Markdown rendered (bold, lists, links)
 * and never shown with asterisks outside the Markdown export; a typed
 * <script> shown as text and never run; the content build only in metadata.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import JSZip from 'jszip';
import MarkdownIt from 'markdown-it';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser, printHtmlToPdf } from '../../src/cli/pdf';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { ContentStore } from '../../src/core/content/store';
import type { DelegationLayer } from '../../src/core/exchange/types';
import { renderExport } from '../../src/core/handlers/exchange';
import type { ExportFormat } from '../../src/shared/contract/types';
import { openTestCore, removeDir, type TestCore } from '../support/core';

const OUT = join(process.cwd(), 'test-results', 'brief');
/** LibreOffice Writer and poppler's tools, to read the .docx as a ministry would (Debian: libreoffice-writer, poppler-utils). */
const READERS = ['soffice', 'pdfinfo', 'pdftotext', 'pdftoppm'].every(
  (tool) => spawnSync(tool, ['--version'], { stdio: 'ignore' }).error === undefined,
);
const NOW = new Date('2026-11-30T09:00:00Z');
const HEADER = {
  title: 'Brief for the third round',
  delegation: 'Delegation of Freedonia',
  meeting: 'GCM intergovernmental negotiations, round 3',
  date: '2 December 2026',
  classification: 'Restricted — delegation use',
};
const NOTE =
  '**Labour inspection** matters here:\n\n- recruitment *fees*\n- passports\n\nSee [ILO C181](https://www.ilo.org/c181).';
const SCRIPT = '<script>alert(1)</script> and <img src=x onerror=alert(2)>';
const LAYERS: DelegationLayer[] = [
  {
    name: 'Capital',
    positions: {
      'c2.f2.po.1': { position: 'oppose', priority: 'high' },
      'c2.f2.pa.2': { position: 'support', priority: null },
    },
  },
  { name: 'Expert A', positions: { 'c2.f2.po.1': { position: 'support', priority: 'low' } } },
];

let tc: TestCore;
let content: ContentStore;
let browser: Browser | null = null;
const files = new Map<string, string | Uint8Array>();
const text = (format: string): string => files.get(format) as string;

async function render(format: ExportFormat, includeNotes = true): Promise<string | Uint8Array> {
  const args = { format, scope: { kind: 'all' as const }, includeNotes, header: HEADER };
  return (await renderExport(content, tc.core.user, args, NOW, undefined, LAYERS)).data;
}

beforeAll(async () => {
  tc = openTestCore();
  content = ContentStore.open(CONTENT_DB_PATH);
  const exact = 'gender-sensitive labor migration policies';
  const po1 = (await tc.value('content.block', { id: 'c2.f2.po.1' })).block.text;
  const start = po1.indexOf(exact);
  await tc.value('positions.set', { targetId: 'c2.f2.po.1', position: 'support-with-amendments', priority: 'high' });
  await tc.value('positions.set', { targetId: 'c2.f2.po.3', position: 'red-line', priority: 'medium' });
  await tc.value('bookmarks.add', { targetId: 'c2.f2.po.1', label: 'Key paragraph for us' });
  await tc.value('annotations.create', {
    blockId: 'c2.f2.po.1',
    selector: {
      exact,
      prefix: po1.slice(start - 20, start),
      suffix: po1.slice(start + exact.length).slice(0, 20),
      start,
      end: start + exact.length,
    },
    note: NOTE,
    color: 'yellow',
    tags: ['recruitment'],
  });
  await tc.value('annotations.create', { blockId: 'c2.f2.po.1', note: 'A second, _plain_ note.' });
  await tc.value('annotations.create', { blockId: 'c2.f2.po.2', note: SCRIPT });
  for (const f of ['markdown', 'docx', 'html', 'csv', 'json'] as const) files.set(f, await render(f));
  mkdirSync(OUT, { recursive: true });
  const exe = findBrowser();
  if (exe) browser = await chromium.launch({ executablePath: exe, args: ['--no-sandbox'] });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  content.close();
  tc.close();
  removeDir(tc.dataDir);
});

describe('brief from a seeded data folder', () => {
  it('Markdown: title block, positions table with the layers, one entry per option, the note kept as Markdown', () => {
    const md = text('markdown');
    writeFileSync(join(OUT, 'brief.md'), md);
    expect(md).toMatch(/^<!-- Recollection brief; content build [0-9a-f]{64};/);
    expect(md).toContain(
      `**${HEADER.classification}**\n\n# ${HEADER.title}\n\nDelegation: ${HEADER.delegation}  \nMeeting:`,
    );
    expect(md).toContain('| Option | Text | Position | Priority | Note | Capital | Expert A |');
    expect(md).toMatch(
      /\| Cluster 2 \(2\), Policy option 1 \| .* \| Support with amendments \| High \| .* \| Oppose · High \| Support · Low \|/,
    );
    // An option only a layer marked has its row and its entry.
    expect(md).toMatch(/\| Cluster 2 \(2\), Practical action 2 \| .* \| {3}\| {3}\| {3}\| Support \| {3}\|/);
    expect(md.match(/^#### Cluster 2 \(2\), Policy option 1$/gm)).toHaveLength(1);
    expect(md).toContain('**Labour inspection** matters here:');
    expect(md).toContain('GFMD Thematic Recollection 2007–2017, Cluster 2 (2), Policy option 1');
    // Rendered with raw HTML on, the typed <script> is text.
    const html = new MarkdownIt({ html: true }).render(md);
    expect(html).not.toMatch(/<script|<img/i);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('DOCX: Word styles, the table rows with a header row, quotations in Quote, the note as runs', async () => {
    const zip = await JSZip.loadAsync(files.get('docx') as Uint8Array);
    writeFileSync(join(OUT, 'brief.docx'), files.get('docx') as Uint8Array);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const styles = (await zip.file('word/styles.xml')?.async('string')) ?? '';
    for (const id of ['Title', 'Heading1', 'Heading2', 'Heading3', 'Quote', 'Note'])
      expect(styles).toContain(`w:styleId="${id}"`);
    const rows = [...xml.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((m) =>
      [...(m[1] ?? '').matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) =>
        [...(c[1] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      ),
    );
    expect(rows[0]).toEqual(['Option', 'Text', 'Position', 'Priority', 'Note', 'Capital', 'Expert A']);
    expect(xml).toMatch(/<w:tr><w:trPr>(?:(?!<\/w:trPr>)[\s\S])*<w:tblHeader\/>/);
    const byLabel = new Map(rows.slice(1).map((r) => [r[0], r]));
    expect(byLabel.get('Cluster 2 (2), Policy option 1')?.slice(2)).toEqual([
      'Support with amendments',
      'High',
      // The first note of the option, on one line, as plain text.
      'A second, plain note.',
      'Oppose · High',
      'Support · Low',
    ]);
    expect(byLabel.get('Cluster 2 (2), Policy option 3')?.slice(2, 4)).toEqual(['Red line', 'Medium']);
    expect(byLabel.get('Cluster 2 (2), Practical action 2')?.slice(5)).toEqual(['Support', '']);
    const paragraphs = [...xml.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) => ({
      style: /<w:pStyle w:val="([^"]+)"\/>/.exec(m[1] ?? m[2] ?? '')?.[1] ?? null,
      text: [...(m[1] ?? m[2] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    }));
    const styled = (s: string) => paragraphs.filter((p) => p.style === s).map((p) => p.text);
    expect(styled('Title')).toEqual([HEADER.title]);
    expect(styled('Classification')).toEqual([HEADER.classification]);
    expect(styled('Heading3').filter((t) => t === 'Cluster 2 (2), Policy option 1')).toHaveLength(1);
    expect(styled('Quote')).toContain('gender-sensitive labor migration policies');
    expect(styled('Note')).toEqual(
      expect.arrayContaining([
        '•\trecruitment fees',
        '&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt;',
      ]),
    );
    expect(xml).toMatch(/<w:b\/>(?:(?!<\/w:r>)[\s\S])*<w:t(?: [^>]*)?>Labour inspection<\/w:t>/);
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    expect(rels).toContain('Target="https://www.ilo.org/c181"');
    expect(paragraphs.map((p) => p.text).join('\n')).not.toMatch(/\*|[0-9a-f]{64}/);
    expect((await zip.file('docProps/custom.xml')?.async('string')) ?? '').toMatch(/[0-9a-f]{64}/);
  });

  it('DOCX: marking and page X of Y on every page, in real header and footer parts; A4', async () => {
    const zip = await JSZip.loadAsync(files.get('docx') as Uint8Array);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const rels = (await zip.file('word/_rels/document.xml.rels')?.async('string')) ?? '';
    const types = (await zip.file('[Content_Types].xml')?.async('string')) ?? '';
    const partOf = async (kind: 'header' | 'footer'): Promise<string> => {
      const ref = new RegExp(`<w:${kind}Reference w:type="default" r:id="(rId[^"]+)"`).exec(xml);
      expect(ref, `a default ${kind} reference in the section`).not.toBeNull();
      const target = new RegExp(`Id="${ref![1]}" Type="[^"]*/${kind}" Target="([^"]+)"`).exec(rels);
      expect(target, `${kind} relationship`).not.toBeNull();
      expect(types).toContain(`PartName="/word/${target![1]}"`);
      return (await zip.file(`word/${target![1]}`)?.async('string')) ?? '';
    };
    const texts = (part: string): string[] =>
      [...part.matchAll(/<w:p>([\s\S]*?)<\/w:p>|<w:p [^>]*>([\s\S]*?)<\/w:p>/g)].map((m) =>
        [...(m[1] ?? m[2] ?? '').matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
      );
    const header = await partOf('header');
    const footer = await partOf('footer');
    expect(texts(header)).toEqual([HEADER.classification, `${HEADER.title} · ${HEADER.date}`]);
    expect(header).toContain('<w:pStyle w:val="Classification"/>');
    expect(header).toContain('<w:pStyle w:val="Header"/>');
    expect(texts(footer)).toEqual(['Page  of ', HEADER.classification]);
    // Word's fields: the page and the number of pages, computed by the reader.
    const fields = [...footer.matchAll(/<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)].map((m) => m[1]?.trim());
    expect(fields).toEqual(['PAGE', 'NUMPAGES']);
    expect(xml).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    // Without a classification, no marking line: the running title and the page numbers only.
    const plain = await JSZip.loadAsync(
      (
        await renderExport(
          content,
          tc.core.user,
          { format: 'docx', scope: { kind: 'all' }, includeNotes: true, header: { ...HEADER, classification: '' } },
          NOW,
        )
      ).data,
    );
    const names = Object.keys(plain.files);
    const parts = await Promise.all(
      names.filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n)).map((n) => plain.file(n)!.async('string')),
    );
    expect(parts).toHaveLength(2);
    for (const part of parts) {
      expect(part).not.toContain('Classification');
      expect(part).not.toContain(HEADER.classification);
    }
  });

  it.skipIf(!READERS)(
    'DOCX in LibreOffice Writer: every page has the marking and "Page N of M"; page images',
    () => {
      const dir = join(OUT, 'writer');
      rmSync(dir, { recursive: true, force: true });
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'brief.docx'), files.get('docx') as Uint8Array);
      execFileSync(
        'soffice',
        [
          `-env:UserInstallation=file://${join(dir, 'profile')}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          join(dir, 'brief.docx'),
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
      const pdf = join(dir, 'brief.pdf');
      const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
      const pages = Number(/^Pages:\s+(\d+)/m.exec(info)?.[1]);
      expect(pages).toBeGreaterThan(1);
      expect(info).toMatch(/^Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)/m);
      for (let n = 1; n <= pages; n++) {
        const page = execFileSync('pdftotext', ['-layout', '-f', String(n), '-l', String(n), pdf, '-'], {
          encoding: 'utf8',
        });
        // Writer prints the Classification style in capitals, as Word does.
        expect(page.match(new RegExp(HEADER.classification.toUpperCase(), 'g')), `page ${n}`).toHaveLength(
          n === 1 ? 3 : 2,
        );
        expect(page).toContain(`Page ${n} of ${pages}`);
        expect(page).toContain(`${HEADER.title} · ${HEADER.date}`);
      }
      execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(OUT, 'writer-page')]);
      rmSync(join(dir, 'profile'), { recursive: true, force: true });
    },
    180_000,
  );

  it('DOCX: summary-table columns fit their content, the option text widest, filling the text width', async () => {
    const zip = await JSZip.loadAsync(files.get('docx') as Uint8Array);
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    const grid = /<w:tblGrid>([\s\S]*?)<\/w:tblGrid>/.exec(xml)?.[1] ?? '';
    const widths = [...grid.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(7); // Option, Text, Position, Priority, Note, Capital, Expert A
    const [option, words, position, priority, note] = widths as [number, number, number, number, number];
    expect(words).toBe(Math.max(...widths));
    expect(note).toBeGreaterThan(option);
    expect(priority).toBeLessThan(option);
    expect(position).toBeGreaterThan(priority);
    const sum = widths.reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(11_906 - 2 * 1440);
    expect(sum).toBeGreaterThan(11_906 - 2 * 1440 - 10);
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
  });

  it('CSV: notes as plain text', () => {
    const csv = text('csv');
    expect(csv).toContain(
      'Labour inspection matters here:\n• recruitment fees\n• passports\nSee ILO C181 (https://www.ilo.org/c181).',
    );
    expect(csv).not.toContain('*');
  });

  it.skipIf(findBrowser() === null)(
    'HTML and PDF: rendered in Chromium, nothing runs, no asterisks, screenshots',
    async () => {
      const html = text('html');
      writeFileSync(join(OUT, 'brief.html'), html);
      const page = await browser!.newPage({ viewport: { width: 900, height: 1200 } });
      const errors: string[] = [];
      page.on('dialog', (d) => errors.push(d.message()));
      await page.setContent(html);
      const shown = await page.evaluate<string>('document.body.innerText');
      expect(await page.locator('script, img').count()).toBe(0);
      expect(shown).toContain(SCRIPT);
      expect(shown).not.toContain('*');
      expect(await page.locator('.note strong').allTextContents()).toContain('Labour inspection');
      expect(await page.locator('.note li').allTextContents()).toEqual(['recruitment fees', 'passports']);
      expect(await page.locator('.note a').getAttribute('href')).toBe('https://www.ilo.org/c181');
      expect(await page.locator('table.positions thead th').allTextContents()).toEqual([
        'Option',
        'Text',
        'Position',
        'Priority',
        'Note',
        'Capital',
        'Expert A',
      ]);
      expect(await page.locator('h4', { hasText: /^Cluster 2 \(2\), Policy option 1$/ }).count()).toBe(1);
      await page.screenshot({ path: join(OUT, 'brief-html.png'), fullPage: true });
      await page.emulateMedia({ media: 'print' });
      await page.screenshot({ path: join(OUT, 'brief-html-print.png'), fullPage: true });
      expect(errors).toEqual([]);

      // The PDF as the command line prints it, read back with PDF.js in the same browser.
      const pdf = await printHtmlToPdf(html);
      writeFileSync(join(OUT, 'brief.pdf'), pdf);
      const pdfjs = join(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'), '..', 'build');
      const viewer = await browser!.newPage({ viewport: { width: 900, height: 1250 } });
      await viewer.route('http://pdf.test/**', async (route) => {
        const name = new URL(route.request().url()).pathname.slice(1);
        if (name === 'brief.pdf') return route.fulfill({ body: Buffer.from(pdf), contentType: 'application/pdf' });
        if (name === 'index.html')
          return route.fulfill({
            body: '<!doctype html><body style="margin:0"><canvas id="c"></canvas></body>',
            contentType: 'text/html',
          });
        return route.fulfill({ body: readFileSync(join(pdfjs, name)), contentType: 'text/javascript' });
      });
      await viewer.goto('http://pdf.test/index.html');
      // A string, so the test runner's transform leaves the browser's import() alone.
      const pdfText = await viewer.evaluate<string>(`(async () => {
        const lib = await import('http://pdf.test/pdf.min.mjs');
        lib.GlobalWorkerOptions.workerSrc = 'http://pdf.test/pdf.worker.min.mjs';
        const doc = await lib.getDocument('http://pdf.test/brief.pdf').promise;
        const first = await doc.getPage(1);
        const viewport = first.getViewport({ scale: 1.5 });
        const canvas = document.getElementById('c');
        canvas.width = viewport.width;
        canvas.height = viewport.height;
        await first.render({ canvasContext: canvas.getContext('2d'), viewport, canvas }).promise;
        let all = '';
        for (let i = 1; i <= doc.numPages; i++) {
          const c = await (await doc.getPage(i)).getTextContent();
          all += c.items.map((t) => t.str || '').join(' ') + '\\n';
        }
        return all;
      })()`);
      await viewer.locator('#c').screenshot({ path: join(OUT, 'brief-pdf-page1.png') });
      expect(pdfText).toContain(HEADER.title);
      expect(pdfText).toContain(HEADER.classification);
      expect(pdfText).toContain('Labour inspection');
      expect(pdfText).toContain('Expert A');
      expect(pdfText).not.toContain('*');
      expect(pdfText).not.toMatch(/[0-9a-f]{64}/);
    },
    120_000,
  );

  it('leaves every private text out without notes, keeping positions and the layers', async () => {
    const shared = (await render('html', false)) as string;
    expect(shared).not.toContain('Labour inspection');
    expect(shared).not.toContain('Key paragraph for us');
    expect(shared).not.toContain('alert(1)');
    expect(shared).toContain('<td>Support with amendments</td>');
    expect(shared).toContain('<td>Oppose · High</td>');
  });

  it('narrows to chosen clusters, positions and tags, per option (its bookmark and notes kept together)', async () => {
    const md = async (only: Record<string, string[]>): Promise<string> => {
      const args = { format: 'markdown' as const, scope: { kind: 'all' as const, only }, includeNotes: true };
      return (await renderExport(content, tc.core.user, args, NOW)).data as string;
    };
    const entries = (text: string) => [...text.matchAll(/^#{3,4} (Cluster \d \(\d\), .*)$/gm)].map((m) => m[1]);
    expect(entries(await md({ positions: ['red-line'] }))).toEqual(['Cluster 2 (2), Policy option 3']);
    const tagged = await md({ tags: ['recruitment'] });
    expect(entries(tagged)).toEqual(['Cluster 2 (2), Policy option 1']);
    expect(tagged).toContain('Bookmarked: Key paragraph for us');
    expect(tagged).toContain('A second, _plain_ note.');
    expect(entries(await md({ clusters: ['c3'] }))).toEqual([]);
    expect(entries(await md({ clusters: ['c2'] }))).toEqual([
      'Cluster 2 (2), Policy option 1',
      'Cluster 2 (2), Policy option 2',
      'Cluster 2 (2), Policy option 3',
    ]);
  });
});
