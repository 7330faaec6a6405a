import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import type { HeardDatabase } from '@heard/db';
import type { JobsEnv, RunningWorker } from '@heard/jobs';
import { UsageError, type Command } from '../command';
import { readServerEnv } from '../env';
import type { AppName } from '../server/host';
import { describeTransports, readJobsEnvOrUsage } from './worker';

const usage = `Usage: heard start [--app portal|backoffice] [--demo] [--dev] [--workers N] [--no-worker]

Starts the portal (port 3000) and the back-office (port 3001) on the database
chosen by DATABASE_URL (PostgreSQL) or, when unset, the embedded PGlite in
HEARD_DATA_DIR. Migrations are applied first.

  --app NAME     start only this app (repeatable; default both)
  --demo         load the demo council if it is not there yet
  --dev          development: Vite builds on request and reloads on change
  --workers N    processes sharing the ports (PostgreSQL only; default: one per core,
                 or WEB_CONCURRENCY); the embedded database allows one process
  --no-worker    do not run the job worker (emails, reminders, digest, retention)
                 in this process: a separate \`heard worker\` does (PostgreSQL only)`;

export const startCommand: Command = {
  name: 'start',
  summary: 'start the portal and the back-office',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        app: { type: 'string', multiple: true },
        demo: { type: 'boolean', default: false },
        dev: { type: 'boolean', default: false },
        workers: { type: 'string' },
        'no-worker': { type: 'boolean', default: false },
      },
      strict: true,
    });
    // Production serving unless --dev, whatever the calling shell or test
    // runner set (vitest sets "test"): React and Remix read NODE_ENV when
    // they load, and in development mode React renders several times slower
    // and Remix's error pages carry stack traces.
    process.env.NODE_ENV = values.dev ? 'development' : 'production';
    const apps = (values.app ?? ['portal', 'backoffice']) as AppName[];
    for (const app of apps) if (app !== 'portal' && app !== 'backoffice') throw new UsageError(`--app must be portal or backoffice, not "${app}"`);
    const env = readServerEnv();
    const onPostgres = Boolean(process.env.DATABASE_URL);
    const requestedWorkers = values.workers !== undefined ? Number(values.workers) : env.WEB_CONCURRENCY;
    if (requestedWorkers !== undefined && (!Number.isInteger(requestedWorkers) || requestedWorkers < 1)) throw new UsageError('--workers must be a whole number of at least 1');
    if (requestedWorkers !== undefined && requestedWorkers > 1 && !onPostgres) {
      throw new UsageError('the embedded database is one process: use --workers 1, or set DATABASE_URL to use PostgreSQL');
    }
    const workers = values.dev || !onPostgres ? 1 : (requestedWorkers ?? availableParallelism());
    // The job worker runs inside the app unless a separate `heard worker` does; the
    // embedded database is one process, so there it always runs here.
    if (values['no-worker'] && !onPostgres) throw new UsageError('--no-worker needs PostgreSQL: the embedded database is one process, so its worker runs in `heard start`');
    const jobs = values['no-worker'] ? undefined : await readJobsEnvOrUsage();

    const { migrateToLatest, openDatabaseFromEnv } = await import('@heard/db');
    if (cluster.isPrimary) {
      await (await import('../server/host')).assertPortsFree(env, apps);
      // Migrate (and load the demo) once, before any process serves.
      const database = await openDatabaseFromEnv();
      try {
        const { applied } = await migrateToLatest(database);
        if (applied.length > 0) io.stdout(`applied ${applied.length} migration(s)`);
        if (values.demo) {
          const { hashPassword } = await import('@heard/api/server');
          const { demoCasesFromEnv, loadDemo } = await import('@heard/db/demo');
          const demo = await loadDemo(database, { hashPassword, cases: demoCasesFromEnv() });
          io.stdout(demo.created ? `loaded the demo council "${demo.councilName}"` : `demo council "${demo.councilName}" is already there`);
        }
      } catch (error) {
        await database.close();
        throw error;
      }
      if (workers > 1) {
        await database.close();
        return runPrimary(workers, apps.length, io);
      }
      return serve(database, env, apps, values.dev, io, jobs);
    }
    // In a cluster, the first process runs the worker (any number could: they share the work).
    return serve(await openDatabaseFromEnv(), env, apps, values.dev, io, cluster.worker?.id === 1 ? jobs : undefined);
  },
};

async function serve(
  database: HeardDatabase,
  env: ReturnType<typeof readServerEnv>,
  apps: AppName[],
  development: boolean,
  io: Parameters<Command['run']>[1],
  jobs?: JobsEnv,
): Promise<number> {
  const { createApi } = await import('@heard/api/server');
  const { hostApps } = await import('../server/host');
  const api = createApi({ database, defaultCouncilSlug: env.HEARD_DEFAULT_COUNCIL });
  let hosted: Awaited<ReturnType<typeof hostApps>>;
  try {
    hosted = await hostApps(api, env, { apps, development });
  } catch (error) {
    await database.close();
    throw error;
  }
  // The worker starts now; signals are handled from here on, before any
  // "running" line is printed, so a supervisor (or a test) that stops the
  // process the moment it says it is ready gets a clean stop, not a kill.
  let stopping = false;
  const workerStarting: Promise<RunningWorker | undefined> = jobs ? startJobWorker(database, jobs, io, () => stopping) : Promise.resolve(undefined);
  let stopped!: (code: number) => void;
  const done = new Promise<number>((resolve) => (stopped = resolve));
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await hosted.close();
    const worker = await workerStarting.catch(() => undefined);
    await worker?.stop();
    await database.close();
    stopped(0);
  };
  // `on`, not `once`: a second signal while stopping must not kill the process half-way through closing the database.
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  if (cluster.isPrimary) {
    for (const app of hosted.apps) io.stdout(`${app.name} on http://${env.HOST}:${app.port} (${database.location})`);
  }
  if (jobs && (await workerStarting)) io.stdout(`job worker running in this process (${describeTransports(jobs)})`);
  return done;
}

/** Seconds between attempts to start the job worker while the database cannot be reached. */
const WORKER_RETRY_SECONDS = 5;

/**
 * Starts the job worker beside apps already serving. When the database is
 * away at that moment (PostgreSQL restarting), the apps keep serving (they
 * recover by themselves) and the worker is tried again, rather than the
 * process closing its apps on the people using them; undefined if the
 * process is stopped first.
 */
async function startJobWorker(
  database: HeardDatabase,
  jobs: JobsEnv,
  io: Parameters<Command['run']>[1],
  stopping: () => boolean,
): Promise<RunningWorker | undefined> {
  const { startWorker } = await import('@heard/jobs');
  for (;;) {
    try {
      return await startWorker({ database, env: jobs, log: io.stderr });
    } catch (error) {
      if (stopping()) return undefined;
      io.stderr(`job worker could not start (${(error as Error).message}): trying again in ${WORKER_RETRY_SECONDS} s`);
    }
    await new Promise((resolve) => setTimeout(resolve, WORKER_RETRY_SECONDS * 1000).unref());
    if (stopping()) return undefined;
  }
}

/**
 * node:cluster: the workers share the listening ports; one that dies is
 * replaced. "Serving" is said once every worker listens on every app's port.
 */
function runPrimary(workers: number, appsPerWorker: number, io: Parameters<Command['run']>[1]): Promise<number> {
  for (let i = 0; i < workers; i += 1) cluster.fork();
  let stopping = false;
  let listening = 0;
  cluster.on('listening', () => {
    listening += 1;
    if (listening === workers * appsPerWorker) io.stdout(`${workers} worker processes serving`);
  });
  cluster.on('exit', (worker, code) => {
    if (!stopping && code !== 0) {
      io.stderr(`worker ${worker.process.pid} stopped (exit ${code}); starting another`);
      cluster.fork();
    }
  });
  return new Promise<number>((resolve) => {
    const stop = () => {
      if (stopping) return;
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
      const wait = setInterval(() => {
        if (Object.keys(cluster.workers ?? {}).length === 0) {
          clearInterval(wait);
          resolve(0);
        }
      }, 100);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
