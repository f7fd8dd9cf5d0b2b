/**
 * A user's Markdown note made safe to put into the Markdown brief: no raw HTML,
 * no link or image to a scheme other than http, https and recollection, and no
 * heading (a note's headings are shown in bold, under their entry's heading).
 *
 * Constraint: the note stays the user's Markdown wherever it is harmless; only
 * the lines that hold a problem change. What is a problem is decided by parsing,
 * not by guessing alone: every `<` outside code is backslash-escaped (no raw
 * HTML or autolink can start without one, in any CommonMark viewer); then
 * markdown-it, with raw HTML on and every link let through, parses the note as
 * GFM and as strict CommonMark, and each line holding an unsafe link gets its
 * `[` and `]` escaped (and a reference definition to an unsafe place is undone);
 * heading lines lose their markers. The result is parsed again until nothing
 * is found; should that not settle, the note is written as a fenced code
 * block, which no viewer renders as markup.
 */
import MarkdownIt from 'markdown-it';

type Token = ReturnType<MarkdownIt['parse']>[number];

/** Schemes a link in an exported brief may use; a relative link has none. */
const SAFE_SCHEMES = new Set(['http', 'https', 'recollection']);

// Parsers that hide nothing from the check: raw HTML on, and every link target let
// through (markdown-it would otherwise drop javascript: links silently, but other
// viewers do not).
const PARSERS = [new MarkdownIt('default', { html: true }), new MarkdownIt('commonmark', { html: true })];
for (const parser of PARSERS) parser.validateLink = () => true;

/** True when a link target leads anywhere but the web or the app. */
export function unsafeLink(href: string): boolean {
  let text = href;
  try {
    text = decodeURIComponent(href);
  } catch {
    /* not percent-encoded: judge it as written */
  }
  // Browsers drop tabs, line breaks and leading controls or spaces before reading the scheme.
  // eslint-disable-next-line no-control-regex
  text = text.replace(/[\x00-\x20\x7f-\x9f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text);
  if (scheme) return !SAFE_SCHEMES.has(scheme[1].toLowerCase());
  // No scheme before the first '/', '?' or '#', yet a colon: read conservatively.
  return /^[^/?#]*:/.test(text);
}

interface Findings {
  /** Lines holding raw HTML or an unsafe link. */
  bad: Set<number>;
  /** Lines every parser reads as a code block (left as they are). */
  code: Set<number>;
  /** A reference definition points somewhere unsafe (its uses are on lines unknown here). */
  unsafeReference: boolean;
  /** Heading lines: [first, end) with the underline as the last line of a setext heading. */
  headings: Array<{ from: number; to: number; setext: boolean }>;
}

function inspect(text: string): Findings {
  const found: Findings = { bad: new Set(), code: new Set(), unsafeReference: false, headings: [] };
  const codeIn: Array<Set<number>> = [];
  const mark = (map: [number, number] | null | undefined): void => {
    if (!map) return;
    for (let line = map[0]; line < map[1]; line++) found.bad.add(line);
  };
  const walk = (tokens: Token[], map: [number, number] | null, code: Set<number>): void => {
    for (const t of tokens) {
      const at = t.map ?? map;
      if ((t.type === 'fence' || t.type === 'code_block') && t.map)
        for (let line = t.map[0]; line < t.map[1]; line++) code.add(line);
      if (t.type === 'html_block' || t.type === 'html_inline') mark(at);
      if (t.type === 'link_open' && unsafeLink(t.attrGet('href') ?? '')) mark(at);
      if (t.type === 'image' && unsafeLink(t.attrGet('src') ?? '')) mark(at);
      if (t.type === 'heading_open' && t.map)
        found.headings.push({ from: t.map[0], to: t.map[1], setext: !t.markup.startsWith('#') });
      if (t.children) walk(t.children, at, code);
    }
  };
  for (const parser of PARSERS) {
    const env: { references?: Record<string, { href: string }> } = {};
    const code = new Set<number>();
    walk(parser.parse(text, env), null, code);
    codeIn.push(code);
    if (Object.values(env.references ?? {}).some((r) => unsafeLink(r.href))) found.unsafeReference = true;
  }
  // Code only where every parser agrees; elsewhere a line is treated as text.
  for (const line of codeIn[0] ?? []) if (codeIn.every((c) => c.has(line))) found.code.add(line);
  return found;
}

/** Backslash-escapes the characters of `chars` that are not escaped already. */
const escapeChars = (text: string, chars: RegExp): string =>
  text.replace(/(\\*)(.)/gs, (m, slashes: string, c: string) =>
    chars.test(c) && slashes.length % 2 === 0 ? `${slashes}\\${c}` : m,
  );
const escapeMarkup = (line: string): string => escapeChars(line, /[<[\]]/);

/**
 * Escapes every `<` of a line except inside code spans (a backtick run closed by
 * one as long), so `<b>` in a span still shows as written.
 */
function escapeAngles(line: string): string {
  let out = '';
  let i = 0;
  const span = /(\\*)(`+)/g;
  for (let m = span.exec(line); m; m = span.exec(line)) {
    if ((m[1] ?? '').length % 2 === 1) continue; // an escaped backtick opens nothing
    const open = m.index + (m[1] ?? '').length;
    const ticks = m[2] ?? '';
    const close = new RegExp(`(?<!\`)${ticks}(?!\`)`, 'g');
    close.lastIndex = open + ticks.length;
    const end = close.exec(line);
    if (!end) continue;
    out += escapeChars(line.slice(i, open), /</) + line.slice(open, end.index + ticks.length);
    i = end.index + ticks.length;
    span.lastIndex = i;
  }
  return out + escapeChars(line.slice(i), /</);
}

/** Container markers a heading can sit behind: blockquote `>`, list bullets and numbers. */
const PREFIX = String.raw`((?:[ \t]*(?:>|[-+*][ \t]|\d{1,9}[.)][ \t]))*[ \t]*)`;
const ATX = new RegExp(`^${PREFIX}#{1,6}(?:[ \\t]+(.*?))?(?:[ \\t]+#+)?[ \\t]*$`);
const SETEXT_LINE = new RegExp(`^${PREFIX}(.*?)[ \\t]*$`);
const UNDERLINE = new RegExp(`^${PREFIX}(?:=+|-+)[ \\t]*$`);

const DEFINITION_START = new RegExp(`^${PREFIX}\\[`);

const bold = (prefix: string, text: string | undefined): string =>
  text && text.trim() !== '' ? `${prefix}**${text.trim()}**` : `${prefix}`;

function repair(lines: string[], found: Findings): void {
  const done = new Set<number>(); // both parsers report most headings
  for (const h of found.headings) {
    if (done.has(h.from)) continue;
    done.add(h.from);
    if (!h.setext) {
      const line = lines[h.from] ?? '';
      const m = ATX.exec(line);
      lines[h.from] = m ? bold(m[1] ?? '', m[2]) : escapeMarkup(line.replace('#', '\\#'));
      continue;
    }
    // Setext: the underline goes (its container prefix stays); a one-line heading turns bold.
    const under = h.to - 1;
    const u = UNDERLINE.exec(lines[under] ?? '');
    lines[under] = u ? (u[1] ?? '').trimEnd() : `\\${lines[under] ?? ''}`;
    if (h.to - h.from === 2) {
      const m = SETEXT_LINE.exec(lines[h.from] ?? '');
      if (m) lines[h.from] = bold(m[1] ?? '', m[2]);
    }
  }
  for (const line of found.bad) lines[line] = escapeMarkup(lines[line] ?? '');
  // A definition starts a line with `[`: escaping that bracket removes it, and with it
  // every use of its label (safe definitions too, only in a note with an unsafe one).
  if (found.unsafeReference)
    lines.forEach((line, i) => {
      if (!found.code.has(i)) lines[i] = line.replace(DEFINITION_START, '$1\\[');
    });
}

/** The note as a fenced code block: longer fence than any backtick run inside. */
function fenced(note: string): string {
  const longest = Math.max(2, ...[...note.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  return `${fence}text\n${note}\n${fence}`;
}

export function safeNoteMarkdown(note: string): string {
  const lines = note.split(/\r\n|\r|\n/);
  for (let round = 0; round < 5; round++) {
    const code = inspect(lines.join('\n')).code;
    lines.forEach((line, i) => {
      if (!code.has(i)) lines[i] = escapeAngles(line);
    });
    const found = inspect(lines.join('\n'));
    if (found.bad.size === 0 && found.headings.length === 0 && !found.unsafeReference) return lines.join('\n');
    repair(lines, found);
  }
  return fenced(note);
}
