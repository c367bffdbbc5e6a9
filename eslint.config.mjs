// ESLint 9 flat config: typescript-eslint's type-checked rules, drizzle's guards against
// unbounded delete/update, and the client/server import boundary (STYLE.md, "Shape of the code" 4).
import js from '@eslint/js';
import drizzle from 'eslint-plugin-drizzle';
import reactHooks from 'eslint-plugin-react-hooks';
import { defineConfig, globalIgnores } from 'eslint/config';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const drizzleObjects = { drizzleObjectName: ['db', 'tx'] };

/** `no-restricted-imports` patterns for a folder: both the `@/` alias and relative paths. */
function forbidImports(folders, message) {
  return folders.map((folder) => ({ regex: `^(@/|(\\.\\.?/)+)${folder}(/|$)`, message }));
}

/*
 * Size limits (#16): a file of at most 400 lines, a function of at most 80 (blank lines and
 * comments not counted). Tests and their harnesses are excepted; no other file is.
 */

export default defineConfig([
  globalIgnores([
    '.next/',
    // The server bundle (scripts/build-server.mjs) and CI's Node.js (.ci/run).
    'dist/',
    '.ci/node/',
    'node_modules/',
    'data/',
    'test-results/',
    'playwright-report/',
    '.tmp/',
    'public/',
    'next-env.d.ts',
    '**/*.config.js',
    '**/*.config.mjs',
    // Scratch files (`*.tmp.ts`) are never committed.
    '**/*.tmp.*',
  ]),

  js.configs.recommended,

  {
    files: ['**/*.{ts,tsx,mts,cts}'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { drizzle },
    rules: {
      'drizzle/enforce-delete-with-where': ['error', drizzleObjects],
      'drizzle/enforce-update-with-where': ['error', drizzleObjects],
      // Stores and connectors implement Promise-returning interfaces without always awaiting;
      // no-floating-promises and await-thenable still catch the mistakes that matter.
      '@typescript-eslint/require-await': 'off',
      // Terminal, recording and masking code matches ANSI escapes and control bytes on purpose.
      'no-control-regex': 'off',
      // `_name` marks a deliberately unused binding (e.g. `{ actor: _actor }`, `{ password: _p, ...rest }`).
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },

  // The two classic hook rules (not v7's React Compiler rules, which assume the compiler).
  {
    files: ['app/**/*.{ts,tsx}', 'components/**/*.{ts,tsx}', 'lib/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },

  {
    files: ['**/*.test.ts', '**/*.spec.ts', 'test/**', 'playwright/**'],
    rules: {
      // Vitest's and Playwright's asymmetric matchers (expect.any, expect.objectContaining, ...) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },

  {
    files: ['playwright/**'],
    rules: {
      // Playwright fixtures without dependencies are declared as `async ({}, use) => ...`.
      'no-empty-pattern': 'off',
    },
  },

  // Plain JavaScript (scripts/*.mjs): Node globals, no type information.
  {
    files: ['**/*.{js,mjs,cjs}'],
    languageOptions: { globals: globals.node },
  },

  {
    files: ['components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: forbidImports(['server', 'db'], 'Components run in the browser: pass data in as props, never import server/ or db/.') },
      ],
    },
  },
  {
    files: ['server/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: forbidImports(['app', 'components'], 'server/ is below app/ and components/: it must not import them.') }],
    },
  },
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    ignores: ['**/*.test.{ts,tsx}', '**/*.spec.ts', 'test/**', 'playwright/**'],
    rules: {
      'max-lines': ['error', { max: 400 }],
      'max-lines-per-function': ['error', { max: 80, skipBlankLines: true, skipComments: true, IIFEs: true }],
    },
  },
]);
