/**
 * bookmark, annotate, notes — run for real on a fresh notes database; quotes
 * are anchored at their first occurrence in the block's text, and a quote
 * that is not there creates nothing.
 */
import { describe, expect, it } from 'vitest';
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
