/**
 * The command line's standard output (src/cli/stdout.ts), written to file
 * descriptor 1 without a stream: everything arrives, in order, whatever the
 * pipe's reader does; a reader that stops early (`| head`) ends the output
 * without an error.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const STDOUT = fileURLToPath(new URL('../../src/cli/stdout.ts', import.meta.url));

/** A child that writes `lines` numbered lines through writeOut, in chunks, then exits 0. */
const script = (lines: number): string =>
  [
    `const { writeOut, drainOut } = await import(${JSON.stringify(STDOUT)});`,
    `for (let i = 0; i < ${lines}; i += 1000) {`,
    "  writeOut(Array.from({ length: 1000 }, (_, k) => `line ${i + k} ${'x'.repeat(60)}\\n`).join(''));",
    '  await drainOut();',
    '}',
  ].join('\n');

const args = (lines: number): string[] => ['--import', 'tsx', '--input-type=module', '-e', script(lines)];

describe('standard output without a stream', () => {
  it('delivers megabytes through a pipe whole and in order', () => {
    const r = spawnSync(process.execPath, args(60_000), { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(60_000);
    expect(lines.every((l, i) => l.startsWith(`line ${i} `))).toBe(true);
  });

  it('stops quietly when the reader goes away', async () => {
    const child = spawn(process.execPath, args(200_000), { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    await new Promise<void>((done) => child.stdout.once('data', () => done()));
    child.stdout.destroy();
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(err).toBe('');
    expect(code).toBe(0);
  });
});
