/**
 * Sealed exports and import that names what a file is, through the channels
 * on the real core (real content database, real SQLite user database):
 * every export format sealed holds exactly the bytes of the same export
 * unsealed; a sealed JSON export imports back with its passphrase; a sealed
 * file without a passphrase, with a wrong one, or changed (header, payload,
 * cut short) is refused with its own code and sentence, and the notes are
 * exactly as before; CSV, Markdown, HTML and DOCX exports and unknown files
 * get one sentence naming what they are, never a JSON parse position. Files
 * sealed by the reference age tool (`age -p`, armored and binary, the
 * passphrase typed at its terminal prompt through `expect`) import too.
 */
import type * as NodeCrypto from 'node:crypto';
import type * as Builtins from '../../src/core/base/builtins';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { armor } from 'age-encryption';
import { CONTENT_DB_PATH } from '../../src/core/content-build/ensure';
import { dispatch } from '../../src/core/dispatch';
import { unseal } from '../../src/core/exchange/seal';
import { IMPORTABLE } from '../../src/core/exchange/sniff';
import { readImportFile } from '../../src/core/exchange/import-file';
import { openCore, type Core } from '../../src/core/open';
import type { Args, Channel, ResultOf } from '../../src/shared/contract/channels';
import type { Result } from '../../src/shared/contract/result';
import { EXPORT_FORMATS, type ExportFile } from '../../src/shared/contract/types';
import { removeDir } from '../support/core';

// The exporters draw fresh ids (the JSON collection's urn:uuid, the DOCX relationship ids): made
// repeatable here, reset before each render, so two renders of the same notes are the same bytes.
let counter = 0;
vi.mock('node:crypto', async (original) => {
  const actual = await original<typeof NodeCrypto>();
  const fake = (): `${string}-${string}-${string}-${string}-${string}` =>
    `00000000-0000-4000-8000-${(counter++).toString(16).padStart(12, '0')}`;
  return { ...actual, default: { ...actual, randomUUID: fake }, randomUUID: fake };
});
// The core loads node:crypto on first use (src/core/base/builtins.ts): it gets the module made above.
vi.mock('../../src/core/base/builtins', async (original) => {
  const actual = await original<typeof Builtins>();
  const crypto = await import('node:crypto');
  return { ...actual, nodeCrypto: () => crypto };
});
let seed = 1;
const repeatable = (): void => {
  counter = 0;
  seed = 1;
};

const PASS = 'a long passphrase for the delegation';
const NOW = new Date('2026-11-30T09:00:00.000Z');
const dirs: string[] = [];
const cores: Core[] = [];

function open(): <K extends Channel>(channel: K, args: Args<K>) => Promise<Result<ResultOf<K>>> {
  const dataDir = mkdtempSync(join(tmpdir(), 'recollection-seal-'));
  dirs.push(dataDir);
  const core = openCore({ contentDbPath: CONTENT_DB_PATH, dataDir, version: 'test', now: () => NOW });
  cores.push(core);
  return (channel, args) => dispatch(core.handlers, channel, args);
}
const value = async <T>(p: Promise<Result<T>>): Promise<T> => {
  const r = await p;
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value;
};

let source: ReturnType<typeof open>;
let target: ReturnType<typeof open>;
const plain = new Map<string, ExportFile>();
const sealed = new Map<string, ExportFile>();
const bytes = (d: string | Uint8Array): Buffer => Buffer.from(typeof d === 'string' ? new TextEncoder().encode(d) : d);

async function snapshot(): Promise<string> {
  return JSON.stringify([
    await value(target('notes.list', {})),
    await value(target('annotations.list', {})),
    await value(target('bookmarks.list', {})),
    await value(target('trash.list', {})),
    await value(target('positions.list', {})),
  ]);
}

/** Imports `data` expecting a refusal: the error, with the notes checked unchanged by preview and apply. */
async function refused(data: string, passphrase?: string): Promise<{ code: string; message: string }> {
  const before = await snapshot();
  const preview = await target('import.preview', { data, passphrase });
  const applied = await target('import.apply', { data, passphrase });
  expect(preview.ok || applied.ok, 'the file was imported').toBe(false);
  expect(await snapshot(), 'refused, but the notes changed').toBe(before);
  if (preview.ok || applied.ok) throw new Error('unreachable');
  expect(applied.error).toEqual(preview.error);
  return applied.error;
}

beforeAll(async () => {
  // Date only: two renders of the same notes at the same moment are the same bytes (the DOCX zip dates too).
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  vi.spyOn(Math, 'random').mockImplementation(() => {
    seed = (seed * 16_807) % 2_147_483_647;
    return (seed - 1) / 2_147_483_646;
  });
  source = open();
  target = open();
  const page = await value(source('content.section', { id: 'c2.f2' }));
  const po = page.blocks.find((b) => b.kind === 'policy-option')!;
  await value(source('annotations.create', { blockId: po.id, note: 'Our **red line**: no return without review' }));
  await value(source('positions.set', { targetId: po.id, position: 'red-line', priority: 'high' }));
  await value(source('bookmarks.add', { targetId: 'c2.f2', label: 'recruitment fees' }));
  await value(target('annotations.create', { blockId: po.id, note: 'the target’s own note' }));
  for (const format of EXPORT_FORMATS) {
    const args = { format, scope: { kind: 'all' as const }, includeNotes: true };
    repeatable();
    plain.set(format, await value(source('export.render', args)));
    repeatable();
    sealed.set(format, await value(source('export.render', { ...args, seal: { passphrase: PASS } })));
  }
}, 120_000);

afterAll(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
  for (const core of cores) core.close();
  for (const dir of dirs) removeDir(dir);
});

describe('sealed export', () => {
  it.each(EXPORT_FORMATS)('%s: holds the unsealed export byte for byte, under its name', async (format) => {
    const outer = sealed.get(format)!;
    const inner = plain.get(format)!;
    expect(outer.filename).toBe(`${inner.filename}.recollection`);
    expect(typeof outer.data).toBe('string');
    expect(outer.data).not.toContain('red line');
    const opened = await unseal(outer.data as string, PASS);
    expect(opened).toMatchObject({ format, filename: inner.filename });
    expect(bytes(opened.data).equals(bytes(inner.data))).toBe(true);
  });

  it('refuses a passphrase shorter than 8 characters, without echoing it', async () => {
    const r = await source('export.render', {
      format: 'json',
      scope: { kind: 'all' },
      includeNotes: true,
      seal: { passphrase: 'secret7' },
    });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('INVALID_ARGUMENT');
      expect(r.error.message).not.toContain('secret7');
    }
  });
});

describe('sealed import', () => {
  it('without a passphrase, with a wrong one, or changed: refused with its own code, notes unchanged', async () => {
    const file = sealed.get('json')!.data as string;
    expect(await refused(file)).toEqual({
      code: 'PASSPHRASE_NEEDED',
      message: 'This is a sealed Recollection file: type its passphrase to open it.',
    });
    const wrong = await refused(file, 'not the passphrase');
    expect(wrong.code).toBe('WRONG_PASSPHRASE');
    expect(wrong.message).not.toContain('not the passphrase');

    const at = file.indexOf('-----BEGIN');
    const age = armor.decode(file.slice(at));
    const changed = (b: Uint8Array): string => `${file.slice(0, at)}${armor.encode(b)}`;
    const flip = (i: number): Uint8Array => age.map((x, j) => (j === i ? x ^ 0x80 : x));
    for (const [what, data] of [
      ['header', changed(flip(40))],
      ['payload', changed(flip(age.length - 20))],
      ['cut short', file.slice(0, Math.floor(file.length * 0.8))],
    ] as const) {
      const err = await refused(data, PASS);
      expect(err.code, what).toBe('DAMAGED');
      expect(err.message, what).toMatch(/^This sealed file is damaged or was changed after it was sealed/);
    }
  }, 60_000);

  it('a sealed JSON export imports back with its passphrase, as the plain one would', async () => {
    const expected = await value(target('import.preview', { data: plain.get('json')!.data as string }));
    const data = sealed.get('json')!.data as string;
    expect(await value(target('import.preview', { data, passphrase: PASS }))).toEqual(expected);
    expect(await value(target('import.apply', { data, passphrase: PASS }))).toEqual(expected);
    const notes = (await value(target('annotations.list', {}))).map((a) => a.note);
    expect(notes).toContain('Our **red line**: no return without review');
    expect((await value(target('bookmarks.list', {}))).map((b) => b.label)).toEqual(['recruitment fees']);
  }, 60_000);

  it('a sealed brief or spreadsheet says what it holds', async () => {
    const err = await refused(sealed.get('csv')!.data as string, PASS);
    expect(err).toEqual({
      code: 'INVALID_ARGUMENT',
      message: `This sealed file holds a spreadsheet (CSV) exported by Recollection, for reading in a spreadsheet program; it cannot be imported. ${IMPORTABLE}`,
    });
  }, 60_000);
});

describe('import names what a file is', () => {
  it.each([
    ['csv', 'a spreadsheet (CSV) exported by Recollection'],
    ['markdown', 'a Markdown brief exported by Recollection'],
    ['html', 'a printable brief (HTML) exported by Recollection'],
  ] as const)('our %s export', async (format, what) => {
    const err = await refused(plain.get(format)!.data as string);
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toBe(`This file is ${what}, for ${err.message.split(', for ')[1]}`);
    expect(err.message).toContain(IMPORTABLE);
    expect(err.message).not.toMatch(/JSON at|line \d|column \d/);
  });

  it('a CSV of any kind, a DOCX (read as text by a browser), and unknown text', async () => {
    expect((await refused('Name;Position\nA;oppose\n')).message).toBe(
      `This file is a spreadsheet (CSV file); it cannot be imported. ${IMPORTABLE}`,
    );
    const docx = new TextDecoder().decode(plain.get('docx')!.data as Uint8Array);
    expect((await refused(docx)).message).toMatch(/^This file is a Word document \(DOCX\)/);
    expect((await refused('Minutes of the meeting, unsorted.')).message).toMatch(/^This file is a text file that/);
  });

  it('files read from disk are named from their bytes before decoding (DOCX, PDF, binary)', async () => {
    const dir = dirs[0];
    const cases: Array<[string, Uint8Array, RegExp]> = [
      ['brief.docx', plain.get('docx')!.data as Uint8Array, /^brief\.docx is a Word document \(DOCX\)/],
      ['brief.pdf', new TextEncoder().encode('%PDF-1.7\n'), /^brief\.pdf is a PDF document; it cannot be imported/],
      ['photo.jpg', Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 0, 16]), /^photo\.jpg is a binary file, not text/],
    ];
    for (const [name, data, message] of cases) {
      writeFileSync(join(dir, name), data);
      await expect(readImportFile(join(dir, name))).rejects.toThrow(message);
    }
    writeFileSync(join(dir, 'sealed.recollection'), sealed.get('json')!.data);
    expect(await readImportFile(join(dir, 'sealed.recollection'))).toBe(sealed.get('json')!.data);
  });
});

const AGE_TOOL = spawnSync('age', ['--version']).status === 0 && spawnSync('expect', ['-v']).status === 0;

/** Seals `input` with the reference age tool, typing the passphrase at its prompt (it reads only a terminal). */
function ageSeal(input: string, output: string, armored: boolean): void {
  const script = [
    'set timeout 60',
    `spawn age -p ${armored ? '-a ' : ''}-o {${output}} {${input}}`,
    'expect "passphrase"',
    `send -- "${PASS}\r"`,
    'expect "onfirm"',
    `send -- "${PASS}\r"`,
    'expect eof',
    'lassign [wait] pid spawnid os value',
    'exit $value',
  ].join('\n');
  execFileSync('expect', ['-c', script], { stdio: 'pipe', timeout: 90_000 });
}

describe.skipIf(!AGE_TOOL)('files sealed by the reference age tool (age -p)', () => {
  it.each([
    ['armored (age -p -a)', true],
    ['binary (age -p)', false],
  ] as const)(
    '%s: the JSON export inside imports with its passphrase',
    async (_, armored) => {
      const dir = mkdtempSync(join(tmpdir(), 'recollection-age-'));
      dirs.push(dir);
      writeFileSync(join(dir, 'notes.json'), plain.get('json')!.data);
      ageSeal(join(dir, 'notes.json'), join(dir, 'notes.age'), armored);
      const data = await readImportFile(join(dir, 'notes.age'));
      expect(data).toContain('-----BEGIN AGE ENCRYPTED FILE-----');
      expect(data).not.toContain('red line');
      const fresh = open();
      const needed = await fresh('import.preview', { data });
      expect(needed.ok ? null : needed.error.code).toBe('PASSPHRASE_NEEDED');
      const wrong = await fresh('import.preview', { data, passphrase: 'not the passphrase at all' });
      expect(wrong.ok ? null : wrong.error.code).toBe('WRONG_PASSPHRASE');
      await value(fresh('import.apply', { data, passphrase: PASS }));
      const notes = await value(fresh('annotations.list', {}));
      expect(notes.map((n) => n.note)).toEqual(['Our **red line**: no return without review']);
    },
    120_000,
  );

  it('a bare age file holding something else says what it holds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'recollection-age-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'notes.csv'), plain.get('csv')!.data);
    ageSeal(join(dir, 'notes.csv'), join(dir, 'notes.age'), true);
    const err = await refused(await readImportFile(join(dir, 'notes.age')), PASS);
    expect(err.code).toBe('INVALID_ARGUMENT');
    expect(err.message).toMatch(/^This age file holds a spreadsheet \(CSV\) exported by Recollection/);
  }, 120_000);
});
