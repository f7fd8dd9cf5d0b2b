/**
 * Printable HTML brief: one standalone file with inline CSS and a print
 * stylesheet, to open in any browser and print or save as PDF.
 *
 * Constraint: nothing runs and nothing loads. Every text is HTML-escaped, the
 * user's Markdown note is rendered with raw HTML and images disabled, and a
 * Content-Security-Policy meta tag forbids scripts and every external resource.
 */
import MarkdownIt from 'markdown-it';
import { briefSteps, itemFields, summaryLine, type Brief, type BriefItem } from './brief';
import { part, runSteps, type Steps } from './progress';
import type { ExportEntry, ExportOptions } from './types';

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

// html: false escapes any tag typed in a note; headings are off so a note cannot add to the
// document outline; images are off because nothing may load. markdown-it also refuses
// javascript:, vbscript: and file: link targets.
const notes = new MarkdownIt({ html: false, linkify: false, typographer: false });
notes.disable(['heading', 'lheading', 'image']);

const STYLE = `
:root { color-scheme: light; }
body { font-family: Georgia, "Source Serif 4", "Times New Roman", serif; font-size: 11pt; line-height: 1.45;
  color: #1a1a1a; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #999; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.meta { color: #555; font-size: .9rem; }
.item { margin: 0 0 1.2rem; }
blockquote { margin: .4rem 0; padding: .2rem .8rem; border-left: 3px solid #888; color: #333; white-space: pre-line; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .8rem; margin: .4rem 0; font-size: .95rem; }
dt { font-weight: bold; }
dd { margin: 0; }
.note { border: 1px solid #ccc; border-radius: 4px; padding: .1rem .8rem; background: #fafafa; overflow-wrap: anywhere;
  unicode-bidi: isolate; }
dd, bdi { overflow-wrap: anywhere; unicode-bidi: isolate; }
.note pre { white-space: pre-wrap; }
a { color: #0b4f9c; overflow-wrap: anywhere; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2, h3, h4 { break-after: avoid; page-break-after: avoid; }
  .item, blockquote { break-inside: avoid; page-break-inside: avoid; }
  .note { background: none; }
  a { color: inherit; text-decoration: none; }
}
`;

/**
 * A field's value as HTML. What the user typed (tags, a bookmark's label) is each
 * isolated in a <bdi>, so right-to-left text or a stray override in one cannot
 * reorder the text around it (the tags after it, the field names).
 */
function fieldHtml(item: BriefItem, name: string, value: string): string {
  if (name === 'Tags') return item.tags.map((t) => `<bdi>${escapeHtml(t)}</bdi>`).join(', ');
  if (name === 'Bookmark') return `<bdi>${escapeHtml(value)}</bdi>`;
  return escapeHtml(value);
}

function renderItem(item: BriefItem, level: number): string {
  const out = [`<section class="item">`, `<h${level}>${escapeHtml(item.label)}</h${level}>`];
  if (item.quote) out.push(`<blockquote>${escapeHtml(item.quote)}</blockquote>`);
  const rows = itemFields(item).map(
    ([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${fieldHtml(item, name, value)}</dd>`,
  );
  rows.push(`<dt>Link</dt><dd><a href="${escapeHtml(item.link)}">${escapeHtml(item.link)}</a></dd>`);
  out.push(`<dl>${rows.join('')}</dl>`);
  if (item.note.trim() !== '') out.push(`<div class="note" dir="auto">${notes.render(item.note)}</div>`);
  out.push('</section>');
  return out.join('\n');
}

/** The HTML page of a brief, one step an item (progress.ts). */
function* htmlSteps(brief: Brief): Steps<string> {
  let done = 0;
  const title = `Notes: ${brief.title}`;
  const body: string[] = [`<h1>${escapeHtml(title)}</h1>`, `<p class="meta">${escapeHtml(summaryLine(brief))}</p>`];
  for (const group of brief.groups) {
    body.push(`<h2>${escapeHtml(group.title)}</h2>`);
    for (const sub of group.subgroups) {
      if (sub.title !== null) body.push(`<h3>${escapeHtml(sub.title)}</h3>`);
      const level = sub.title !== null ? 4 : 3;
      for (const item of sub.items) {
        body.push(renderItem(item, level));
        yield ++done / brief.count;
      }
    }
  }
  if (brief.count === 0) body.push('<p>No notes or bookmarks to export.</p>');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

export function exportHtml(entries: readonly ExportEntry[], options: ExportOptions): string {
  return runSteps(htmlExportSteps(entries, options));
}

/** exportHtml in steps: the brief, then the page (progress.ts). */
export function* htmlExportSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<string> {
  const brief = yield* part(briefSteps(entries, options), 0, 0.5);
  return yield* part(htmlSteps(brief), 0.5, 1);
}
