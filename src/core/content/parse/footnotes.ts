/**
 * Footnotes: assembles footnote blocks (the lines found at each page end) into numbered
 * footnotes, re-attaching wrapped and displaced URLs and inferring lost numbers.
 *
 * Constraint kept: a footnote number is either printed (`present`), inferred from order with
 * the reason recorded (`inferred`), or recorded as `missing` with empty text — footnote text is
 * never invented, and the parser throws if the inference is ambiguous.
 */
import type { Footnote } from '../../../shared/model';
import type { FootnoteLine } from './classify';
import { parseMarkup } from './markup';
import type { FootnoteBlock } from './paragraphs';
import { normaliseWhitespace } from './rich-text';
import { linkUrls, pfpIdOf } from './urls';

interface Entry {
  number?: number;
  origin: 'numbered' | 'orphan-url' | 'orphan-text';
  parts: string[];
  /** First source line (1-based). */
  line: number;
  hasUrl: boolean;
  note?: string;
}

const hasUrl = (s: string): boolean => /https?:\/\//.test(s);
const lastText = (e: Entry): string => e.parts[e.parts.length - 1].trimEnd();

/**
 * Within one block: a bare URL continues the footnote above it when that footnote's text
 * ends with "," (URL-on-next-line rule); an orphan citation continues it when it ends with ";"
 * (list of citations, e.g. footnote 143). Anything else starts an unnumbered entry.
 */
function blockEntries(lines: ReadonlyArray<{ no: number; line: FootnoteLine }>): Entry[] {
  const entries: Entry[] = [];
  for (const { no, line } of lines) {
    const current = entries[entries.length - 1];
    if (line.kind === 'numbered') {
      entries.push({
        number: line.number,
        origin: 'numbered',
        parts: [line.text],
        line: no,
        hasUrl: hasUrl(line.text),
      });
    } else if (current && lastText(current).endsWith(line.kind === 'url' ? ',' : ';')) {
      current.parts.push(line.text);
      current.hasUrl ||= hasUrl(line.text);
    } else {
      const origin = line.kind === 'url' ? 'orphan-url' : 'orphan-text';
      entries.push({ origin, parts: [line.text], line: no, hasUrl: hasUrl(line.text) });
    }
  }
  return reattachDisplacedUrls(entries);
}

/**
 * Displaced-URL rule: on two pages the conversion printed the URL lines of footnotes before
 * their text ("…ts4_issuebrief.pdf." then "⁹⁹ GCM Thematic Sessions, Issue Brief #4, 2017,").
 * Orphan URLs of a block go, in order, to the block's numbered footnotes that end with "," and
 * have no URL.
 */
function reattachDisplacedUrls(entries: Entry[]): Entry[] {
  const orphans = entries.filter((e) => e.origin === 'orphan-url');
  const waiting = entries.filter((e) => e.origin === 'numbered' && !e.hasUrl && lastText(e).endsWith(','));
  const pairs = Math.min(orphans.length, waiting.length);
  for (let i = 0; i < pairs; i++) {
    waiting[i].parts.push(...orphans[i].parts);
    waiting[i].hasUrl = true;
  }
  const moved = new Set(orphans.slice(0, pairs));
  return entries.filter((e) => !moved.has(e));
}

function describe(e: Entry): string {
  const t = e.parts.join(' ');
  return t.length > 60 ? `${t.slice(0, 57)}…` : t;
}

/**
 * Lost-number rule: the unnumbered entries of a block take, in reading order, the numbers that
 * are printed nowhere and lie between the highest number of the earlier blocks and the lowest
 * printed number of the later blocks. Footnotes sit at the end of the page that cites them, so
 * this window is the page's range; a count mismatch means the rule does not apply and throws.
 */
function inferNumbers(blocks: Entry[][]): void {
  const printed = new Set(blocks.flat().flatMap((e) => (e.number === undefined ? [] : [e.number])));
  let lo = 0;
  blocks.forEach((entries, b) => {
    const orphans = entries.filter((e) => e.number === undefined);
    const later = blocks
      .slice(b + 1)
      .flat()
      .filter((e) => e.origin === 'numbered');
    const hi = Math.min(...later.map((e) => e.number ?? Infinity), Infinity);
    if (orphans.length > 0) {
      const candidates: number[] = [];
      for (let n = lo + 1; n < hi && Number.isFinite(hi); n++) if (!printed.has(n)) candidates.push(n);
      if (candidates.length !== orphans.length) {
        throw new Error(
          `parse: cannot infer footnote numbers near line ${orphans[0].line}: ${candidates.length} candidates for ${orphans.length} unnumbered lines`,
        );
      }
      const neighbours = entries.filter((e) => e.number !== undefined).map((e) => e.number);
      orphans.forEach((e, i) => {
        e.number = candidates[i];
        const block = neighbours.length > 0 ? `with footnotes ${neighbours.join(', ')}` : 'of its own';
        const why =
          candidates.length === 1
            ? `${candidates[0]} is the only number between ${lo} and ${hi} printed nowhere`
            : `the numbers between ${lo} and ${hi} printed nowhere are ${candidates.join(', ')}, taken in reading order by the block's unnumbered lines`;
        e.note = `Number lost in the conversion: the unnumbered line "${describe(e)}" (source line ${e.line}) stands in the footnote block ${block}; ${why}.`;
      });
    }
    lo = Math.max(lo, ...entries.map((e) => e.number ?? 0));
  });
}

function toFootnote(e: Entry & { number: number }): Footnote {
  const raw = e.parts.join(' ');
  const { rt, urls } = linkUrls(normaliseWhitespace(parseMarkup(raw)));
  const pfpIds = urls.flatMap((u) => {
    const id = pfpIdOf(u);
    return id === undefined ? [] : [id];
  });
  const fn: Footnote = {
    number: e.number,
    id: `fn.${e.number}`,
    status: e.origin === 'numbered' ? 'present' : 'inferred',
    text: rt.text,
    marks: rt.marks,
    urls,
    pfpIds,
  };
  if (e.note) fn.note = e.note;
  return fn;
}

/** Build footnotes 1…N (N = highest number found) from the footnote blocks in reading order. */
export function buildFootnotes(blocks: readonly FootnoteBlock[]): Footnote[] {
  const entryBlocks = blocks.map((b) => blockEntries(b.lines));
  inferNumbers(entryBlocks);
  const byNumber = new Map<number, Entry & { number: number }>();
  for (const e of entryBlocks.flat()) {
    if (e.number === undefined) continue;
    if (byNumber.has(e.number)) throw new Error(`parse: footnote ${e.number} found twice (line ${e.line})`);
    byNumber.set(e.number, { ...e, number: e.number });
  }
  const max = Math.max(...byNumber.keys());
  const out: Footnote[] = [];
  for (let n = 1; n <= max; n++) {
    const e = byNumber.get(n);
    out.push(
      e
        ? toFootnote(e)
        : {
            number: n,
            id: `fn.${n}`,
            status: 'missing',
            text: '',
            marks: [],
            urls: [],
            pfpIds: [],
            note: `No text for footnote ${n} survives in the source: no footnote line carries this number and no unnumbered footnote line stands in its place.`,
          },
    );
  }
  return out;
}
