/**
 * A note with bidirectional controls, imported and printed by the command
 * line: `notes` shows the visible words without any bidi control (a U+202E
 * would reverse what the terminal shows after it, "Trojan Source"), and
 * `notes --json` keeps the note exactly, every bidi control written as a
 * \u escape.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { NoteEntry } from '../../src/shared/contract/types';
import { cli, tempDir } from '../cli/run';

const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const NOTE = [
  'accept \u202Enoitnetni on\u202C the text',
  'isolate \u2067right\u2069 and \u2066left\u2069 \u2068first\u2069',
  'embed \u202Aleft\u202C \u202Bright\u202C marks \u200E\u200F\u061C end',
].join('\n');

describe('bidi controls in a note, printed by the command line', () => {
  const data = tempDir();
  const file = join(tempDir(), 'bidi.json');

  beforeAll(async () => {
    writeFileSync(
      file,
      JSON.stringify({
        type: 'Annotation',
        id: 'urn:uuid:6a7c2f10-4b1d-4e5f-9a3b-2c1d0e9f8a71',
        motivation: 'commenting',
        body: [{ type: 'TextualBody', value: NOTE, purpose: 'commenting' }],
        target: 'recollection://block/c2.f3.po.1',
        created: '2024-05-01T14:03:00Z',
      }),
    );
    expect((await cli(data, 'import', file)).code).toBe(0);
  }, 60_000);

  it('`notes` prints the words without a bidi control', async () => {
    const run = await cli(data, 'notes');
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(BIDI);
    for (const words of ['accept noitnetni on the text', 'isolate right and left first', 'embed left right marks'])
      expect(run.out).toContain(words);
  }, 60_000);

  it('`notes --json` keeps the note exactly, the controls escaped', async () => {
    const run = await cli(data, 'notes', '--json');
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(BIDI);
    expect(run.out).toContain('\\u202e');
    const notes = JSON.parse(run.out) as NoteEntry[];
    expect(notes.map((n) => n.annotation?.note)).toEqual([NOTE]);
  }, 60_000);
});
