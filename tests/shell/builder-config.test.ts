/**
 * electron-builder.yml, loaded and validated by electron-builder's own code
 * (app-builder-lib's getConfig + validateConfiguration against its schema), and
 * the settings the app's safety depends on: the fuses, the unpacked native
 * module, the shipped content database, no publishing, the app icon.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Configuration } from 'app-builder-lib';
import { appLocations, PACKAGED_NATIVE_DIR, STAGED_NATIVE_DIR } from '../../src/main/paths';

const root = fileURLToPath(new URL('../../', import.meta.url));
let config: Configuration;

beforeAll(async () => {
  config = await getConfig(root, join(root, 'electron-builder.yml'), null);
});

describe('electron-builder.yml', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('is checked by a validator that does reject a wrong option', async () => {
    const wrong = { ...config, electronFuses: { ...config.electronFuses, runAsNodee: false } } as Configuration;
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/Invalid configuration object/);
  });

  it('sets every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
      enableCookieEncryption: true,
    });
  });

  it('packs the app in an asar and ships the staged Electron builds of both addons, rebuilding nothing', () => {
    expect(config.asar).toBe(true);
    // electron-builder's rebuild runs in the project's node_modules: it would replace the Node builds.
    expect(config.npmRebuild).toBe(false);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['dist']).toMatch(/ensure-native\.ts --stage && electron-builder$/);
    // getConfig normalises `files` into file sets; the patterns are what counts.
    const patterns = (config.files as Array<{ filter: string[] }>).flatMap((set) => set.filter);
    expect(patterns).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    // The Node command line's bundle and code cache are not the app's: it runs `cli` in its main process.
    expect(patterns).toContain('!out/cli/**');
    expect(patterns).toEqual(
      expect.arrayContaining([
        '!**/node_modules/better-sqlite3/build/**',
        '!**/node_modules/better-sqlite3-multiple-ciphers/build/**',
      ]),
    );
  });

  it('ships the content database where the packaged app looks for it', () => {
    expect(config.extraResources).toEqual([
      { from: 'build/content/recollection.db', to: 'content/recollection.db' },
      { from: 'resources/build/icon.png', to: 'icon.png' },
      { from: STAGED_NATIVE_DIR, to: PACKAGED_NATIVE_DIR },
    ]);
    const packaged = appLocations({
      isPackaged: true,
      appPath: '/opt/R/resources/app.asar',
      resourcesPath: '/opt/R/resources',
      electronVersion: '39.5.0',
    });
    expect(packaged.contentDbPath).toBe(join('/opt/R/resources', 'content/recollection.db'));
    expect(packaged.iconPath).toBe(join('/opt/R/resources', 'icon.png'));
    // In development the window takes the very file electron-builder packs.
    const dev = appLocations({ isPackaged: false, appPath: root, resourcesPath: '/x', electronVersion: '39.5.0' });
    expect(existsSync(dev.iconPath)).toBe(true);
    // The installed app names its own addons, under resources/native/, and no other.
    expect(packaged.nativeBinding).toBe(join('/opt/R/resources/native/better_sqlite3.node'));
    expect(packaged.userNativeBinding).toBe(
      join('/opt/R/resources/native/better-sqlite3-multiple-ciphers/better_sqlite3.node'),
    );
  });

  it('takes code-signing certificates from the environment only, and says which variables, per OS', () => {
    const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    // No secret, certificate path or Apple account in the committed configuration.
    const keys = JSON.stringify(config);
    for (const secret of [
      'cscLink',
      'cscKeyPassword',
      'certificateFile',
      'certificatePassword',
      'certificateSubjectName',
      'appleId',
      'appleIdPassword',
      'identity',
    ]) {
      expect(keys, secret).not.toContain(`"${secret}"`);
    }
    for (const name of [
      'CSC_LINK',
      'CSC_KEY_PASSWORD',
      'WIN_CSC_LINK',
      'WIN_CSC_KEY_PASSWORD',
      'APPLE_ID',
      'APPLE_TEAM_ID',
    ]) {
      expect(yml, name).toContain(name);
    }
    expect(yml).toMatch(/#\s+macOS\s/);
    expect(yml).toMatch(/#\s+Windows\s/);
    expect(yml).toMatch(/#\s+Linux\s/);
    expect(config.mac?.hardenedRuntime).toBe(true);
  });

  it('says that the native addons are outside the asar integrity check, and unpacks nothing', () => {
    const yml = readFileSync(join(root, 'electron-builder.yml'), 'utf8');
    expect(yml).toMatch(/OUTSIDE the asar[\s\S]*enableEmbeddedAsarIntegrityValidation does not cover it/);
    expect(config.asarUnpack ?? []).toEqual([]);
  });

  it('names the app, its targets and publishes nothing', () => {
    expect(config.appId).toBe('org.recollection.app');
    expect(config.productName).toBe('Recollection');
    expect(config.publish).toBeNull();
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.linux?.category).toBe('Office');
    expect(config.linux?.maintainer).toBeTruthy();
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('has an app icon electron-builder can make every platform’s icon from (a PNG of at least 512×512)', () => {
    // electron-builder looks for icon.png in buildResources and derives .ico, .icns and the Linux set.
    const png = readFileSync(join(root, config.directories?.buildResources ?? 'build', 'icon.png'));
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    // IHDR: width and height, big-endian, at bytes 16–23.
    expect(Math.min(png.readUInt32BE(16), png.readUInt32BE(20))).toBeGreaterThanOrEqual(512);
    expect(png.readUInt32BE(16)).toBe(png.readUInt32BE(20));
  });
});
