/**
 * Where things are in the document, for search hits and "jump to": the page
 * of a section, the home of a footnote, the passages carrying a
 * cross-reference; and the jump resolver over them.
 *
 * Constraint: reads the content store only, never the search index, so "jump
 * to" answers without loading it (the command line's `show 2.2 PO 1`).
 */
import type { ContentStore } from '../content/store';
import { JumpResolver } from './jump';

export function pageOf(content: ContentStore, sectionId: string): string {
  return content.location(sectionId)?.pageId ?? sectionId;
}

/** Where footnote `n` is cited; for an uncited one, the page of the nearest earlier cited footnote. */
export function footnoteHome(content: ContentStore, n: number): { pageId: string; blockId: string | null } | null {
  const all = content.allFootnotes();
  if (!all.some((f) => f.number === n)) return null;
  const first = content.citingBlocks(n)[0];
  if (first) return { pageId: pageOf(content, first.sectionId), blockId: first.id };
  for (let m = n - 1; m >= 1; m--) {
    const b = content.citingBlocks(m)[0];
    if (b) return { pageId: pageOf(content, b.sectionId), blockId: null };
  }
  const firstPage = content.allSections().find((s) => s.kind !== 'group');
  return firstPage ? { pageId: firstPage.id, blockId: null } : null;
}

/** Blocks and footnotes carrying a cross-reference, in reading order (empty when none). */
export function referencing(content: ContentStore, type: 'sdg' | 'sutherland' | 'pfp', key: string): string[] {
  try {
    const f = content.facet(type, key);
    return [...f.blocks.map((b) => b.id), ...f.footnotes.map((n) => `fn.${n}`)];
  } catch {
    return [];
  }
}

/** The "jump to" resolver of the document. */
export function jumpResolverFor(content: ContentStore): JumpResolver {
  return new JumpResolver({
    block: (id) => content.block(id),
    section: (id) => content.section(id),
    allBlocks: () => content.allBlocks(),
    allSections: () => content.allSections(),
    footnoteHome: (n) => footnoteHome(content, n),
    pageOf: (id) => pageOf(content, id),
    referencing: (type, key) => referencing(content, type, key),
  });
}
