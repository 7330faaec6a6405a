import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { outboxDeliveryRepository, type HeardDatabase } from '@heard/db';
import { toUkDate } from '@heard/domain';
import { sql } from 'kysely';
import PgBoss from 'pg-boss';
import { readJobsEnv, type JobsEnv } from './env';
import { createBossDatabase } from './queue/boss-database';
import { dispatchOutbox, type DispatchResult } from './tasks/dispatch-outbox';
import { runReminders } from './tasks/reminders';
import { runRetention } from './tasks/retention';
import { runWeeklyDigest } from './tasks/weekly-digest';
import { closeTransports, createTransports, type Transports } from './transport/create-transports';

export type WorkerOptions = {
  database: HeardDatabase;
  env?: JobsEnv;
  /** Default: from the environment (SMTP_URL, NOTIFY_*); none configured keeps messages in the outbox. */
  transports?: Transports;
  /** The clock the scheduled jobs read "today" from (tests drive it). */
  clock?: () => Date;
  workerId?: string;
  log?: (line: string) => void;
  /** Tests: called after the provider accepted a message, before it is recorded. */
  afterSend?: Parameters<typeof dispatchOutbox>[1]['afterSend'];
  /** Run the daily jobs (reminders, digest, retention) at start-up as a catch-up (default true). */
  catchUp?: boolean;
};

export type RunningWorker = {
  id: string;
  /** Look for messages to send now rather than at the next poll. */
  kick: () => void;
  /** Resolves when one full pass over every council's outbox has finished after this call. */
  drain: () => Promise<void>;
  /** Totals since start, for logs and tests. */
  totals: DispatchResult;
  stop: () => Promise<void>;
};

export const QUEUES = { daily: 'heard-daily', retention: 'heard-retention' } as const;

/**
 * The job worker: sends the outbox, and runs the daily jobs (reminders and
 * the weekly digest at 07:00, retention at 01:30, UK time, and once at
 * start-up) on pg-boss. It runs inside `heard start` unless a separate
 * `heard worker` process is used (PostgreSQL only; the embedded PGlite is
 * one process, so its worker is always in-process). Several workers on one
 * PostgreSQL database share the work safely.
 */
export async function startWorker(options: WorkerOptions): Promise<RunningWorker> {
  const { database } = options;
  const env = options.env ?? readJobsEnv();
  const clock = options.clock ?? (() => new Date());
  const log = options.log ?? (() => undefined);
  const transports = options.transports ?? createTransports(env);
  const id = options.workerId ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const releaseLiveness = await holdLivenessLock(database, id);

  const boss = new PgBoss({ db: createBossDatabase(database, { schema: 'pgboss', log }), schema: 'pgboss', application_name: 'heard-worker' } as PgBoss.ConstructorOptions);
  boss.on('error', (error) => log(`queue error: ${error.message}`));
  // A start that fails half-way (the database went away) leaves nothing running: no
  // queue polling a database its caller may close, no liveness lock held.
  try {
    await boss.start();
    for (const name of Object.values(QUEUES)) await boss.createQueue(name, { name, retryLimit: 5, retryDelay: 60, retryBackoff: true });

    const forEachCouncil = async (work: (councilId: string) => Promise<void>) => {
      const councils = await database.withCouncil(null, (tx) => tx.selectFrom('councils').select('id').orderBy('created_at').execute());
      const failures: unknown[] = [];
      for (const council of councils) {
        try {
          await work(council.id);
        } catch (error) {
          failures.push(error);
        }
      }
      // pg-boss retries the job; every step is idempotent, so councils already done add nothing.
      if (failures.length > 0) throw failures[0];
    };
    await boss.work(QUEUES.daily, async () => {
      const today = toUkDate(clock());
      await forEachCouncil(async (councilId) => {
        const reminders = await runReminders(database, { councilId, today, reminderDays: env.HEARD_REMINDER_DAYS });
        const digest = await runWeeklyDigest(database, { councilId, today });
        if (reminders.status === 'done' || digest.status === 'done') log(`daily jobs for council ${councilId} on ${today}: reminders ${reminders.status}, digest ${digest.status}`);
      });
      kick();
    });
    await boss.work(QUEUES.retention, async () => {
      const today = toUkDate(clock());
      await forEachCouncil(async (councilId) => {
        const run = await runRetention(database, { councilId, today });
        if (run.anonymised.length > 0 || run.held.length > 0) log(`retention for council ${councilId}: ${run.anonymised.length} anonymised, ${run.held.length} under legal hold`);
      });
    });
    await boss.schedule(QUEUES.daily, '0 7 * * *', {}, { tz: 'Europe/London' });
    await boss.schedule(QUEUES.retention, '30 1 * * *', {}, { tz: 'Europe/London' });
    if (options.catchUp ?? true) {
      await boss.send(QUEUES.daily, {});
      await boss.send(QUEUES.retention, {});
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: true, close: false, timeout: 1_000 }).catch(() => undefined);
    await releaseLiveness().catch(() => undefined);
    throw error;
  }

  // The outbox: polled (cheap, a partial index), and kicked when work is queued in this process.
  const totals: DispatchResult = { sent: 0, held: 0, failed: 0, retrying: 0, takenOver: 0 };
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let pass: Promise<void> | undefined;
  let again = false;
  const waiters: Array<() => void> = [];
  const runPass = async () => {
    const councils = await database.withCouncil(null, (tx) => tx.selectFrom('councils').select('id').orderBy('created_at').execute());
    for (const council of councils) {
      if (stopped) return;
      const due = await database.withCouncil(council.id, (tx) => outboxDeliveryRepository(tx).hasDue());
      if (!due) continue;
      const done: DispatchResult = { sent: 0, held: 0, failed: 0, retrying: 0, takenOver: 0 };
      for (;;) {
        const result = await dispatchOutbox(database, { councilId: council.id, workerId: id, transports, portalUrl: env.HEARD_PORTAL_URL, afterSend: options.afterSend });
        for (const key of Object.keys(totals) as Array<keyof DispatchResult>) {
          totals[key] += result[key];
          done[key] += result[key];
        }
        const handled = result.sent + result.held + result.failed + result.retrying;
        if (handled === 0 || stopped) break;
      }
      // One line per council and pass, counts only (no addresses: logs hold no personal data).
      if (done.sent + done.held + done.failed + done.retrying > 0) {
        log(`outbox for council ${council.id}: ${done.sent} sent, ${done.held} kept (no provider), ${done.failed} failed, ${done.retrying} to try again`);
      }
    }
  };
  const kick = () => {
    if (stopped) return;
    if (pass) {
      again = true;
      return;
    }
    if (timer) clearTimeout(timer);
    pass = runPass()
      .catch((error: unknown) => log(`outbox: ${(error as Error).message}`))
      .finally(() => {
        pass = undefined;
        if (again && !stopped) {
          again = false;
          kick();
          return;
        }
        for (const resolve of waiters.splice(0)) resolve();
        if (!stopped) timer = setTimeout(kick, env.HEARD_WORKER_POLL_SECONDS * 1000);
      });
  };
  kick();

  return {
    id,
    kick,
    totals,
    drain: () =>
      new Promise<void>((resolve) => {
        waiters.push(resolve);
        if (pass) again = true;
        else kick();
      }),
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      await pass;
      for (const resolve of waiters.splice(0)) resolve();
      await boss.stop({ graceful: true, wait: true, close: false, timeout: 10_000 });
      await closeTransports(transports);
      await releaseLiveness();
    },
  };
}

/**
 * Says "this worker is alive" for as long as it runs: a session-level
 * advisory lock on a key derived from its id. On PostgreSQL that needs a
 * connection of its own, kept until the worker stops (a process that dies
 * drops it, and its claims can be taken over at once). PGlite is one
 * session, shared with the app: the lock is taken in it and lasts as long
 * as the process, which is the only one that can open the data folder.
 */
async function holdLivenessLock(database: HeardDatabase, workerId: string): Promise<() => Promise<void>> {
  const key = `heard-worker:${workerId}`;
  if (database.kind === 'pglite') {
    await sql`select pg_advisory_lock(hashtextextended(${key}, 0))`.execute(database.db);
    return async () => {
      await sql`select pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(database.db).catch(() => undefined);
    };
  }
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  let acquired!: () => void;
  let failed!: (error: unknown) => void;
  const ready = new Promise<void>((resolve, reject) => {
    acquired = resolve;
    failed = reject;
  });
  const held = database.db
    .connection()
    .execute(async (connection) => {
      await sql`select pg_advisory_lock(hashtextextended(${key}, 0))`.execute(connection);
      acquired();
      await released;
      await sql`select pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(connection);
    })
    .catch((error: unknown) => failed(error));
  await ready;
  return async () => {
    release();
    await held;
  };
}
