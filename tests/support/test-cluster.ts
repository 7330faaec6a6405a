/**
 * A PostgreSQL cluster of the suite's own: `initdb` in a temporary folder,
 * started on a free loopback port with its socket in that folder, stopped and
 * removed in teardown (and on exit, should a test fail half-way). The
 * machine's own server (5432) is never touched. When the tests run as root,
 * the cluster runs as the `postgres` user, which owns the folder.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from './free-port';

const BIN_DIRS = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin', '/usr/lib/postgresql/14/bin'];

export type TestCluster = {
  /** `postgres://postgres@127.0.0.1:PORT/postgres`: the superuser, trust authentication on loopback. */
  url: string;
  port: number;
  dataDir: string;
  /** A URL for another database on this cluster. */
  urlFor: (database: string) => string;
  /** `pg_ctl restart -m immediate`: every backend killed at once, crash recovery on start (as after a power cut of PostgreSQL alone). */
  restartImmediate: () => Promise<{ stoppedAt: number; readyAt: number }>;
  /** Runs SQL with psql as the superuser (one statement or a script). */
  psql: (sqlText: string, database?: string) => string;
  /** The server's log so far. */
  log: () => string;
  stop: () => Promise<void>;
};

function findBinDir(): string {
  const found = BIN_DIRS.find((dir) => existsSync(path.join(dir, 'initdb')));
  if (!found) throw new Error(`PostgreSQL server binaries (initdb, pg_ctl) were not found in ${BIN_DIRS.join(', ')}`);
  return found;
}

const running = new Set<() => void>();
process.once('exit', () => {
  for (const stop of running) stop();
});

/** Starts a fresh cluster. `settings` go on the server's command line (`-c name=value`). */
export async function startTestCluster(options: { settings?: Record<string, string> } = {}): Promise<TestCluster> {
  const bin = findBinDir();
  const isRoot = process.getuid?.() === 0;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'heard-pg-'));
  if (isRoot) {
    const uid = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
    const gid = Number(execFileSync('id', ['-g', 'postgres']).toString().trim());
    chownSync(dataDir, uid, gid);
  }
  /** Runs a server binary as the folder's owner. */
  const asOwner = (command: string, args: string[], allowFailure = false) => {
    const full = path.join(bin, command);
    const result = isRoot
      ? spawnSync('runuser', ['-u', 'postgres', '--', full, ...args], { encoding: 'utf8', cwd: os.tmpdir() })
      : spawnSync(full, args, { encoding: 'utf8', cwd: os.tmpdir() });
    if (result.status !== 0 && !allowFailure) {
      throw new Error(`${command} ${args.join(' ')} failed (${result.status}): ${result.stderr || result.stdout}`);
    }
    return result.stdout;
  };

  const pgData = path.join(dataDir, 'data');
  const logFile = path.join(dataDir, 'server.log');
  asOwner('initdb', ['-D', pgData, '-U', 'postgres', '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-instructions']);
  const port = await freePort();
  const serverOptions = [
    `-p ${port}`,
    "-c listen_addresses='127.0.0.1'",
    `-c unix_socket_directories='${dataDir}'`,
    '-c max_connections=200',
    '-c shared_buffers=64MB',
    '-c synchronous_commit=on',
    ...Object.entries(options.settings ?? {}).map(([name, value]) => `-c ${name}=${value}`),
  ].join(' ');
  const pgCtl = (args: string[], allowFailure = false) =>
    asOwner('pg_ctl', ['-D', pgData, '-l', logFile, '-o', serverOptions, ...args], allowFailure);
  pgCtl(['start', '-w', '-t', '60']);

  let stopped = false;
  const stopNow = () => {
    if (stopped) return;
    stopped = true;
    pgCtl(['stop', '-m', 'immediate', '-w', '-t', '30'], true);
    rmSync(dataDir, { recursive: true, force: true });
  };
  running.add(stopNow);

  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  return {
    url,
    port,
    dataDir,
    urlFor: (database) => `postgres://postgres@127.0.0.1:${port}/${database}`,
    restartImmediate: async () => {
      // Asynchronously, so that the load on the apps goes on while PostgreSQL is down.
      const stoppedAt = Date.now();
      const args = ['-D', pgData, '-l', logFile, '-o', serverOptions, 'restart', '-m', 'immediate', '-w', '-t', '60'];
      const full = path.join(bin, 'pg_ctl');
      const child = isRoot
        ? spawn('runuser', ['-u', 'postgres', '--', full, ...args], { cwd: os.tmpdir(), stdio: 'ignore' })
        : spawn(full, args, { cwd: os.tmpdir(), stdio: 'ignore' });
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      if (code !== 0) throw new Error(`pg_ctl restart failed (${code}):\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
      return { stoppedAt, readyAt: Date.now() };
    },
    psql: (sqlText, database = 'postgres') => {
      const psql = path.join(bin, 'psql');
      // The administrator's session writes even when the database has been made read-only for the apps.
      const result = spawnSync(
        existsSync(psql) ? psql : 'psql',
        [
          '-X',
          '-q',
          '-A',
          '-t',
          '-v',
          'ON_ERROR_STOP=1',
          '-h',
          '127.0.0.1',
          '-p',
          String(port),
          '-U',
          'postgres',
          '-d',
          database,
          '-c',
          sqlText,
        ],
        {
          encoding: 'utf8',
          env: { ...process.env, PGOPTIONS: '-c default_transaction_read_only=off' },
        },
      );
      if (result.status !== 0) throw new Error(`psql failed: ${result.stderr}`);
      return result.stdout.trim();
    },
    log: () => (existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''),
    stop: async () => {
      running.delete(stopNow);
      stopNow();
    },
  };
}
