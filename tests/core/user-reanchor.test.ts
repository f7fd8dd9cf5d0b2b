/**
 * Re-anchoring on a MODIFIED COPY of the real content (block texts edited,
 * blocks removed), run by UserStore.open when the content's build differs:
 * exact, moved, edited (fuzzy), renumbered block, and orphans (quote gone,
 * block gone) — never dropped, never silently moved.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ContentLookup } from '../../src/core/content/lookup';
import type { UserStore } from '../../src/core/user/store';
import type { Annotation } from '../../src/shared/contract/types';
import { modifiedContent, testContent } from '../support/content';
import { TestUser } from '../support/user';

const { model, lookup } = testContent();
const text = (id: string): string => lookup.block(id)?.text ?? '';
const INSERTED = 'A sentence added by the new edition of the document. ';

function sel(blockId: string, quote: string) {
  const start = text(blockId).indexOf(quote);
  if (start < 0) throw new Error(`test setup: "${quote}" not in ${blockId}`);
  return { exact: quote, prefix: '', suffix: '', start, end: start + quote.length };
}

let user: TestUser;
const open = (content: ContentLookup): UserStore => user.open(content);

beforeEach(() => {
  user = new TestUser('2025-05-01T12:00:00Z');
});
afterEach(() => user.remove());

describe('re-anchoring after a content change', () => {
  it('attaches, moves, fuzzily re-finds or orphans each annotation, and keeps them all', () => {
    const store = open(lookup);
    const q = {
      exact: 'access to justice',
      moved: 'portability of work authorizations',
      edited: 'dissemination of lessons learned from existing codes of conduct',
      gone: 'licensing and certification systems',
      blockGone: 'high standards of practice',
      renumbered: 'fair recruitment initiatives',
    };
    const make = (blockId: string, quote: string | null, note: string): Annotation =>
      store.createAnnotation({ blockId, selector: quote ? sel(blockId, quote) : null, note, tags: ['kept'] });
    const exact = make('c2.f2.po.1', q.exact, 'exact');
    const moved = make('c2.f2.pa.2', q.moved, 'moved');
    const edited = make('c2.f2.pa.1', q.edited, 'edited');
    const gone = make('c2.f2.pa.3', q.gone, 'quote gone');
    const blockGone = make('c2.f2.ex.1', q.blockGone, 'block gone');
    const wholeGone = make('c2.f2.ex.1', null, 'whole block gone');
    const renumbered = make('c2.f2.po.3', q.renumbered, 'renumbered');
    const wholeKept = make('c2.f2.po.1', null, 'whole block kept');
    store.close();

    const changed = modifiedContent(model, {
      texts: {
        'c2.f2.pa.2': (t) => INSERTED + t,
        'c2.f2.pa.1': (t) => t.replace('lessons learned from existing', 'lessons learnt from the existing'),
        'c2.f2.pa.3': () => 'Promote bilateral labour agreements that protect migrant workers.',
        // po.3 is renumbered: its text now sits in po.2 (po.2's own text dropped from this edition).
        'c2.f2.po.2': () => text('c2.f2.po.3'),
      },
      remove: ['c2.f2.ex.1', 'c2.f2.po.3'],
    });
    const after = open(changed);
    const listed = after.listAnnotations();
    try {
      const byId = new Map(after.listAnnotations().map((a) => [a.id, a]));
      expect(byId.size).toBe(8); // nothing dropped
      const states = [...byId.values()].map((a) => a.anchor);
      expect(['attached', 'reanchored', 'orphan'].map((s) => states.filter((x) => x === s).length)).toEqual([2, 3, 3]);
      for (const a of byId.values()) expect(a.tags).toEqual(['kept']);

      expect(byId.get(exact.id)).toMatchObject({ anchor: 'attached', blockId: 'c2.f2.po.1', selector: exact.selector });
      expect(byId.get(wholeKept.id)).toMatchObject({ anchor: 'attached', selector: null });

      const m = byId.get(moved.id);
      expect(m?.anchor).toBe('reanchored');
      expect(m?.selector?.start).toBe((moved.selector?.start ?? 0) + INSERTED.length);
      expect(m?.selector?.exact).toBe(q.moved);

      const e = byId.get(edited.id);
      expect(e?.anchor).toBe('reanchored');
      expect(e?.selector?.exact).toBe('dissemination of lessons learnt from the existing codes of conduct');
      const ePA1 = changed.block('c2.f2.pa.1')?.text ?? '';
      expect(ePA1.slice(e?.selector?.start, e?.selector?.end)).toBe(e?.selector?.exact);

      const r = byId.get(renumbered.id);
      expect(r).toMatchObject({ anchor: 'reanchored', blockId: 'c2.f2.po.2' });
      expect(r?.selector?.exact).toBe(q.renumbered);

      // Orphans keep their block id, quote and note: shown as unattached, never moved.
      expect(byId.get(gone.id)).toMatchObject({
        anchor: 'orphan',
        blockId: 'c2.f2.pa.3',
        selector: gone.selector,
        note: 'quote gone',
      });
      expect(byId.get(blockGone.id)).toMatchObject({
        anchor: 'orphan',
        blockId: 'c2.f2.ex.1',
        selector: blockGone.selector,
      });
      expect(byId.get(wholeGone.id)).toMatchObject({ anchor: 'orphan', blockId: 'c2.f2.ex.1', selector: null });

      expect(
        after
          .listAnnotations({ anchor: ['orphan'] })
          .map((a) => a.note)
          .sort(),
      ).toEqual(['block gone', 'quote gone', 'whole block gone']);
      const unattached = after.notes({ anchor: ['orphan'] });
      expect(unattached.every((n) => n.target === null && n.clusterId === null)).toBe(true);
      // Unattached notes sort after everything attached.
      expect(
        after
          .notes()
          .slice(-3)
          .map((n) => n.annotation?.anchor),
      ).toEqual(['orphan', 'orphan', 'orphan']);
    } finally {
      after.close();
    }

    // Same content again: no pass, nothing changes.
    const same = open(changed);
    expect(same.listAnnotations()).toEqual(listed);
    same.close();

    // Back to the original edition: the orphan whose quote returns is re-attached; nothing is lost.
    const back = open(lookup);
    try {
      const again = new Map(back.listAnnotations().map((a) => [a.id, a]));
      expect(again.get(gone.id)?.anchor).toBe('attached');
      expect(again.get(wholeGone.id)?.anchor).toBe('attached');
      expect(again.size).toBe(8);
    } finally {
      back.close();
    }
  });

  it('re-anchors annotations in the trash too, so a restore lands in the right place', () => {
    const store = open(lookup);
    const a = store.createAnnotation({
      blockId: 'c2.f2.pa.2',
      selector: sel('c2.f2.pa.2', 'minimal administrative processes'),
    });
    store.removeAnnotation({ id: a.id });
    store.close();
    const after = open(modifiedContent(model, { texts: { 'c2.f2.pa.2': (t) => INSERTED + t } }));
    try {
      after.restoreFromTrash({ id: a.id });
      const restored = after.listAnnotations()[0];
      expect(restored?.anchor).toBe('reanchored');
      // The quote occurs twice in the block: the occurrence nearest the old offset is chosen.
      expect(restored?.selector?.start).toBe((a.selector?.start ?? 0) + INSERTED.length);
    } finally {
      after.close();
    }
  });
});
