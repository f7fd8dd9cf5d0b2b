/**
 * The anchoring decision on a tiny hand-made document: which occurrence wins,
 * and where the acceptance thresholds (REANCHOR) turn a match into an orphan.
 */
import { describe, expect, it } from 'vitest';
import { lookupFromModel } from '../../../../tests/support/content';
import type { Block, DocumentModel, Section } from '../../../shared/model';
import type { Selector } from '../../../shared/contract/types';
import { anchorAnnotation, REANCHOR } from './reanchor';
import { contextAround } from '../records';

const section = (id: string, kind: Section['kind'], parentId: string | null): Section => ({
  id,
  kind,
  parentId,
  order: 1,
  title: id,
  label: id,
});
const block = (id: string, sectionId: string, seq: number, text: string): Block => ({
  id,
  sectionId,
  parentId: null,
  kind: 'policy-option',
  seq,
  text,
  marks: [],
  footnoteRefs: [],
  label: id,
  shortLabel: id,
});
function doc(blocks: Block[]): DocumentModel {
  const sections = [
    section('p2', 'part', null),
    section('c1', 'cluster', 'p2'),
    section('c1.f1', 'focus-area', 'c1'),
    section('c1.f1.po', 'group', 'c1.f1'),
    section('c1.f2', 'focus-area', 'c1'),
    section('c1.f2.po', 'group', 'c1.f2'),
  ];
  return { meta: { title: '', subtitle: '', place: '', date: '' }, sections, blocks, footnotes: [], crossRefs: [] };
}
function selectorIn(text: string, quote: string, nth = 0): Selector {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(quote, start + 1);
  return { exact: quote, start, end: start + quote.length, ...contextAround(text, start, start + quote.length) };
}

const REPEATED = 'Migrants have rights. Employers have duties. Migrants have rights, said the report.';

describe('anchorAnnotation', () => {
  it('picks the occurrence whose context matches, not just the first', () => {
    const sel = selectorIn(REPEATED, 'Migrants have rights', 1);
    const moved = lookupFromModel(doc([block('c1.f1.po.1', 'c1.f1.po', 1, `Preamble. ${REPEATED}`)]));
    const r = anchorAnnotation({ blockId: 'c1.f1.po.1', selector: sel, sectionId: null, anchor: 'attached' }, moved);
    expect(r.anchor).toBe('reanchored');
    expect(r.selector?.start).toBe(sel.start + 'Preamble. '.length);
  });

  it('without context, picks the occurrence nearest the old offset', () => {
    const sel = { ...selectorIn(REPEATED, 'Migrants have rights', 1), prefix: '', suffix: '' };
    const moved = lookupFromModel(doc([block('c1.f1.po.1', 'c1.f1.po', 1, `X ${REPEATED}`)]));
    const r = anchorAnnotation({ blockId: 'c1.f1.po.1', selector: sel, sectionId: null, anchor: 'attached' }, moved);
    expect(r.selector?.start).toBe(sel.start + 2);
  });

  it('accepts small edits but orphans a quote changed beyond the error ratio', () => {
    const text = 'Adopt rights-based circular or temporary labor migration schemes that ensure decent work.';
    const sel = selectorIn(text, 'circular or temporary labor migration schemes');
    const edit = (t: string) => lookupFromModel(doc([block('c1.f1.po.1', 'c1.f1.po', 1, t)]));
    const small = anchorAnnotation(
      { blockId: 'c1.f1.po.1', selector: sel, sectionId: null, anchor: 'attached' },
      edit(text.replace('labor', 'labour')),
    );
    expect(small).toMatchObject({
      anchor: 'reanchored',
      selector: { exact: 'circular or temporary labour migration schemes' },
    });
    const rewritten = text.replace(
      'circular or temporary labor migration schemes',
      'seasonal work visas for farm workers',
    );
    expect(Math.floor(sel.exact.length * REANCHOR.maxErrorRatio)).toBeLessThan(sel.exact.length);
    expect(
      anchorAnnotation({ blockId: 'c1.f1.po.1', selector: sel, sectionId: null, anchor: 'attached' }, edit(rewritten))
        .anchor,
    ).toBe('orphan');
  });

  it('follows a vanished block only to a neighbour whose context agrees', () => {
    const original = 'Strengthen regional processes and platforms to ensure effective sharing of information.';
    const sel = selectorIn(original, 'effective sharing of information');
    const withSibling = lookupFromModel(doc([block('c1.f1.po.2', 'c1.f1.po', 2, original)]));
    expect(
      anchorAnnotation(
        { blockId: 'c1.f1.po.1', selector: sel, sectionId: 'c1.f1.po', anchor: 'attached' },
        withSibling,
      ),
    ).toMatchObject({
      anchor: 'reanchored',
      blockId: 'c1.f1.po.2',
    });
    // The same words in a different sentence: context disagrees, so no move.
    const unrelated = lookupFromModel(
      doc([
        block(
          'c1.f1.po.2',
          'c1.f1.po',
          2,
          'Nothing here but effective sharing of information between ministries, as agreed in the annex.',
        ),
      ]),
    );
    expect(
      anchorAnnotation({ blockId: 'c1.f1.po.1', selector: sel, sectionId: 'c1.f1.po', anchor: 'attached' }, unrelated)
        .anchor,
    ).toBe('orphan');
    // Never into another focus area.
    const elsewhere = lookupFromModel(doc([block('c1.f2.po.1', 'c1.f2.po', 2, original)]));
    expect(
      anchorAnnotation({ blockId: 'c1.f1.po.1', selector: sel, sectionId: 'c1.f1.po', anchor: 'attached' }, elsewhere)
        .anchor,
    ).toBe('orphan');
  });

  it('derives the section from the id when the record has none', () => {
    const original = 'Promote regular immigration as part of a broader solution to demographic challenges.';
    const sel = selectorIn(original, 'broader solution to demographic challenges');
    const content = lookupFromModel(doc([block('c1.f1.po.7', 'c1.f1.po', 7, original)]));
    expect(
      anchorAnnotation({ blockId: 'c1.f1.po.3', selector: sel, sectionId: null, anchor: 'attached' }, content).blockId,
    ).toBe('c1.f1.po.7');
  });
});
