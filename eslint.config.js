// Lint blocks CI (--max-warnings 0). Layer rules keep the pure core (domain, geo, analysis, io) free of
// React, MapLibre, sigma and the DOM so that it runs under Node for the CLI and the tests.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const pureCore = ['src/domain/**', 'src/geo/**', 'src/analysis/**', 'src/io/**'];

const uiOnlyModules = [
  { name: 'react', message: 'The pure core must not depend on React.' },
  { name: 'react-dom', message: 'The pure core must not depend on React.' },
  { name: 'maplibre-gl', message: 'The pure core must not depend on MapLibre.' },
  { name: 'sigma', message: 'The pure core must not depend on sigma.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'coverage/**', 'node_modules/**', '.e2e/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      ecmaVersion: 2023,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-warning-comments': ['error', { terms: ['todo', 'fixme', 'xxx'], location: 'start' }],
      eqeqeq: ['error', 'always', { null: 'ignore' }],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    files: pureCore,
    ignores: ['**/*.test.ts'],
    languageOptions: { globals: { ...globals.es2021 } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: uiOnlyModules,
          patterns: [
            {
              group: ['sigma/*', 'maplibre-gl/*', 'react-dom/*'],
              message: 'UI libraries stay out of the pure core.',
            },
            {
              group: ['**/views/**', '**/ui/**', '**/app/**', '**/state/**', '**/workers/**'],
              message: 'The pure core must not import from the UI layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location'].map(
          (name) => ({ name, message: 'The pure core runs under Node: no DOM globals.' }),
        ),
      ],
    },
  },
  {
    files: ['src/ui/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/domain/**', '**/analysis/**', '**/io/**', '**/geo/**', '**/state/**'],
              message: 'Generic UI components take no domain imports.',
            },
          ],
        },
      ],
    },
  },
);
