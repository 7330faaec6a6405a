import { createRequire } from 'node:module';
import { CompiledQuery } from 'kysely';
import type { HeardDatabase } from '@heard/db';

/** pg-boss's SQL for the commands it runs without waiting for them (see `createBossDatabase`). */
const bossPlans = createRequire(import.meta.url)('pg-boss/src/plans') as {
  completeJobs: (schema: string) => string;
  failJobsById: (schema: string) => string;
};

/**
 * pg-boss's "bring your own database" interface over Heard's database
 * handle, so the queue runs on the same connection factory as everything
 * else: a pg Pool on PostgreSQL, the one serialised PGlite session in the
 * embedded default (docs/adr/0007-job-queue.md). pg-boss never holds a
 * connection between calls: each `executeSql` is one round trip (a
 * statement, or a script that opens and commits its own transaction), which
 * is exactly what the serialised PGlite session can give it.
 *
 * pg-boss (10.x) marks a job done or failed after its handler without
 * awaiting the promise (timgit/pg-boss#577): when the database is away at
 * that moment (PostgreSQL restarting), the rejection is unhandled and Node
 * ends the whole process, the apps' requests with it. Those two commands
 * therefore never reject: the failure is logged and the job stays active
 * until pg-boss's expiry retries it (every job here is idempotent).
 */
export function createBossDatabase(database: HeardDatabase, options: { schema?: string; log?: (line: string) => void } = {}) {
  const schema = options.schema ?? 'pgboss';
  const unawaited = new Set([bossPlans.completeJobs(schema), bossPlans.failJobsById(schema)]);
  return {
    async executeSql(text: string, values: unknown[] = []): Promise<{ rows: unknown[]; rowCount: number }> {
      try {
        return await database.db.connection().execute(async (connection) => {
          try {
            const result = await connection.executeQuery(CompiledQuery.raw(text, values));
            return { rows: result.rows as unknown[], rowCount: result.rows.length };
          } catch (error) {
            // A script that failed inside its BEGIN would leave the session in an
            // aborted transaction: the PGlite session is everyone's, so end it.
            if (/\bbegin\b/i.test(text)) await connection.executeQuery(CompiledQuery.raw('rollback')).catch(() => undefined);
            throw error;
          }
        });
      } catch (error) {
        if (!unawaited.has(text)) throw error;
        options.log?.(`queue: a job's outcome not recorded (${(error as Error).message}); it is tried again when it expires`);
        return { rows: [{ count: 0 }], rowCount: 0 };
      }
    },
  };
}
