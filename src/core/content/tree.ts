/**
 * The outline tree over the document's sections: outline order, ancestors,
 * the page that shows a section, and the reading order of pages.
 *
 * Constraint: pure functions of the section list, shared by the build (search
 * documents need each block's page, cluster and focus area) and by the store,
 * so both always agree on what a "page" is.
 *
 * A page is every section except a group: front, parts, clusters, focus areas
 * and Part III subsections. Groups (Policy Options, ...) are shown inside
 * their focus area's page.
 */
import type { Section } from '../../shared/model';

export class SectionTree {
  private readonly byId = new Map<string, Section>();
  private readonly kids = new Map<string | null, Section[]>();
  private readonly ordered: Section[] = [];
  private readonly pageList: Section[] = [];
  private readonly pageIndex = new Map<string, number>();

  constructor(sections: readonly Section[]) {
    for (const s of sections) this.byId.set(s.id, s);
    for (const s of sections) {
      // A section whose parent is unknown is treated as a root rather than lost.
      const parent = s.parentId !== null && this.byId.has(s.parentId) ? s.parentId : null;
      const list = this.kids.get(parent) ?? [];
      list.push(s);
      this.kids.set(parent, list);
    }
    for (const list of this.kids.values()) list.sort((a, b) => a.order - b.order || cmp(a.id, b.id));
    const seen = new Set<string>();
    const visit = (s: Section): void => {
      if (seen.has(s.id)) return; // a cycle in corrupt data must not hang the app
      seen.add(s.id);
      this.ordered.push(s);
      if (s.kind !== 'group') {
        this.pageIndex.set(s.id, this.pageList.length);
        this.pageList.push(s);
      }
      for (const c of this.kids.get(s.id) ?? []) visit(c);
    };
    for (const root of this.kids.get(null) ?? []) visit(root);
  }

  get(id: string): Section | null {
    return this.byId.get(id) ?? null;
  }

  /** Every section, depth first in outline order. */
  all(): readonly Section[] {
    return this.ordered;
  }

  children(id: string | null): readonly Section[] {
    return this.kids.get(id) ?? [];
  }

  roots(): readonly Section[] {
    return this.children(null);
  }

  /** The section and its ancestors, root first. */
  path(id: string): Section[] {
    const out: Section[] = [];
    const seen = new Set<string>();
    let cur = this.byId.get(id);
    while (cur && !seen.has(cur.id)) {
      seen.add(cur.id);
      out.unshift(cur);
      cur = cur.parentId === null ? undefined : this.byId.get(cur.parentId);
    }
    return out;
  }

  /** The nearest ancestor-or-self of the given kind. */
  nearest(id: string, kind: Section['kind']): Section | null {
    const p = this.path(id);
    for (let i = p.length - 1; i >= 0; i--) if (p[i].kind === kind) return p[i];
    return null;
  }

  /** The page that shows this section: itself, or for a group its focus area. */
  pageOf(id: string): Section | null {
    const p = this.path(id);
    for (let i = p.length - 1; i >= 0; i--) if (p[i].kind !== 'group') return p[i];
    return null;
  }

  /** Pages in reading order: front, p1, p2, c1, c1.f1, …, p3, p3.s1, …, p4. */
  pages(): readonly Section[] {
    return this.pageList;
  }

  /** Previous and next page around the page that shows `id`. */
  neighbours(id: string): { prevId: string | null; nextId: string | null } {
    const page = this.pageOf(id);
    const i = page ? this.pageIndex.get(page.id) : undefined;
    if (i === undefined) return { prevId: null, nextId: null };
    return {
      prevId: i > 0 ? this.pageList[i - 1].id : null,
      nextId: i < this.pageList.length - 1 ? this.pageList[i + 1].id : null,
    };
  }

  /** Section ids whose blocks a page shows: the page itself and its groups. */
  pageSectionIds(pageId: string): string[] {
    const ids = [pageId];
    for (const c of this.children(pageId)) if (c.kind === 'group') ids.push(c.id);
    return ids;
  }

  /** Cluster number (its order among clusters, 1–6) of a section, or null outside Part II's clusters. */
  clusterNumber(id: string): number | null {
    const c = this.nearest(id, 'cluster');
    return c ? c.order : null;
  }
}

/** Plain code-unit comparison: the same on every machine and locale, unlike localeCompare. */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
