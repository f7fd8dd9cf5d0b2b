/**
 * URLs in footnote text: where a URL ends, its `href`, and Platform for Partnerships ids.
 *
 * Constraint kept: the printed URL text is never altered (it stays in the footnote text as
 * printed, covered by a `link` mark); only the `href` is repaired (spaces percent-encoded).
 */
import type { Mark } from '../../../shared/model';
import type { RichText } from './rich-text';

/**
 * URL-extent rule. The conversion left spaces inside some URLs (".../2017-06-30 co-chairs
 * conclusions of the 10th gfmd summit 0.pdf"). A URL therefore runs to the end of the
 * footnote unless a citation separator (", " or "; ") follows it, in which case it ends at the
 * first whitespace. Trailing sentence punctuation is not part of the URL.
 */
export function urlExtent(text: string, start: number): number {
  const rest = text.slice(start);
  const cut = /[,;] /.test(rest) ? rest.search(/\s/) : rest.length;
  const candidate = rest.slice(0, cut < 0 ? rest.length : cut);
  const trimmed = candidate.replace(/[.,;:]+$/, '');
  return start + trimmed.length;
}

/**
 * Href rule: a space right after `%` split a percent-escape ("12100% 3A0") and is dropped;
 * every other space is percent-encoded, the printed text keeping it.
 */
export function hrefOf(printed: string): string {
  return printed.replace(/% (?=[0-9A-Fa-f]{2})/g, '%').replace(/ /g, '%20');
}

/** GFMD Platform for Partnerships id in a URL (`…/pfp/ppd/<id>`; the host may be misspelled). */
export function pfpIdOf(url: string): number | undefined {
  const m = /\/pfp\/ppd\/(\d+)/.exec(url);
  return m ? Number(m[1]) : undefined;
}

/** Add `link` marks for URLs not already linked (HTML anchors); return marks and URL list in order. */
export function linkUrls(rt: RichText): { rt: RichText; urls: string[] } {
  const links: Mark[] = rt.marks.filter((m) => m.type === 'link');
  const covered = (pos: number): boolean => links.some((l) => pos >= l.start && pos < l.end);
  const found: Mark[] = [];
  let searchFrom = 0;
  for (;;) {
    const idx = rt.text.slice(searchFrom).search(/https?:\/\//);
    if (idx < 0) break;
    const start = searchFrom + idx;
    const linked = links.find((l) => start >= l.start && start < l.end);
    if (linked) {
      searchFrom = linked.end;
      continue;
    }
    const end = urlExtent(rt.text, start);
    if (!covered(start)) found.push({ type: 'link', start, end, href: hrefOf(rt.text.slice(start, end)) });
    searchFrom = end;
  }
  const marks = [...rt.marks, ...found].sort((a, b) => a.start - b.start || a.end - b.end);
  const urls = marks.filter((m) => m.type === 'link').map((m) => m.href ?? '');
  return { rt: { ...rt, marks }, urls };
}
