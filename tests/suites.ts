/**
 * Which vitest suite runs which package test file, so that each file runs in
 * exactly one suite of `npm test`: the security and fuzz suites take some of
 * the packages' own tests (with their own set-up: a PostgreSQL cluster of the
 * suite's, rate limits off), and `pnpm test:unit` leaves those to them.
 */
export const SECURITY_PACKAGE_TESTS = [
  'packages/api/src/routers/auth/staff-sign-in.db.test.ts',
  'packages/api/src/routers/public/tracking.db.test.ts',
  'packages/api/src/routers/staff/access-matrix.db.test.ts',
  'packages/db/src/staff-scope.db.test.ts',
];

export const FUZZ_PACKAGE_TESTS = ['packages/db/src/reports/import-cases.db.test.ts'];

export const FAULT_PACKAGE_TESTS = ['packages/jobs/test/crash.db.test.ts'];
