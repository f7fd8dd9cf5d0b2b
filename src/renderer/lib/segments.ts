/**
 * Cut a block's plain text into the pieces the reader renders: runs of text
 * with their formatting (bold, italic, link), the user's highlights, the
 * search terms, and the footnote references between them.
 *
 * Constraint: the concatenated text of all text pieces is exactly the block's
 * plain text, in order. Selections are mapped back to offsets by counting
 * rendered text, so any extra character would shift every annotation.
 */
import type { FootnoteRef, Mark } from '../../shared/model';

export interface Highlight {
  start: number;
  end: number;
  /** Annotation id. */
  id: string;
  color: string | null;
  /** Set for a colleague's highlight: drawn underlined in the layer's colour, signed with its name. */
  layer?: { name: string; color: string };
}

export interface TextPiece {
  type: 'text';
  start: number;
  end: number;
  text: string;
  bold: boolean;
  italic: boolean;
  href: string | null;
  /** Highlights covering this run, outermost (longest) first. */
  highlights: Highlight[];
  term: boolean;
}

export interface RefPiece {
  type: 'ref';
  offset: number;
  number: number;
}

export type Piece = TextPiece | RefPiece;

const clamp = (n: number, len: number): number => Math.max(0, Math.min(len, n));

export function buildPieces(
  text: string,
  marks: readonly Mark[],
  refs: readonly FootnoteRef[],
  highlights: readonly Highlight[] = [],
  terms: ReadonlyArray<readonly [number, number]> = [],
): Piece[] {
  const len = text.length;
  const cuts = new Set<number>([0, len]);
  const spans = [
    ...marks.map((m) => [m.start, m.end]),
    ...highlights.map((h) => [h.start, h.end]),
    ...terms.map((t) => [t[0], t[1]]),
  ];
  for (const [s, e] of spans) {
    cuts.add(clamp(s, len));
    cuts.add(clamp(e, len));
  }
  for (const r of refs) cuts.add(clamp(r.offset, len));
  const points = [...cuts].sort((a, b) => a - b);
  const refsAt = new Map<number, number[]>();
  for (const r of [...refs].sort((a, b) => a.number - b.number)) {
    const at = clamp(r.offset, len);
    refsAt.set(at, [...(refsAt.get(at) ?? []), r.number]);
  }
  const covers = (s: number, e: number, a: number, b: number): boolean => s <= a && e >= b && e > s;
  const pieces: Piece[] = [];
  const pushRefs = (at: number): void => {
    for (const n of refsAt.get(at) ?? []) pieces.push({ type: 'ref', offset: at, number: n });
  };
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i];
    const b = points[i + 1];
    pushRefs(a);
    const active = marks.filter((m) => covers(m.start, m.end, a, b));
    const link = active.find((m) => m.type === 'link' && m.href);
    pieces.push({
      type: 'text',
      start: a,
      end: b,
      text: text.slice(a, b),
      bold: active.some((m) => m.type === 'bold'),
      italic: active.some((m) => m.type === 'italic'),
      href: link?.href ?? null,
      highlights: highlights
        .filter((h) => covers(h.start, h.end, a, b))
        .sort((x, y) => y.end - y.start - (x.end - x.start)),
      term: terms.some(([s, e]) => covers(s, e, a, b)),
    });
  }
  pushRefs(len);
  return pieces;
}

/** Pieces drawn together without a line break inside: a word and the footnote numbers that follow it. */
export interface KeptPieces {
  type: 'kept';
  pieces: Piece[];
}

/**
 * Groups each footnote reference with the word before it (the text after the
 * last space of the piece before, split off as its own piece), so that the
 * group can be drawn unbreakable and a number never wraps away from its word.
 * The characters and their offsets are unchanged.
 */
export function keepRefsWithWords(pieces: readonly Piece[]): Array<Piece | KeptPieces> {
  const out: Array<Piece | KeptPieces> = [];
  for (const p of pieces) {
    const last = out.at(-1);
    if (p.type !== 'ref') {
      out.push(p);
      continue;
    }
    if (last?.type === 'kept') {
      last.pieces.push(p);
      continue;
    }
    if (last?.type !== 'text' || /\s$/.test(last.text)) {
      out.push(p);
      continue;
    }
    const cut = Math.max(...[...last.text.matchAll(/\s/g)].map((m) => m.index + 1), 0);
    const word: TextPiece = { ...last, start: last.start + cut, text: last.text.slice(cut) };
    if (cut > 0) out[out.length - 1] = { ...last, end: last.start + cut, text: last.text.slice(0, cut) };
    else out.pop();
    out.push({ type: 'kept', pieces: [word, p] });
  }
  return out;
}
