import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

export default tseslint.config(
  { ignores: ['src/client/api-types.ts', 'dist/**', 'node_modules/**', 'data/**', 'coverage/**', 'ui/dist/**', 'test-results/**', '.prof/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['ui/**/*.js'],
    languageOptions: { globals: globals.browser, sourceType: 'module' },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['fastify', '@fastify/*', 'kysely', 'pg', '@electric-sql/*', 'node:fs', 'node:net', 'node:http'], message: 'src/domain is pure: no I/O, no framework.' },
            { group: ['**/store/**', '**/http/**'], message: 'src/domain must not depend on the outer layers.' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'use the seeded generator' },
        { object: 'Date', property: 'now', message: 'domain has no clock; dates come in as input' },
      ],
    },
  },
);
