/**
 * A block's (or footnote's) text with its inline marks, the user's highlights,
 * the search terms and the footnote reference buttons.
 *
 * Constraint: the rendered characters outside `data-skip` elements are exactly
 * the plain text (see lib/segments.ts), so selections map back to offsets.
 */
import type { ReactNode } from 'react';
import type { FootnoteRef, Mark } from '../../shared/model';
import { buildPieces, type Highlight, type TextPiece } from '../lib/segments';
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
  const pieces = buildPieces(text, marks, refs, highlights, terms);
  return pieces.map((p) =>
    p.type === 'ref' ? (
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
    ) : (
      <span key={`t${p.start}`}>{renderText(p)}</span>
    ),
  );
}
