/**
 * Tenant isolation, proven below the API with raw SQL as the app's database
 * role: for every table of the schema (found from the catalogue, so a new
 * table is covered the day it is made), row-level security is on and forced,
 * and a transaction of council A, as `heard_app` and as each staff role of
 * A, can neither see, change, delete nor create a row of council B.
 * The staff-scope narrowing within a council is proven by
 * packages/db/src/staff-scope.db.test.ts, which this suite also runs.
 */
import { sql, type Transaction } from 'kysely';
import type { Database } from '@heard/db';
import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorld, CALLER_KINDS, type World } from '../support/api-world';

let database: TestDatabase;
let world: World;

/** Tables without a council: the migration bookkeeping, and councils itself (public names, readable by design, changed only by their own administrators). */
const NOT_PER_COUNCIL = ['kysely_migration', 'kysely_migration_lock', 'councils'];

let tables: Array<{ name: string; rls: boolean; forced: boolean; hasCouncil: boolean }>;

beforeAll(async () => {
  database = await createTestDatabase();
  world = await buildWorld(database);
  tables = (
    await sql<{ name: string; rls: boolean; forced: boolean; has_council: boolean }>`
      select c.relname as name, c.relrowsecurity as rls, c.relforcerowsecurity as forced,
             exists (select 1 from information_schema.columns i where i.table_schema = 'public' and i.table_name = c.relname and i.column_name = 'council_id') as has_council
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p')
      order by c.relname`.execute(database.db)
  ).rows.map((r) => ({ name: r.name, rls: r.rls, forced: r.forced, hasCouncil: r.has_council }));
});
afterAll(() => database?.destroy());

const ROLLBACK = new Error('rollback');

/** Runs `work` as heard_app with council A (and, if given, staff member `userId` of A), then rolls back. */
async function asApp<T>(councilId: string, userId: string | null, work: (tx: Transaction<Database>) => Promise<T>): Promise<T> {
  let result: T | undefined;
  await database.db
    .transaction()
    .execute(async (tx) => {
      await sql`select set_config('role', 'heard_app', true), set_config('heard.council_id', ${councilId}, true), set_config('heard.user_id', ${userId ?? ''}, true)`.execute(
        tx,
      );
      result = await work(tx);
      throw ROLLBACK;
    })
    .catch((error: unknown) => {
      if (error !== ROLLBACK) throw error;
    });
  return result as T;
}

/** The outcome of a statement as heard_app: rows affected, or the error's message. */
async function attempt(councilId: string, userId: string | null, statement: string): Promise<{ affected: number } | { error: string }> {
  try {
    return await asApp(councilId, userId, async (tx) => {
      await sql`savepoint attempt`.execute(tx);
      try {
        const result = await sql.raw(statement).execute(tx);
        return { affected: Number(result.numAffectedRows ?? result.rows.length) };
      } catch (error) {
        await sql`rollback to savepoint attempt`.execute(tx);
        return { error: (error as Error).message };
      }
    });
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('row-level security on every table', () => {
  it('is enabled and forced on every table that holds a council’s rows', () => {
    const perCouncil = tables.filter((t) => !NOT_PER_COUNCIL.includes(t.name));
    expect(perCouncil.length).toBeGreaterThan(20);
    expect(
      perCouncil.filter((t) => !t.hasCouncil).map((t) => t.name),
      'tables without council_id',
    ).toEqual([]);
    expect(
      perCouncil.filter((t) => !t.rls || !t.forced).map((t) => t.name),
      'tables without forced row-level security',
    ).toEqual([]);
    expect(tables.find((t) => t.name === 'councils')).toMatchObject({ rls: true, forced: true });
  });

  it('shows council A nothing of council B, in any table, by a query with no filter of its own', async () => {
    const a = world.councils.a.id;
    const b = world.councils.b.id;
    let tablesWithRowsOfB = 0;
    for (const table of tables.filter((t) => t.hasCouncil)) {
      const ofB = Number(
        (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)} where council_id = ${b}`.execute(database.db))
          .rows[0]!.n,
      );
      if (ofB > 0) tablesWithRowsOfB += 1;
      const seen = await asApp(
        a,
        null,
        async (tx) =>
          (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)} where council_id <> ${a}`.execute(tx)).rows[0]!
            .n,
      );
      expect(Number(seen), `${table.name}: rows of another council visible to A`).toBe(0);
      // And with no council selected, nothing at all.
      const none = await asApp(
        '',
        null,
        async (tx) => (await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)}`.execute(tx)).rows[0]!.n,
      );
      expect(Number(none), `${table.name}: rows visible with no council selected`).toBe(0);
    }
    // The world puts rows of B in the main tables, so the check above is not vacuous.
    expect(tablesWithRowsOfB).toBeGreaterThanOrEqual(8);
  });

  it('lets council A change, delete or create no row of council B, as the app and as each staff role of A', async () => {
    const a = world.councils.a;
    const b = world.councils.b.id;
    const staff = CALLER_KINDS.filter((k): k is keyof typeof a.users => k in a.users);
    const failures: string[] = [];
    for (const table of tables.filter((t) => t.hasCouncil)) {
      const t = `"${table.name}"`;
      const columns = (
        await sql<{ column_name: string }>`
          select column_name from information_schema.columns
          where table_schema = 'public' and table_name = ${table.name} and is_generated = 'NEVER' and identity_generation is null
          order by ordinal_position`.execute(database.db)
      ).rows.map((r) => `"${r.column_name}"`);
      const copyIntoB = `insert into ${t} (${columns.join(', ')}) select ${columns.map((c) => (c === '"council_id"' ? `'${b}'::uuid` : c)).join(', ')} from ${t} where council_id = '${a.id}' limit 1`;
      const hasRowOfA =
        Number(
          (
            await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table.name)} where council_id = ${a.id}`.execute(
              database.db,
            )
          ).rows[0]!.n,
        ) > 0;
      for (const userId of [null, ...staff.map((role) => a.users[role])]) {
        const who = userId ? `staff ${staff.find((r) => a.users[r] === userId)}` : 'heard_app';
        const update = await attempt(a.id, userId, `update ${t} set council_id = council_id where council_id = '${b}'`);
        if ('affected' in update && update.affected !== 0) failures.push(`${table.name}: ${who} updated ${update.affected} rows of B`);
        const remove = await attempt(a.id, userId, `delete from ${t} where council_id = '${b}'`);
        if ('affected' in remove && remove.affected !== 0) failures.push(`${table.name}: ${who} deleted ${remove.affected} rows of B`);
        const move = await attempt(a.id, userId, `update ${t} set council_id = '${b}' where council_id = '${a.id}'`);
        if ('affected' in move && move.affected !== 0) failures.push(`${table.name}: ${who} moved ${move.affected} rows to B`);
        if ('error' in move && !/row-level security|permission denied/.test(move.error))
          failures.push(`${table.name}: ${who} moving rows to B failed for another reason: ${move.error}`);
        if (hasRowOfA) {
          const insert = await attempt(a.id, userId, copyIntoB);
          if ('affected' in insert && insert.affected !== 0) failures.push(`${table.name}: ${who} created a row in B`);
          if ('error' in insert && !/row-level security|permission denied/.test(insert.error))
            failures.push(`${table.name}: ${who} creating a row in B failed for another reason: ${insert.error}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it('keeps the app role from leaving its role or reading the catalogue of secrets', async () => {
    const a = world.councils.a.id;
    // heard_app cannot log in, and cannot read password hashes of database roles.
    const authid = await attempt(a, null, 'select rolpassword from pg_authid');
    expect('error' in authid && /permission denied/.test(authid.error)).toBe(true);
    const canLogin = (
      await sql<{
        rolcanlogin: boolean;
        rolsuper: boolean;
        rolbypassrls: boolean;
      }>`select rolcanlogin, rolsuper, rolbypassrls from pg_roles where rolname = 'heard_app'`.execute(database.db)
    ).rows[0];
    expect(canLogin).toEqual({ rolcanlogin: false, rolsuper: false, rolbypassrls: false });
  });
});
