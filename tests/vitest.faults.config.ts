import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { FAULT_PACKAGE_TESTS } from './suites';

/**
 * `pnpm test:faults`: PostgreSQL restarted abruptly under load, double
 * submissions, a job worker and an embedded-database app killed with
 * SIGKILL, a read-only database. Each file starts the clusters and
 * processes it needs (loopback only) and stops them in teardown. One file at
 * a time: they load the machine on purpose.
 */
export default defineConfig({
  root: path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..'),
  test: {
    include: ['tests/faults/**/*.test.ts', ...FAULT_PACKAGE_TESTS],
    globalSetup: ['tests/support/global-cluster.ts'],
    pool: 'forks',
    fileParallelism: false,
    testTimeout: 400_000,
    hookTimeout: 400_000,
  },
});
