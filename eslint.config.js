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

/**
 * DESIGN.md §6's layers, lowest first: a module imports only from its own layer and the layers before it.
 * geo, analysis and io share DESIGN's second rank; here they are ordered (io reads geo's ZIP geocoder and
 * writes analysis results) so that no arrow runs both ways. workers and state share a rank and do not
 * import each other; ui sits beside views and imports no domain code (rule below).
 */
const LAYERS = [['domain'], ['geo'], ['analysis'], ['io'], ['workers', 'state'], ['views', 'ui'], ['app']];

/** The import patterns a layer may not use: every layer above it, and its rank-mates. */
function layerPatterns(layer) {
  const rank = LAYERS.findIndex((names) => names.includes(layer));
  const above = LAYERS.slice(rank + 1).flat();
  const mates = LAYERS[rank].filter((name) => name !== layer && !(layer === 'views' && name === 'ui'));
  return [...above, ...mates].map((name) => ({
    group: [`**/${name}/**`, `**/src/${name}/**`],
    message: `The ${layer} layer must not import from ${name} (DESIGN.md §6: domain → geo → analysis → io → workers/state → views/ui → app).`,
  }));
}

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
      'no-restricted-globals': [
        'error',
        ...['window', 'document', 'navigator', 'localStorage', 'sessionStorage', 'indexedDB', 'location'].map(
          (name) => ({ name, message: 'The pure core runs under Node: no DOM globals.' }),
        ),
      ],
    },
  },
  // One block per layer; the pure core's block adds the UI-library bans to its layer's own patterns.
  ...LAYERS.flat().map((layer) => ({
    files: [`src/${layer}/**/*.{ts,tsx}`],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...(pureCore.includes(`src/${layer}/**`) ? { paths: uiOnlyModules } : {}),
          patterns: [
            ...(pureCore.includes(`src/${layer}/**`)
              ? [
                  {
                    group: ['sigma/*', 'maplibre-gl/*', 'react-dom/*'],
                    message: 'UI libraries stay out of the pure core.',
                  },
                ]
              : []),
            ...layerPatterns(layer),
            ...(layer === 'ui'
              ? [
                  {
                    group: [
                      '**/domain/**',
                      '**/analysis/**',
                      // Files, not the folder: gitignore-style patterns cannot re-include a file of an excluded folder.
                      '**/io/**/*.ts',
                      // The CSV writer is generic text, and there is one: tables use it as exports do.
                      '!**/io/export/csv-text.ts',
                      '**/geo/**',
                      '**/state/**',
                      '**/workers/**',
                    ],
                    message: 'Generic UI components take no domain imports.',
                  },
                ]
              : []),
          ],
        },
      ],
    },
  })),
);
