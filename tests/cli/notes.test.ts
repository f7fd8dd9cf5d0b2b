/**
 * bookmark, annotate, notes — run for real on a fresh notes database; quotes
 * are anchored at their first occurrence in the block's text, and a quote
 * that is not there creates nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, Bookmark, NoteEntry } from '../../src/shared/contract/types';
import { cli, cliJson, core, expectOneLineError, tempDir } from './run';

describe('bookmark', () => {
  const data = tempDir();

  it('adds, lists and removes by target id or by bookmark id', async () => {
    const first = await cliJson<Bookmark>(data, 'bookmark', 'add', 'c2.f3.po.1', '--label', 'skills passports');
    expect(first).toMatchObject({ targetId: 'c2.f3.po.1', label: 'skills passports' });
    const second = await cliJson<Bookmark>(data, 'bookmark', 'add', 'c2.f3');
    const listed = await cliJson<Bookmark[]>(data, 'bookmark', 'list');
    expect(listed.map((b) => b.id).sort()).toEqual([first.id, second.id].sort());

    expect(await cliJson<{ removed: string[] }>(data, 'bookmark', 'remove', 'c2.f3')).toEqual({ removed: [second.id] });
    expect(expectOneLineError(await cli(data, 'bookmark', 'remove', 'c2.f3'), 1)).toContain('no bookmark on "c2.f3"');
    expect(await cliJson<{ removed: string[] }>(data, 'bookmark', 'remove', first.id)).toEqual({ removed: [first.id] });
    expect(await cliJson<Bookmark[]>(data, 'bookmark', 'list')).toEqual([]);
  });

  it('prints what it did', async () => {
    const run = await cli(data, 'bookmark', 'add', 'c1.f1', '--label', 'rights');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^Added bookmark [0-9a-f-]{36} {2}rights {2}\(c1\.f1\)\n$/);
  });

  it('refuses an unknown target, an unknown action and a misplaced --label', async () => {
    expectOneLineError(await cli(data, 'bookmark', 'add', 'c9.f9'), 1);
    expectOneLineError(await cli(data, 'bookmark', 'move', 'c1.f1'), 2);
    expectOneLineError(await cli(data, 'bookmark', 'remove', 'c1.f1', '--label', 'x'), 2);
    expectOneLineError(await cli(data, 'bookmark', 'add'), 2);
  });
});

describe('annotate', () => {
  it('anchors a quote at its first occurrence, with the block text around it', async () => {
    const data = tempDir();
    // A block in which a word occurs twice, found in the content rather than assumed.
    const blocks = (await core('content.section', { id: 'c2.f3' })).blocks;
    const word = 'skills';
    const block = blocks.find((b) => b.text.indexOf(word) !== b.text.lastIndexOf(word))!;
    expect(block).toBeDefined();
    const start = block.text.indexOf(word);

    const made = await cliJson<Annotation>(
      data,
      'annotate',
      block.id,
      '--quote',
      word,
      '--note',
      'Ask the capital',
      '--tag',
      'labour',
      '--tag',
      'skills',
      '--color',
      'yellow',
      '--position',
      'support',
      '--priority',
      'high',
    );
    expect(made.selector).toEqual({
      exact: word,
      start,
      end: start + word.length,
      prefix: block.text.slice(Math.max(0, start - 32), start),
      suffix: block.text.slice(start + word.length, start + word.length + 32),
    });
    expect(made).toMatchObject({
      blockId: block.id,
      note: 'Ask the capital',
      tags: ['labour', 'skills'],
      color: 'yellow',
      position: 'support',
      priority: 'high',
      anchor: 'attached',
    });

    const listed = await cliJson<NoteEntry[]>(data, 'notes');
    expect(listed.map((e) => e.annotation?.id)).toContain(made.id);
  });

  it('notes a whole block without --quote', async () => {
    const data = tempDir();
    const made = await cliJson<Annotation>(data, 'annotate', 'c1.f1.po.1', '--note', 'whole block');
    expect(made.selector).toBeNull();
    expect(made.note).toBe('whole block');
  });

  it('creates nothing when the quote is not in the block', async () => {
    const data = tempDir();
    const line = expectOneLineError(await cli(data, 'annotate', 'c2.f3.po.1', '--quote', 'no such words here'), 1);
    expect(line).toBe('recollection: the quote does not occur in c2.f3.po.1');
    expect(await cliJson<NoteEntry[]>(data, 'notes')).toEqual([]);
  });

  it('refuses wrong values before touching the notes', async () => {
    const data = tempDir();
    expect(expectOneLineError(await cli(data, 'annotate', 'c2.f3.po.1', '--color', 'pink'), 2)).toContain(
      'yellow, green, blue, red, purple',
    );
    expectOneLineError(await cli(data, 'annotate', 'c2.f3.po.1', '--position', 'maybe'), 2);
    expectOneLineError(await cli(data, 'annotate', 'c2.f3.po.1', '--color', 'red', '--color', 'blue'), 2);
    expectOneLineError(await cli(data, 'annotate', 'c9.f9.po.9', '--note', 'x'), 1);
    expect(await cliJson<NoteEntry[]>(data, 'notes')).toEqual([]);
  });
});

describe('notes', () => {
  it('filters by tag, colour and position, and prints each note with its place', async () => {
    const data = tempDir();
    const a = await cliJson<Annotation>(
      data,
      'annotate',
      'c2.f3.po.1',
      '--tag',
      'skills',
      '--color',
      'green',
      '--note',
      'first',
    );
    const b = await cliJson<Annotation>(
      data,
      'annotate',
      'c2.f3.po.2',
      '--tag',
      'return',
      '--position',
      'oppose',
      '--note',
      'second',
    );
    const ids = async (...filter: string[]) =>
      (await cliJson<NoteEntry[]>(data, 'notes', ...filter)).map((e) => e.annotation?.id);
    expect(await ids('--tag', 'skills')).toEqual([a.id]);
    expect(await ids('--color', 'green')).toEqual([a.id]);
    expect(await ids('--position', 'oppose')).toEqual([b.id]);
    expect((await ids()).sort()).toEqual([a.id, b.id].sort());

    const run = await cli(data, 'notes', '--tag', 'return');
    expect(run.code).toBe(0);
    const summary = (await core('content.block', { id: 'c2.f3.po.2' })).block.label;
    expect(run.out).toContain(`note ${b.id}  ${summary} (c2.f3.po.2)`);
    expect(run.out).toContain('second');
    expect(run.out).not.toContain('first');
  });

  it('says so when nothing matches', async () => {
    const run = await cli(tempDir(), 'notes', '--tag', 'nothing');
    expect(run).toEqual({ code: 0, out: 'No notes or bookmarks match.\n', err: '' });
  });
});

describe('terminal escapes in imported notes', () => {
  const ESC = '\u001b';
  const BEL = '\u0007';
  const hostile = [
    `${ESC}]0;pwned title${BEL}Retitled`,
    `${ESC}[2J${ESC}[3J${ESC}[HCleared`,
    `${ESC}]8;;https://evil.example/${ESC}\\hidden link${ESC}]8;;${ESC}\\`,
    `${ESC}]52;c;Y3VybCBldmlsIHwgc2g=${BEL}clipboard`,
    '\u009b2J\u009d0;eight-bit\u009cC1',
    'bell\u0007 back\bspace\rreturn\u007f del',
  ].join('\n');
  const data = tempDir();
  const file = join(tempDir(), 'hostile.json');
  const id = '3f0c9a51-0d1e-4a59-9c1a-1f6f2c0e8b77';

  beforeAll(async () => {
    writeFileSync(
      file,
      JSON.stringify({
        type: 'Annotation',
        id: `urn:uuid:${id}`,
        motivation: ['commenting', 'tagging'],
        body: [
          { type: 'TextualBody', value: hostile, purpose: 'commenting' },
          { type: 'TextualBody', value: `red${BEL}`, purpose: 'tagging' },
        ],
        target: 'recollection://block/c2.f3.po.1',
        created: '2024-05-01T14:03:00Z',
      }),
    );
    expect((await cli(data, 'import', file)).code).toBe(0);
  });

  // C0 but tab and line feed, DEL, C1.
  // eslint-disable-next-line no-control-regex
  const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

  it('`notes` prints the text without a single control character, the visible words kept', async () => {
    const run = await cli(data, 'notes');
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(CONTROL);
    for (const word of ['Retitled', 'Cleared', 'hidden link', 'clipboard', 'C1', 'bell', 'return', ' del', '#red'])
      expect(run.out).toContain(word);
    // The sequences' arguments go with them: no title, URL or clipboard payload shows.
    for (const gone of ['pwned title', 'evil.example', 'Y3VybCBldmlsIHwgc2g=', 'eight-bit', '[2J', '[3J'])
      expect(run.out).not.toContain(gone);
  });

  it('--json keeps the note exactly, with every control character escaped', async () => {
    const run = await cli(data, 'notes', '--json');
    expect(run.code).toBe(0);
    expect(run.out).not.toMatch(CONTROL);
    const notes = JSON.parse(run.out) as NoteEntry[];
    expect(notes.map((n) => n.annotation?.note)).toEqual([hostile]);
  });

  it('an error message quoting a hostile value carries no control character', async () => {
    const run = await cli(data, 'show', `c1${ESC}]0;x${BEL}\u009b2J`);
    expect(run.code).not.toBe(0);
    expect(run.err).not.toMatch(CONTROL);
  });
});

describe('notes in words', () => {
  it('prints labels and position names, the note as plain text; --json keeps the codes', async () => {
    const data = tempDir();
    expect((await cli(data, 'bookmark', 'add', 'c2.f2.po.1')).code).toBe(0);
    const set = await cli(data, 'annotate', 'c2.f2.po.1', '--position', 'ask-capital', '--priority', 'high');
    expect(set.out).toBe('Position on c2.f2.po.1: Ask capital, High priority\n');
    const note = '**Labour inspection** first:\n\n- check *fees*\n- see [ILO](https://www.ilo.org)';
    expect((await cli(data, 'annotate', 'c2.f2.po.1', '--note', note, '--color', 'yellow')).code).toBe(0);
    const run = await cli(data, 'notes');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/^bookmark [0-9a-f-]{36} {2}Cluster 2 \(2\), Policy option 1 {2}\(c2\.f2\.po\.1\)$/m);
    expect(run.out).toContain('Cluster 2 (2), Policy option 1 (c2.f2.po.1)  Ask capital · High priority · Yellow');
    expect(run.out).toContain('    Labour inspection first:\n    - check fees\n    - see ILO (https://www.ilo.org)');
    expect(run.out).not.toMatch(/ask-capital|\*|c2\.f2\.po\.1 \(c2\.f2\.po\.1\)/);
    const json = await cliJson<NoteEntry[]>(data, 'notes');
    expect(json.map((e) => e.annotation?.position ?? null)).toContain('ask-capital');
    expect(json.find((e) => e.annotation)?.annotation?.note).toBe(note);
  });
});
