/**
 * One block of the document as a careful edition sets it: the short citation
 * label in the left margin, the text with its marks and footnote references,
 * the actions (bookmark, note, copy with citation, copy link) on hover or
 * focus, nested sub-items, and the reader's own notes beside it.
 */
import type { ReactNode } from 'react';
import type { Annotation } from '../../shared/contract/types';
import type { LayerNoteView } from '../lib/layer-view';
import type { Block } from '../../shared/model';
import { kindClass } from '../lib/labels';
import type { Highlight } from '../lib/segments';
import { clip } from '../lib/text';
import { annotateCurrent, bookmarkCurrent, copyCitation, copyLink, setCurrentFromFocus } from '../state/actions';
import { paletteName, type Stance } from '../state/notes';
import { showAllNotes } from '../state/show-all';
import { openEditor } from '../state/ui';
import { Icon } from './Icon';
import { NoteMarkdown } from './NoteMarkdown';
import { LayerNoteCards } from './LayerNoteCards';
import { PositionBadge } from './PositionBadge';
import { RichText } from './RichText';

export interface BlockContext {
  annotationsOf: (blockId: string) => Annotation[];
  /** The visible colleagues' layers' notes on the block (none in presentation mode). */
  layerNotesOf: (blockId: string) => LayerNoteView[];
  onAdopt: (note: LayerNoteView) => void;
  /** How many notes the block has in all (annotationsOf gives at most NOTES_PER_BLOCK). */
  totalOf: (blockId: string) => number;
  /** The option's own position and priority, note or not (null: none, or presentation mode). */
  stanceOf: (blockId: string) => Stance | null;
  bookmarked: (blockId: string) => boolean;
  /** False in presentation mode: no bookmark or note buttons (their state is private). */
  showPrivate: boolean;
  termsOf: (block: Block) => Array<[number, number]>;
  childrenOf: (blockId: string) => Block[];
  onFootnote: (n: number, button: HTMLButtonElement) => void;
}

function highlightsOf(anns: Annotation[], layered: LayerNoteView[]): Highlight[] {
  const own = anns
    .filter((a) => a.selector && a.anchor !== 'orphan')
    .map((a) => ({ id: a.id, start: a.selector?.start ?? 0, end: a.selector?.end ?? 0, color: a.color }));
  const theirs = layered
    .filter((n) => n.selector)
    .map((n) => ({
      id: `${n.layerId}:${n.id}`,
      start: n.selector?.start ?? 0,
      end: n.selector?.end ?? 0,
      color: null,
      layer: { name: n.layerName, color: n.layerColor },
    }));
  return [...own, ...theirs];
}

interface NoteCardsProps {
  anns: Annotation[];
  total: number;
  blockId: string;
  stance: Stance | null;
}

function NoteCards({ anns, total, blockId, stance }: NoteCardsProps): ReactNode {
  const shown = anns.filter((a) => a.note.trim() || a.position || a.priority || a.tags.length);
  const more = total > anns.length;
  // A position set without a note (in the matrix, or adopted) has a card of its own: it opens a new note on the option.
  const alone = stance && !shown.some((a) => a.position || a.priority) ? stance : null;
  if (shown.length === 0 && !more && !alone) return null;
  return (
    <ul className="block-notes" aria-label="Your notes on this block">
      {alone ? (
        <li>
          <button
            type="button"
            className="note-card position-card"
            onClick={() => openEditor({ blockId, annotation: null, selector: null })}
          >
            <span className="visually-hidden">Your position, no note yet. Write a note: </span>
            <PositionBadge position={alone.position} priority={alone.priority} />
          </button>
        </li>
      ) : null}
      {more ? (
        <li>
          <button type="button" className="link-button show-all-notes" onClick={() => showAllNotes(blockId)}>
            Show all {total.toLocaleString('en')} notes on this block (the first {anns.length} are here)
          </button>
        </li>
      ) : null}
      {shown.map((a) => (
        <li key={a.id}>
          <button
            type="button"
            className={`note-card${a.color ? ` note-${a.color}` : ''}`}
            onClick={() => openEditor({ blockId: a.blockId, annotation: a, selector: a.selector })}
          >
            <span className="visually-hidden">Edit note: </span>
            <PositionBadge position={a.position} priority={a.priority} />
            {a.selector ? <span className="note-quote">“{clip(a.selector.exact, 80)}”</span> : null}
            {a.note.trim() ? <NoteMarkdown text={a.note} max={400} /> : null}
            <span className="note-meta">
              {a.adoptedFrom ? <span className="adopted-from">Adopted from {a.adoptedFrom.authorName}</span> : null}
              {a.color ? <span className={`swatch sw-${a.color}`} aria-hidden="true" /> : null}
              {a.color ? paletteName(a.color) : null}
              {a.tags.map((t) => (
                <span key={t} className="tag">
                  #<bdi>{t}</bdi>
                </span>
              ))}
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}

export function BlockView({ block, ctx }: { block: Block; ctx: BlockContext }): ReactNode {
  const anns = ctx.annotationsOf(block.id);
  const layered = ctx.layerNotesOf(block.id);
  const marked = ctx.bookmarked(block.id);
  const children = ctx.childrenOf(block.id);
  const text = (
    <RichText
      text={block.text}
      marks={block.marks}
      refs={block.footnoteRefs}
      highlights={highlightsOf(anns, layered)}
      terms={ctx.termsOf(block)}
      onFootnote={ctx.onFootnote}
    />
  );
  const body =
    block.kind === 'quotation' ? (
      <blockquote className="block-text" data-text-of={block.id}>
        {text}
      </blockquote>
    ) : (
      <p className="block-text" data-text-of={block.id}>
        {text}
      </p>
    );
  return (
    <div
      className={`block ${kindClass(block.kind)} k-${block.kind}${marked ? ' is-bookmarked' : ''}`}
      data-block-id={block.id}
      id={`block-${block.id}`}
      tabIndex={-1}
      aria-label={block.label}
      onFocus={setCurrentFromFocus}
    >
      <div className="margin">
        <span className="margin-label" title={block.label}>
          {block.shortLabel}
        </span>
        <span className="block-actions" data-skip="">
          {ctx.showPrivate ? (
            <>
              <button
                type="button"
                className={`act act-bookmark${marked ? ' on' : ''}`}
                aria-pressed={marked}
                aria-label={`Bookmark ${block.label}`}
                title="Bookmark (B)"
                onClick={() => bookmarkCurrent(block)}
              >
                <Icon name="star" filled={marked} />
              </button>
              <button
                type="button"
                className="act"
                aria-label={`Add a note to ${block.label}`}
                title="Note (N)"
                onClick={() => annotateCurrent(block)}
              >
                <Icon name="pencil" />
              </button>
            </>
          ) : null}
          <button
            type="button"
            className="act"
            aria-label={`Copy ${block.label} with citation`}
            title="Copy with citation (C)"
            onClick={() => copyCitation(block)}
          >
            <Icon name="quote" />
          </button>
          <button
            type="button"
            className="act"
            aria-label={`Copy a link to ${block.label}`}
            title="Copy link"
            onClick={() => copyLink(block)}
          >
            <Icon name="link" />
          </button>
        </span>
      </div>
      <div className="block-body">
        {body}
        {children.length ? (
          <ol className="sub-items">
            {children.map((c) => (
              <li key={c.id}>
                <BlockView block={c} ctx={ctx} />
              </li>
            ))}
          </ol>
        ) : null}
        <NoteCards anns={anns} total={ctx.totalOf(block.id)} blockId={block.id} stance={ctx.stanceOf(block.id)} />
        <LayerNoteCards notes={layered} onAdopt={ctx.onAdopt} />
      </div>
    </div>
  );
}
