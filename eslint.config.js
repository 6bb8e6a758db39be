// ESLint flat config. Besides code quality, it enforces DESIGN.md's dependency direction:
// model -> nothing; scene -> model + three; ui -> model, scene, platform; renderer -> no Electron.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import boundaries from 'eslint-plugin-boundaries';
import svelteConfig from './svelte.config.js';

/**
 * The one layer matrix (DESIGN.md, conventions 1 and 13): for each element of the project, which elements it may
 * import at run time (`values`), which only as types (`types`), and which single files of another element (`files`, by
 * category of FILES below). Enforced by eslint-plugin-boundaries;
 * scripts/boundaries.test.ts plants a violation of each kind and expects lint to fail.
 */
export const LAYERS = {
  model: { values: [] },
  scene: { values: ['model'], files: ['theme-colors'] },
  platform: { values: ['model'], types: ['electron'], files: ['shared-schema'] },
  stage: { values: ['model'], types: ['scene'] },
  ui: { values: ['model', 'scene', 'platform', 'stage'], types: ['electron'], files: ['theme-colors'] },
  'renderer-entry': { values: ['ui', 'platform', 'model', 'scene'] },
  electron: { values: [] },
  // The early script's build plugin (and its test) read scene/earlyContext.ts, a file that imports nothing.
  scripts: { values: ['electron', 'model'], files: ['early-context'] },
  // The benchmark's harness pages draw the app's own scene in a browser.
  bench: { values: ['model', 'scene'] },
  e2e: { values: ['scripts'], types: ['electron'] },
};
const ELEMENTS = [
  { type: 'model', pattern: 'renderer/src/model', partialMatch: false },
  { type: 'scene', pattern: 'renderer/src/scene', partialMatch: false },
  { type: 'platform', pattern: 'renderer/src/platform', partialMatch: false },
  { type: 'ui', pattern: 'renderer/src/ui', partialMatch: false },
  { type: 'stage', pattern: 'renderer/src/stage', partialMatch: false },
  // What is left directly under renderer/src: the entry point (main.ts).
  { type: 'renderer-entry', pattern: 'renderer/src', partialMatch: false },
  { type: 'electron', pattern: 'electron', partialMatch: false },
  { type: 'bench', pattern: 'scripts/bench', partialMatch: false },
  { type: 'scripts', pattern: 'scripts', partialMatch: false },
  { type: 'e2e', pattern: 'e2e', partialMatch: false },
];
const FILES = [
  // The settings and progress schemas of the IPC contract are pure zod: main and renderer validate with them.
  { category: 'shared-schema', pattern: 'electron/ipc/settings.ts' },
  { category: 'shared-schema', pattern: 'electron/ipc/progress.ts' },
  { category: 'shared-schema', pattern: 'electron/ipc/files.ts' },
  // The values settings may take, without zod (the first 3D frame reads its settings before any schema is loaded).
  { category: 'shared-schema', pattern: 'electron/ipc/settingsValues.ts' },
  // The theme colour table (plain data): main's window background, the scene's palette and labels, the UI's CSS.
  { category: 'theme-colors', pattern: 'electron/ipc/themeColors.ts' },
  // The first frame's WebGL context (plain DOM, no three.js): made into index.html's early script at build time.
  { category: 'early-context', pattern: 'renderer/src/scene/earlyContext.ts' },
  { category: 'test', pattern: '**/*.test.ts' },
];
const boundaryPolicies = Object.entries(LAYERS).flatMap(([from, { values, types = [], files = [] }]) => [
  {
    from: { element: { type: from } },
    allow: { to: { element: { types: { anyOf: [from, ...values] } } } },
  },
  ...files.map((category) => ({
    from: { element: { type: from } },
    allow: { to: { file: { categories: category } } },
  })),
  ...(types.length > 0
    ? [
        {
          from: { element: { type: from } },
          allow: { to: { element: { types: { anyOf: types } } }, dependency: { kind: 'type' } },
        },
      ]
    : []),
]);

const electron = {
  regex: '^electron(/.*)?$',
  message: 'The renderer never imports Electron: use renderer/src/platform.',
};
// The window's API type is derived from the preload (DESIGN.md, convention 7): type-only imports of electron/ are allowed.
// So are values of the theme colour table, plain data shared with main (which layers may import it: LAYERS above).
const electronFolder = {
  regex: '^(\\.\\.?/)+(.*/)?electron(/(?!ipc/themeColors$)|$)',
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
  {
    files: ['renderer/**/*.{ts,svelte}', 'electron/**/*.ts', 'scripts/**/*.{ts,mjs}', 'e2e/**/*.ts'],
    plugins: { boundaries },
    settings: {
      'boundaries/elements': ELEMENTS,
      'boundaries/files': FILES,
      'boundaries/root-path': import.meta.dirname,
      'import/resolver': { typescript: { alwaysTryTypes: true }, node: true },
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          policies: [
            ...boundaryPolicies,
            // Tests of the main process may drive the build scripts (they test the bundled main).
            {
              from: { element: { type: 'electron' }, file: { categories: 'test' } },
              allow: { to: { element: { type: 'scripts' } } },
            },
          ],
        },
      ],
    },
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
      'no-restricted-properties': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'requestAnimationFrame'].map((property) => ({
          object: 'globalThis',
          property,
          message: 'The model has no DOM.',
        })),
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
    // The one exception to "types only from electron/": the settings and progress schemas of the IPC contract (pure
    // zod), so main and renderer validate with one schema (DESIGN.md, convention 13). Each is imported by one file;
    // the opened-file schema (ipc/files.ts) by platform/pageFile.ts; the values settings may take (ipc/settingsValues.ts,
    // plain data) by platform/startup.ts, which reads the first frame's settings before any schema is loaded.
    files: [
      'renderer/src/platform/settings.ts',
      'renderer/src/platform/progress.ts',
      'renderer/src/platform/pageFile.ts',
      'renderer/src/platform/startup.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            electron,
            nodeBuiltins,
            {
              ...electronFolder,
              regex: '^(\\.\\.?/)+(.*/)?electron(/(?!ipc/(settings|settingsValues|progress|files)$)|$)',
            },
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
