/**
 * Lint: type-aware TypeScript rules as errors, plus the architecture rules
 * that keep the layers apart (see docs/architecture.md):
 * - only src/main/ipc.ts touches ipcMain, only src/preload/index.ts touches ipcRenderer;
 * - src/core and src/shared never import electron; src/shared imports nothing platform-specific;
 * - src/renderer never imports src/main or src/core.
 */
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const nodeBuiltins = ['node:*', 'fs', 'path', 'os', 'crypto', 'child_process', 'better-sqlite3', 'electron'];

export default tseslint.config(
  {
    ignores: ['node_modules', 'out', 'build', 'dist', 'test-results', '.native', 'resources', '**/*.cjs'],
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
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='ipcMain']",
          message: 'Only src/main/ipc.ts may use ipcMain.',
        },
        {
          selector: "MemberExpression[object.name='ipcRenderer']",
          message: 'Only src/preload/index.ts may use ipcRenderer.',
        },
      ],
    },
  },
  {
    files: ['src/main/ipc.ts', 'src/preload/index.ts', 'tests/**'],
    rules: { 'no-restricted-syntax': 'off' },
  },
  {
    files: ['src/core/**', 'src/cli/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'The core has no Electron import.' }] },
      ],
    },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: nodeBuiltins, message: 'src/shared imports nothing platform-specific.' }] },
      ],
    },
  },
  {
    files: ['src/renderer/**'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/main/**', '**/core/**'], message: 'The renderer talks to the core only through window.api.' },
            { group: nodeBuiltins, message: 'The renderer runs sandboxed: no Node or Electron modules.' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
  },
);
