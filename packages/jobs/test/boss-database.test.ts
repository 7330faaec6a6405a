import type { HeardDatabase } from '@heard/db';
import PgBoss from 'pg-boss';
import { describe, expect, it } from 'vitest';
import { createBossDatabase } from '../src/queue/boss-database';

/** A database that is away (PostgreSQL restarting): every statement fails. */
const away = {
  db: {
    connection: () => ({
      execute: () => Promise.reject(new Error('timeout exceeded when trying to connect')),
    }),
  },
} as unknown as HeardDatabase;

describe("pg-boss's database while PostgreSQL is away", () => {
  it("a job's outcome, which pg-boss records without waiting, is logged instead of rejected (it would end the process)", async () => {
    const lines: string[] = [];
    const boss = new PgBoss({ db: createBossDatabase(away, { schema: 'pgboss', log: (line) => lines.push(line) }), schema: 'pgboss' } as PgBoss.ConstructorOptions);
    const id = '00000000-0000-4000-8000-000000000001';
    // The very calls pg-boss makes after a job's handler, with its own SQL.
    await expect(boss.complete('heard-daily', id)).resolves.toMatchObject({ affected: 0 });
    await expect(boss.fail('heard-daily', id, new Error('handler failed'))).resolves.toMatchObject({ affected: 0 });
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/not recorded.*timeout exceeded/);
  });

  it('every other command still fails for its caller to handle', async () => {
    const boss = new PgBoss({ db: createBossDatabase(away), schema: 'pgboss' } as PgBoss.ConstructorOptions);
    await expect(boss.send('heard-daily', {})).rejects.toThrow(/timeout exceeded/);
    await expect(boss.cancel('heard-daily', '00000000-0000-4000-8000-000000000001')).rejects.toThrow(/timeout exceeded/);
  });
});
