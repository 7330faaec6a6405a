import { defineConfig } from 'vitest/config';
import { FAULT_PACKAGE_TESTS, FUZZ_PACKAGE_TESTS, SECURITY_PACKAGE_TESTS } from './tests/suites';

/**
 * One vitest run for every package; the test type is in the file name
 * (style.md): `*.test.ts` unit, `*.property.test.ts` fast-check,
 * `*.db.test.ts` on PGlite, or on PostgreSQL when TEST_DATABASE_URL is set.
 * Browser tests (`*.spec.ts`) are Playwright's, not vitest's. The package
 * tests that the security, fuzz and fault suites run are theirs alone
 * (tests/suites.ts), so `npm test` runs each file once.
 */
export default defineConfig({
  test: {
    include: ['packages/*/src/**/*.test.ts', 'packages/*/test/**/*.test.ts', 'apps/*/app/**/*.test.ts', 'bench/src/**/*.test.ts'],
    // `*.pg.test.ts`: PostgreSQL only (COPY, processes sharing one database), run when TEST_DATABASE_URL names a server.
    exclude: [
      '**/node_modules/**',
      '**/build/**',
      ...SECURITY_PACKAGE_TESTS,
      ...FUZZ_PACKAGE_TESTS,
      ...FAULT_PACKAGE_TESTS,
      ...(process.env.TEST_DATABASE_URL ? [] : ['**/*.pg.test.ts']),
    ],
    // A fixed fast-check seed in CI, a fresh one elsewhere (tests/fast-check-seed.ts).
    setupFiles: ['tests/fast-check-seed.ts'],
    pool: 'forks',
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Two cores: more workers only fight over them.
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
  },
});
