#!/usr/bin/env node
// The two quick-start commands, `npm start` and `npm test`, on a machine with
// only Node.js: find pnpm (corepack, else npx with the pinned version), install,
// build, then start the apps or run the suite. No global install needed.
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const task = process.argv[2];
if (task !== 'start' && task !== 'test') {
  console.error('usage: bootstrap.mjs start|test');
  process.exit(2);
}
const [major] = process.versions.node.split('.').map(Number);
if (major < 20) {
  console.error(`Heard needs Node.js 20 or newer; this is ${process.version}.`);
  process.exit(1);
}

const pinned = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')).packageManager; // "pnpm@10.x.y"

/** How to run pnpm here: corepack when it works, else npx with the pinned version. */
function findPnpm() {
  const attempts = [
    ['corepack', ['pnpm']],
    // Some networks block corepack's signature check of the registry; the pinned version via npx works there.
    ['npx', ['--yes', pinned]],
  ];
  for (const [command, prefix] of attempts) {
    try {
      execFileSync(command, [...prefix, '--version'], { cwd: root, stdio: 'ignore', env: { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0' } });
      return [command, prefix];
    } catch {
      // try the next way
    }
  }
  console.error('Could not run pnpm through corepack or npx. Install pnpm (https://pnpm.io/installation) and run `pnpm install` first.');
  process.exit(1);
}

const [command, prefix] = findPnpm();
const run = (args, extraEnv = {}) => {
  const result = spawnSync(command, [...prefix, ...args], { cwd: root, stdio: 'inherit', env: { ...process.env, COREPACK_ENABLE_DOWNLOAD_PROMPT: '0', ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
};

run(['install', '--frozen-lockfile']);
if (task === 'start') {
  run(['run', 'build']);
  // Migrations run on start; --demo loads the demo council once.
  run(['heard', 'start', '--demo']);
} else {
  run(['run', 'build']);
  run(['run', 'test:all']);
}
