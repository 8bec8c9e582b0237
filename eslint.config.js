import js from '@eslint/js';
import prettier from 'eslint-config-prettier';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

export default ts.config(
  {
    ignores: [
      'build/',
      '.svelte-kit/',
      'node_modules/',
      'data/',
      'test-results/',
      'playwright-report/',
      'bench-results/',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommended,
  ...svelte.configs.recommended,
  prettier,
  ...svelte.configs.prettier,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        // Plain-JS scripts outside tsconfig's include still get type-aware linting.
        projectService: { allowDefaultProject: ['scripts/*.mjs'] },
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      // Cymorth is always served at the root of its own origin by the sync server (no
      // `paths.base`), so wrapping every link in resolve() would add noise and no safety.
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts', '**/*.svelte.js'],
    languageOptions: {
      parserOptions: { parser: ts.parser, svelteConfig },
    },
  },
  {
    // The domain is pure and shared by the app and the server: no DOM frameworks, no storage
    // engines, no Node modules (docs/architecture.md, "Where the code is").
    files: ['src/lib/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(svelte|\\$app|\\$lib|dexie|pouchdb|leaflet|i18next|workbox)',
              message: 'src/lib/domain stays pure.',
            },
            { regex: '^node:', message: 'src/lib/domain runs in the browser too.' },
            {
              regex: '^(fs|path|crypto|http|os|url|stream|buffer)$',
              message: 'src/lib/domain runs in the browser too.',
            },
          ],
        },
      ],
    },
  },
  {
    // Screens read domain documents through the staff data module (src/lib/staff/data/), never
    // its read model: the model's tables and row types are the module's own (docs/architecture.md,
    // "The coordinator's desk"). The sync layer feeds the model, so it may reach inside.
    files: ['src/routes/**', 'src/lib/staff/**'],
    ignores: ['src/lib/staff/data/**', 'src/lib/staff/sync/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '(^|/)data/model/',
              message:
                "Read through the data module's queries; a screen holds the model only as read-model-handle.ts gives it.",
            },
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[property.name=/^(requests|contacts|notes|events|volunteers|areas|meta)$/]:matches([object.name='model'], [object.property.name='model'], [object.callee.name='model'])",
          message: "Read the model through the data module's queries, not its tables.",
        },
      ],
    },
  },
);
