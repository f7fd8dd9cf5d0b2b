/**
 * Lookups over the outline tree: a node by id, its ancestors, and which page
 * shows it (groups are shown inside their focus area's page).
 */
import type { OutlineNode } from '../../shared/contract/types';

export interface OutlineIndex {
  roots: OutlineNode[];
  byId: Map<string, OutlineNode>;
  parent: Map<string, string | null>;
}

export function indexOutline(roots: OutlineNode[]): OutlineIndex {
  const byId = new Map<string, OutlineNode>();
  const parent = new Map<string, string | null>();
  const walk = (nodes: OutlineNode[], p: string | null): void => {
    for (const n of nodes) {
      byId.set(n.id, n);
      parent.set(n.id, p);
      walk(n.children, n.id);
    }
  };
  walk(roots, null);
  return { roots, byId, parent };
}

/** Ids from the root down to (and including) `id`. */
export function pathTo(index: OutlineIndex, id: string): string[] {
  const out: string[] = [];
  for (let cur: string | null | undefined = id; cur; cur = index.parent.get(cur)) out.unshift(cur);
  return index.byId.has(id) ? out : [];
}

/** The page that displays a node: its own id, or its focus area's for a group. */
export function pageOf(index: OutlineIndex, id: string): string {
  const node = index.byId.get(id);
  if (node?.kind === 'group') return index.parent.get(id) ?? id;
  return id;
}

/** The first page to show when nothing was read before. */
export function firstPage(index: OutlineIndex): string | null {
  const p1 = index.byId.get('p1');
  if (p1) return p1.id;
  const first = index.roots.find((r) => r.kind !== 'front') ?? index.roots[0];
  return first ? first.id : null;
}
