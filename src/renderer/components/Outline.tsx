/**
 * The sidebar outline as an ARIA tree: Parts I–IV, clusters 1–6, focus areas,
 * and within a focus area its three groups. Marks the page shown and the
 * section at the top of the reading pane while you scroll.
 *
 * Constraint: one tab stop for the whole tree (roving tabindex); arrow keys
 * move, Right/Left open and close, Enter opens the page.
 */
import { useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { OutlineNode } from '../../shared/contract/types';
import { pathTo } from '../lib/outline';
import { useStore } from '../lib/store';
import { sentenceCase } from '../lib/text';
import { nav, navigate } from '../state/nav';
import { closeDrawers, isNarrow } from '../state/ui';
import { SkeletonLines } from './Skeleton';

function visibleItems(nodes: OutlineNode[], open: Set<string>, out: OutlineNode[] = []): OutlineNode[] {
  for (const n of nodes) {
    out.push(n);
    if (n.children.length && open.has(n.id)) visibleItems(n.children, open, out);
  }
  return out;
}

function shortTitle(n: OutlineNode): string {
  return sentenceCase(n.title);
}

export function Outline(): ReactNode {
  const outline = useStore(nav, (s) => s.outline);
  const pageId = useStore(nav, (s) => s.pageId);
  const here = useStore(nav, (s) => s.visibleSectionId);
  const [open, setOpen] = useState<Set<string>>(() => new Set(['p2']));
  const [focusId, setFocusId] = useState<string | null>(null);
  const tree = useRef<HTMLUListElement>(null);

  // A new page opens its ancestors in the tree (state adjusted while rendering, as React advises).
  const [openedFor, setOpenedFor] = useState<string | null>(null);
  if (outline && pageId && openedFor !== pageId) {
    setOpenedFor(pageId);
    const path = pathTo(outline, pageId);
    setOpen((prev) => (path.every((id) => prev.has(id)) ? prev : new Set([...prev, ...path])));
  }

  const items = useMemo(() => (outline ? visibleItems(outline.roots, open) : []), [outline, open]);
  if (!outline) return <SkeletonLines lines={12} label="Loading the outline" />;

  const hereIds = new Set(here ? pathTo(outline, here) : []);
  const tabId = focusId && items.some((i) => i.id === focusId) ? focusId : (pageId ?? items[0]?.id);

  const toggle = (id: string, to?: boolean): void =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (to ?? !next.has(id)) next.add(id);
      else next.delete(id);
      return next;
    });
  const focusItem = (id: string): void => {
    setFocusId(id);
    tree.current?.querySelector<HTMLElement>(`[data-node="${CSS.escape(id)}"]`)?.focus();
  };
  const activate = (n: OutlineNode): void => {
    if (isNarrow()) closeDrawers();
    void navigate({ pageId: n.id });
  };

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const id = (e.target as HTMLElement).dataset.node;
    const i = items.findIndex((n) => n.id === id);
    if (i < 0) return;
    const n = items[i];
    const parentId = outline.parent.get(n.id) ?? null;
    const handled: Record<string, () => void> = {
      ArrowDown: () => items[i + 1] && focusItem(items[i + 1].id),
      ArrowUp: () => items[i - 1] && focusItem(items[i - 1].id),
      Home: () => focusItem(items[0].id),
      End: () => focusItem(items[items.length - 1].id),
      ArrowRight: () => {
        if (!n.children.length) return;
        if (!open.has(n.id)) toggle(n.id, true);
        else focusItem(n.children[0].id);
      },
      ArrowLeft: () => {
        if (n.children.length && open.has(n.id)) toggle(n.id, false);
        else if (parentId) focusItem(parentId);
      },
      Enter: () => activate(n),
      ' ': () => activate(n),
    };
    const h = handled[e.key];
    if (h) {
      e.preventDefault();
      h();
    }
  };

  // A flat list of treeitems with explicit levels (allowed by ARIA): each item's
  // name is its own row only, not the titles of everything nested under it.
  const levelOf = (id: string): number => pathTo(outline, id).length;
  const siblingsOf = (id: string): OutlineNode[] => {
    const p = outline.parent.get(id);
    return p ? (outline.byId.get(p)?.children ?? []) : outline.roots;
  };
  const rows = items.map((n) => {
    const expandable = n.children.length > 0;
    const isOpen = open.has(n.id);
    const level = levelOf(n.id);
    const siblings = siblingsOf(n.id);
    return (
      <li
        key={n.id}
        role="treeitem"
        aria-level={level}
        aria-setsize={siblings.length}
        aria-posinset={siblings.indexOf(n) + 1}
        aria-expanded={expandable ? isOpen : undefined}
        aria-selected={n.id === pageId}
        aria-current={n.id === here ? 'location' : undefined}
        data-node={n.id}
        data-kind={n.kind}
        data-label={n.label}
        tabIndex={n.id === tabId ? 0 : -1}
        className={`tree-item level-${level}${hereIds.has(n.id) ? ' is-here' : ''}`}
        onClick={() => {
          setFocusId(n.id);
          activate(n);
        }}
      >
        <div className="tree-row">
          <span
            className={`twisty${expandable ? '' : ' leaf'}`}
            aria-hidden="true"
            onClick={(e) => {
              if (!expandable) return;
              e.stopPropagation();
              toggle(n.id);
            }}
          >
            {expandable ? (isOpen ? '▾' : '▸') : ''}
          </span>
          <span className="tree-label">{treeLabel(n)}</span>
          <span className="tree-title">{shortTitle(n)}</span>
          {n.kind !== 'group' && treeLabel(n) !== n.label ? <span className="visually-hidden">, {n.label}</span> : null}
        </div>
      </li>
    );
  });

  return (
    <div className="outline">
      <div className="outline-tools">
        <h2 className="pane-title">Contents</h2>
        <button type="button" className="link-button" onClick={() => setOpen(new Set(outline.byId.keys()))}>
          Expand all
        </button>
        <button
          type="button"
          className="link-button"
          onClick={() => setOpen(new Set(pageId ? pathTo(outline, pageId) : []))}
        >
          Collapse
        </button>
      </div>
      <ul role="tree" aria-label="Contents" ref={tree} onKeyDown={onKeyDown} className="tree">
        {rows}
      </ul>
    </div>
  );
}

/** The compact number shown before a title: "II", "2", "(3)", "PO". */
function treeLabel(n: OutlineNode): string {
  if (n.kind === 'group') return '';
  const m = /(\([0-9]+\)|[IVX]+|[0-9]+)\s*$/.exec(n.label);
  if (n.kind === 'focus-area' || n.kind === 'subsection') {
    const f = /\(([0-9]+)\)\s*$/.exec(n.label);
    return f ? `(${f[1]})` : '';
  }
  return m ? m[1] : '';
}
