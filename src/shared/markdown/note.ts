/**
 * The one reading of a user's Markdown note wherever it is shown: the note
 * cards and the Notes panel (renderer, as React elements), the HTML, PDF and
 * Word briefs (core), and as plain text in CSV and the command line.
 *
 * Constraint: nothing a note holds can run or load. Raw HTML is off (a typed
 * `<script>` is text), headings are off (a note cannot add to an outline),
 * images are off (nothing loads), and a link keeps its target only when it is
 * an absolute http, https or recollection: address; any other link is shown
 * as its text. Callers walk the tokens; none of them turns a string into
 * markup, so the renderer needs no innerHTML (its CSP enforces Trusted Types).
 */
import MarkdownIt from 'markdown-it';
import { clip } from '../vocabulary/text';

export type NoteToken = ReturnType<MarkdownIt['parse']>[number];

const LINK_SCHEMES = /^(https?:\/\/|recollection:\/\/)/i;

/** True when a link may keep its target: absolute http(s) or the app's own scheme, nothing hidden in it. */
export function allowedHref(href: string): boolean {
  // eslint-disable-next-line no-control-regex
  return LINK_SCHEMES.test(href) && !/[\x00-\x20\x7f-\x9f<>"]/.test(href);
}

const parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
parser.disable(['heading', 'lheading', 'image', 'table']);
// markdown-it refuses javascript:, vbscript:, file: and most data: links; the app allows fewer still.
parser.validateLink = allowedHref;

/** The note's block tokens (inline tokens carry their children); the same parse for every caller. */
export function noteTokens(text: string): NoteToken[] {
  return parser.parse(text, {});
}

/** The note as HTML (export only: raw HTML off, so every character the user typed is escaped). */
export function noteHtml(text: string): string {
  return parser.render(text);
}

/** Text of an inline token's children: what a reader sees, without the markup. */
function inlineText(children: readonly NoteToken[] | null): string {
  let out = '';
  for (const t of children ?? []) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    // A line break the user typed stays one (CSV cells and the terminal keep the note's lines).
    else if (t.type === 'softbreak') out += '\n';
    else if (t.type === 'hardbreak') out += '\n';
  }
  return out;
}

/**
 * The note as plain, readable text (CSV, command line, one-line summaries):
 * emphasis and link markup gone, list items as "- " or "1. " lines, a link's
 * address in brackets after its text when it differs from the text. `marks`
 * changes the bullet and the thematic break (the CSV uses "• " and "—", which
 * no spreadsheet reads as the start of a formula).
 */
export function notePlainText(text: string, marks: { bullet?: string; rule?: string } = {}): string {
  const { bullet = '- ', rule = '---' } = marks;
  const lines: string[] = [];
  const lists: Array<{ ordered: boolean; n: number }> = [];
  let prefix = '';
  for (const t of noteTokens(text)) {
    if (t.type === 'bullet_list_open' || t.type === 'ordered_list_open') {
      lists.push({ ordered: t.type === 'ordered_list_open', n: Number(t.attrGet('start') ?? 1) });
    } else if (t.type === 'bullet_list_close' || t.type === 'ordered_list_close') lists.pop();
    else if (t.type === 'list_item_open') {
      const list = lists[lists.length - 1];
      const indent = '  '.repeat(Math.max(0, lists.length - 1));
      prefix = list?.ordered ? `${indent}${list.n++}. ` : `${indent}${bullet}`;
    } else if (t.type === 'inline') {
      let s = '';
      let href: string | null = null;
      let linkText = '';
      for (const c of t.children ?? []) {
        if (c.type === 'link_open') {
          href = c.attrGet('href');
          linkText = '';
        } else if (c.type === 'link_close') {
          s += href && href !== linkText ? `${linkText} (${href})` : linkText;
          href = null;
        } else {
          const piece = inlineText([c]);
          if (href !== null) linkText += piece;
          else s += piece;
        }
      }
      lines.push(prefix + s);
      prefix = '';
    } else if (t.type === 'fence' || t.type === 'code_block') {
      lines.push(...t.content.replace(/\n$/, '').split('\n'));
    } else if (t.type === 'hr') lines.push(rule);
  }
  return lines.join('\n');
}

/** The note on one line (tables, summaries): plain text, line breaks as " · ", shortened at a word. */
export function noteOneLine(text: string, max = 120): string {
  const line = notePlainText(text)
    .split('\n')
    // List markers carry no meaning once the items are joined on one line.
    .map((l) => l.trim().replace(/^(-|\d+\.) /, ''))
    .filter(Boolean)
    .join(' · ');
  return clip(line, max);
}
