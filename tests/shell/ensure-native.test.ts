/**
 * scripts/ensure-native.ts: builds better-sqlite3 and better-sqlite3-multiple-ciphers
 * for Electron into .native/ on a copy of each package, leaving the Node builds alone;
 * skips each when already built; says why when it cannot. node-gyp is replaced by a small script that
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
  sandboxAdvice,
  stageNative,
} from '../../scripts/ensure-native';
import { appLocations, nativeBindingPath } from '../../src/main/paths';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'recollection-native-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let root: string;
const gypLog = join(dir, 'gyp-calls.json');

const CIPHER = 'better-sqlite3-multiple-ciphers';

interface GypCall {
  argv: string[];
  cwd: string;
  pkg: string;
  nodeBuildCopied: boolean;
}
const gypCalls = (): GypCall[] =>
  existsSync(gypLog)
    ? readFileSync(gypLog, 'utf8')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l) as GypCall)
    : [];

/**
 * A node-gyp stand-in: records argv, cwd and the package it runs in, checks the Node
 * build was left out, writes an addon naming its package ('fail' fails, 'fail-cipher'
 * fails on the cipher package only).
 */
function fakeNodeGyp(behaviour: 'build' | 'fail' | 'fail-cipher'): string {
  const script = join(dir, `fake-node-gyp-${behaviour}.cjs`);
  writeFileSync(
    script,
    `const fs = require('fs'), path = require('path');
const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')).name;
fs.appendFileSync(${JSON.stringify(gypLog)}, JSON.stringify({ argv: process.argv.slice(2), cwd: process.cwd(), pkg,
  nodeBuildCopied: fs.existsSync(path.join(process.cwd(), 'build', 'Release', 'better_sqlite3.node')) }) + '\\n');
const behaviour = ${JSON.stringify(behaviour)};
if (behaviour === 'fail' || (behaviour === 'fail-cipher' && pkg === ${JSON.stringify(CIPHER)})) process.exit(3);
fs.mkdirSync(path.join(process.cwd(), 'build', 'Release'), { recursive: true });
fs.writeFileSync(path.join(process.cwd(), 'build', 'Release', 'better_sqlite3.node'), 'electron-abi ' + pkg);
`,
  );
  return script;
}

beforeEach(() => {
  root = mkdtempSync(join(dir, 'repo-'));
  for (const name of ['better-sqlite3', CIPHER]) {
    const pkg = join(root, 'node_modules', name);
    mkdirSync(join(pkg, 'build', 'Release'), { recursive: true });
    writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name }));
    writeFileSync(join(pkg, 'binding.gyp'), '{}');
    writeFileSync(join(pkg, 'build', 'Release', 'better_sqlite3.node'), `node-abi ${name}`);
  }
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
  it('builds both packages on copies without the Node builds and installs each addon where main looks for it', () => {
    const result = ensureNative(options(fakeNodeGyp('build')));
    const target = nativeBindingPath(root, '39.5.0', 'linux', 'x64');
    const cipherTarget = nativeBindingPath(root, '39.5.0', 'linux', 'x64', CIPHER);
    expect(result).toEqual([
      { package: 'better-sqlite3', path: target, built: true },
      { package: CIPHER, path: cipherTarget, built: true },
    ]);
    expect(cipherTarget).not.toBe(target);
    expect(readFileSync(target, 'utf8')).toBe('electron-abi better-sqlite3');
    expect(readFileSync(cipherTarget, 'utf8')).toBe(`electron-abi ${CIPHER}`);
    const calls = gypCalls();
    expect(calls.map((c) => c.pkg)).toEqual(['better-sqlite3', CIPHER]);
    for (const call of calls) {
      expect(call.argv).toEqual(gypArgs('39.5.0', 'x64'));
      expect(call.cwd.startsWith(root)).toBe(false); // a temporary copy, not node_modules
      expect(call.nodeBuildCopied).toBe(false);
      expect(existsSync(call.cwd)).toBe(false); // and the copy is removed
    }
    // The Node builds used by tests and the CLI are untouched.
    for (const name of ['better-sqlite3', CIPHER]) {
      expect(readFileSync(join(root, 'node_modules', name, 'build/Release/better_sqlite3.node'), 'utf8')).toBe(
        `node-abi ${name}`,
      );
    }
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
    expect(dev.userNativeBinding).toBe(cipherTarget);
  });

  it('does nothing when both addons are already built', () => {
    const targets = [
      nativeBindingPath(root, '39.5.0', 'linux', 'x64'),
      nativeBindingPath(root, '39.5.0', 'linux', 'x64', CIPHER),
    ];
    for (const target of targets) {
      mkdirSync(join(target, '..'), { recursive: true });
      writeFileSync(target, 'built before');
    }
    expect(ensureNative(options(fakeNodeGyp('build'))).map((r) => [r.path, r.built])).toEqual(
      targets.map((t) => [t, false]),
    );
    expect(existsSync(gypLog)).toBe(false);
  });

  it('builds only the cipher addon when better-sqlite3 was built before (an older checkout)', () => {
    const target = nativeBindingPath(root, '39.5.0', 'linux', 'x64');
    mkdirSync(join(target, '..'), { recursive: true });
    writeFileSync(target, 'built before');
    const result = ensureNative(options(fakeNodeGyp('build')));
    expect(result.map((r) => [r.package, r.built])).toEqual([
      ['better-sqlite3', false],
      [CIPHER, true],
    ]);
    expect(gypCalls().map((c) => c.pkg)).toEqual([CIPHER]);
    expect(readFileSync(target, 'utf8')).toBe('built before');
    expect(readFileSync(nativeBindingPath(root, '39.5.0', 'linux', 'x64', CIPHER), 'utf8')).toBe(
      `electron-abi ${CIPHER}`,
    );
  });

  it('says which package failed when the cipher build fails, and installs no cipher addon', () => {
    expect(() => ensureNative(options(fakeNodeGyp('fail-cipher')))).toThrow(
      new RegExp(`could not build ${CIPHER} for Electron 39\\.5\\.0 \\(exit 3\\)`),
    );
    expect(existsSync(nativeBindingPath(root, '39.5.0', 'linux', 'x64'))).toBe(true);
    expect(existsSync(nativeBindingPath(root, '39.5.0', 'linux', 'x64', CIPHER))).toBe(false);
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
    expect(existsSync(nativeBindingPath(root, '39.5.0', 'linux', 'x64', CIPHER))).toBe(false);
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

describe('npm run dist: the addons the installed app loads', () => {
  it('stages both Electron builds where electron-builder ships them from, and touches no Node build', () => {
    const project = mkdtempSync(join(dir, 'stage-'));
    const nodeBuild = join(project, 'node_modules', 'better-sqlite3', 'build', 'Release', 'better_sqlite3.node');
    mkdirSync(join(nodeBuild, '..'), { recursive: true });
    writeFileSync(nodeBuild, 'node build');
    const built = (['better-sqlite3', CIPHER] as const).map((pkg) => {
      const path = nativeBindingPath(project, '39.5.0', 'linux', 'x64', pkg);
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, `electron build of ${pkg}`);
      return { package: pkg, path, built: false };
    });
    const staged = stageNative(project, built);
    expect(staged).toEqual([
      join(project, 'build', 'native', 'better_sqlite3.node'),
      join(project, 'build', 'native', CIPHER, 'better_sqlite3.node'),
    ]);
    expect(readFileSync(staged[1], 'utf8')).toBe(`electron build of ${CIPHER}`);
    expect(readFileSync(nodeBuild, 'utf8')).toBe('node build');
    // The layout under resources/native/ is the one the packaged app looks in.
    const where = appLocations({
      isPackaged: true,
      appPath: '/r/app.asar',
      resourcesPath: '/r',
      electronVersion: '39.5.0',
    });
    expect(where.userNativeBinding.slice('/r/native'.length)).toBe(
      staged[1].slice(join(project, 'build', 'native').length),
    );
  });
});

describe('the sandbox under AppArmor (Ubuntu 23.10 and later)', () => {
  const facts = {
    platform: 'linux',
    restrictUserns: '1\n',
    helper: { uid: 1000, mode: 0o100755 },
    helperPath: '/r/chrome-sandbox',
  };
  it('says what stops Electron and what root must do, when user namespaces are restricted', () => {
    const advice = sandboxAdvice(facts);
    expect(advice).toContain('sudo chown root:root /r/chrome-sandbox && sudo chmod 4755 /r/chrome-sandbox');
    expect(advice).toContain('AppArmor');
  });
  it('says nothing when the helper is setuid root, the switch is off, or the system is not Linux', () => {
    expect(sandboxAdvice({ ...facts, helper: { uid: 0, mode: 0o104755 } })).toBeNull();
    expect(sandboxAdvice({ ...facts, restrictUserns: '0\n' })).toBeNull();
    expect(sandboxAdvice({ ...facts, restrictUserns: null })).toBeNull();
    expect(sandboxAdvice({ ...facts, platform: 'darwin' })).toBeNull();
  });
});
