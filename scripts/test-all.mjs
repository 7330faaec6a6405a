#!/usr/bin/env node
/**
 * `pnpm test:all` (what `npm test` runs): every suite, arranged to fit a
 * 2-core CI machine well inside its time limit.
 *
 * Two lanes side by side: the browser tests, and the vitest lane (lint and
 * types, which fail fast; unit and property tests with the database tests,
 * on PostgreSQL where TEST_DATABASE_URL is set, with the isolation proofs
 * again on PGlite; then the fuzz and security suites); then the fault suite
 * alone. Each test file runs in one suite only (tests/suites.ts).
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
const databaseTests = async (prefix) => {
  const code = await run('test:unit', prefix);
  if (code !== 0 || !process.env.TEST_DATABASE_URL) return code;
  return run('test:isolation', prefix);
};

const started = Date.now();
// The browser tests from the start, beside lint, types and the vitest suites:
// measured, the browser lane keeps about one core busy (Chromium and the
// host), the vitest lane the other.
const [browser, vitest] = await Promise.all([
  inOrder(['test:e2e'], 'e2e'),
  inOrder(['lint', 'typecheck', databaseTests, 'test:fuzz', 'test:security'], 'vitest'),
]);
let code = vitest || browser;
// The fault suite alone, last: it sends complaints at 40 a second while it
// restarts PostgreSQL, and judges recovery by the clock. Run beside the
// browser tests (measured) the host could not keep up with the sends and
// their retries on the cores left to it, and the test failed for want of
// CPU, not for a fault of the code.
if (code === 0) code = await inOrder(['test:faults']);
console.log(`test:all: ${code === 0 ? 'everything passed' : 'FAILED'} in ${Math.round((Date.now() - started) / 60_000)} min`);
process.exit(code);
