import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The tenant isolation proofs (row-level security by council and by staff
 * role) on the embedded PGlite, whatever TEST_DATABASE_URL says: `npm test`
 * runs the database tests on PostgreSQL in CI, and these again here so that
 * isolation is proven on both backends in every run.
 */
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  test: {
    include: ['packages/db/src/foundation.db.test.ts', 'packages/db/src/staff-scope.db.test.ts'],
    pool: 'forks',
    poolOptions: { forks: { maxForks: 2, minForks: 1 } },
    testTimeout: 60_000,
    hookTimeout: 120_000,
    env: { TEST_DATABASE_URL: '' },
  },
});
