/**
 * The choice the e2e fixture makes before it launches anything: whether the
 * Electron app can start here (binary present, a display on Linux), and how a
 * place to open becomes the deep link the app is started with.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseDeepLink } from '../../src/shared/vocabulary/links';
import { electronSkipReason } from '../e2e/electron-session';
import { hashToLink } from '../e2e/session';

const roots: string[] = [];
afterEach(() => roots.splice(0).forEach((r) => rmSync(r, { recursive: true, force: true })));

/** A project folder whose `require('electron')` answers `binaryPath`, as the electron package does. */
function project(binaryPath: string | null): string {
  const root = mkdtempSync(join(tmpdir(), 'recollection-targets-'));
  roots.push(root);
  writeFileSync(join(root, 'package.json'), '{"name":"p","version":"1.0.0"}');
  const pkg = join(root, 'node_modules', 'electron');
  mkdirSync(pkg, { recursive: true });
  writeFileSync(join(pkg, 'package.json'), '{"name":"electron","version":"39.5.0","main":"index.js"}');
  writeFileSync(
    join(pkg, 'index.js'),
    binaryPath === null
      ? "throw new Error('Electron failed to install correctly, please delete node_modules/electron and try installing again');"
      : `module.exports = ${JSON.stringify(binaryPath)};`,
  );
  if (binaryPath !== null) writeFileSync(binaryPath, '');
  return root;
}

describe('electronSkipReason', () => {
  it('skips when the binary was never downloaded', () => {
    const root = project(null);
    expect(electronSkipReason(root, { DISPLAY: ':0' }, 'linux')).toMatch(/Electron binary is absent/);
  });

  it('skips on Linux without a display, and runs with one (X11 or Wayland) or on other systems', () => {
    const root = project(join(tmpdir(), `recollection-fake-electron-${process.pid}`));
    expect(electronSkipReason(root, {}, 'linux')).toMatch(/xvfb-run/);
    expect(electronSkipReason(root, { DISPLAY: ':99' }, 'linux')).toBeNull();
    expect(electronSkipReason(root, { WAYLAND_DISPLAY: 'wayland-0' }, 'linux')).toBeNull();
    expect(electronSkipReason(root, {}, 'darwin')).toBeNull();
    expect(electronSkipReason(root, {}, 'win32')).toBeNull();
  });

  it('gives one line', () => {
    expect(electronSkipReason(project(null), {}, 'linux')).not.toContain('\n');
  });
});

describe('hashToLink', () => {
  it('turns the reader’s location hashes into the deep links the shell accepts', () => {
    for (const [hash, link] of [
      ['#page/c2.f2', 'recollection://page/c2.f2'],
      ['#block/c4.f2.po.4', 'recollection://block/c4.f2.po.4'],
    ] as const) {
      expect(hashToLink(hash)).toBe(link);
      expect(parseDeepLink(link)).not.toBeNull();
    }
  });

  it('gives nothing for no place or another hash', () => {
    expect(hashToLink(undefined)).toBeNull();
    expect(hashToLink('')).toBeNull();
    expect(hashToLink('#search/remittances')).toBeNull();
  });
});
