#!/usr/bin/env node
/**
 * `pnpm test:all` (what `npm test` runs): every suite, arranged to fit a
 * 2-core CI machine well inside its time limit.
 *
 * 1. lint and types, first: they fail fast.
 * 2. The browser tests beside the vitest lane (unit and property tests with
 *    the database tests, on PostgreSQL where TEST_DATABASE_URL is set, with
 *    the isolation proofs again on PGlite; then the fuzz and security
 *    suites). The browser
 *    tests spend most of their time waiting for pages and one server, the
 *    vitest lane on the CPU, so together they take little more than the
 *    longer of the two.
 * 3. The fault suite alone: it restarts PostgreSQL and kills processes on
 *    purpose and judges recovery by the clock, so it gets a quiet machine.
 *
 * Each line of the two lanes is prefixed with its lane; the exit code is the
 * first failure's.
 */
import { spawn } from 'node:child_process';

const pnpm = process.env.npm_execpath ? [process.execPath, process.env.npm_execpath] : ['pnpm'];

function run(script, prefix, env = {}) {
  const args = Array.isArray(script) ? script : ['run', script];
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(pnpm[0], [...pnpm.slice(1), ...args], { stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, ...env } });
    if (prefix) {
      for (const stream of [child.stdout, child.stderr]) {
        let partial = '';
        stream.on('data', (chunk) => {
          const lines = (partial + chunk).split('\n');
          partial = lines.pop() ?? '';
          for (const line of lines) process.stdout.write(`[${prefix}] ${line}\n`);
        });
        stream.on('end', () => partial && process.stdout.write(`[${prefix}] ${partial}\n`));
      }
    }
    child.on('close', (code) => {
      console.log(`test:all: ${args.join(' ')} ${code === 0 ? 'passed' : `FAILED (exit ${code})`} in ${Math.round((Date.now() - started) / 1000)} s`);
      resolve(code ?? 1);
    });
  });
}

async function inOrder(scripts, prefix) {
  for (const script of scripts) {
    const code = typeof script === 'function' ? await script(prefix) : await run(script, prefix);
    if (code !== 0) return code;
  }
  return 0;
}

/**
 * The database tests: on PGlite, or, where TEST_DATABASE_URL names a server
 * (CI), on PostgreSQL, followed by the row-level security proofs on PGlite
 * as well, so that tenant isolation is proven on both backends in every run.
 */
const ISOLATION_ON_PGLITE = ['exec', 'vitest', 'run', 'packages/db/src/foundation.db.test.ts', 'packages/db/src/staff-scope.db.test.ts'];
const databaseTests = async (prefix) => {
  const code = await run('test:unit', prefix);
  if (code !== 0 || !process.env.TEST_DATABASE_URL) return code;
  return run(ISOLATION_ON_PGLITE, prefix, { TEST_DATABASE_URL: '' });
};

const started = Date.now();
let code = await inOrder(['lint', 'typecheck']);
if (code === 0) {
  const [browser, vitest] = await Promise.all([inOrder(['test:e2e'], 'e2e'), inOrder([databaseTests, 'test:fuzz', 'test:security'], 'vitest')]);
  code = browser || vitest;
}
if (code === 0) code = await inOrder(['test:faults']);
console.log(`test:all: ${code === 0 ? 'everything passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 60_000)} min`);
process.exit(code);
