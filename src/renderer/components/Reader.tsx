/**
 * The reading pane: the page's heading, its own blocks, then each group
 * (Policy Options, Options for practical action, Policy and Practice Examples)
 * under its heading and thin coloured rule; sub-pages listed as links.
 *
 * Constraint: opening a search result puts its block in the top third of the
 * pane and flashes it; the matched words stay marked until the next navigation.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { LayerAnnotation } from '../../shared/contract/layer-types';
import type { Annotation, Bookmark } from '../../shared/contract/types';
import type { Block, Section } from '../../shared/model';
import { useScrollSpy } from '../hooks/useScrollSpy';
import { GROUP_CLASS } from '../lib/labels';
import { useStore } from '../lib/store';
import { termRanges } from '../lib/terms';
import { sentenceCase } from '../lib/text';
import { layerNoteViews, type LayerNoteView } from '../lib/layer-view';
import { adopt, layers } from '../state/layers';
import { nav, navigate, retryPage } from '../state/nav';
import { notes, toggleBookmark, type Stance } from '../state/notes';
import { FootnoteBody } from './FootnoteBody';
import { Icon } from './Icon';
import { BlockView, type BlockContext } from './BlockView';
import { FootnotePopover } from './FootnotePopover';
import { blockElement, bringIntoView, readingPane } from './reading-pane';
import { Private, usePrivate } from './Private';
import { SkeletonLines } from './Skeleton';

const NONE_ANNOTATIONS: Annotation[] = [];
const NONE_TOTALS: Readonly<Record<string, number>> = {};
const NONE_STANCES: Readonly<Record<string, Stance>> = {};
const NONE_BOOKMARKS: Bookmark[] = [];
const NONE_LAYER_NOTES: LayerAnnotation[] = [];

/** Briefly mark the block just opened (Web Animations: no inline style, so the CSP holds). */
function flash(el: HTMLElement): void {
  if (window.matchMedia('(prefers-reduced-motion: reduce)').matches) return;
  el.querySelector('.block-body')?.animate(
    [
      { backgroundColor: 'var(--flash-bg)' },
      { backgroundColor: 'var(--flash-bg)', offset: 0.35 },
      { backgroundColor: 'transparent' },
    ],
    { duration: 1600, easing: 'ease-out' },
  );
}

export function Reader(): ReactNode {
  const page = useStore(nav, (s) => s.page);
  const loading = useStore(nav, (s) => s.loading);
  const error = useStore(nav, (s) => s.error);
  const target = useStore(nav, (s) => s.target);
  const outline = useStore(nav, (s) => s.outline);
  // Presentation mode: the page is built as if there were no notes and no bookmarks (components/Private.tsx).
  const showPrivate = usePrivate();
  const allAnnotations = useStore(notes, (s) => s.annotations);
  const allBookmarks = useStore(notes, (s) => s.bookmarks);
  const annotations = showPrivate ? allAnnotations : NONE_ANNOTATIONS;
  const bookmarks = showPrivate ? allBookmarks : NONE_BOOKMARKS;
  const allTotals = useStore(notes, (s) => s.totals);
  const allStances = useStore(notes, (s) => s.stances);
  const stances = showPrivate ? allStances : NONE_STANCES;
  const totals = showPrivate ? allTotals : NONE_TOTALS;
  // Colleagues' layers are private too: none of their marks, names or counts in presentation mode.
  const allLayerNotes = useStore(layers, (s) => s.annotations);
  const layerList = useStore(layers, (s) => s.list);
  const layerNotes = showPrivate ? allLayerNotes : NONE_LAYER_NOTES;
  // The popover belongs to the navigation it was opened in: a new navigation closes it.
  const [footnote, setFootnote] = useState<{ n: number; anchor: HTMLButtonElement; token: number } | null>(null);
  const article = useRef<HTMLElement>(null);
  useScrollSpy(article, page?.section.id ?? null);

  useEffect(() => {
    if (!page || !target) return;
    const pane = readingPane();
    if (target.blockId) {
      const el = blockElement(target.blockId);
      if (el) {
        bringIntoView(el, true);
        el.focus({ preventScroll: true });
        flash(el);
        return;
      }
    }
    if (target.anchorId) {
      const el = document.getElementById(`sec-${target.anchorId}`);
      if (el) return bringIntoView(el, false);
    }
    if (pane) pane.scrollTop = 0;
  }, [page, target]);

  const ctx = useMemo<BlockContext>(() => {
    const byParent = new Map<string, Block[]>();
    for (const b of page?.blocks ?? []) {
      if (b.parentId) byParent.set(b.parentId, [...(byParent.get(b.parentId) ?? []), b]);
    }
    const marked = new Set(bookmarks.map((b) => b.targetId));
    const byBlock = new Map<string, typeof annotations>();
    for (const a of annotations) byBlock.set(a.blockId, [...(byBlock.get(a.blockId) ?? []), a]);
    const layerBy = new Map<string, LayerNoteView[]>();
    for (const v of layerNoteViews(layerNotes, layerList))
      layerBy.set(v.blockId, [...(layerBy.get(v.blockId) ?? []), v]);
    const terms = target?.terms ?? [];
    return {
      annotationsOf: (id) => byBlock.get(id) ?? [],
      layerNotesOf: (id) => layerBy.get(id) ?? [],
      onAdopt: (n) => void adopt({ id: n.layerId, name: n.layerName }, { note: n.id }),
      totalOf: (id) => totals[id] ?? 0,
      stanceOf: (id) => stances[id] ?? null,
      bookmarked: (id) => marked.has(id),
      showPrivate,
      termsOf: (b) => (b.id === target?.blockId ? termRanges(b.text, terms) : []),
      childrenOf: (id) => byParent.get(id) ?? [],
      onFootnote: (n, anchor) => setFootnote({ n, anchor, token: target?.token ?? 0 }),
    };
  }, [page, annotations, totals, stances, bookmarks, target, showPrivate, layerNotes, layerList]);

  if (error && !page) {
    return (
      <div className="page-message" role="alert">
        <p>This part of the document could not be opened: {error}</p>
        <button type="button" className="button" onClick={retryPage}>
          Try again
        </button>
      </div>
    );
  }
  if (!page) return <SkeletonLines lines={16} label="Loading the document" />;

  const { section, children, blocks } = page;
  const pageMarked = bookmarks.some((b) => b.targetId === section.id);
  const inPage = new Set(blocks.map((b) => b.id));
  const topLevel = (sectionId: string): Block[] =>
    blocks.filter((b) => b.sectionId === sectionId && (!b.parentId || !inPage.has(b.parentId)));
  const subPages = (outline?.byId.get(section.id)?.children ?? []).filter(
    (n) => n.kind !== 'group' && !children.some((c) => c.id === n.id),
  );
  const groupBlocks = (c: Section): Block[] => topLevel(c.id);

  return (
    <article
      ref={article}
      className={`page page-${section.kind}${loading ? ' is-loading' : ''}`}
      aria-labelledby="page-title"
      aria-busy={loading}
      data-page={section.id}
    >
      <header className="page-header" id={`sec-${section.id}`} data-section={section.id}>
        <p className="page-label">{section.label}</p>
        <h1 id="page-title" className={section.title === section.title.toUpperCase() ? 'caps' : undefined}>
          {section.title}
        </h1>
        <Private>
          <button
            type="button"
            className={`page-bookmark${pageMarked ? ' on' : ''}`}
            onClick={() => void toggleBookmark(section.id)}
          >
            <Icon name="star" filled={pageMarked} /> {pageMarked ? 'Bookmarked' : 'Bookmark this section'}
          </button>
        </Private>
      </header>
      {topLevel(section.id).map((b) => (
        <BlockView key={b.id} block={b} ctx={ctx} />
      ))}
      {children.map((c) => (
        <section
          key={c.id}
          id={`sec-${c.id}`}
          data-section={c.id}
          className={`group ${c.group ? GROUP_CLASS[c.group] : ''}`}
          aria-labelledby={`h-${c.id}`}
        >
          <h2 id={`h-${c.id}`} className="group-title">
            {c.title}
          </h2>
          {groupBlocks(c).length ? (
            groupBlocks(c).map((b) => <BlockView key={b.id} block={b} ctx={ctx} />)
          ) : (
            <p className="muted">No entries in this group.</p>
          )}
        </section>
      ))}
      {subPages.length ? (
        <nav className="sub-pages" aria-label={`In ${section.label}`}>
          <h2 className="group-title">In this {section.kind === 'cluster' ? 'cluster' : 'part'}</h2>
          <ul>
            {subPages.map((n) => (
              <li key={n.id}>
                <button type="button" className="sub-page" onClick={() => void navigate({ pageId: n.id })}>
                  <span className="sub-page-label">{n.label}</span>
                  <span className="sub-page-title">{sentenceCase(n.title)}</span>
                  {n.counts ? (
                    <span className="sub-page-counts">
                      {n.counts.po} policy options · {n.counts.pa} practical actions · {n.counts.ex} examples
                    </span>
                  ) : null}
                </button>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {page.footnotes.length ? (
        <section className="print-footnotes" aria-label={`Footnotes of ${section.label}`}>
          <ol>
            {page.footnotes.map((f) => (
              <li key={f.number} value={f.number}>
                <FootnoteBody footnote={f} />
              </li>
            ))}
          </ol>
        </section>
      ) : null}
      {footnote && footnote.token === (target?.token ?? 0) ? (
        <FootnotePopover
          number={footnote.n}
          anchor={footnote.anchor}
          known={page.footnotes.find((f) => f.number === footnote.n) ?? null}
          onClose={() => setFootnote(null)}
        />
      ) : null}
    </article>
  );
}
