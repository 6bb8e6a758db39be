// ESLint flat config. Besides code quality, it enforces DESIGN.md's dependency direction:
// model -> nothing; scene -> model + three; ui -> model, scene, platform; renderer -> no Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

const electron = {
  regex: '^electron(/.*)?$',
  message: 'The renderer never imports Electron: use renderer/src/platform.',
};
// The window's API type is derived from the preload (DESIGN.md, convention 7): type-only imports of electron/ are allowed.
const electronFolder = {
  regex: '^(\\.\\.?/)+(.*/)?electron(/|$)',
  allowTypeImports: true,
  message: 'The renderer may import only types from electron/ (the preload API type).',
};
const svelteImports = {
  group: ['svelte', 'svelte/*', '*.svelte', '**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
  message: 'Only ui/ uses Svelte.',
};
const three = { group: ['three', 'three/*'], message: 'Only scene/ uses three.js.' };
const layer = (name) => ({
  group: [`../${name}`, `../${name}/*`, `../../${name}/*`],
  message: `This folder may not import ${name}/.`,
});
const nodeBuiltins = {
  group: ['node:*', 'fs', 'path', 'os', 'child_process'],
  message: 'The renderer has no Node.js.',
};

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'dist-electron/',
      'release/',
      'coverage/',
      'node_modules/',
      'test-results/',
      'playwright-report/',
      'e2e/.artifacts/',
      '.electronegativity/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      parserOptions: { projectService: true, extraFileExtensions: ['.svelte'], parser: tseslint.parser, svelteConfig },
    },
  },
  {
    files: ['renderer/**/*.{ts,svelte}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [electron, electronFolder, nodeBuiltins] }],
    },
  },
  {
    files: ['renderer/src/model/**/*.ts'],
    ignores: ['renderer/src/model/**/*.test.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electron, nodeBuiltins, svelteImports, three, layer('scene'), layer('ui'), layer('platform')] },
      ],
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'HTMLElement',
        'requestAnimationFrame',
      ],
    },
  },
  {
    files: ['renderer/src/scene/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electron, nodeBuiltins, svelteImports, layer('ui'), layer('platform')] },
      ],
    },
  },
  {
    files: ['renderer/src/platform/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [electron, nodeBuiltins, svelteImports, three, layer('scene'), layer('ui')] },
      ],
    },
  },
  {
    // The one exception to "types only from electron/": the settings schema of the IPC contract (pure zod), so main
    // and renderer validate settings with one schema (DESIGN.md, convention 13).
    files: ['renderer/src/platform/settings.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            nodeBuiltins,
            { ...electronFolder, regex: '^(\\.\\.?/)+(.*/)?electron(/(?!ipc/settings$)|$)' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/ui/**/*.{ts,svelte}'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [electron, electronFolder, nodeBuiltins, three] },
      ],
    },
  },
  {
    files: ['renderer/src/**/*.test.ts'],
    languageOptions: { globals: { ...globals.node } },
    rules: { '@typescript-eslint/no-restricted-imports': 'off', 'no-restricted-globals': 'off' },
  },
);
