import { parseArgs } from 'node:util';
import type { JobsEnv } from '@heard/jobs';
import { UsageError, type Command } from '../command';

const usage = `Usage: heard worker

Runs the job worker as a process of its own (PostgreSQL only): sends the
outbox (SMTP_URL, or GOV.UK Notify with NOTIFY_API_KEY and
NOTIFY_EMAIL_TEMPLATE_ID; with neither, messages stay in the outbox for the
back-office "Sent messages" page), reminders and the weekly digest at 07:00,
retention at 01:30 (UK time), and a catch-up at start. Run as many as you
like: they share the work. Without it, \`heard start\` runs the worker inside
the app process; on the embedded PGlite database it always does.

Stops cleanly on SIGINT or SIGTERM.`;

export const workerCommand: Command = {
  name: 'worker',
  summary: 'run the job worker (emails, reminders, digest, retention) as its own process',
  usage,
  async run(argv, io) {
    parseArgs({ args: argv, options: {}, strict: true });
    if (!process.env.DATABASE_URL) {
      throw new UsageError('the embedded database is one process: its worker runs inside `heard start`; set DATABASE_URL to run a separate worker on PostgreSQL');
    }
    const env = await readJobsEnvOrUsage();
    const { migrateToLatest, openDatabaseFromEnv } = await import('@heard/db');
    const { startWorker } = await import('@heard/jobs');
    const database = await openDatabaseFromEnv();
    try {
      await migrateToLatest(database);
      const worker = await startWorker({ database, env, log: io.stdout });
      io.stdout(`worker ${worker.id} running on ${database.location} (${describeTransports(env)})`);
      await new Promise<void>((resolve) => {
        // `on`, not `once`: a second signal while stopping must not kill the process mid-job.
        process.on('SIGINT', () => resolve());
        process.on('SIGTERM', () => resolve());
      });
      await worker.stop();
      return 0;
    } finally {
      await database.close();
    }
  },
};

export async function readJobsEnvOrUsage(): Promise<JobsEnv> {
  const { JobsConfigError, readJobsEnv } = await import('@heard/jobs');
  try {
    return readJobsEnv();
  } catch (error) {
    if (error instanceof JobsConfigError) throw new UsageError(error.message);
    throw error;
  }
}

export function describeTransports(env: JobsEnv): string {
  if (env.NOTIFY_API_KEY) return 'sending by GOV.UK Notify';
  if (env.SMTP_URL) return 'sending by SMTP';
  return 'no email provider configured: messages stay in the outbox ("Sent messages" in the back-office)';
}
