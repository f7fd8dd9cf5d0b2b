/**
 * Tags are normalised wherever they come in (create, update, import): Unicode
 * NFC, zero-width characters, bidirectional controls and control characters
 * removed, trimmed, so tags that look the same are the same tag and none
 * shows reversed.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openTestCore, removeDir } from '../support/core';

const t = openTestCore(mkdtempSync(join(tmpdir(), 'recollection-tags-')));
afterAll(() => {
  t.close();
  removeDir(t.dataDir);
});

const HOSTILE = [
  '\u202Egpj.exe', // right-to-left override: shows as "exe.jpg"
  'a\u200Bb', // zero-width space: looks like "ab"
  'ab',
  'Cafe\u0301', // e + combining acute: NFC "Café"
  'Café',
  '\u2067isolate\u2069 \u200Eleft',
  ' \uFEFFpadded\u00AD ',
  'bell\u0007\u001b',
];
const EXPECTED = ['gpj.exe', 'ab', 'Café', 'isolate left', 'padded', 'bell'];

describe('tag normalisation', () => {
  it('on create and on update', async () => {
    const a = await t.value('annotations.create', { blockId: 'c2.f2.po.1', tags: HOSTILE });
    expect(a.tags).toEqual(EXPECTED);
    const b = await t.value('annotations.update', { id: a.id, patch: { tags: ['x\u202E', ...HOSTILE] } });
    expect(b.tags).toEqual(['x', ...EXPECTED]);
    expect((await t.value('annotations.list', {})).find((n) => n.id === a.id)?.tags).toEqual(['x', ...EXPECTED]);
  });

  it('on import', async () => {
    const file = {
      type: 'Annotation',
      id: 'urn:uuid:5a7c1c1e-8f0e-4c3b-9a57-1d2f3e4a5b6c',
      motivation: 'tagging',
      body: HOSTILE.map((value) => ({ type: 'TextualBody', value, purpose: 'tagging' })),
      target: 'recollection://block/c2.f2.po.2',
      created: '2025-01-01T00:00:00Z',
    };
    await t.value('import.apply', { data: JSON.stringify(file) });
    const imported = (await t.value('annotations.list', {})).find((n) => n.blockId === 'c2.f2.po.2');
    expect(imported?.tags).toEqual(EXPECTED);
  });
});
