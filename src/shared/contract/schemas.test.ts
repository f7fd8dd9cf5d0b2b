/**
 * The shared schemas: the defaults are valid settings, the settings patch and
 * the annotation patch take any subset of their fields and nothing else, and
 * the bounds come from the lists the renderer offers.
 */
import { describe, expect, it } from 'vitest';
import { argSchemas } from './channels';
import { DEFAULT_SETTINGS } from './types';
import { SEARCH_KINDS, SIDE_TABS, TEXT_SIZE, THEMES } from './values';

const settingsPatch = argSchemas['settings.set'];
const update = argSchemas['annotations.update'];
const create = argSchemas['annotations.create'];
const ID = '0b0c7d1e-2a3b-4c5d-8e9f-0a1b2c3d4e5f';

describe('settings schema', () => {
  it('accepts the defaults whole, and each of them alone', () => {
    expect(settingsPatch.parse({ patch: DEFAULT_SETTINGS }).patch).toEqual(DEFAULT_SETTINGS);
    for (const [key, value] of Object.entries(DEFAULT_SETTINGS)) {
      expect(settingsPatch.safeParse({ patch: { [key]: value } }).success, key).toBe(true);
    }
    expect(settingsPatch.safeParse({ patch: {} }).success).toBe(true);
  });

  it('takes every theme, side tab and search kind the renderer offers, and nothing else', () => {
    for (const theme of THEMES) expect(settingsPatch.safeParse({ patch: { theme } }).success).toBe(true);
    for (const sideTab of SIDE_TABS) {
      const panes = { ...DEFAULT_SETTINGS.panes, sideTab };
      expect(settingsPatch.safeParse({ patch: { panes } }).success).toBe(true);
    }
    const kinds = [...SEARCH_KINDS];
    expect(settingsPatch.safeParse({ patch: { searchFilters: { clusters: [], kinds } } }).success).toBe(true);
    expect(settingsPatch.safeParse({ patch: { theme: 'sepia' } }).success).toBe(false);
    // Whose notes search looks in: 'mine' and layer ids, or null (not chosen yet).
    const layer = '0b5e1a4c-8c5a-4d0e-9b1f-2f7a3c9d6e10';
    expect(settingsPatch.safeParse({ patch: { searchLayers: ['mine', layer] } }).success).toBe(true);
    expect(settingsPatch.safeParse({ patch: { searchLayers: null } }).success).toBe(true);
    expect(settingsPatch.safeParse({ patch: { searchLayers: ['theirs'] } }).success).toBe(false);
    expect(settingsPatch.safeParse({ patch: { panes: { ...DEFAULT_SETTINGS.panes, sideTab: 'x' } } }).success).toBe(
      false,
    );
  });

  it('bounds the text size by TEXT_SIZE', () => {
    const ok = (textSize: number): boolean => settingsPatch.safeParse({ patch: { textSize } }).success;
    expect([TEXT_SIZE.min, TEXT_SIZE.default, TEXT_SIZE.max].map(ok)).toEqual([true, true, true]);
    expect([TEXT_SIZE.min - 1, TEXT_SIZE.max + 1, 18.5].map(ok)).toEqual([false, false, false]);
  });

  it('refuses an unknown setting, also inside a group', () => {
    expect(settingsPatch.safeParse({ patch: { fontFamily: 'serif' } }).success).toBe(false);
    expect(settingsPatch.safeParse({ patch: { panes: { ...DEFAULT_SETTINGS.panes, extra: 1 } } }).success).toBe(false);
  });
});

describe('annotation fields', () => {
  it('take any subset as an update patch, and set nothing that was not sent', () => {
    expect(update.parse({ id: ID, patch: {} }).patch).toEqual({});
    expect(update.parse({ id: ID, patch: { color: null } }).patch).toEqual({ color: null });
    expect(update.parse({ id: ID, patch: { tags: [' a '] } }).patch).toEqual({ tags: ['a'] });
  });

  it('refuse in an update what they refuse in a create', () => {
    for (const bad of [{ color: 'pink' }, { position: 'maybe' }, { note: 1 }, { blockId: 'c1' }, { extra: true }]) {
      expect(update.safeParse({ id: ID, patch: bad }).success, JSON.stringify(bad)).toBe(false);
      if (!('blockId' in bad)) expect(create.safeParse({ blockId: 'c1', ...bad }).success).toBe(false);
    }
  });

  it('are all optional in a create, which needs the block', () => {
    expect(create.safeParse({ blockId: 'c1.f1.po.1' }).success).toBe(true);
    expect(create.safeParse({ note: 'x' }).success).toBe(false);
  });
});
