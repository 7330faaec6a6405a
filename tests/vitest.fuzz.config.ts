import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { FUZZ_PACKAGE_TESTS } from './suites';

/**
 * `pnpm test:fuzz`: every tRPC procedure, every portal form, uploads and the
 * CSV import, with valid, almost valid and hostile input (fast-check).
 */
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  test: {
    // With the reports area's malformed-file tests of the import (reused, not rewritten).
    include: ['tests/fuzz/**/*.test.ts', ...FUZZ_PACKAGE_TESTS],
    setupFiles: ['tests/fast-check-seed.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 300_000,
    hookTimeout: 400_000,
    // The in-process API on in-memory PGlite (real PostgreSQL, compiled to WebAssembly): fast, and nothing shared.
    env: { HEARD_RATE_LIMITS: 'off', TEST_DATABASE_URL: '' },
  },
});
