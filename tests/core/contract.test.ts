/**
 * The contract holds: every channel has a schema and a handler, and every
 * handler answers malformed arguments with INVALID_ARGUMENT instead of throwing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS, argSchemas } from '../../src/shared/contract/channels';
import { openTestCore, removeDir, type TestCore } from '../support/core';

let t: TestCore;
beforeAll(() => {
  t = openTestCore();
});
afterAll(() => {
  t.close();
  removeDir(t.dataDir);
});

const NOT_OBJECTS: unknown[] = [undefined, null, 42, 'text', true, [], [{}], () => 1];

describe('contract', () => {
  it('has channel names of the form domain.verb', () => {
    for (const c of CHANNELS) expect(c).toMatch(/^[a-z]+\.[a-z][A-Za-z]*$/);
    expect(CHANNELS.length).toBeGreaterThan(30);
  });

  it('has exactly one handler per channel', () => {
    expect(Object.keys(t.core.handlers).sort()).toEqual([...CHANNELS].sort());
    expect(Object.keys(argSchemas).sort()).toEqual([...CHANNELS].sort());
  });

  it.each(CHANNELS)('%s refuses non-object arguments and unknown keys', async (channel) => {
    for (const bad of NOT_OBJECTS) {
      const r = await t.raw(channel, bad);
      expect(r.ok, `${channel} with ${String(bad)}`).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('INVALID_ARGUMENT');
    }
    const extra = await t.raw(channel, { unexpectedKey: 1 });
    expect(extra.ok).toBe(false);
    if (!extra.ok) {
      expect(extra.error.code).toBe('INVALID_ARGUMENT');
      expect(extra.error.message).toContain(channel);
      expect(extra.error.message).not.toMatch(/\n\s+at /); // no stack trace
    }
  });

  it('refuses an unknown channel', async () => {
    const r = await t.raw('content.dropTables', {});
    expect(r).toEqual({
      ok: false,
      error: { code: 'INVALID_ARGUMENT', message: 'unknown channel: content.dropTables' },
    });
    const proto = await t.raw('__proto__', {});
    expect(proto.ok).toBe(false);
  });

  it('enforces limits: query length, note length, tag count, ids', async () => {
    const long = await t.raw('search.query', { q: 'x'.repeat(501) });
    expect(long.ok).toBe(false);
    const note = await t.raw('annotations.create', { blockId: 'c1.f1.po.1', note: 'x'.repeat(100_001) });
    expect(note.ok).toBe(false);
    const tags = await t.raw('annotations.create', {
      blockId: 'c1.f1.po.1',
      tags: Array.from({ length: 31 }, (_, i) => `t${i}`),
    });
    expect(tags.ok).toBe(false);
    const id = await t.raw('content.block', { id: '../../etc/passwd' });
    expect(id.ok).toBe(false);
    const n = await t.raw('content.footnote', { number: 1.5 });
    expect(n.ok).toBe(false);
  });

  it('answers the shell-only channels with UNAVAILABLE outside the desktop app', async () => {
    for (const [channel, args] of [
      ['app.openExternal', { url: 'https://gfmd.org' }],
      ['export.save', { format: 'json', scope: { kind: 'all' }, includeNotes: true }],
      ['import.open', {}],
    ] as const) {
      const r = await t.raw(channel, args);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('UNAVAILABLE');
    }
  });
});
