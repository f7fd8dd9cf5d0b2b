/**
 * The lint rules that keep the layers apart (eslint.config.js, the table in
 * docs/architecture.md), tested through ESLint's own Node API: a deliberately
 * wrong import in each forbidden direction must fail with the rule's message
 * (between the folders of src/, and between the core's own folders), and the
 * imports the table allows must pass.
 *
 * Constraint: the repository's real config is used; only type-aware parsing is
 * turned off (the snippets are not files of the TypeScript project, and the
 * layer rules do not need types).
 */
import { existsSync } from 'node:fs';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ overrideConfig: [tseslint.configs.disableTypeChecked] });

/** The messages lint gives for `code` as if it were the file at `filePath`. */
async function lint(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.map((m) => `${m.ruleId}: ${m.message}`);
}

const importing = (source: string, names = '{ x }') => `import ${names} from '${source}';\nexport const y = [x];\n`;
const layer = (from: string) => new RegExp(`boundaries/dependencies: src/${from} may import only .*; not '`);
// Either rule may say it: boundaries for a file that exists, no-restricted-imports by name for any path.
const testData =
  /(boundaries\/dependencies|no-restricted-imports): .*Production code never imports test data or test helpers/;

// One wrong import in each forbidden direction: [file, source, expected message].
const forbidden: Array<[string, string, RegExp]> = [
  // src/shared: zod only.
  ['src/shared/x.ts', '../core/open', layer('shared')],
  ['src/shared/x.ts', '../main/ipc', layer('shared')],
  ['src/shared/x.ts', '../renderer/api', layer('shared')],
  ['src/shared/x.ts', 'node:fs', layer('shared')],
  ['src/shared/x.ts', 'electron', layer('shared')],
  ['src/shared/x.ts', 'better-sqlite3', layer('shared')],
  ['src/shared/x.ts', 'react', layer('shared')],
  // src/core: no Electron, no shell, no renderer, no cli.
  ['src/core/x.ts', 'electron', layer('core')],
  ['src/core/x.ts', '../main/paths', layer('core')],
  ['src/core/x.ts', '../preload/bridge', layer('core')],
  ['src/core/x.ts', '../renderer/api', layer('core')],
  ['src/core/x.ts', '../cli/format', layer('core')],
  ['src/core/x.ts', 'react', layer('core')],
  // src/cli: no Electron, no shell, no renderer.
  ['src/cli/x.ts', 'electron', layer('cli')],
  ['src/cli/x.ts', '../main/paths', layer('cli')],
  ['src/cli/x.ts', '../renderer/api', layer('cli')],
  ['src/cli/x.ts', '../preload/bridge', layer('cli')],
  // src/main: no renderer, preload or cli.
  ['src/main/x.ts', '../renderer/api', layer('main')],
  ['src/main/x.ts', '../preload/bridge', layer('main')],
  ['src/main/x.ts', '../cli/format', layer('main')],
  ['src/main/x.ts', 'react', layer('main')],
  // src/preload: no core, main, renderer, Node.
  ['src/preload/x.ts', '../core/open', layer('preload')],
  ['src/preload/x.ts', '../main/ipc', layer('preload')],
  ['src/preload/x.ts', '../renderer/api', layer('preload')],
  ['src/preload/x.ts', 'node:fs', layer('preload')],
  // src/renderer: no main, core, preload, Node, Electron.
  ['src/renderer/x.ts', '../main/ipc', layer('renderer')],
  ['src/renderer/x.ts', '../core/open', layer('renderer')],
  ['src/renderer/x.ts', '../preload/bridge', layer('renderer')],
  ['src/renderer/x.ts', 'node:fs', layer('renderer')],
  ['src/renderer/x.ts', 'fs', layer('renderer')],
  ['src/renderer/x.ts', 'electron', layer('renderer')],
  ['src/renderer/x.ts', 'better-sqlite3', layer('renderer')],
  // A package not in the table fails even where packages are allowed.
  ['src/core/x.ts', 'vitest', layer('core')],
  ['src/main/x.ts', 'better-sqlite3', layer('main')],
  // Production code never imports test data.
  ['src/core/x.ts', '../../tests/support/content', testData],
  ['src/core/content/x.ts', './model.fixture', testData],
  ['src/core/exchange/x.ts', './test-entries', testData],
  ['src/core/content/x.ts', './store.test', testData],
  ['src/renderer/x.ts', '../../tests/e2e/steps', testData],
  ['src/main/x.ts', '../../tests/shell/fakes', testData],
];

// What the table allows: [file, source].
const allowed: Array<[string, string]> = [
  ['src/shared/x.ts', 'zod'],
  ['src/shared/contract/x.ts', '../limits'],
  ['src/core/x.ts', '../shared/limits'],
  ['src/core/x.ts', './content/store'],
  ['src/core/x.ts', 'node:fs'],
  ['src/core/x.ts', 'better-sqlite3'],
  ['src/core/x.ts', 'minisearch'],
  ['src/cli/x.ts', '../core/open'],
  ['src/cli/x.ts', '../shared/limits'],
  ['src/cli/x.ts', 'node:path'],
  ['src/main/x.ts', '../core/open'],
  // The one exception: the installed app's command-line mode runs src/cli (docs/cli.md).
  ['src/main/cli-mode.ts', '../cli/index'],
  ['src/main/x.ts', '../shared/limits'],
  ['src/main/x.ts', 'electron'],
  ['src/main/x.ts', 'node:path'],
  ['src/preload/x.ts', '../shared/limits'],
  ['src/preload/x.ts', 'electron'],
  ['src/renderer/x.ts', '../shared/limits'],
  ['src/renderer/x.ts', './api'],
  ['src/renderer/x.ts', 'react'],
];

describe('the layer table is an allow-list', () => {
  it.each(forbidden)('%s importing %s fails', async (file, source, message) => {
    const messages = await lint(file, importing(source));
    expect(
      messages.some((m) => message.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it.each(allowed)('%s importing %s passes', async (file, source) => {
    expect(await lint(file, importing(source))).toEqual([]);
  });

  it('test files may import test data', async () => {
    expect(await lint('src/core/content/x.test.ts', importing('../../../tests/support/content'))).toEqual([]);
  });
});

/**
 * The core's folders bottom to top (docs/architecture.md), written here again on purpose: the test
 * holds the config to this order. Each may import those before it, never one after it; the
 * files at the top of src/core (the core's entry) may import them all, and none of them those.
 * Each folder is named by a real module of it (lint knows a file's layer only when it exists).
 */
const CORE_ORDER: Array<[folder: string, module: string]> = [
  ['base', 'base/files'],
  ['policy', 'policy/read'],
  ['content', 'content/store'],
  ['search', 'search/service'],
  ['content-build', 'content-build/ensure'],
  ['exchange', 'exchange/w3c'],
  ['user', 'user/store'],
  ['delegation', 'delegation/service'],
  ['handlers', 'handlers/types'],
];
const ENTRY = 'open';

/** A probe: a file of `from` (at its top, or one folder down) importing `module` of the core. */
const probe = (from: string, module: string, deeper = false): [string, string] =>
  deeper ? [`src/core/${from}/sub/x.ts`, `../../${module}`] : [`src/core/${from}/x.ts`, `../${module}`];

const upward = CORE_ORDER.flatMap(([from], i) => [
  ...CORE_ORDER.slice(i + 1).map(([, module]) => [...probe(from, module), from] as const),
  [...probe(from, ENTRY), from] as const,
]);
const downward = CORE_ORDER.flatMap(([from], i) => CORE_ORDER.slice(0, i).map(([, module]) => probe(from, module)));

describe("the core's folders are layers: one way only", () => {
  it('every probe names a module that exists', () => {
    for (const [, module] of [...CORE_ORDER, [ENTRY, ENTRY]])
      expect(existsSync(`src/core/${module}.ts`), module).toBe(true);
  });

  it.each(upward)('%s importing %s fails', async (file, source, from) => {
    const messages = await lint(file, importing(source));
    expect(
      messages.some((m) => layer(`core/${from}`).test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it.each(downward)('%s importing %s passes', async (file, source) => {
    expect(await lint(file, importing(source))).toEqual([]);
  });

  it.each([
    // A file deeper in a folder belongs to that folder's layer.
    [...probe('user', 'delegation/service', true), 'user'],
    [...probe('content', 'search/service', true), 'content'],
  ])('%s importing %s fails', async (file, source, from) => {
    const messages = await lint(file, importing(source));
    expect(
      messages.some((m) => layer(`core/${from}`).test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it.each([
    probe('user', 'exchange/w3c', true),
    // The core's entry, the shell and the command line may import every layer of the core.
    ['src/core/x.ts', './handlers/types'],
    ['src/core/x.ts', './base/files'],
    ['src/main/x.ts', '../core/user/store'],
    ['src/cli/x.ts', '../core/content/schema'],
  ])('%s importing %s passes', async (file, source) => {
    expect(await lint(file, importing(source))).toEqual([]);
  });
});

describe('only src/main/ipc.ts imports ipcMain, only src/preload/index.ts imports ipcRenderer', () => {
  const ipcMain = /no-restricted-imports: .*Only src\/main\/ipc\.ts may import ipcMain\./;
  const ipcRenderer = /no-restricted-imports: .*Only src\/preload\/index\.ts may import ipcRenderer\./;
  const byName = /no-restricted-imports: .*Import Electron's modules by name/;
  const dynamic = /no-restricted-syntax: Import electron statically, by name/;

  it.each([
    ['src/main/window.ts', "import { ipcMain } from 'electron';\nexport const y = ipcMain;\n", ipcMain],
    ['src/main/window.ts', "import { ipcMain as m } from 'electron';\nexport const y = m;\n", ipcMain],
    ['src/main/window.ts', "import * as e from 'electron';\nexport const y = e.ipcMain;\n", ipcMain],
    ['src/main/window.ts', "import e from 'electron';\nconst { ipcMain } = e;\nexport const y = ipcMain;\n", byName],
    ['src/main/window.ts', "export { ipcMain } from 'electron';\n", ipcMain],
    ['src/main/window.ts', "export const y = import('electron').then(({ ipcMain }) => ipcMain);\n", dynamic],
    ['src/main/ipc.ts', "import { ipcRenderer as r } from 'electron';\nexport const y = r;\n", ipcRenderer],
    ['src/preload/bridge.ts', "import { ipcRenderer as r } from 'electron';\nexport const y = r;\n", ipcRenderer],
    ['src/preload/index.ts', "import { ipcMain } from 'electron';\nexport const y = ipcMain;\n", ipcMain],
  ])('%s: %s fails', async (file, code, message) => {
    const messages = await lint(file, code);
    expect(
      messages.some((m) => message.test(m)),
      messages.join('\n'),
    ).toBe(true);
  });

  it.each([
    [
      'src/main/ipc.ts',
      "import { ipcMain, type IpcMainInvokeEvent } from 'electron';\nexport const y: [typeof ipcMain, IpcMainInvokeEvent?] = [ipcMain];\n",
    ],
    [
      'src/preload/index.ts',
      "import { contextBridge, ipcRenderer } from 'electron';\nexport const y = [contextBridge, ipcRenderer];\n",
    ],
    ['src/main/window.ts', "import { BrowserWindow } from 'electron';\nexport const y = BrowserWindow;\n"],
  ])('%s: the owner or another Electron module passes', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});
