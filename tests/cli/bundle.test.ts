/**
 * The built command line (`recollection`, package.json `bin`): the bundle
 * that `npm run build:cli` makes, run as a real process the way a shell runs
 * it, answers exactly what the in-process command line answers; it starts from
 * its code cache, and from source when the cache is stale; a command reads only
 * the code it runs (the export libraries only when exporting); PDF export
 * prints with a real browser where one is found, and says what to do where none is.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI_CACHE, CLI_OUT } from '../../scripts/build-cli';
import { findBrowser, NO_BROWSER, printHtmlToPdf } from '../../src/cli/pdf';
import { CONTENT, cli, tempDir } from './run';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'recollection.cjs');

interface Run {
  code: number | null;
  out: string;
  err: string;
}

function run(
  args: string[],
  bin = BIN,
  options: { env?: NodeJS.ProcessEnv; input?: string; node?: string[] } = {},
): Run {
  const r = spawnSync(process.execPath, [...(options.node ?? []), bin, ...args], {
    encoding: 'utf8',
    timeout: 120_000,
    env: { ...process.env, ...options.env },
    input: options.input,
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Runs a command with a preload that lists every file the process require()s, and returns those files. */
function filesRequired(args: string[], input?: string): { run: Run; files: string[] } {
  const dir = tempDir();
  const list = join(dir, 'required.txt');
  const recorder = join(dir, 'record.cjs');
  writeFileSync(
    recorder,
    [
      "const Module = require('node:module');",
      "const fs = require('node:fs');",
      'const seen = new Set();',
      'const load = Module._load;',
      'Module._load = function (request, parent, isMain) {',
      '  try { seen.add(Module._resolveFilename(request, parent, isMain)); } catch {}',
      '  return load.apply(this, arguments);',
      '};',
      `process.on('exit', () => fs.writeFileSync(${JSON.stringify(list)}, [...seen].join('\\n')));`,
    ].join('\n'),
  );
  const r = run(args, BIN, { node: ['--require', recorder], input });
  return { run: r, files: existsSync(list) ? readFileSync(list, 'utf8').split('\n') : [] };
}

beforeAll(async () => {
  await buildCli();
}, 180_000);

const copies: string[] = [];
afterAll(() => {
  for (const dir of copies) rmSync(dir, { recursive: true, force: true });
});

describe('the bundled command line', () => {
  it('answers search, show and outline exactly as the in-process command line does', async () => {
    const data = tempDir();
    for (const args of [
      ['search', 'remittance', 'costs', '--json'],
      ['show', 'c2.f2.po.1'],
      ['outline', '--json'],
    ]) {
      const bundled = run([...args, '--data-dir', data, '--content', CONTENT]);
      const inProcess = await cli(data, ...args);
      expect(bundled.code, bundled.err).toBe(0);
      expect(bundled.out).toBe(inProcess.out);
    }
  });

  it('keeps the command-line contract: one error line and exit 1, usage errors exit 2', () => {
    const data = tempDir();
    const missing = run(['show', 'nowhere', '--data-dir', data, '--content', CONTENT]);
    expect(missing.code).toBe(1);
    expect(missing.err).toMatch(/^recollection: .*nowhere.*\n$/);
    expect(missing.out).toBe('');
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('starts from the code cache the build wrote, and from source when the cache is not for this bundle', () => {
    const data = tempDir();
    const debug = { RECOLLECTION_DEBUG: '1' };
    const args = ['show', 'c2.f2.po.1', '--data-dir', data, '--content', CONTENT];
    expect(existsSync(CLI_CACHE)).toBe(true);
    const cached = run(args, BIN, { env: debug });
    expect(cached.code, cached.err).toBe(0);
    expect(cached.err).toBe('recollection: code cache used\n');

    // A copy beside the real one (so node_modules resolve alike) whose bundle changed after its cache was made.
    const copy = join(ROOT, 'out', `cli-stale-${process.pid}`);
    copies.push(copy);
    cpSync(CLI_OUT, copy, { recursive: true });
    utimesSync(join(copy, 'cli.cjs'), new Date(), new Date(Date.now() + 60_000));
    const loader = join(ROOT, 'bin', 'load-cli.cjs');
    const stale = spawnSync(
      process.execPath,
      [
        '-e',
        `require(${JSON.stringify(loader)}).loadCli(${JSON.stringify(copy)}).main(${JSON.stringify(args)}).then((c) => { process.exitCode = c; });`,
      ],
      { encoding: 'utf8', env: { ...process.env, ...debug } },
    );
    expect(stale.status, stale.stderr).toBe(0);
    expect(stale.stderr).toBe('recollection: code cache stale\n');
    expect(stale.stdout).toBe(cached.out);
  });

  it('reads the export libraries only when a command runs them', () => {
    const data = tempDir();
    const global = ['--data-dir', data, '--content', CONTENT];
    const vendor = (files: string[]): string[] =>
      files.filter((f) => f.startsWith(join(CLI_OUT, 'vendor'))).map((f) => f.slice(CLI_OUT.length + 1));
    for (const args of [
      ['search', 'remittance', 'costs'],
      ['show', '2.2 PO 1'],
    ]) {
      const { run: r, files } = filesRequired([...args, ...global]);
      expect(r.code, r.err).toBe(0);
      // The recorder works (the launcher is required); the bundle itself is compiled from its file, not required.
      expect(files).toContain(join(ROOT, 'bin', 'load-cli.cjs'));
      expect(vendor(files), args.join(' ')).toEqual([]);
    }
    expect(run(['annotate', 'c2.f2.po.1', '--note', 'Ask **capital** first', ...global]).code).toBe(0);
    const docx = filesRequired(['export', '--format', 'docx', '--out', join(data, 'brief.docx'), ...global]);
    expect(docx.run.code, docx.run.err).toBe(0);
    expect(vendor(docx.files)).toEqual(expect.arrayContaining(['vendor/docx.cjs', 'vendor/markdown-it.cjs']));
    expect(readFileSync(join(data, 'brief.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  it('exports and imports through the bundled libraries: Markdown, CSV, a sealed file and back', () => {
    const data = tempDir();
    const global = ['--data-dir', data, '--content', CONTENT];
    expect(run(['annotate', 'c2.f2.po.1', '--note', 'Ask **capital** first', ...global]).code).toBe(0);
    const md = run(['export', '--format', 'markdown', '--out', join(data, 'brief.md'), ...global]);
    expect(md.code, md.err).toBe(0);
    expect(readFileSync(join(data, 'brief.md'), 'utf8')).toContain('Ask **capital** first');
    const csv = run(['export', '--format', 'csv', '--out', join(data, 'notes.csv'), ...global]);
    expect(csv.code, csv.err).toBe(0);
    expect(readFileSync(join(data, 'notes.csv'), 'utf8')).toContain('Ask capital first');
    const sealedFile = join(data, 'notes.recollection');
    const passphrase = 'correct horse battery staple\n';
    const sealed = run(
      ['export', '--format', 'json', '--seal', '--seal-passphrase-fd', '0', '--out', sealedFile, ...global],
      BIN,
      { input: passphrase },
    );
    expect(sealed.code, sealed.err).toBe(0);
    expect(readFileSync(sealedFile, 'utf8')).toContain('-----BEGIN AGE ENCRYPTED FILE-----');
    const other = tempDir();
    const back = run(
      [
        'import',
        sealedFile,
        '--dry-run',
        '--json',
        '--seal-passphrase-fd',
        '0',
        '--data-dir',
        other,
        '--content',
        CONTENT,
      ],
      BIN,
      { input: passphrase },
    );
    expect(back.code, back.err).toBe(0);
    expect((JSON.parse(back.out) as { preview: { added: number } }).preview.added).toBe(1);
  });

  it('checks both databases: ok on a healthy folder, the real cause on a damaged one', () => {
    const healthy = tempDir();
    const global = (data: string): string[] => ['--data-dir', data, '--content', CONTENT];
    expect(run(['annotate', 'c2.f2.po.1', '--note', 'after the crash', ...global(healthy)]).code).toBe(0);
    const ok = run(['check', '--json', ...global(healthy)]);
    expect(ok.code, ok.out + ok.err).toBe(0);
    expect(JSON.parse(ok.out)).toMatchObject({ ok: true, content: { ok: true }, user: { ok: true, cause: 'ok' } });

    const damaged = tempDir();
    writeFileSync(join(damaged, 'user.db'), Buffer.alloc(8192, 7));
    const bad = run(['check', ...global(damaged)]);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/^document database: ok /m);
    expect(bad.out).toMatch(/^notes database: DAMAGED /m);
    expect(bad.out).toContain('file is not a database');
    expect(bad.out + bad.err).not.toContain('bindings');
  });

  it('says how to build it when the bundle is missing', () => {
    const elsewhere = tempDir();
    mkdirSync(join(elsewhere, 'bin'));
    copyFileSync(BIN, join(elsewhere, 'bin', 'recollection.cjs'));
    copyFileSync(join(ROOT, 'bin', 'load-cli.cjs'), join(elsewhere, 'bin', 'load-cli.cjs'));
    const r = run(['--help'], join(elsewhere, 'bin', 'recollection.cjs'));
    expect(r.code).toBe(1);
    expect(r.err).toBe(`recollection: the command line is not built: run "npm run build:cli" in ${elsewhere}/\n`);
  });
});

describe('export --format pdf', () => {
  const browser = findBrowser();

  it.skipIf(browser === null)('prints the brief with the browser found on this machine', () => {
    const data = tempDir();
    expect(
      run(['annotate', 'c2.f2.po.1', '--note', 'Ask capital first', '--data-dir', data, '--content', CONTENT]).code,
    ).toBe(0);
    const out = join(data, 'brief.pdf');
    const r = run(['export', '--format', 'pdf', '--out', out, '--json', '--data-dir', data, '--content', CONTENT]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(r.out)).toMatchObject({ path: out, mime: 'application/pdf' });
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('finds a browser named by RECOLLECTION_CHROMIUM first, and names the fix when there is none', async () => {
    const exists = (path: string): boolean => path === '/opt/my/chrome';
    expect(findBrowser({ RECOLLECTION_CHROMIUM: '/opt/my/chrome' }, 'linux', exists)).toBe('/opt/my/chrome');
    expect(findBrowser({}, 'linux', () => false)).toBeNull();
    expect(findBrowser({ PROGRAMFILES: 'C:\\Program Files' }, 'win32', (p) => p.endsWith('msedge.exe'))).toMatch(
      /msedge\.exe$/,
    );
    await expect(printHtmlToPdf('<p>x</p>', null)).rejects.toThrow(NO_BROWSER);
    expect(existsSync(BIN)).toBe(true);
  });
});
