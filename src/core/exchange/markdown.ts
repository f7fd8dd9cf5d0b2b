/**
 * Markdown brief: the notes grouped under cluster and focus-area headings, each
 * item with its citation, the quoted text, position, priority, tags, note and
 * a deep link back into the app.
 *
 * Constraint: no text can change the brief's structure, and nothing in it can
 * run. Document text is escaped; the user's note is kept as Markdown, made safe
 * first (markdown-note.ts: raw HTML escaped, only http, https and recollection
 * links, its headings shown in bold under the entry's heading), then indented
 * inside a list item, so its fences or lists stay inside that item (CommonMark
 * closes every block of a container when the container ends).
 */
import { briefSteps, itemFields, summaryLine, type Brief, type BriefItem } from './brief';
import { safeNoteMarkdown } from './markdown-note';
import { part, runSteps, type Steps } from './progress';
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

/** Prefix every line, blank ones included, so a multi-line value stays in its container. */
function indent(text: string, prefix: string, blankPrefix = prefix.trimEnd()): string {
  return text
    .split(/\r\n|\r|\n/)
    .map((line) => (line.trim() === '' ? blankPrefix : prefix + line))
    .join('\n');
}

function renderItem(item: BriefItem, level: number): string {
  const parts: string[] = [`${'#'.repeat(level)} ${escapeMarkdown(item.label).replace(/\n/g, ' ')}`];
  if (item.quote) parts.push(indent(escapeMarkdown(item.quote), '> '));
  const lines = itemFields(item).map(([name, value]) => `- ${name}: ${escapeMarkdown(value).replace(/\n/g, ' ')}`);
  // Ids are checked on the way in (contract, importer); should a stored one hold a space or '<',
  // it is printed as text rather than breaking the autolink.
  lines.push(`- Link: ${/^[^\s<>]+$/.test(item.link) ? `<${item.link}>` : escapeMarkdown(item.link)}`);
  parts.push(lines.join('\n'));
  if (item.note.trim() !== '') {
    // Two spaces is the content column of "- Note:", so every note line belongs to that item.
    parts.push(`- Note:\n\n${indent(safeNoteMarkdown(item.note), '  ', '')}`);
  }
  return parts.join('\n\n');
}

/** The Markdown text of a brief, one step an item (progress.ts). */
function* markdownSteps(brief: Brief): Steps<string> {
  let done = 0;
  const out: string[] = [`# ${escapeMarkdown(`Notes: ${brief.title}`)}`, escapeMarkdown(summaryLine(brief))];
  for (const group of brief.groups) {
    out.push(`## ${escapeMarkdown(group.title)}`);
    for (const sub of group.subgroups) {
      if (sub.title !== null) out.push(`### ${escapeMarkdown(sub.title)}`);
      // One level below its parent heading, so no heading level is ever skipped.
      const level = sub.title !== null ? 4 : 3;
      for (const item of sub.items) {
        out.push(renderItem(item, level));
        yield ++done / brief.count;
      }
    }
  }
  if (brief.count === 0) out.push('No notes or bookmarks to export.');
  return `${out.join('\n\n')}\n`;
}

export function exportMarkdown(entries: readonly ExportEntry[], options: ExportOptions): string {
  return runSteps(markdownExportSteps(entries, options));
}

/** exportMarkdown in steps: the brief, then the text (progress.ts). */
export function* markdownExportSteps(entries: readonly ExportEntry[], options: ExportOptions): Steps<string> {
  const brief = yield* part(briefSteps(entries, options), 0, 0.5);
  return yield* part(markdownSteps(brief), 0.5, 1);
}
