/**
 * Printable HTML brief (brief-model.ts): one standalone file with inline CSS
 * and a print stylesheet, to open in any browser, print, or save as PDF (the
 * desktop app and the command line print this same file to PDF).
 *
 * Constraint: nothing runs and nothing loads. Every text is HTML-escaped, the
 * user's Markdown note is rendered by the shared note reader (raw HTML, images
 * and headings off, links only to http(s) and recollection:), and a
 * Content-Security-Policy meta tag forbids scripts and every external resource.
 * The content build is in a <meta> element, not in the body.
 */
import { noteHtml } from '../../shared/markdown/note';
import { briefModelSteps, entryFields, LINK_LEAD, noteFields, SUMMARY_COLUMNS, SUMMARY_TITLE } from './brief-model';
import type { Brief, BriefEntry, BriefGroup, BriefNote } from './brief-model';
import { part, runSteps, type Steps } from './progress';
import type { ExportEntry, ExportOptions } from './types';

const CSP = "default-src 'none'; style-src 'unsafe-inline'";

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const STYLE = `
:root { color-scheme: light; }
body { font-family: Georgia, "Source Serif 4", "Times New Roman", serif; font-size: 11pt; line-height: 1.45;
  color: #1a1a1a; background: #fff; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; }
h1 { font-size: 1.6rem; margin: 0 0 .3rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .5rem; border-bottom: 1px solid #999; padding-bottom: .2rem; }
h3 { font-size: 1.1rem; margin: 1.5rem 0 .5rem; }
h4 { font-size: 1rem; margin: 1.2rem 0 .3rem; }
.meta { color: #555; font-size: .9rem; }
.classification { font-weight: bold; text-transform: none; letter-spacing: .02em; margin: 0 0 .6rem; }
.header { margin: .2rem 0 .6rem; }
.cite { margin: .2rem 0; font-size: .95rem; }
.applink { font-size: .75rem; color: #666; margin: 0 0 .4rem; }
table.positions { border-collapse: collapse; width: 100%; font-size: .85rem; margin: .4rem 0 1rem; }
table.positions th, table.positions td { border: 1px solid #aaa; padding: .2rem .4rem; text-align: left; vertical-align: top;
  overflow-wrap: break-word; }
table.positions th { background: #eee; }
.hl blockquote { border-left-width: 4px; }
.hl-yellow blockquote { border-left-color: #d9b600; } .hl-green blockquote { border-left-color: #3c9a4a; }
.hl-blue blockquote { border-left-color: #3b7dc4; } .hl-red blockquote { border-left-color: #c43b3b; }
.hl-purple blockquote { border-left-color: #8a55c7; }
.note-meta { color: #555; font-size: .85rem; margin: .3rem 0 .1rem; }
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
  .item, blockquote, tr { break-inside: avoid; page-break-inside: avoid; }
  thead { display: table-header-group; }
  .note { background: none; }
  a { color: inherit; text-decoration: none; }
}
`;

const BDI_FIELDS = new Set(['Bookmarked']);

function table(group: BriefGroup, layers: readonly string[]): string {
  const head = [...SUMMARY_COLUMNS, ...layers].map((c) => `<th scope="col">${escapeHtml(c)}</th>`).join('');
  const rows = group.rows.map((r) => {
    const cells = [r.words, r.position, r.priority, r.note, ...r.delegation].map((c) => `<td>${escapeHtml(c)}</td>`);
    return `<tr><th scope="row">${escapeHtml(r.label)}</th>${cells.join('')}</tr>`;
  });
  return `<table class="positions"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function renderNote(n: BriefNote): string {
  const what = n.quote === null ? 'Note' : n.note.trim() ? 'Highlight with note' : 'Highlight';
  if (n.quote === null && n.note.trim() === '') return '';
  const extra = noteFields(n)
    .map((f) =>
      f.startsWith('Tags: ') ? `Tags: ${n.tags.map((t) => `<bdi>${escapeHtml(t)}</bdi>`).join(', ')}` : escapeHtml(f),
    )
    .join('; ');
  const out = [
    `<div class="hl${n.color ? ` hl-${n.color}` : ''}">`,
    `<p class="note-meta">${what}${extra ? ` (${extra})` : ''}</p>`,
  ];
  if (n.quote !== null) out.push(`<blockquote>${escapeHtml(n.quote)}</blockquote>`);
  if (n.note.trim() !== '') out.push(`<div class="note" dir="auto">${noteHtml(n.note)}</div>`);
  out.push('</div>');
  return out.join('\n');
}

function renderEntry(entry: BriefEntry, level: number, brief: Brief, group: BriefGroup): string {
  const out = [`<section class="item">`, `<h${level}>${escapeHtml(entry.label)}</h${level}>`];
  if (entry.text) out.push(`<blockquote>${escapeHtml(entry.text)}</blockquote>`);
  if (entry.citation) out.push(`<p class="cite">${escapeHtml(entry.citation)}</p>`);
  out.push(
    `<p class="applink">${escapeHtml(LINK_LEAD)} <a href="${escapeHtml(entry.link)}">${escapeHtml(entry.link)}</a></p>`,
  );
  const rows = entryFields(entry, brief.layers, group.rows).map(
    ([name, value]) =>
      `<dt>${escapeHtml(name)}</dt><dd>${BDI_FIELDS.has(name) ? `<bdi>${escapeHtml(value)}</bdi>` : escapeHtml(value)}</dd>`,
  );
  if (rows.length) out.push(`<dl>${rows.join('')}</dl>`);
  for (const n of entry.notes) out.push(renderNote(n));
  out.push('</section>');
  return out.filter(Boolean).join('\n');
}

/** The HTML page of a brief, one step an entry (progress.ts). */
function* htmlSteps(brief: Brief): Steps<string> {
  let done = 0;
  const body: string[] = [];
  if (brief.classification) body.push(`<p class="classification">${escapeHtml(brief.classification)}</p>`);
  body.push(`<h1>${escapeHtml(brief.title)}</h1>`);
  body.push(
    `<p class="header">${brief.header.map((h) => `<strong>${escapeHtml(h.name)}:</strong> ${escapeHtml(h.value)}`).join('<br>')}</p>`,
  );
  body.push(`<p class="meta">${escapeHtml(brief.summary)}</p>`);
  const tables = brief.groups.filter((g) => g.rows.length);
  if (tables.length) {
    body.push(`<h2>${SUMMARY_TITLE}</h2>`);
    for (const g of tables) body.push(`<h3>${escapeHtml(g.title)}</h3>`, table(g, brief.layers));
  }
  for (const group of brief.groups) {
    body.push(`<h2>${escapeHtml(group.title)}</h2>`);
    for (const area of group.areas) {
      if (area.title !== null) body.push(`<h3>${escapeHtml(area.title)}</h3>`);
      const level = area.title !== null ? 4 : 3;
      for (const entry of area.entries) {
        body.push(renderEntry(entry, level, brief, group));
        yield ++done / brief.count;
      }
    }
  }
  if (brief.count === 0) body.push('<p>No notes, bookmarks or positions to export.</p>');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<meta name="generator" content="Recollection">',
    `<meta name="recollection-content-build" content="${escapeHtml(brief.contentBuildId)}">`,
    `<meta name="recollection-generated" content="${escapeHtml(brief.generated)}">`,
    `<title>${escapeHtml(brief.title)}</title>`,
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

/** exportHtml in steps (progress.ts): the entries merged, then written an entry at a time. */
export function* htmlExportSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<string> {
  const brief = yield* part(briefModelSteps(entries, options), 0, 0.5);
  return yield* part(htmlSteps(brief), 0.5, 1);
}
