/**
 * export, import, backup, restore, check — run for real on temporary data
 * folders: exports are real files, an import is previewed before it changes
 * anything, a restore brings back the backed-up notes, and check reports a
 * damaged notes database without touching it.
 */
import { existsSync, readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Annotation, BackupInfo, Bookmark, ImportPreview, NoteEntry } from '../../src/shared/contract/types';
import JSZip from 'jszip';
import { LIMITS } from '../../src/shared/limits';
import { cli, cliJson, core, expectOneLineError, tempDir } from './run';

describe('export', () => {
  const data = tempDir();
  const out = tempDir();
  let note: Annotation;
  beforeAll(async () => {
    note = await cliJson<Annotation>(
      data,
      'annotate',
      'c2.f3.po.1',
      '--quote',
      'skills passports',
      '--note',
      'Delegation view: support',
    );
  });

  it.each(['markdown', 'html', 'csv', 'json'] as const)('%s: writes the file with the note', async (format) => {
    const path = join(out, `brief.${format}`);
    const result = await cliJson<{ path: string; bytes: number; mime: string; filename: string }>(
      data,
      'export',
      '--format',
      format,
      '--out',
      path,
    );
    expect(result.path).toBe(path);
    const text = readFileSync(path, 'utf8');
    expect(Buffer.byteLength(text)).toBe(result.bytes);
    expect(text).toContain('Delegation view: support');
    if (format === 'json') expect(JSON.stringify(JSON.parse(text))).toContain(note.id);
  });

  it('docx: writes a zip package', async () => {
    const path = join(out, 'brief.docx');
    const run = await cli(data, 'export', '--format', 'docx', '--out', path);
    expect(run.code).toBe(0);
    expect(run.out).toBe(`Wrote ${path} (${(readFileSync(path).byteLength / 1024).toFixed(1)} KB)\n`);
    expect(readFileSync(path).subarray(0, 2).toString('latin1')).toBe('PK');
  });

  it('--no-notes leaves the note text out', async () => {
    const path = join(out, 'shared.md');
    await cliJson(data, 'export', '--format', 'markdown', '--out', path, '--no-notes');
    const text = readFileSync(path, 'utf8');
    expect(text).toContain('skills passports');
    expect(text).not.toContain('Delegation view: support');
  });

  it('fails cleanly on an unwritable destination and on missing options', async () => {
    const path = join(out, 'missing-folder', 'x.md');
    expect(expectOneLineError(await cli(data, 'export', '--format', 'markdown', '--out', path), 1)).toContain(
      'could not write',
    );
    expect(existsSync(path)).toBe(false);
    expectOneLineError(await cli(data, 'export', '--out', join(out, 'y.md')), 2);
    expectOneLineError(await cli(data, 'export', '--format', 'rtf', '--out', join(out, 'y.rtf')), 2);
    expectOneLineError(await cli(data, 'export', '--format', 'csv'), 2);
  });
});

describe("export: the brief's title block", () => {
  const data = tempDir();
  const out = tempDir();
  const block = {
    title: 'Brief for the third round',
    delegation: 'Delegation of Freedonia',
    meeting: 'Intergovernmental negotiations, round 3',
    classification: 'Restricted — delegation use',
  };
  const flags = Object.entries(block).flatMap(([k, v]) => [`--${k}`, v]);
  beforeAll(async () => {
    await cliJson(data, 'annotate', 'c2.f3.po.1', '--note', 'Delegation view: support');
  });

  it('prints the fields given, and the date given, in markdown, html and docx', async () => {
    const date = '3 December 2026';
    const md = join(out, 'given.md');
    await cliJson(data, 'export', '--format', 'markdown', '--out', md, ...flags, '--date', date);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain(`# ${block.title}\n`);
    expect(text).toContain(`**${block.classification}**`);
    expect(text).toContain(`Delegation: ${block.delegation}`);
    expect(text).toContain(`Meeting: ${block.meeting}`);
    expect(text).toContain(`Date: ${date}`);
    const html = join(out, 'given.html');
    await cliJson(data, 'export', '--format', 'html', '--out', html, '--title', block.title, '--date', date);
    expect(readFileSync(html, 'utf8')).toContain(`<h1>${block.title}</h1>`);
    const docx = join(out, 'given.docx');
    await cliJson(data, 'export', '--format', 'docx', '--out', docx, '--date', date);
    const xml = await (await JSZip.loadAsync(readFileSync(docx))).file('word/document.xml')?.async('string');
    for (const v of [...Object.values(block), date]) expect(xml).toContain(v);
  });

  it('remembers the title block (not the date) in the setting the app uses, and reuses it', async () => {
    expect((await core('settings.get', {}, data)).briefHeader).toEqual(block);
    const md = join(out, 'remembered.md');
    await cliJson(data, 'export', '--format', 'markdown', '--out', md);
    const text = readFileSync(md, 'utf8');
    expect(text).toContain(`# ${block.title}\n`);
    expect(text).toContain(`Delegation: ${block.delegation}`);
    expect(text).not.toContain('3 December 2026');
  });

  it('clears a field given empty; the default title comes back', async () => {
    const md = join(out, 'cleared.md');
    await cliJson(data, 'export', '--format', 'markdown', '--out', md, '--title', '', '--meeting', '');
    const text = readFileSync(md, 'utf8');
    expect(text).toMatch(/^# Brief: GFMD Thematic Recollection/m);
    expect(text).not.toContain('Meeting:');
    expect(text).toContain(`Delegation: ${block.delegation}`);
    expect((await core('settings.get', {}, data)).briefHeader).toEqual({ ...block, title: '', meeting: '' });
  });

  it('refuses title block options on a table or a backup file, and a field over the limit', async () => {
    for (const format of ['csv', 'json'])
      expect(
        expectOneLineError(
          await cli(data, 'export', '--format', format, '--out', join(out, `x.${format}`), '--title', 'T'),
          2,
        ),
      ).toContain('--title goes with a brief');
    const long = 'x'.repeat(LIMITS.labelLength + 1);
    expectOneLineError(
      await cli(data, 'export', '--format', 'markdown', '--out', join(out, 'x.md'), '--meeting', long),
      1,
    );
    expect(existsSync(join(out, 'x.md'))).toBe(false);
    expect(existsSync(join(out, 'x.csv'))).toBe(false);
  });
});

describe('import', () => {
  const source = tempDir();
  let file: string;
  let made: Annotation;
  beforeAll(async () => {
    made = await cliJson<Annotation>(source, 'annotate', 'c1.f1.po.1', '--note', 'to carry over', '--tag', 'carry');
    file = join(tempDir(), 'notes.json');
    await cliJson(source, 'export', '--format', 'json', '--out', file);
  });

  it('--dry-run previews and changes nothing', async () => {
    const target = tempDir();
    const result = await cliJson<{ preview: ImportPreview; applied: ImportPreview | null }>(
      target,
      'import',
      file,
      '--dry-run',
    );
    expect(result.preview.added).toBeGreaterThan(0);
    expect(result.applied).toBeNull();
    expect(await cliJson<NoteEntry[]>(target, 'notes')).toEqual([]);
  });

  it('previews, then applies', async () => {
    const target = tempDir();
    const result = await cliJson<{ preview: ImportPreview; applied: ImportPreview }>(target, 'import', file);
    expect(result.applied.added).toBe(result.preview.added);
    const notes = await cliJson<NoteEntry[]>(target, 'notes');
    expect(notes.map((n) => n.annotation?.id)).toContain(made.id);
    // A second import of the same file adds nothing.
    const again = await cliJson<{ preview: ImportPreview }>(target, 'import', file);
    expect(again.preview.added).toBe(0);
  });

  it('refuses a missing file, a file over the limit and a file that is not an export', async () => {
    const target = tempDir();
    expectOneLineError(await cli(target, 'import', join(target, 'absent.json')), 1);
    const big = join(target, 'big.json');
    writeFileSync(big, '');
    truncateSync(big, LIMITS.importBytes + 1);
    expect(expectOneLineError(await cli(target, 'import', big), 1)).toContain('larger than 20 MB');
    const junk = join(target, 'junk.json');
    writeFileSync(junk, 'this is not json');
    expectOneLineError(await cli(target, 'import', junk), 1);
    expect(await cliJson<NoteEntry[]>(target, 'notes')).toEqual([]);
  });
});

describe('import of a file that is not valid UTF-8', () => {
  const files = tempDir();
  const write = (name: string, bytes: Buffer): string => {
    const path = join(files, name);
    writeFileSync(path, bytes);
    return path;
  };
  // A real export, so the only fault is the bytes.
  const json = (note: string): Buffer =>
    Buffer.from(
      JSON.stringify({
        type: 'Annotation',
        id: 'urn:uuid:0b9ad1a6-3f0f-4a4f-9c55-0c5b1d0f3b11',
        motivation: 'commenting',
        bodyValue: note,
        target: 'recollection://block/c1.f1.po.1',
        created: '2024-05-01T14:03:00Z',
      }),
      'utf8',
    );
  const spliced = (note: string, marker: string, bytes: number[]): { file: Buffer; offset: number } => {
    const file = json(note);
    const offset = file.indexOf(marker);
    return {
      file: Buffer.concat([file.subarray(0, offset), Buffer.from(bytes), file.subarray(offset + marker.length)]),
      offset,
    };
  };

  it('refuses a 0xFF byte with its byte offset, and imports nothing', async () => {
    const target = tempDir();
    const { file, offset } = spliced('café ~ here', '~', [0xff]);
    const run = await cli(target, 'import', write('ff.json', file));
    expect(expectOneLineError(run, 1)).toContain(`not valid UTF-8: byte offset ${offset} (0xFF)`);
    expect(await cliJson<NoteEntry[]>(target, 'notes')).toEqual([]);
  });

  it('refuses a truncated multibyte sequence (the first two bytes of €) with its offset', async () => {
    const target = tempDir();
    const { file, offset } = spliced('a genuine \uFFFD, then price: ~ and a real €', '~', [0xe2, 0x82]);
    const run = await cli(target, 'import', write('cut.json', file));
    expect(expectOneLineError(run, 1)).toContain(`not valid UTF-8: byte offset ${offset} (0xE2 0x82)`);
    expect(await cliJson<NoteEntry[]>(target, 'notes')).toEqual([]);
  });

  it('still takes a genuine U+FFFD and a byte-order mark', async () => {
    const target = tempDir();
    const file = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), json('kept \uFFFD as written')]);
    const result = await cliJson<{ applied: ImportPreview }>(target, 'import', write('ok.json', file));
    expect(result.applied.added).toBe(1);
    const notes = await cliJson<NoteEntry[]>(target, 'notes');
    expect(notes.map((n) => n.annotation?.note)).toEqual(['kept \uFFFD as written']);
  });
});

describe('backup and restore', () => {
  it('restores the newest backup by default, bringing the notes back as they were', async () => {
    const data = tempDir();
    const kept = await cliJson<Bookmark>(data, 'bookmark', 'add', 'c3.f1', '--label', 'kept');
    const info = await cliJson<BackupInfo>(data, 'backup');
    expect(info.verified).toBe(true);
    expect(existsSync(join(data, 'backups', info.name))).toBe(true);
    expect((await cliJson<BackupInfo[]>(data, 'backup', 'list')).map((b) => b.name)).toContain(info.name);

    await cliJson(data, 'bookmark', 'remove', kept.id);
    await cliJson(data, 'bookmark', 'add', 'c4.f1', '--label', 'later');
    expect(await cliJson<{ restored: string }>(data, 'restore')).toEqual({ restored: info.name });
    const labels = (await cliJson<Bookmark[]>(data, 'bookmark', 'list')).map((b) => b.label);
    expect(labels).toEqual(['kept']);
  });

  it('restores a named backup and refuses names that are not backups', async () => {
    const data = tempDir();
    const info = await cliJson<BackupInfo>(data, 'backup');
    expect((await cli(data, 'restore', info.name)).code).toBe(0);
    expectOneLineError(await cli(data, 'restore', 'user-20000101-000000.db'), 1);
    expectOneLineError(await cli(data, 'restore', '../user.db'), 1);
  });

  it('says so when there is no backup', async () => {
    expect(expectOneLineError(await cli(tempDir(), 'restore'), 1)).toBe('recollection: there is no backup to restore');
  });
});

describe('check', () => {
  it('passes on sound databases, and does not create a notes database', async () => {
    const empty = tempDir();
    const result = await cliJson<{
      ok: boolean;
      content: { ok: boolean; schemaVersion: number };
      user: { exists: boolean };
    }>(empty, 'check');
    expect(result.ok).toBe(true);
    expect(result.content.ok).toBe(true);
    expect(result.user.exists).toBe(false);
    expect(readdirSync(empty)).toEqual([]);

    const used = tempDir();
    await cliJson(used, 'bookmark', 'add', 'c1.f1');
    const run = await cli(used, 'check');
    expect(run.code).toBe(0);
    expect(run.out).toMatch(/document database: ok/);
    expect(run.out).toMatch(/notes database: ok/);
  });

  it('reports a damaged notes database, exit 1, leaving the file as it was', async () => {
    const data = tempDir();
    const damaged = Buffer.from('SQLite format 3\0'.padEnd(4096, 'x'));
    writeFileSync(join(data, 'user.db'), damaged);
    const run = await cli(data, 'check');
    expect(run.code).toBe(1);
    expect(run.err).toBe('recollection: check failed: notes database\n');
    expect(run.out).toMatch(/notes database: DAMAGED/);
    expect(readFileSync(join(data, 'user.db')).equals(damaged)).toBe(true);
  });

  it('reports a missing content database, and one that is not ours', async () => {
    const data = tempDir();
    const missing = await cli(data, 'check', '--json', '--content', join(data, 'none.db'));
    expect(missing.code).toBe(1);
    expect(missing.err).toBe('recollection: check failed: document database\n');
    expect((JSON.parse(missing.out) as { content: { problems: string[] } }).content.problems[0]).toContain(
      'does not exist',
    );

    const foreign = join(data, 'foreign.db');
    writeFileSync(foreign, ''); // SQLite reads an empty file as an empty database: none of our tables
    const run = await cli(data, 'check', '--content', foreign);
    expect(run.code).toBe(1);
    expect(run.out).toMatch(/document database: DAMAGED/);
    expect(run.out).toContain('table blocks is missing');
    expect(existsSync(join(data, 'user.db'))).toBe(false);
  });
});
