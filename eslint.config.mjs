import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';

const entityManagerPackages = ['@mikro-orm/postgresql', '@mikro-orm/core', '@mikro-orm/knex'];

export default tseslint.config(
  {
    ignores: [
      'node_modules',
      '.data',
      '.nx',
      'web/.svelte-kit',
      'web/build',
      'e2e/artifacts',
      'libs/graphql-client/src/generated.ts',
      '**/*.d.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      curly: ['error', 'all'],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  // Type-aware rules for the TypeScript code
  {
    files: ['api/**/*.ts', 'libs/**/*.ts', 'e2e/**/*.ts', 'migrations/**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'no-restricted-syntax': ['error', { selector: 'ExportDefaultDeclaration', message: 'Use named exports.' }],
    },
  },
  {
    files: ['api/src/**/*.ts'],
    ignores: ['api/src/config/config.ts'],
    rules: {
      'no-restricted-properties': [
        'error',
        { object: 'process', property: 'env', message: 'Read settings from the typed config (api/src/config/config.ts).' },
      ],
    },
  },
  // Resolvers are thin: one service call each; services own the database.
  {
    files: ['api/src/**/*.resolver.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: entityManagerPackages.map((name) => ({
            name,
            importNames: ['EntityManager'],
            message: 'Resolvers call one service; services own the database. Move this query into a service.',
          })),
        },
      ],
    },
  },
  ...svelte.configs['flat/recommended'],
  // Type-aware rules for the web app (.ts and .svelte, through web/tsconfig.json; run `svelte-kit sync` first)
  {
    files: ['web/**/*.svelte', 'web/**/*.ts', 'web/**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser, ...globals.node },
      parserOptions: {
        parser: tseslint.parser,
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@typescript-eslint/no-floating-promises': 'error',
      // Svelte event handlers may be async; Svelte ignores what they return.
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: { attributes: false } }],
      'svelte/no-navigation-without-resolve': 'off',
    },
  },
);
