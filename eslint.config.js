/**
 * Lint: type-aware TypeScript rules as errors, plus the architecture rules
 * that keep the layers apart (the table in docs/architecture.md; tests in
 * tests/lint/layers.test.ts):
 * - each folder of src/ imports only what its row of the table allows
 *   (eslint-plugin-boundaries, default "disallow": an allow-list), and each
 *   folder of src/core only the core's folders below it (CORE_LAYERS);
 * - production code (src/**, not *.test.ts) never imports test data;
 * - only src/main/ipc.ts imports ipcMain, only src/preload/index.ts imports
 *   ipcRenderer, whatever name they are imported under.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import boundaries from 'eslint-plugin-boundaries';

/** The layer table: which folders and packages each folder of src/ may import. */
export const LAYERS = {
  shared: { folders: ['shared'], packages: ['zod', 'markdown-it'] },
  core: {
    folders: ['shared', 'core'],
    packages: [
      'node:*',
      'better-sqlite3',
      'minisearch',
      'zod',
      'markdown-it',
      'docx',
      'csv-stringify',
      'approx-string-match',
      'better-sqlite3-multiple-ciphers',
      'age-encryption',
      '@noble/ciphers',
      'nspell',
      'dictionary-en',
      'dictionary-en-gb',
      '@orama/stemmers',
    ],
  },
  cli: { folders: ['shared', 'core', 'cli'], packages: ['node:*', 'better-sqlite3'] },
  main: { folders: ['shared', 'core', 'main'], packages: ['node:*', 'electron', 'zod'] },
  preload: { folders: ['shared', 'preload'], packages: ['electron'] },
  renderer: {
    folders: ['shared', 'renderer'],
    packages: ['react', 'react-dom', '@fontsource/*', '@tanstack/react-virtual', 'fuzzysort', 'zod'],
  },
};

/**
 * The core's own layers, bottom to top: a folder of src/core may import its own files and the
 * folders below it in this list, never one above, so no two of them import each other. The files
 * at the top of src/core (open.ts, core.ts, dispatch.ts: the core's entry) sit above them all.
 */
export const CORE_LAYERS = [
  'base',
  'policy',
  'content',
  'search',
  'content-build',
  'exchange',
  'user',
  'delegation',
  'handlers',
];

/** Each folder of the core as a layer of its own, with the core's packages: `core/content`, … */
const coreLayers = Object.fromEntries(
  CORE_LAYERS.map((folder, i) => [
    `core/${folder}`,
    { ...LAYERS.core, folders: ['shared', ...CORE_LAYERS.slice(0, i + 1).map((f) => `core/${f}`)] },
  ]),
);
/** Where a row of LAYERS names `core`, every layer of the core is meant. */
const withCoreLayers = (layers) =>
  Object.fromEntries(
    Object.entries(layers).map(([from, row]) => [
      from,
      { ...row, folders: row.folders.flatMap((f) => (f === 'core' ? ['core', ...Object.keys(coreLayers)] : [f])) },
    ]),
  );
const ALL_LAYERS = { ...coreLayers, ...withCoreLayers(LAYERS) };

const TEST_FILES = ['**/*.test.ts', '**/*.test.tsx'];
/** Production code never imports these (test data and test helpers). */
const TEST_DATA = ['**/*.fixture.ts', '**/test-entries.ts', ...TEST_FILES];
const TEST_DATA_MESSAGE = 'Production code never imports test data or test helpers';

const list = (items) => items.join(', ');

/**
 * Two policies a layer: refuse everything, then allow its row of the table
 * (the last policy that matches decides, so the refusal's message names what
 * is allowed). Then one policy over all: no test data in production code.
 */
const policiesFor = (layers) => [
  ...Object.entries(layers).flatMap(([from, { folders, packages }]) => [
    {
      from: { element: { type: from } },
      disallow: { to: { module: { origin: '*' } } },
      message: `src/${from} may import only ${list([...folders.map((f) => `src/${f}`), ...packages])} (the layer table in docs/architecture.md); not '{{dependency.source}}'.`,
    },
    {
      from: { element: { type: from } },
      allow: [
        { to: { element: { types: { anyOf: folders } } } },
        ...(packages.includes('node:*') ? [{ to: { module: { origin: 'core' } } }] : []),
        { to: { module: { origin: 'external', source: packages.filter((p) => p !== 'node:*') } } },
      ],
    },
  ]),
  {
    disallow: [{ to: { element: { type: 'tests' } } }, { to: { file: { categories: 'test-data' } } }],
    message: `${TEST_DATA_MESSAGE} ('{{dependency.source}}').`,
  },
];
const layerPolicies = policiesFor(ALL_LAYERS);
/**
 * The one exception to the table: the installed app runs the command line in its main process
 * (`Recollection cli …`, src/main/cli-mode.ts, docs/cli.md), so that file may import src/cli.
 */
const CLI_MODE = 'src/main/cli-mode.ts';
const cliModePolicies = policiesFor({
  ...coreLayers,
  ...withCoreLayers({ ...LAYERS, main: { ...LAYERS.main, folders: [...LAYERS.main.folders, 'cli'] } }),
});

/** The electron imports a file of src/ may not make: by name, so a renamed import is caught too. */
const IPC_OWNERS = { ipcMain: 'src/main/ipc.ts', ipcRenderer: 'src/preload/index.ts' };
/**
 * no-restricted-imports for src/: the electron names above, and test data by
 * its name (the boundaries rule needs the file to exist; this catches a path
 * to a file that does not, e.g. one moved away).
 */
const electronRestrictions = (except) => [
  'error',
  {
    paths: [
      ...Object.entries(IPC_OWNERS)
        .filter(([, owner]) => owner !== except)
        .map(([name, owner]) => ({
          name: 'electron',
          importNames: [name],
          message: `Only ${owner} may import ${name}.`,
        })),
      {
        name: 'electron',
        importNames: ['default'],
        message: "Import Electron's modules by name (a default import would hide ipcMain and ipcRenderer).",
      },
    ],
    patterns: [
      {
        group: [
          '**/tests/**',
          '**/*.fixture',
          '**/*.fixture.*',
          '**/test-entries',
          '**/test-entries.*',
          '**/*.test',
          '**/*.test.*',
        ],
        message: `${TEST_DATA_MESSAGE}.`,
      },
    ],
  },
];

export default tseslint.config(
  {
    ignores: ['node_modules', 'out', 'build', 'dist', 'test-results', '.native', 'resources', '**/*.cjs', '!bin/*.cjs'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**'],
    ignores: TEST_FILES,
    plugins: { boundaries },
    settings: {
      'boundaries/elements': [
        // The core's folders first: the first element whose pattern matches a file is its layer.
        ...CORE_LAYERS.map((folder) => ({ type: `core/${folder}`, pattern: `src/core/${folder}` })),
        ...Object.keys(LAYERS).map((type) => ({ type, pattern: `src/${type}` })),
        { type: 'tests', pattern: 'tests' },
      ],
      'boundaries/files': [{ category: 'test-data', pattern: TEST_DATA }],
      'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.json'] } },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          checkUnknownLocals: true,
          checkInternals: true,
          policies: layerPolicies,
        },
      ],
    },
  },
  {
    files: [CLI_MODE],
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          checkAllOrigins: true,
          checkUnknownLocals: true,
          checkInternals: true,
          policies: cliModePolicies,
        },
      ],
    },
  },
  {
    files: ['src/**'],
    ignores: TEST_FILES,
    rules: {
      'no-restricted-imports': electronRestrictions(null),
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "ImportExpression[source.value='electron'], CallExpression[callee.name='require'][arguments.0.value='electron']",
          message: 'Import electron statically, by name (so the ipcMain/ipcRenderer rule sees it).',
        },
      ],
    },
  },
  ...Object.values(IPC_OWNERS).map((owner) => ({
    files: [owner],
    rules: { 'no-restricted-imports': electronRestrictions(owner) },
  })),
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
  {
    files: ['**/*.js', '**/*.mjs', 'bin/*.cjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
  {
    // The command line's launcher: plain CommonJS (bin/load-cli.cjs says why).
    files: ['bin/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
