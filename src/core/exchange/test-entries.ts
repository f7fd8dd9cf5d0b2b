/**
 * Test data for the exchange tests: realistic bookmarks and annotations on the
 * real document, built from the real parser's output (not a hand-made fixture),
 * wrapped as the user store wraps them (ExportEntry).
 *
 * Constraint: test-only (imported by *.test.ts alone); ids, labels and texts
 * come from the parsed document, so a parser change shows up here, not silently.
 */
import { readFileSync } from 'node:fs';
import type { Annotation, Bookmark, BlockSummary, Selector } from '../../shared/contract/types';
import type { Block, DocumentModel, Section } from '../../shared/model';
import { parseRecollection } from '../content/parse/index';
import type { ExportEntry, ExportOptions } from './types';

const SOURCE = new URL('../../../resources/gfmd-thematic-recollection-2007-2017.txt', import.meta.url);
export const model: DocumentModel = parseRecollection(readFileSync(SOURCE, 'utf8'));

const sections = new Map(model.sections.map((s) => [s.id, s]));
const blocks = new Map(model.blocks.map((b) => [b.id, b]));

export const block = (id: string): Block => {
  const b = blocks.get(id);
  if (!b) throw new Error(`test data: no block ${id} in the parsed document`);
  return b;
};
export const section = (id: string): Section => {
  const s = sections.get(id);
  if (!s) throw new Error(`test data: no section ${id} in the parsed document`);
  return s;
};

function ancestors(sectionId: string): Section[] {
  const out: Section[] = [];
  for (let s = sections.get(sectionId); s; s = s.parentId ? sections.get(s.parentId) : undefined) out.push(s);
  return out;
}

/** Where a block or section sits, as the content lookup would say. */
function place(id: string): Omit<ExportEntry, 'type' | 'bookmark' | 'annotation'> {
  const b = blocks.get(id) ?? null;
  const s = sections.get(id) ?? null;
  const chain = ancestors(b ? b.sectionId : id);
  const page = chain.find((x) => x.kind !== 'group');
  const cluster = chain.find((x) => x.kind === 'cluster') ?? null;
  const area = chain.find((x) => x.kind === 'focus-area') ?? null;
  const target: BlockSummary | null =
    b || s
      ? {
          id,
          kind: b ? b.kind : 'paragraph',
          label: b ? b.label : s!.label,
          shortLabel: b ? b.shortLabel : s!.label,
          pageId: page?.id ?? id,
          excerpt: b ? b.text.slice(0, 200) : s!.title,
        }
      : null;
  return {
    target,
    block: b,
    clusterId: cluster?.id ?? null,
    focusAreaId: area?.id ?? null,
    clusterTitle: cluster ? `${cluster.label}: ${cluster.title}` : null,
    focusAreaTitle: area ? `${area.label} ${area.title}` : null,
  };
}

/** An orphan: its block is not in the document (any more). */
const nowhere = {
  target: null,
  block: null,
  clusterId: null,
  focusAreaId: null,
  clusterTitle: null,
  focusAreaTitle: null,
};

export const annotationEntry = (a: Annotation, orphan = false): ExportEntry => ({
  type: 'annotation',
  annotation: a,
  ...(orphan ? nowhere : place(a.blockId)),
});
export const bookmarkEntry = (b: Bookmark, orphan = false): ExportEntry => ({
  type: 'bookmark',
  bookmark: b,
  ...(orphan ? nowhere : place(b.targetId)),
});

/** A selector on the first occurrence of `exact` in the block, with 32 characters of context. */
export function selectorOn(blockId: string, exact: string): Selector {
  const text = block(blockId).text;
  const start = text.indexOf(exact);
  if (start < 0) throw new Error(`test data: "${exact}" not in ${blockId}`);
  const end = start + exact.length;
  return { exact, prefix: text.slice(Math.max(0, start - 32), start), suffix: text.slice(end, end + 32), start, end };
}

let counter = 0;
/** A fresh, valid, distinct UUID (v4 layout) for each record. */
export const uuid = (): string =>
  `0b6f${(++counter).toString(16).padStart(4, '0')}-9c1e-4d2a-8f3b-5a7c6e${(counter * 7919).toString(16).padStart(6, '0').slice(-6)}`;

const T0 = Date.UTC(2025, 2, 10, 9, 30);
const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

export function annotation(blockId: string, fields: Partial<Omit<Annotation, 'id' | 'blockId'>> = {}): Annotation {
  return {
    id: uuid(),
    blockId,
    selector: null,
    note: '',
    color: null,
    tags: [],
    position: null,
    priority: null,
    anchor: 'attached',
    created: at(counter),
    modified: at(counter + 45),
    ...fields,
  };
}

export function bookmark(targetId: string, label: string): Bookmark {
  return { id: uuid(), targetId, label, created: at(counter), modified: at(counter + 5) };
}

export const OPTIONS: ExportOptions = {
  includeNotes: true,
  generated: '2025-03-12T16:45:00.000Z',
  documentTitle: model.meta.title,
  contentBuildId: 'b1d-2025-03-01',
};

/** The first block that sits directly in a cluster (its introduction), not in a focus area. */
export const clusterIntroBlock = (): Block => {
  const b = model.blocks.find((x) => sections.get(x.sectionId)?.kind === 'cluster');
  if (!b) throw new Error('test data: no cluster introduction block');
  return b;
};

/**
 * A delegate's notes, in the order the store lists them (document order, orphans last):
 * every kind of record, field and placement the exporters must handle. Positions and
 * priorities only on policy options and practical actions, as the store allows.
 */
export function realisticEntries(): ExportEntry[] {
  const intro = clusterIntroBlock();
  return [
    annotationEntry(
      annotation('c1.f1.po.1', {
        note: 'Our delegation: **core** paragraph.\nKeep "regardless of status".',
        color: 'green',
      }),
    ),
    annotationEntry(annotation(intro.id, { color: 'purple', tags: ['context'] })),
    annotationEntry(
      annotation('c2.f2.po.1', {
        selector: selectorOn('c2.f2.po.1', 'gender-sensitive labor migration policies'),
        note: 'Capital says: "support, but add ILO C189".\nSecond line, with a comma.\n\n- check with labour ministry\n- *then* reply',
        color: 'yellow',
        tags: ['recruitment', 'ILO'],
        position: 'support-with-amendments',
        priority: 'high',
      }),
    ),
    bookmarkEntry(bookmark('c2.f2.po.2', 'Passport retention: compare with 2016 text')),
    annotationEntry(annotation('c2.f2.pa.1', { position: 'red-line', priority: 'medium' })),
    annotationEntry(
      annotation('c2.f2.pa.2', {
        selector: selectorOn('c2.f2.pa.2', 'portability of work authorizations'),
        color: 'blue',
      }),
    ),
    bookmarkEntry(bookmark('c3.f2', 'Fact-based governance (whole focus area)')),
    annotationEntry(annotation('p3.q.1', { note: 'Sutherland: quote in opening statement.', tags: ['speech'] })),
    annotationEntry(
      annotation('c9.f1.po.4', {
        selector: { exact: 'a sentence removed in a later edition', prefix: 'Ensure ', suffix: '.', start: 7, end: 44 },
        note: 'Was important in round 2.',
        anchor: 'orphan',
        priority: 'low',
      }),
      true,
    ),
    bookmarkEntry(bookmark('c8.f3', 'Old bookmark'), true),
  ];
}
