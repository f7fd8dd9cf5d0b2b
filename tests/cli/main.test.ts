/**
 * The command line as a program: help, usage errors (exit 2), one-line errors
 * (exit 1), the default data folder (where Electron puts the app's), and a run
 * as a real process (`node --import tsx src/cli/index.ts`).
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../src/cli/index';
import { defaultDataDir } from '../../src/cli/paths';
import type { OutlineNode } from '../../src/shared/contract/types';
import { cli, CONTENT, core, expectOneLineError, tempDir } from './run';

const root = fileURLToPath(new URL('../../', import.meta.url));

async function bare(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => void (out += t), err: (t) => void (err += t) });
  return { code, out, err };
}

describe('help', () => {
  it('--help lists every command, exit 0', async () => {
    const run = await bare('--help');
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
    for (const command of COMMANDS) expect(run.out).toMatch(new RegExp(`^  ${command.name} +\\S`, 'm'));
  });

  it('<command> --help and help <command> show that command', async () => {
    for (const argv of [
      ['annotate', '--help'],
      ['help', 'annotate'],
    ]) {
      const run = await bare(...argv);
      expect(run.code).toBe(0);
      expect(run.out).toContain('usage: recollection annotate <block-id>');
    }
  });

  it('no command is a usage error, with the help on stderr', async () => {
    const run = await bare();
    expect(run.code).toBe(2);
    expect(run.out).toBe('');
    expect(run.err).toContain('usage: recollection <command>');
  });
});

describe('usage errors: exit 2, one line', () => {
  it.each([
    [['frobnicate'], 'unknown command "frobnicate"'],
    [['outline', '--bogus'], "Unknown option '--bogus'"],
    [['outline', 'extra'], 'usage: recollection outline'],
    [['search', 'x', '--label', 'y'], 'search does not take --label'],
    [['notes', '--sort', 'random'], '--sort must be one of document, date'],
  ])('%j', async (argv, message) => {
    const line = expectOneLineError(await cli(tempDir(), ...argv), 2);
    expect(line).toContain(message);
  });
});

describe('errors: exit 1, one line', () => {
  it('a missing content database names the fix', async () => {
    const data = tempDir();
    const line = expectOneLineError(await cli(data, 'outline', '--content', join(data, 'missing.db')), 1);
    expect(line).toMatch(/^recollection: .*build:content/);
  });
});

describe('default data folder', () => {
  it('is where Electron keeps the app data of "Recollection"', () => {
    expect(defaultDataDir({}, 'linux', '/home/ana')).toBe('/home/ana/.config/Recollection');
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/cfg' }, 'linux', '/home/ana')).toBe('/cfg/Recollection');
    expect(defaultDataDir({}, 'darwin', '/Users/ana')).toBe('/Users/ana/Library/Application Support/Recollection');
    expect(defaultDataDir({ APPDATA: 'C:\\Users\\ana\\AppData\\Roaming' }, 'win32', 'C:\\Users\\ana')).toBe(
      join('C:\\Users\\ana\\AppData\\Roaming', 'Recollection'),
    );
  });
});

describe('as a process', () => {
  const run = (...argv: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/index.ts', ...argv], {
      cwd: root,
      encoding: 'utf8',
      timeout: 60_000,
    });

  it('prints JSON on stdout and exits 0', async () => {
    const data = tempDir();
    const child = run('outline', '--json', '--data-dir', data, '--content', CONTENT);
    expect(child.status).toBe(0);
    expect(JSON.parse(child.stdout) as OutlineNode[]).toEqual(await core('content.outline', {}));
  });

  it('exits 1 with one line on stderr, and 2 on a usage error', () => {
    const data = tempDir();
    const failed = run('show', 'c9.f9', '--data-dir', data, '--content', CONTENT);
    expect(failed.status).toBe(1);
    expect(failed.stdout).toBe('');
    expect(failed.stderr).toBe('recollection: no block, section or footnote "c9.f9"\n');
    expect(run('nope').status).toBe(2);
  });
});
