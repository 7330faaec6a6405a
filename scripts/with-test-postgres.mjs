#!/usr/bin/env node
// Runs the database tests again on a real PostgreSQL server when one is
// configured (TEST_DATABASE_URL, as .ci/run sets it); each test file makes
// and drops its own database there. Without one, says so: the same tests
// have just run on the embedded PGlite.
import { spawnSync } from 'node:child_process';

const url = process.env.TEST_DATABASE_URL;
if (!url) {
  console.log('TEST_DATABASE_URL is not set: the database tests ran on PGlite only. Set it (e.g. postgres://postgres@127.0.0.1:5432/postgres) to run them on PostgreSQL too.');
  process.exit(0);
}
const result = spawnSync('npx', ['vitest', 'run', '.db.test', '.pg.test'], { stdio: 'inherit', env: process.env });
process.exit(result.status ?? 1);
