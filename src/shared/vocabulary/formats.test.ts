/** The formats table: one entry per format the contract names, each telling a file apart. */
import { describe, expect, it } from 'vitest';
import { SAVE_FORMATS } from '../contract/values';
import { FORMATS } from './formats';

describe('export formats', () => {
  it('describes every format the contract names, under its own id', () => {
    expect(Object.keys(FORMATS).sort()).toEqual([...SAVE_FORMATS].sort());
    for (const [key, f] of Object.entries(FORMATS)) expect(f.id).toBe(key);
  });

  it('gives each format its own label, extension and media type', () => {
    const all = Object.values(FORMATS);
    for (const field of ['label', 'extension', 'mime', 'description'] as const) {
      const values = all.map((f) => f[field]);
      expect(new Set(values).size, field).toBe(values.length);
    }
    for (const f of all) {
      expect(f.extension).toMatch(/^[a-z]+$/);
      expect(f.mime).toMatch(/^[a-z]+\/[a-z0-9.+-]+(;.*)?$/);
      expect(f.label.trim()).not.toBe('');
    }
  });

  it('declares UTF-8 for every text format', () => {
    for (const f of Object.values(FORMATS)) {
      if (f.mime.startsWith('text/')) expect(f.mime, f.id).toContain('charset=utf-8');
    }
  });
});
