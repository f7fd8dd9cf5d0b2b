/**
 * scripts/ensure-native.ts: builds better-sqlite3 for Electron into .native/
 * on a copy of the package, leaving the Node build alone; skips when already
 * built; says why when it cannot. node-gyp is replaced by a small script that
 * records how it was called (the real one needs the network for Electron's
 * headers), everything else is real files in a temporary folder.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import {
  electronBinary,
  electronVersion,
  ensureNative,
  findNodeGyp,
  gypArgs,
  NativeBuildError,
} from '../../scripts/ensure-native';
import { appLocations, nativeBindingPath } from '../../src/main/paths';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'recollection-native-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let root: string;
const gypLog = join(dir, 'gyp-calls.json');

/** A node-gyp stand-in: records argv and cwd, checks the Node build was left out, writes the addon. */
function fakeNodeGyp(behaviour: 'build' | 'fail'): string {
  const script = join(dir, `fake-node-gyp-${behaviour}.cjs`);
  writeFileSync(
    script,
    `const fs = require('fs'), path = require('path');
fs.writeFileSync(${JSON.stringify(gypLog)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(),
  nodeBuildCopied: fs.existsSync(path.join(process.cwd(), 'build', 'Release', 'better_sqlite3.node')) }));
if (${JSON.stringify(behaviour)} === 'fail') process.exit(3);
fs.mkdirSync(path.join(process.cwd(), 'build', 'Release'), { recursive: true });
fs.writeFileSync(path.join(process.cwd(), 'build', 'Release', 'better_sqlite3.node'), 'electron-abi-addon');
`,
  );
  return script;
}

beforeEach(() => {
  root = mkdtempSync(join(dir, 'repo-'));
  const pkg = join(root, 'node_modules', 'better-sqlite3');
  mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"better-sqlite3"}');
  writeFileSync(join(pkg, 'binding.gyp'), '{}');
  writeFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), 'node-abi-addon');
  rmSync(gypLog, { force: true });
});

const options = (nodeGyp: string | null) => ({
  root,
  electronVersion: '39.5.0',
  electronBinary: '/fake/electron',
  nodeGyp,
  platform: 'linux',
  arch: 'x64',
  log: () => {},
});

describe('ensureNative', () => {
  it('builds on a copy without the Node build and installs the addon where main looks for it', () => {
    const result = ensureNative(options(fakeNodeGyp('build')));
    const target = nativeBindingPath(root, '39.5.0', 'linux', 'x64');
    expect(result).toEqual({ path: target, built: true });
    expect(readFileSync(target, 'utf8')).toBe('electron-abi-addon');
    const call = JSON.parse(readFileSync(gypLog, 'utf8')) as { argv: string[]; cwd: string; nodeBuildCopied: boolean };
    expect(call.argv).toEqual(gypArgs('39.5.0', 'x64'));
    expect(call.cwd.startsWith(root)).toBe(false); // a temporary copy, not node_modules
    expect(call.nodeBuildCopied).toBe(false);
    expect(existsSync(call.cwd)).toBe(false); // and the copy is removed
    // The Node build used by tests and the CLI is untouched.
    expect(readFileSync(join(root, 'node_modules/better-sqlite3/build/Release/better_sqlite3.node'), 'utf8')).toBe(
      'node-abi-addon',
    );
    // Main's development path is this very file.
    const dev = appLocations({
      isPackaged: false,
      appPath: root,
      resourcesPath: '/x',
      electronVersion: '39.5.0',
      platform: 'linux',
      arch: 'x64',
    });
    expect(dev.nativeBinding).toBe(target);
  });

  it('does nothing when the addon is already built', () => {
    const target = nativeBindingPath(root, '39.5.0', 'linux', 'x64');
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, 'built before');
    expect(ensureNative(options(fakeNodeGyp('build')))).toEqual({ path: target, built: false });
    expect(existsSync(gypLog)).toBe(false);
  });

  it('says why when the Electron binary is missing', () => {
    expect(() => ensureNative({ ...options(fakeNodeGyp('build')), electronBinary: null })).toThrow(
      /Electron 39\.5\.0 binary is not installed.*tests and the command line do not need it/,
    );
  });

  it('says why when node-gyp fails, and installs nothing', () => {
    const error = (() => {
      try {
        ensureNative(options(fakeNodeGyp('fail')));
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(NativeBuildError);
    expect((error as Error).message).toMatch(/exit 3.*headers.*offline/);
    expect(existsSync(nativeBindingPath(root, '39.5.0', 'linux', 'x64'))).toBe(false);
  });

  it('says why when there is no node-gyp', () => {
    expect(() => ensureNative(options(null))).toThrow(/node-gyp was not found/);
  });
});

describe('the real environment', () => {
  it('asks node-gyp for an Electron build against Electron headers', () => {
    const args = gypArgs('39.5.0', 'arm64');
    expect(args).toEqual(expect.arrayContaining(['rebuild', '--runtime=electron', '--target=39.5.0', '--arch=arm64']));
    expect(args.find((a) => a.startsWith('--dist-url='))).toBe('--dist-url=https://electronjs.org/headers');
  });

  it('finds the installed Electron version and a node-gyp', () => {
    const version = electronVersion(repo);
    expect(version).toMatch(/^\d+\.\d+\.\d+/);
    const gyp = findNodeGyp(repo);
    expect(gyp).not.toBeNull();
    expect(existsSync(gyp!)).toBe(true);
  });

  it('reports the Electron binary as absent exactly when node_modules/electron has not downloaded it', () => {
    const downloaded = existsSync(join(repo, 'node_modules', 'electron', 'path.txt'));
    expect(electronBinary(repo) !== null).toBe(
      downloaded && existsSync(join(repo, 'node_modules', 'electron', 'dist')),
    );
  });
});
