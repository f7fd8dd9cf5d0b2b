/**
 * The built command line (`recollection`, package.json `bin`): the bundle
 * that `npm run build:cli` makes, run as a real process the way a shell runs
 * it, answers exactly what the in-process command line answers; a command
 * loads only the code it reaches; PDF export prints with a real browser where
 * one is found, and says what to do where none is.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCli, CLI_OUT } from '../../scripts/build-cli';
import { findBrowser, NO_BROWSER, printHtmlToPdf } from '../../src/cli/pdf';
import { CONTENT, cli, tempDir } from './run';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = join(ROOT, 'bin', 'recollection.js');

function run(args: string[], bin = BIN): { code: number | null; out: string; err: string } {
  const r = spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(async () => {
  await buildCli();
}, 120_000);

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

  it('leaves the export libraries out of what every command loads', () => {
    const meta = JSON.parse(readFileSync(join(CLI_OUT, 'meta.json'), 'utf8')) as {
      outputs: Record<
        string,
        { entryPoint?: string; imports: Array<{ path: string; kind: string }>; inputs: Record<string, unknown> }
      >;
    };
    const entry = Object.keys(meta.outputs).find((o) => meta.outputs[o]?.entryPoint === 'src/cli/index.ts');
    expect(entry).toBeDefined();
    // Everything reached by static imports from the entry is loaded at every start.
    const loaded = new Set<string>();
    const visit = (output: string): void => {
      if (loaded.has(output)) return;
      loaded.add(output);
      for (const i of meta.outputs[output]?.imports ?? []) if (i.kind === 'import-statement') visit(i.path);
    };
    visit(entry!);
    const inputs = [...loaded].flatMap((o) => Object.keys(meta.outputs[o]?.inputs ?? {}));
    expect(inputs.some((i) => i.includes('src/cli/read.ts'))).toBe(true);
    for (const heavy of [
      'node_modules/docx/',
      'node_modules/markdown-it/',
      'node_modules/csv-stringify/',
      'node_modules/minisearch/',
      'src/core/open.ts',
    ]) {
      expect(
        inputs.filter((i) => i.includes(heavy)),
        heavy,
      ).toEqual([]);
    }
    // ...and the export libraries are in the bundle all the same, in chunks of their own.
    const all = Object.values(meta.outputs).flatMap((o) => Object.keys(o.inputs));
    expect(all.some((i) => i.includes('node_modules/docx/'))).toBe(true);
  });

  it('says how to build it when the bundle is missing', () => {
    const elsewhere = tempDir();
    mkdirSync(join(elsewhere, 'bin'));
    copyFileSync(BIN, join(elsewhere, 'bin', 'recollection.js'));
    const r = run(['--help'], join(elsewhere, 'bin', 'recollection.js'));
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
