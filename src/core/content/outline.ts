/**
 * The outline tree the reader shows: parts → clusters → focus areas → groups,
 * with the number of policy options, practical actions and examples of each
 * focus area and group.
 *
 * Constraint: numbered sub-items (practical-action-item) are part of their
 * practical action and never counted as actions of their own.
 */
import type { OutlineNode } from '../../shared/contract/types';
import type { Block, Section } from '../../shared/model';
import type { SectionTree } from './tree';

export type ItemCounts = { po: number; pa: number; ex: number };

/** Items of a section and of its direct children (a focus area and its groups). */
export function itemCounts(
  tree: SectionTree,
  blocksBySection: ReadonlyMap<string, readonly Block[]>,
  id: string,
): ItemCounts {
  const counts: ItemCounts = { po: 0, pa: 0, ex: 0 };
  for (const sid of [id, ...tree.children(id).map((c) => c.id)]) {
    for (const b of blocksBySection.get(sid) ?? []) {
      if (b.kind === 'policy-option') counts.po++;
      else if (b.kind === 'practical-action') counts.pa++;
      else if (b.kind === 'example') counts.ex++;
    }
  }
  return counts;
}

export function buildOutline(tree: SectionTree, blocksBySection: ReadonlyMap<string, readonly Block[]>): OutlineNode[] {
  const node = (s: Section): OutlineNode => {
    const n: OutlineNode = { id: s.id, kind: s.kind, title: s.title, label: s.label, children: [] };
    if (s.kind === 'focus-area' || s.kind === 'group') n.counts = itemCounts(tree, blocksBySection, s.id);
    n.children = tree.children(s.id).map(node);
    return n;
  };
  return tree.roots().map(node);
}
