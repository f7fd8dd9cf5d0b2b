/**
 * Classifies each source line of the body region as blank, debris, footnote text or body
 * text. Footnote lines are interleaved with the body wherever a page ended; this is where
 * they are told apart.
 *
 * Constraint kept: a line is footnote text only if it starts with a footnote number
 * (superscript, `<sup>`, or plain digits), is a bare URL, or is a listed orphan citation
 * (quirks.ts). Everything else stays body text, so no body sentence can vanish into a footnote.
 */
import { debrisRuleOf, isBlank, SUP, superscriptToNumber } from './clean';
import { ORPHAN_CITATION_LINES } from './quirks';

export type FootnoteLine =
  | { kind: 'numbered'; number: number; marker: 'superscript' | 'plain' | 'html'; text: string }
  | { kind: 'url'; text: string }
  | { kind: 'citation'; text: string; quirk: string };

export type SourceEvent =
  | { type: 'blank'; no: number }
  | { type: 'debris'; no: number; rule: string }
  | { type: 'footnote'; no: number; line: FootnoteLine }
  | { type: 'body'; no: number; raw: string };

/** The highest footnote number a plain-digit prefix may carry (sanity bound). */
const MAX_FOOTNOTE = 999;

function numberedFootnote(line: string): FootnoteLine | undefined {
  const sup = new RegExp(`^\\s*(${SUP}+)\\s+(.*)$`).exec(line);
  if (sup) return { kind: 'numbered', number: superscriptToNumber(sup[1]), marker: 'superscript', text: sup[2] };
  // HTML rule: the one footnote the conversion left as `<sup>39</sup> …` inside a code fence.
  const html = /^\s*<sup>(\d+)<\/sup>\s*(.*)$/.exec(line);
  if (html) return { kind: 'numbered', number: Number(html[1]), marker: 'html', text: html[2] };
  // Plain-number rule: a few footnotes lost their superscript ("82 Sutherland Report…",
  // "131 http://…"). Two or three digits then a URL or a capitalised citation; single digits are
  // excluded (no footnote < 19 lost its superscript, and "1 POVERTY …" is icon debris).
  const plainNum = /^\s*(\d{2,3}) (?=https?:|[A-Z])(.*)$/.exec(line);
  if (plainNum && Number(plainNum[1]) <= MAX_FOOTNOTE) {
    return { kind: 'numbered', number: Number(plainNum[1]), marker: 'plain', text: plainNum[2] };
  }
  return undefined;
}

/**
 * Two-footnotes-on-one-line rule: the conversion sometimes ran the next footnote onto the
 * same line ("…?OpenElement. ¹⁵ UNGA, …"). Split where a superscript number equal to the
 * current number + 1 stands between spaces.
 */
function splitRunOnFootnotes(first: FootnoteLine & { kind: 'numbered' }): FootnoteLine[] {
  const out: FootnoteLine[] = [];
  let current = first;
  for (;;) {
    const re = new RegExp(`\\s(${SUP}+)\\s`, 'g');
    let split: RegExpExecArray | null = null;
    for (const m of current.text.matchAll(re)) {
      if (superscriptToNumber(m[1]) === current.number + 1) {
        split = m;
        break;
      }
    }
    if (!split) break;
    out.push({ ...current, text: current.text.slice(0, split.index) });
    current = {
      kind: 'numbered',
      number: current.number + 1,
      marker: 'superscript',
      text: current.text.slice(split.index + split[0].length),
    };
  }
  out.push(current);
  return out;
}

function footnoteLines(line: string): FootnoteLine[] | undefined {
  const numbered = numberedFootnote(line);
  if (numbered && numbered.kind === 'numbered') return splitRunOnFootnotes(numbered);
  const trimmed = line.trim();
  // Bare-URL rule: a line that is only a URL is footnote text (a URL wrapped onto its own line,
  // or a footnote that lost its number). Where it belongs is decided in footnotes.ts.
  if (/^https?:\/\//.test(trimmed)) return [{ kind: 'url', text: trimmed }];
  const quirk = ORPHAN_CITATION_LINES.find((q) => trimmed.startsWith(q.prefix));
  if (quirk) return [{ kind: 'citation', text: trimmed, quirk: quirk.name }];
  return undefined;
}

/** Classify the body region's lines (`startIndex` is the 0-based index of the first line). */
export function classifyLines(lines: readonly string[], startIndex: number): SourceEvent[] {
  const events: SourceEvent[] = [];
  for (let i = startIndex; i < lines.length; i++) {
    const no = i + 1;
    const line = lines[i];
    if (isBlank(line)) {
      events.push({ type: 'blank', no });
      continue;
    }
    const debris = debrisRuleOf(line);
    if (debris) {
      events.push({ type: 'debris', no, rule: debris.name });
      continue;
    }
    const fn = footnoteLines(line);
    if (fn) {
      for (const l of fn) events.push({ type: 'footnote', no, line: l });
      continue;
    }
    events.push({ type: 'body', no, raw: line });
  }
  return events;
}
