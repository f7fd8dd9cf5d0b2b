/**
 * Markdown brief (brief-model.ts): the title block, a positions table per
 * cluster, then one entry per option with its quoted text, citation, fields,
 * highlights and notes. The content build goes in a comment at the top (file
 * metadata), not in the text a reader sees.
 *
 * Constraint: no text can change the brief's structure, and nothing in it can
 * run. Document text is escaped; the user's note is kept as Markdown, made safe
 * first (markdown-note.ts: raw HTML escaped, only http, https and recollection
 * links, its headings shown in bold under the entry's heading), then indented
 * inside a list item, so its fences or lists stay inside that item (CommonMark
 * closes every block of a container when the container ends).
 */
import { briefModelSteps, entryFields, LINK_LEAD, noteFields, SUMMARY_COLUMNS, SUMMARY_TITLE } from './brief-model';
import type { Brief, BriefEntry, BriefGroup } from './brief-model';
import { part, runSteps, type Steps } from './progress';
import { safeNoteMarkdown } from './markdown-note';
import type { ExportEntry, ExportOptions } from './types';

/** Backslash-escape what CommonMark (and GFM tables, strikethrough) would read as markup. */
export function escapeMarkdown(text: string): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => {
      // Leading spaces would start an indented code block; they carry no meaning in document text.
      let out = line.trimStart().replace(/[\\`*_[\]<>#|~&]/g, '\\$&');
      // Line-start markers: list bullets, setext underlines, ordered-list numbers.
      out = out.replace(/^([-+=])/, '\\$1').replace(/^(\d{1,9})([.)])/, '$1\\$2');
      return out;
    })
    .join('\n');
}

/** Escaped text on one line (headings, fields, table cells). */
const inline = (text: string): string => escapeMarkdown(text).replace(/\n/g, ' ');

/** Prefix every line, blank ones included, so a multi-line value stays in its container. */
function indent(text: string, prefix: string, blankPrefix = prefix.trimEnd()): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? blankPrefix : prefix + line))
    .join('\n');
}

function table(group: BriefGroup, layers: readonly string[]): string {
  const head = [...SUMMARY_COLUMNS, ...layers].map(inline);
  const rows = group.rows.map((r) =>
    [r.label, r.words, r.position, r.priority, r.note, ...r.delegation].map((c) => inline(c) || ' '),
  );
  return [head, head.map(() => '---'), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
}

function renderEntry(entry: BriefEntry, level: number, brief: Brief, group: BriefGroup): string {
  const parts: string[] = [`${'#'.repeat(level)} ${inline(entry.label)}`];
  if (entry.text) parts.push(indent(escapeMarkdown(entry.text), '> '));
  // Ids are checked on the way in (contract, importer); should a stored one hold a space or '<',
  // it is printed as text rather than breaking the autolink.
  const link = /^[^\s<>]+$/.test(entry.link) ? `<${entry.link}>` : escapeMarkdown(entry.link);
  parts.push(`${entry.citation ? `${inline(entry.citation)}  \n` : ''}_${LINK_LEAD} ${link}_`);
  const fields = entryFields(entry, brief.layers, group.rows).map(([n, v]) => `- ${inline(n)}: ${inline(v)}`);
  if (fields.length) parts.push(fields.join('\n'));
  for (const n of entry.notes) {
    const lines: string[] = [];
    const what = n.quote === null ? 'Note' : n.note.trim() ? 'Highlight with note' : 'Highlight';
    const extra = noteFields(n);
    // '+' (not '-') starts a list of its own, apart from the fields above.
    lines.push(`+ ${what}${extra.length ? ` (${inline(extra.join('; '))})` : ''}:`);
    // Two spaces is the content column of "+ ", so everything below belongs to that item.
    if (n.quote !== null) lines.push('', indent(escapeMarkdown(n.quote), '  > ', '  >'));
    if (n.note.trim() !== '') lines.push('', indent(safeNoteMarkdown(n.note), '  ', ''));
    if (n.quote === null && n.note.trim() === '') continue;
    parts.push(lines.join('\n'));
  }
  return parts.join('\n\n');
}

/** The Markdown text of a brief, one step an entry (progress.ts). */
function* markdownSteps(brief: Brief): Steps<string> {
  let done = 0;
  // File metadata: which content build the ids and quotes refer to (hidden by Markdown viewers).
  const meta = `<!-- Recollection brief; content build ${brief.contentBuildId.replace(/[^\w.:-]/g, '')}; generated ${brief.generated.replace(/[^\w.:-]/g, '')} -->`;
  const out: string[] = [meta];
  if (brief.classification) out.push(`**${inline(brief.classification)}**`);
  out.push(`# ${inline(brief.title)}`);
  out.push(brief.header.map((h) => `${inline(h.name)}: ${inline(h.value)}`).join('  \n'));
  out.push(`_${inline(brief.summary)}_`);
  const tables = brief.groups.filter((g) => g.rows.length);
  if (tables.length) {
    out.push(`## ${SUMMARY_TITLE}`);
    for (const g of tables) out.push(`### ${inline(g.title)}`, table(g, brief.layers));
  }
  for (const group of brief.groups) {
    out.push(`## ${inline(group.title)}`);
    for (const area of group.areas) {
      if (area.title !== null) out.push(`### ${inline(area.title)}`);
      // One level below its parent heading, so no heading level is ever skipped.
      for (const entry of area.entries) {
        out.push(renderEntry(entry, area.title !== null ? 4 : 3, brief, group));
        yield ++done / brief.count;
      }
    }
  }
  if (brief.count === 0) out.push('No notes, bookmarks or positions to export.');
  return `${out.join('\n\n')}\n`;
}

export function exportMarkdown(entries: readonly ExportEntry[], options: ExportOptions): string {
  return runSteps(markdownExportSteps(entries, options));
}

/** exportMarkdown in steps (progress.ts): the entries merged, then written an entry at a time. */
export function* markdownExportSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<string> {
  const brief = yield* part(briefModelSteps(entries, options), 0, 0.5);
  return yield* part(markdownSteps(brief), 0.5, 1);
}
