import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { SECURITY_PACKAGE_TESTS } from './suites';

/**
 * `pnpm test:security`: the role x procedure x council matrix, row-level
 * security with raw SQL, authentication, CSRF, headers, one-time codes, the
 * audit log, logs without personal data, and the dependency audit.
 */
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  test: {
    // With the API's own tests of sign-in, sessions, tracking codes, staff scope and the role x procedure x council matrix.
    include: ['tests/security/**/*.test.ts', ...SECURITY_PACKAGE_TESTS],
    // Row-level security proven on a PostgreSQL server of the suite's own (each file makes its database there).
    globalSetup: ['tests/support/global-cluster.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 400_000,
    hookTimeout: 400_000,
  },
});
