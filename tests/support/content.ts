/**
 * Test support: a real ContentLookup for the user-data tests, built in memory
 * from the real parser's output over the shipped corpus. Also builds MODIFIED
 * copies of the content for the re-anchoring tests.
 *
 * Constraint: the lookup follows the contract's ContentLookup exactly (the
 * store's own SectionTree and word-boundary excerpt());
 * tests/core/test-content.test.ts checks it against the real ContentStore; there is no fallback content, so a
 * parser that breaks fails these tests instead of being replaced quietly.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseRecollection } from '../../src/core/content/parse/index';
import type { BlockLocation, ContentLookup } from '../../src/core/content/lookup';
import { excerpt } from '../../src/core/content/store';
import { SectionTree } from '../../src/core/content/tree';
import type { BlockSummary } from '../../src/shared/contract/types';
import type { DocumentModel } from '../../src/shared/model';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CORPUS = path.join(ROOT, 'resources', 'gfmd-thematic-recollection-2007-2017.txt');

export interface TestContent {
  model: DocumentModel;
  lookup: ContentLookup;
}

/**
 * An in-memory ContentLookup over a document model, answering as ContentStore does: the same
 * SectionTree (outline order, page of a section, nearest cluster and focus area) and the same
 * word-boundary excerpt(), so nothing is re-implemented here to drift from the store.
 */
export function lookupFromModel(model: DocumentModel): ContentLookup {
  const tree = new SectionTree(model.sections);
  const blocks = new Map(model.blocks.map((b) => [b.id, b]));
  const ordered = [...model.blocks].sort((a, b) => a.seq - b.seq);
  const pageOf = (sectionId: string): string => tree.pageOf(sectionId)?.id ?? sectionId;
  const location = (id: string): BlockLocation | null => {
    const sectionId = blocks.get(id)?.sectionId ?? (tree.get(id) ? id : null);
    if (sectionId === null) return null;
    return {
      pageId: pageOf(sectionId),
      clusterId: tree.nearest(sectionId, 'cluster')?.id ?? null,
      focusAreaId: tree.nearest(sectionId, 'focus-area')?.id ?? null,
    };
  };
  const summary = (id: string): BlockSummary | null => {
    const b = blocks.get(id);
    if (b) {
      const { kind, label, shortLabel } = b;
      return { id, kind, label, shortLabel, pageId: pageOf(b.sectionId), excerpt: excerpt(b.text) };
    }
    const s = tree.get(id);
    if (!s) return null;
    return { id, kind: 'title', label: s.label, shortLabel: s.label, pageId: pageOf(id), excerpt: excerpt(s.title) };
  };
  return {
    block: (id) => blocks.get(id) ?? null,
    section: (id) => tree.get(id),
    summary,
    location,
    allBlocks: () => ordered,
    allSections: () => tree.all(),
  };
}

let cachedText: string | null = null;

/** The shipped corpus text (read once per test file). */
export function corpusText(): string {
  cachedText ??= readFileSync(CORPUS, 'utf8');
  return cachedText;
}

let cached: TestContent | null = null;

/** The content for tests: the real parser's model of the shipped corpus (parsed once per file). */
export function testContent(): TestContent {
  if (cached) return cached;
  const model = parseRecollection(corpusText());
  cached = { model, lookup: lookupFromModel(model) };
  return cached;
}

/** A deep copy of the model with block texts edited (id → new text) and blocks removed. */
export function modifiedContent(
  model: DocumentModel,
  edits: { texts?: Record<string, (old: string) => string>; remove?: string[] },
): ContentLookup {
  const copy = structuredClone(model);
  const remove = new Set(edits.remove ?? []);
  copy.blocks = copy.blocks.filter((b) => !remove.has(b.id));
  for (const b of copy.blocks) {
    const edit = edits.texts?.[b.id];
    if (edit) b.text = edit(b.text);
  }
  return lookupFromModel(copy);
}
