// One flat config for the whole workspace; per-package blocks enforce the
// dependency direction of spec/architecture.md: domain <- db <- api <- apps,
// jobs, cli; ui for the apps only; nothing imports an app.
import js from '@eslint/js';
import jsxA11y from 'eslint-plugin-jsx-a11y';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const restrict = (patterns) => ({
  'no-restricted-imports': ['error', { patterns: patterns.map((group) => ({ group: [group], message: 'Not allowed by the dependency direction (docs/adr/0001-monorepo-layout.md).' })) }],
});

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/build/**', '**/dist/**', '**/.cache/**', 'test-results/**', 'playwright-report/**', '**/*.d.ts', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node }, ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-empty-object-type': 'off',
      'no-console': ['error', { allow: ['error', 'warn'] }],
    },
  },
  {
    files: ['apps/**/*.tsx', 'packages/ui/**/*.tsx'],
    plugins: { 'jsx-a11y': jsxA11y, 'react-hooks': reactHooks },
    languageOptions: { globals: { ...globals.browser } },
    rules: { ...jsxA11y.configs.recommended.rules, ...reactHooks.configs.recommended.rules },
  },
  { files: ['packages/domain/src/**'], ignores: ['**/*.test.ts'], rules: restrict(['@heard/*', 'node:*', 'react', 'kysely', 'pg', '@electric-sql/*']) },
  { files: ['packages/db/src/**'], rules: restrict(['@heard/api', '@heard/api/*', '@heard/ui', '@heard/ui/*', '@heard/jobs', '@heard/cli', 'react']) },
  { files: ['packages/api/src/**'], rules: restrict(['@heard/ui', '@heard/ui/*', '@heard/jobs', '@heard/jobs/*', '@heard/cli', 'react', '@remix-run/*']) },
  { files: ['packages/ui/src/**'], rules: restrict(['@heard/db', '@heard/db/*', '@heard/api', '@heard/api/*', '@heard/jobs', '@heard/cli', 'kysely', 'pg']) },
  { files: ['packages/jobs/src/**'], rules: restrict(['@heard/ui', '@heard/ui/*', '@heard/cli', 'react', '@remix-run/*']) },
  { files: ['apps/*/app/**'], rules: restrict(['@heard/db', '@heard/db/*', '@heard/jobs', '@heard/cli', 'kysely', 'pg', '@electric-sql/*', '@heard/api/server']) },
  { files: ['**/*.test.ts', '**/*.spec.ts', 'tests/**', 'apps/*/tests/**', 'bench/**', 'scripts/**', 'packages/*/scripts/**'], rules: { 'no-console': 'off' } },
);
