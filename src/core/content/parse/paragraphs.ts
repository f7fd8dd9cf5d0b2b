/**
 * Groups classified lines into body items (headings, paragraphs, bullets) and footnote
 * blocks, and re-joins paragraphs that a page break (footnotes, debris, blank lines) cut in two.
 *
 * Constraint kept: lines are only ever joined (with one space), never dropped; footnote lines
 * go to footnote blocks whole. Joining rules are named and documented.
 */
import type { FootnoteLine, SourceEvent } from './classify';
import { recogniseHeading, type Heading } from './headings';

export type BulletMarker = 'dash' | 'dot' | 'nested' | null;

export interface BodyItem {
  /** Raw text (markup and footnote markers still in), bullet marker removed, lines joined. */
  raw: string;
  /** 1-based source line numbers the item was built from. */
  lines: number[];
  heading?: Heading;
  marker: BulletMarker;
  /** The first line started with whitespace and carried no bullet marker. */
  leadingSpace: boolean;
  /** Footnote or debris lines stand between this item and the previous body line. */
  afterBreak: boolean;
}

export interface FootnoteBlock {
  lines: Array<{ no: number; line: FootnoteLine }>;
}

export interface Grouped {
  items: BodyItem[];
  blocks: FootnoteBlock[];
}

/** `- x` bullets, `• x` bullets (treated as `-`), and ` - 1) x` nested items (leading space). */
function bulletOf(line: string): { marker: BulletMarker; rest: string } {
  const nested = /^\s+- (.*)$/.exec(line);
  if (nested) return { marker: 'nested', rest: nested[1] };
  const dash = /^- ?(.*)$/.exec(line);
  if (dash) return { marker: 'dash', rest: dash[1] };
  const dot = /^\s*• ?(.*)$/.exec(line);
  if (dot) return { marker: 'dot', rest: dot[1] };
  return { marker: null, rest: line };
}

/**
 * Wrapped-line rule: a line that starts with whitespace directly below a body line (no blank
 * line between) continues it. After a blank line, a line starting with whitespace is a new
 * item (a bullet whose dash was lost, see structure.ts).
 */
function groupLines(events: readonly SourceEvent[]): Grouped {
  const items: BodyItem[] = [];
  const blocks: FootnoteBlock[] = [];
  let open: BodyItem | null = null;
  let sawBreak = false;
  let inBlock = false;
  for (const ev of events) {
    if (ev.type === 'blank') {
      open = null;
    } else if (ev.type === 'debris') {
      open = null;
      sawBreak = true;
    } else if (ev.type === 'footnote') {
      open = null;
      sawBreak = true;
      if (!inBlock) blocks.push({ lines: [] });
      inBlock = true;
      blocks[blocks.length - 1].lines.push({ no: ev.no, line: ev.line });
    } else {
      inBlock = false;
      const heading = recogniseHeading(ev.raw);
      const { marker, rest } = bulletOf(ev.raw);
      if (!heading && open && marker === null) {
        open.raw += ' ' + ev.raw.trim();
        open.lines.push(ev.no);
      } else {
        const item: BodyItem = {
          raw: heading ? ev.raw.trim() : rest,
          lines: [ev.no],
          marker: heading ? null : marker,
          leadingSpace: !heading && marker === null && /^\s/.test(ev.raw),
          afterBreak: sawBreak,
        };
        if (heading) item.heading = heading;
        items.push(item);
        open = heading ? null : item;
      }
      sawBreak = false;
    }
  }
  return { items, blocks };
}

/** Strip trailing footnote markers and emphasis before looking at a paragraph's last character. */
function endsWithTerminalPunctuation(raw: string): boolean {
  const t = raw.replace(/[⁰¹²³⁴⁵⁶⁷⁸⁹\s*]+$/, '');
  return /[.:;!?"”’)](\s?\d{1,3})?$/.test(t);
}

/** Lower-case start, but not a lettered list item ("d) Identifying …" is a new item). */
function startsLowercase(raw: string): boolean {
  const t = raw.trim();
  return /^[a-z]/.test(t) && !/^[a-z]\) /.test(t);
}

/**
 * Page-break rejoin rule: an item continues the previous paragraph when the previous one does
 * not end a sentence and either (a) the item starts in lower case ("orientation, the present
 * document…", "- covering all policy dimensions…") or (b) a footnote block or debris stands
 * between them and the item has no bullet marker ("… in the" | footnotes | "GCM. Finally, …").
 * Spurious-dash rule: a continuation that carries a dash ("- covering …") loses it.
 */
function shouldRejoin(prev: BodyItem, item: BodyItem): boolean {
  if (prev.heading || item.heading || item.marker === 'nested') return false;
  if (endsWithTerminalPunctuation(prev.raw)) return false;
  return startsLowercase(item.raw) || (item.afterBreak && item.marker === null);
}

function rejoinPageBreaks(items: readonly BodyItem[]): BodyItem[] {
  const out: BodyItem[] = [];
  for (const item of items) {
    const prev = out[out.length - 1];
    if (prev && shouldRejoin(prev, item)) {
      out[out.length - 1] = { ...prev, raw: `${prev.raw} ${item.raw.trim()}`, lines: [...prev.lines, ...item.lines] };
    } else {
      out.push(item);
    }
  }
  return out;
}

export function groupBody(events: readonly SourceEvent[]): Grouped {
  const { items, blocks } = groupLines(events);
  return { items: rejoinPageBreaks(items), blocks };
}
