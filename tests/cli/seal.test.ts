/**
 * Sealed files and file kinds on the command line, run for real on temporary
 * data folders: `export --seal` with the passphrase from the environment, a
 * file descriptor or the terminal prompt (never an argument), `import` of the
 * sealed file into another data folder, a wrong passphrase and a missing one
 * refused in one line with nothing imported, and the one-sentence answer for
 * a CSV, a Markdown, HTML or DOCX brief and an unknown file.
 */
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/index';
import { SEAL_PASSPHRASE_ENV } from '../../src/cli/seal-passphrase';
import { unseal } from '../../src/core/exchange/seal';
import { IMPORTABLE } from '../../src/core/exchange/sniff';
import type { NoteEntry } from '../../src/shared/contract/types';
import { CONTENT, cli, cliJson, expectOneLineError, tempDir, type Run } from './run';

const PASS = 'delegation passphrase 2026';
let source: string;
let files: string;
let sealedPath: string;

/** Runs the CLI with a terminal that answers the prompts in order (null: no terminal). */
async function withPrompt(answers: Array<string | null>, dataDir: string, ...argv: string[]) {
  const asked: string[] = [];
  let out = '';
  let err = '';
  const code = await main(
    [...argv, '--data-dir', dataDir, '--content', CONTENT],
    {
      out: (t) => void (out += t),
      err: (t) => void (err += t),
    },
    {
      askHidden: (prompt) => {
        asked.push(prompt);
        return Promise.resolve(answers.shift() ?? null);
      },
    },
  );
  return { run: { code, out, err } satisfies Run, asked };
}

const notes = (dir: string): Promise<NoteEntry[]> => cliJson<NoteEntry[]>(dir, 'notes');
const noPassphrase = (run: Run): void => expect(run.out + run.err).not.toContain(PASS);

beforeAll(async () => {
  source = tempDir();
  files = tempDir();
  const done = await cli(
    source,
    'annotate',
    'c2.f2.po.1',
    '--note',
    'Our red line on return',
    '--position',
    'red-line',
  );
  expect(done.code, done.err).toBe(0);
  process.env[SEAL_PASSPHRASE_ENV] = PASS;
  sealedPath = join(files, 'notes.json.recollection');
  const run = await cli(source, 'export', '--format', 'json', '--out', sealedPath, '--seal');
  delete process.env[SEAL_PASSPHRASE_ENV];
  expect(run.code, run.err).toBe(0);
  noPassphrase(run);
}, 60_000);

afterEach(() => {
  delete process.env[SEAL_PASSPHRASE_ENV];
});

describe('export --seal and import of a sealed file', () => {
  it('seals with the passphrase from the environment; imports with it into another data folder', async () => {
    const text = readFileSync(sealedPath, 'utf8');
    expect(text).toMatch(/^Recollection sealed file/);
    expect(text).not.toContain('red line');
    expect((await unseal(text, PASS)).format).toBe('json');
    const target = tempDir();
    process.env[SEAL_PASSPHRASE_ENV] = PASS;
    const run = await cli(target, 'import', sealedPath);
    expect(run.code, run.err).toBe(0);
    expect(run.out).toMatch(/Imported: 1 new/);
    noPassphrase(run);
    expect((await notes(target)).map((n) => n.annotation?.note)).toEqual(['Our red line on return']);
  }, 60_000);

  it('reads the passphrase from a file descriptor', async () => {
    const target = tempDir();
    const secret = join(files, 'pass.txt');
    writeFileSync(secret, `${PASS}\n`, { mode: 0o600 });
    const fd = openSync(secret, 'r');
    try {
      const run = await cli(target, 'import', sealedPath, '--seal-passphrase-fd', String(fd), '--dry-run');
      expect(run.code, run.err).toBe(0);
      expect(run.out).toMatch(/Dry run: nothing was changed/);
    } finally {
      closeSync(fd);
    }
    expect(await notes(target)).toEqual([]);
  }, 60_000);

  it('asks on the terminal: twice to seal (and refuses two different answers), once to open', async () => {
    const out = join(files, 'prompted.md.recollection');
    const mismatch = await withPrompt(
      [PASS, 'something else'],
      source,
      'export',
      '--format',
      'markdown',
      '--out',
      out,
      '--seal',
    );
    expect(expectOneLineError(mismatch.run, 1)).toBe('recollection: the two passphrases differ; nothing was written');
    const sealed = await withPrompt([PASS, PASS], source, 'export', '--format', 'markdown', '--out', out, '--seal');
    expect(sealed.run.code, sealed.run.err).toBe(0);
    expect(sealed.asked).toEqual(['Passphrase to seal the file: ', 'The same passphrase again: ']);
    expect((await unseal(readFileSync(out, 'utf8'), PASS)).format).toBe('markdown');

    const target = tempDir();
    const opened = await withPrompt([PASS], target, 'import', sealedPath, '--json');
    expect(opened.run.code, opened.run.err).toBe(0);
    expect(opened.asked).toEqual(['Passphrase of the sealed file: ']);
    noPassphrase(opened.run);
  }, 90_000);

  it('a wrong passphrase, no passphrase at all, or a passphrase as an argument: one line, nothing imported', async () => {
    const target = tempDir();
    process.env[SEAL_PASSPHRASE_ENV] = 'not the passphrase';
    const wrong = await cli(target, 'import', sealedPath);
    expect(expectOneLineError(wrong, 1)).toBe(
      'recollection: This passphrase does not open this sealed file; nothing was imported.',
    );
    delete process.env[SEAL_PASSPHRASE_ENV];
    const none = await withPrompt([null], target, 'import', sealedPath);
    expect(expectOneLineError(none.run, 1)).toContain(`set ${SEAL_PASSPHRASE_ENV}, or pass --seal-passphrase-fd`);
    expectOneLineError(await cli(target, 'export', '--format', 'json', '--out', 'x', '--seal', PASS), 2);
    expect(await notes(target)).toEqual([]);
  }, 60_000);

  it('a damaged sealed file: one line saying so, nothing imported', async () => {
    const target = tempDir();
    const text = readFileSync(sealedPath, 'utf8');
    const damaged = join(files, 'damaged.recollection');
    writeFileSync(
      damaged,
      text.replace(
        /\n([A-Za-z0-9+/])([A-Za-z0-9+/]{20})/,
        (_, c: string, rest: string) => `\n${c === 'A' ? 'B' : 'A'}${rest}`,
      ),
    );
    process.env[SEAL_PASSPHRASE_ENV] = PASS;
    expect(expectOneLineError(await cli(target, 'import', damaged), 1)).toMatch(
      /^recollection: This sealed file is damaged or was changed after it was sealed/,
    );
    expect(await notes(target)).toEqual([]);
  });
});

describe('import says what a file is', () => {
  it.each([
    ['csv', 'notes.csv is a spreadsheet (CSV) exported by Recollection'],
    ['markdown', 'notes.markdown is a Markdown brief exported by Recollection'],
    ['html', 'notes.html is a printable brief (HTML) exported by Recollection'],
    ['docx', 'notes.docx is a Word document (DOCX)'],
  ])(
    'our %s export',
    async (format, start) => {
      const path = join(files, `notes.${format}`);
      expect((await cli(source, 'export', '--format', format, '--out', path)).code).toBe(0);
      const target = tempDir();
      const line = expectOneLineError(await cli(target, 'import', path), 1);
      expect(line.startsWith(`recollection: ${start}`), line).toBe(true);
      expect(line.endsWith(IMPORTABLE)).toBe(true);
      expect(await notes(target)).toEqual([]);
    },
    60_000,
  );

  it('any CSV and an unknown binary file', async () => {
    const csv = join(files, 'list.csv');
    writeFileSync(csv, 'Name,Position\nA,oppose\nB,support\n');
    expect(expectOneLineError(await cli(tempDir(), 'import', csv), 1)).toBe(
      `recollection: list.csv is a spreadsheet (CSV file); it cannot be imported. ${IMPORTABLE}`,
    );
    const bin = join(files, 'photo.jpg');
    writeFileSync(bin, Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]));
    expect(expectOneLineError(await cli(tempDir(), 'import', bin), 1)).toMatch(
      /^recollection: photo\.jpg is a binary file, not text; it cannot be imported\./,
    );
  });
});
