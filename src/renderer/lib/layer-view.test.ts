import { describe, expect, it } from 'vitest';
import type { LayerAnnotation, LayerInfo } from '../../shared/contract/layer-types';
import { differs, layerNoteViews } from './layer-view';

const layer = (id: string, name: string, visible: boolean): LayerInfo => ({
  id,
  authorId: id,
  authorName: name,
  name,
  color: 'teal',
  visible,
  exported: '2026-11-30T10:00:00.000Z',
  added: '2026-11-30T10:00:00.000Z',
  updated: '2026-11-30T10:00:00.000Z',
  source: 'import',
  file: null,
  counts: { annotations: 1, bookmarks: 0, positions: 0 },
  canUndo: false,
  conflict: null,
});

const note = (layerId: string, id: string, anchor: LayerAnnotation['anchor'] = 'attached'): LayerAnnotation => ({
  id,
  layerId,
  blockId: 'c2.f2.po.1',
  note: 'Hold the line',
  color: null,
  tags: [],
  selector: null,
  position: null,
  priority: null,
  anchor,
  created: '2026-11-30T10:00:00.000Z',
  modified: '2026-11-30T10:00:00.000Z',
});

describe('differs', () => {
  const none = { position: null, priority: null };
  it('is no disagreement where the colleague marked nothing', () => {
    expect(differs({ position: 'oppose', priority: 'high' }, null)).toBe(false);
    expect(differs({ position: 'oppose', priority: null }, none)).toBe(false);
  });
  it('is a disagreement where they marked what I have not, or otherwise', () => {
    expect(differs(none, { position: 'support', priority: null })).toBe(true);
    expect(differs({ position: 'oppose', priority: null }, { position: 'red-line', priority: null })).toBe(true);
    expect(differs({ position: 'oppose', priority: 'low' }, { position: 'oppose', priority: 'high' })).toBe(true);
  });
  it('agrees where position and priority are the same, or they gave no priority', () => {
    expect(differs({ position: 'oppose', priority: 'high' }, { position: 'oppose', priority: 'high' })).toBe(false);
    expect(differs({ position: 'oppose', priority: 'high' }, { position: 'oppose', priority: null })).toBe(false);
  });
});

describe('layerNoteViews', () => {
  it('signs each note with its layer and leaves out hidden layers and unattached notes', () => {
    const list = [layer('l1', 'Capital', true), layer('l2', 'Expert A', false)];
    const views = layerNoteViews(
      [note('l1', 'a'), note('l2', 'b'), note('l1', 'c', 'orphan'), note('gone', 'd')],
      list,
    );
    expect(views.map((v) => [v.id, v.layerName, v.layerColor])).toEqual([['a', 'Capital', 'teal']]);
  });
});
