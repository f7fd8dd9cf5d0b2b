/**
 * Ids and labels: unique, following the scheme of docs/id-scheme.md, and snapshotted so
 * that any id change shows up in review (__snapshots__/ids.txt).
 */
import { describe, expect, it } from 'vitest';
import { corpusText } from '../../../../tests/support/content';
import { parseRecollection } from './index';
import { BLOCK_ID_RE, blockLabels, SECTION_ID_RE, sectionLabel } from './labels';

const source = corpusText();
const model = parseRecollection(source);

describe('ids', () => {
  it('are unique across sections, blocks and footnotes', () => {
    const ids = [
      ...model.sections.map((s) => s.id),
      ...model.blocks.map((b) => b.id),
      ...model.footnotes.map((f) => f.id),
    ];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('match the id scheme', () => {
    expect(model.sections.filter((s) => !SECTION_ID_RE.test(s.id)).map((s) => s.id)).toEqual([]);
    expect(model.blocks.filter((b) => !BLOCK_ID_RE.test(b.id)).map((b) => b.id)).toEqual([]);
    expect(model.footnotes.filter((f) => !/^fn\.[1-9]\d*$/.test(f.id)).map((f) => f.id)).toEqual([]);
  });

  it('nest: a block id starts with its section id, a section id with its parent id', () => {
    const sections = new Map(model.sections.map((s) => [s.id, s]));
    for (const b of model.blocks) {
      expect(sections.has(b.sectionId), b.id).toBe(true);
      const prefix = b.kind === 'quotation' ? 'p3.q' : b.sectionId;
      expect(b.id.startsWith(`${prefix}.`), b.id).toBe(true);
      if (b.parentId !== null) expect(b.id.startsWith(`${b.parentId}.`), b.id).toBe(true);
    }
    for (const s of model.sections) {
      if (s.parentId !== null) {
        expect(sections.has(s.parentId), s.id).toBe(true);
        expect(s.parentId === 'p2' || s.id.startsWith(`${s.parentId}.`), s.id).toBe(true);
      }
    }
  });

  it('number siblings from 1 in order', () => {
    const byParent = new Map<string, number[]>();
    for (const s of model.sections)
      byParent.set(s.parentId ?? '', [...(byParent.get(s.parentId ?? '') ?? []), s.order]);
    for (const orders of byParent.values()) expect(orders).toEqual(orders.map((_, i) => i + 1));
  });

  it('snapshot of every id with its labels', async () => {
    const lines = [
      ...model.sections.map((s) => `${s.id}\t${s.kind}\t${s.label}`),
      ...model.blocks.map((b) => `${b.id}\t${b.kind}\t${b.label}\t${b.shortLabel}`),
      ...model.footnotes.map((f) => `${f.id}\t${f.status}`),
    ];
    await expect(lines.join('\n') + '\n').toMatchFileSnapshot('./__snapshots__/ids.txt');
  });
});

describe('labels', () => {
  it.each([
    ['c2.f3.po.1', 'Cluster 2 (3), Policy option 1', '2.3 PO 1'],
    ['c2.f3.pa.2', 'Cluster 2 (3), Practical action 2', '2.3 PA 2'],
    ['c3.f2.pa.1.4', 'Cluster 3 (2), Practical action 1.4', '3.2 PA 1.4'],
    ['c2.f3.ex.1', 'Cluster 2 (3), Example 1', '2.3 EX 1'],
    ['c2.3', 'Cluster 2, para. 3', '2 ¶3'],
    ['c4.f3.1', 'Cluster 4 (3), para. 1', '4.3 ¶1'],
    ['p1.4', 'Part I, para. 4', 'I ¶4'],
    ['p3.s2.1', 'Part III (2), para. 1', 'III(2) ¶1'],
    ['p3.q.1', 'Part III, quotation 1', 'III Q1'],
    ['front.1', 'Title', 'Title'],
  ])('block %s → "%s" / "%s"', (id, label, shortLabel) => {
    expect(blockLabels(id)).toEqual({ label, shortLabel });
  });

  it.each([
    ['p2', 'Part II'],
    ['c2', 'Cluster 2'],
    ['c2.f3', 'Cluster 2 (3)'],
    ['c2.f3.po', 'Cluster 2 (3), Policy options'],
    ['p3.s2', 'Part III (2)'],
    ['p4', 'Part IV'],
  ])('section %s → "%s"', (id, label) => {
    expect(sectionLabel(id)).toBe(label);
  });

  it('are the labels the model carries', () => {
    for (const b of model.blocks) expect({ label: b.label, shortLabel: b.shortLabel }).toEqual(blockLabels(b.id));
    for (const s of model.sections) expect(s.label).toBe(sectionLabel(s.id));
  });

  it('reject unknown ids', () => {
    expect(() => blockLabels('x.1')).toThrow();
    expect(() => sectionLabel('c9')).toThrow();
  });
});
