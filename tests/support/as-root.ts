import { spawnSync, type SpawnSyncReturns } from 'node:child_process';

/** Runs a command that needs root: directly as root (CI), else through passwordless sudo. */
export function runAsRoot(args: string[]): SpawnSyncReturns<string> {
  return process.getuid?.() === 0
    ? spawnSync(args[0]!, args.slice(1), { encoding: 'utf8' })
    : spawnSync('sudo', ['-n', ...args], { encoding: 'utf8' });
}
