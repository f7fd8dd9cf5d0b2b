/**
 * `layers` and `layers notes`: the command line reads the author and the
 * layers stored in the data folder, the same as the app shows them.
 */
import { describe, expect, it } from 'vitest';
import type { Author, LayerInfo, LayerNoteEntry } from '../../src/shared/contract/layer-types';
import { cli, cliJson, core, expectOneLineError, tempDir } from './run';

describe('layers', () => {
  it('lists the author and the layers, and one layer’s notes by name', async () => {
    const a = tempDir();
    const b = tempDir();
    await core('settings.set', { patch: { authorName: 'Capital' } }, a);
    await core('positions.set', { targetId: 'c2.f2.po.1', position: 'red-line' }, a);
    const note = await core('annotations.create', { blockId: 'c2.f2.po.1', note: 'hold the line' }, a);
    const file = await core('export.render', { format: 'json', scope: { kind: 'all' }, includeNotes: true }, a);
    await core('settings.set', { patch: { authorName: 'Expert B' } }, b);
    await core('layers.add', { data: String(file.data) }, b);

    const listed = await cliJson<{ author: Author; layers: LayerInfo[] }>(b, 'layers');
    expect(listed.author.name).toBe('Expert B');
    expect(listed.author.id).toBe((await core('author.get', {}, b)).id);
    expect(listed.layers.map((l) => [l.name, l.counts.annotations, l.counts.positions])).toEqual([['Capital', 1, 1]]);

    const text = await cli(b, 'layers');
    expect(text.code).toBe(0);
    expect(text.out).toMatch(
      new RegExp(`^You: Expert B {2}${listed.author.id}\\n${listed.layers[0].id} {2}Capital {2}\\(`),
    );

    const notes = await cliJson<LayerNoteEntry[]>(b, 'layers', 'notes', 'capital');
    expect(notes.map((n) => [n.annotation?.id, n.layerId])).toEqual([[note.id, listed.layers[0].id]]);
    expect((await cli(b, 'layers', 'notes', listed.layers[0].id)).out).toContain('hold the line');

    expect(expectOneLineError(await cli(b, 'layers', 'notes', 'Nobody'), 1)).toContain('no layer named "Nobody"');
    expectOneLineError(await cli(b, 'layers', 'merge', 'Capital'), 2);
  });
});
