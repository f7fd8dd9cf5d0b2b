/**
 * Test data for the exchange tests: realistic bookmarks and annotations on the
 * real document, wrapped as the user store wraps them (ExportEntry): the real
 * parser's model, the content lookup of tests/support/content.ts (checked
 * against the real content store in tests/core/test-content.test.ts) and the
 * store's own toExportEntries().
 *
 * Constraint: test data lives under tests/ (lint forbids production code to
 * import it); ids, labels and texts come from the parsed document, so a parser
 * change shows up here, not silently.
 */
import type { Annotation, Bookmark, Selector } from '../../src/shared/contract/types';
import type { Block, Section } from '../../src/shared/model';
import type { ExportEntry, ExportOptions } from '../../src/core/exchange/types';
import { toExportEntries } from '../../src/core/user/exchange/entries';
import { testContent } from './content';

const { model, lookup } = testContent();
export { model };

export const block = (id: string): Block => {
  const b = lookup.block(id);
  if (!b) throw new Error(`test data: no block ${id} in the parsed document`);
  return b;
};
export const section = (id: string): Section => {
  const s = lookup.section(id);
  if (!s) throw new Error(`test data: no section ${id} in the parsed document`);
  return s;
};

/** The entry the store gives for a note on `targetId` (a block or a section), or on nothing (orphan). */
function entry(
  note: Pick<ExportEntry, 'type' | 'annotation' | 'bookmark'>,
  targetId: string,
  orphan: boolean,
): ExportEntry {
  const loc = orphan ? null : lookup.location(targetId);
  const target = orphan ? null : lookup.summary(targetId);
  return toExportEntries(
    [{ ...note, target, clusterId: loc?.clusterId ?? null, focusAreaId: loc?.focusAreaId ?? null }],
    lookup,
    null,
  )[0];
}

export const annotationEntry = (a: Annotation, orphan = false): ExportEntry =>
  entry({ type: 'annotation', annotation: a }, a.blockId, orphan);
export const bookmarkEntry = (b: Bookmark, orphan = false): ExportEntry =>
  entry({ type: 'bookmark', bookmark: b }, b.targetId, orphan);

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
  const b = model.blocks.find((x) => lookup.section(x.sectionId)?.kind === 'cluster');
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
