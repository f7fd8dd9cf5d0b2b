/**
 * A block's (or footnote's) text with its inline marks, the user's highlights,
 * the search terms and the footnote reference buttons, each kept on the line
 * of the word it follows.
 *
 * Constraint: the rendered characters outside `data-skip` elements are exactly
 * the plain text (see lib/segments.ts), so selections map back to offsets.
 */
import type { ReactNode } from 'react';
import type { FootnoteRef, Mark } from '../../shared/model';
import {
  buildPieces,
  keepRefsWithWords,
  type Highlight,
  type Piece,
  type RefPiece,
  type TextPiece,
} from '../lib/segments';
import { openExternal } from '../state/actions';

interface Props {
  text: string;
  marks: readonly Mark[];
  refs?: readonly FootnoteRef[];
  highlights?: readonly Highlight[];
  terms?: ReadonlyArray<readonly [number, number]>;
  onFootnote?: (n: number, button: HTMLButtonElement) => void;
}

function renderText(p: TextPiece): ReactNode {
  let node: ReactNode = p.text;
  if (p.term) node = <mark className="term">{node}</mark>;
  for (const h of [...p.highlights].reverse()) {
    node = h.layer ? (
      <mark
        className={`hl-layer layer-c-${h.layer.color}`}
        data-layer-annotation={h.id}
        title={`${h.layer.name}'s highlight`}
      >
        {node}
      </mark>
    ) : (
      <mark className={`hl hl-${h.color ?? 'yellow'}`} data-annotation={h.id}>
        {node}
      </mark>
    );
  }
  if (p.italic) node = <em>{node}</em>;
  if (p.bold) node = <strong>{node}</strong>;
  if (p.href) {
    const href = p.href;
    node = (
      <a
        href={href}
        className="ext-link"
        title="Opens in your browser, after asking"
        onClick={(e) => {
          e.preventDefault();
          void openExternal(href);
        }}
      >
        {node}
      </a>
    );
  }
  return node;
}

export function RichText({ text, marks, refs = [], highlights = [], terms = [], onFootnote }: Props): ReactNode {
  const ref = (p: RefPiece): ReactNode => (
    <sup key={`r${p.offset}-${p.number}`} className="fn-ref" data-skip="">
      <button
        type="button"
        aria-label={`Footnote ${p.number}`}
        aria-haspopup="dialog"
        data-footnote={p.number}
        onClick={(e) => onFootnote?.(p.number, e.currentTarget)}
      >
        {p.number}
      </button>
    </sup>
  );
  const piece = (p: Piece): ReactNode => (p.type === 'ref' ? ref(p) : <span key={`t${p.start}`}>{renderText(p)}</span>);
  // A footnote number is drawn with the word before it, unbreakable (.fn-keep): it never starts a line alone.
  return keepRefsWithWords(buildPieces(text, marks, refs, highlights, terms)).map((p) =>
    p.type === 'kept' ? (
      <span key={`k${p.pieces[0].type === 'text' ? p.pieces[0].start : 0}`} className="fn-keep">
        {p.pieces.map(piece)}
      </span>
    ) : (
      piece(p)
    ),
  );
}
