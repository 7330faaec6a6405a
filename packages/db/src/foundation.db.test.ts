import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateToLatest } from './migrate';
import { caseRepository } from './repositories/case-repository';
import { councilRepository } from './repositories/council-repository';
import { createCase, createCouncil, createTestDatabase, type TestDatabase } from './testing/index';

let database: TestDatabase;
let councilA: { id: string };
let councilB: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  councilA = await createCouncil(database, { slug: 'council-a', name: 'Council A', hostnames: ['a.example'] });
  councilB = await createCouncil(database, { slug: 'council-b', name: 'Council B' });
  await createCase(database, councilA.id, { reference: 'A-1', details: 'A private matter of council A' });
  await createCase(database, councilA.id, { reference: 'A-2', due_on: '2024-01-01' });
  await createCase(database, councilB.id, { reference: 'B-1', details: 'A private matter of council B' });
});

afterAll(async () => {
  await database.destroy();
});

describe(`migrations (${process.env.TEST_DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  it('are applied from empty and a second run applies nothing', async () => {
    expect(await migrateToLatest(database)).toEqual({ applied: [] });
    const tables = await sql<{ tablename: string }>`select tablename from pg_tables where schemaname = 'public' order by 1`.execute(database.db);
    expect(tables.rows.map((r) => r.tablename)).toEqual(
      expect.arrayContaining(['audit_log', 'case_events', 'cases', 'councils', 'divisions', 'services', 'themes', 'localities', 'users']),
    );
  });

  it('forces row-level security on every table that has a council_id', async () => {
    const rows = await sql<{ relname: string; relrowsecurity: boolean; relforcerowsecurity: boolean }>`
      select c.relname, c.relrowsecurity, c.relforcerowsecurity
      from pg_class c join pg_attribute a on a.attrelid = c.oid and a.attname = 'council_id'
      where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace`.execute(database.db);
    expect(rows.rows.length).toBeGreaterThanOrEqual(12);
    for (const row of rows.rows) {
      expect(row, row.relname).toMatchObject({ relrowsecurity: true, relforcerowsecurity: true });
    }
  });
});

describe('row-level security', () => {
  it('shows a council only its own cases, even to a hand-written query with no filter', async () => {
    const seenByA = await database.withCouncil(councilA.id, (tx) =>
      sql<{ reference: string; details: string | null }>`select reference, details from cases order by reference`.execute(tx),
    );
    expect(seenByA.rows.map((r) => r.reference)).toEqual(['A-1', 'A-2']);
    expect(JSON.stringify(seenByA.rows)).not.toContain('council B');
  });

  it('shows nothing when no council is selected', async () => {
    const seen = await database.withCouncil(null, (tx) => sql<{ n: number }>`select count(*)::int as n from cases`.execute(tx));
    expect(seen.rows[0]?.n).toBe(0);
  });

  it("refuses to write a row into another council's data", async () => {
    await expect(
      database.withCouncil(councilA.id, (tx) =>
        sql`insert into cases (council_id, reference, type, framework, received_on) values (${councilB.id}, 'X-1', 'compliment', 'corporate', '2024-01-01')`.execute(tx),
      ),
    ).rejects.toThrow(/row-level security/);
    const count = await database.db.selectFrom('cases').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(3);
  });

  it("cannot update or delete another council's cases", async () => {
    const result = await database.withCouncil(councilA.id, (tx) =>
      sql`update cases set details = 'changed' where reference = 'B-1'`.execute(tx),
    );
    expect(Number(result.numAffectedRows ?? 0n)).toBe(0);
    const b1 = await database.db.selectFrom('cases').select('details').where('reference', '=', 'B-1').executeTakeFirstOrThrow();
    expect(b1.details).toBe('A private matter of council B');
  });

  it('runs as the non-owner role, and the role does not leak past the transaction', async () => {
    const inside = await database.withCouncil(councilA.id, (tx) => sql<{ u: string }>`select current_user as u`.execute(tx));
    expect(inside.rows[0]?.u).toBe('heard_app');
    const outside = await sql<{ u: string; c: string | null }>`select current_user as u, nullif(current_setting('heard.council_id', true), '') as c`.execute(database.db);
    expect(outside.rows[0]?.u).not.toBe('heard_app');
    expect(outside.rows[0]?.c).toBeNull();
  });

  it('keeps case history append-only for the app', async () => {
    const [caseRow] = await database.withCouncil(councilA.id, (tx) => tx.selectFrom('cases').select('id').where('reference', '=', 'A-1').execute());
    await database.withCouncil(councilA.id, (tx) =>
      tx.insertInto('case_events').values({ council_id: councilA.id, case_id: caseRow!.id, type: 'received', actor_label: 'test', payload: JSON.stringify({}) }).execute(),
    );
    await expect(database.withCouncil(councilA.id, (tx) => sql`delete from case_events`.execute(tx))).rejects.toThrow(/permission denied/);
  });
});

describe('repositories', () => {
  it('counts open and overdue cases of the selected council', async () => {
    const counts = await database.withCouncil(councilA.id, (tx) => caseRepository(tx).countOpen('2024-06-01'));
    expect(counts).toEqual({ open: 2, overdue: 1, byType: { corporate_complaint: 2 } });
  });

  it('resolves a council by host name, by default slug, or the first one', async () => {
    const byHost = await database.withCouncil(null, (tx) => councilRepository(tx).resolveForHost('A.example'));
    expect(byHost?.slug).toBe('council-a');
    const bySlug = await database.withCouncil(null, (tx) => councilRepository(tx).resolveForHost('unknown.example', 'council-b'));
    expect(bySlug?.slug).toBe('council-b');
  });
});
