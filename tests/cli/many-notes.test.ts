/**
 * `notes` over many notes (100,000, the documented import limit, in the deep
 * suite; 20,000 in the quick one, tests/support/depth.ts): every note is
 * printed, streamed in chunks that wait for stdout to drain, never one spread
 * call (which overflowed the stack) or one joined string.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import type { NoteEntry } from '../../src/shared/contract/types';
import { seedManyNotes, TAG } from '../../scripts/bench/many-notes';
import { byDepth } from '../support/depth';
import { CONTENT, tempDir } from './run';

const COUNT = byDepth(20_000, 100_000);

describe(`notes with ${COUNT.toLocaleString('en')} notes`, () => {
  const dataDir = tempDir();
  const seeded = seedManyNotes({ contentDbPath: CONTENT, dataDir, count: COUNT });

  async function run(...argv: string[]): Promise<{ code: number; writes: string[]; drains: number; err: string }> {
    const writes: string[] = [];
    let drains = 0;
    let err = '';
    const code = await main([...argv, '--data-dir', dataDir, '--content', CONTENT], {
      out: (t) => void writes.push(t),
      err: (t) => void (err += t),
      drain: () => {
        drains++;
        return Promise.resolve();
      },
    });
    return { code, writes, drains, err };
  }

  it('prints every note, a chunk at a time, waiting for stdout between chunks', async () => {
    const { code, writes, drains, err } = await run('notes');
    expect(err).toBe('');
    expect(code).toBe(0);
    const lines = writes.join('').split('\n');
    expect(lines.filter((l) => l.startsWith('note ')).length).toBe(COUNT);
    // Streamed: many writes of bounded size, with a drain wait between them.
    expect(writes.length).toBeGreaterThan(COUNT / 1_000);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(1_000_000);
    expect(drains).toBeGreaterThanOrEqual(writes.length - 1);
  }, 120_000);

  it('streams --json: one valid document, written in many bounded writes, the same text as one JSON.stringify', async () => {
    const { code, writes, drains, err } = await run('notes', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const text = writes.join('');
    const list = JSON.parse(text) as NoteEntry[];
    expect(list).toHaveLength(COUNT);
    expect(new Set(list.map((e) => e.annotation?.id ?? e.bookmark?.id)).size).toBe(COUNT);
    expect(text).toBe(`${JSON.stringify(list, null, 2)}\n`);
    // Never the whole output in one write: many writes of bounded size, with a drain wait between them.
    expect(writes.length).toBeGreaterThan(COUNT / 1_000);
    expect(Math.max(...writes.map((w) => w.length))).toBeLessThan(2_000_000);
    expect(drains).toBeGreaterThanOrEqual(writes.length - 3);
  }, 120_000);

  it('filters them by tag', async () => {
    const { code, writes } = await run('notes', '--tag', TAG);
    expect(code).toBe(0);
    expect(
      writes
        .join('')
        .split('\n')
        .filter((l) => l.startsWith('note ')).length,
    ).toBe(seeded.tagged);
  }, 120_000);
});
