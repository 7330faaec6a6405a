/**
 * PostgreSQL only (`*.pg.test.ts`: run by `pnpm test:postgres` on
 * TEST_DATABASE_URL; PGlite has no COPY FROM STDIN, and the embedded path
 * uses batched inserts instead).
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyAllowed, copyRows, CopyBuffer } from './copy-from';
import { createTestDatabase, type TestDatabase } from './testing/index';

describe('COPY FROM STDIN inside a Kysely transaction (PostgreSQL)', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database?.destroy();
  });

  const awkward = [
    'plain',
    'tab\there',
    'line\nbreak',
    'cr\rlf\r\n',
    'back\\slash',
    '\\N',
    '',
    'Welsh: ŵ ŷ, “quotes”, £',
    'x'.repeat(300_000),
  ];

  it('writes every value back as it was, in the transaction it was given (a rollback leaves nothing)', async () => {
    await sql`create table copy_check (n int, t text, j jsonb, b boolean, d date)`.execute(database.db);
    const buffer = new CopyBuffer(1024);
    awkward.forEach((t, n) => buffer.push([n, t, JSON.stringify({ t }), n % 2 === 0, n === 0 ? null : '2025-04-01']));
    const copied = await database.db.transaction().execute((tx) => copyRows(tx, 'copy_check', ['n', 't', 'j', 'b', 'd'], buffer.done()));
    expect(copied).toBe(awkward.length);
    const rows = await sql<{
      n: number;
      t: string;
      j: { t: string };
      b: boolean;
      d: string | null;
    }>`select * from copy_check order by n`.execute(database.db);
    expect(rows.rows.map((r) => r.t)).toEqual(awkward);
    expect(rows.rows.map((r) => r.j.t)).toEqual(awkward);
    expect(rows.rows.map((r) => r.b)).toEqual(awkward.map((_, n) => n % 2 === 0));
    expect(rows.rows[0]!.d).toBeNull();

    await expect(
      database.db.transaction().execute(async (tx) => {
        const more = new CopyBuffer();
        more.push([100, 'rolled back', '{}', true, null]);
        await copyRows(tx, 'copy_check', ['n', 't', 'j', 'b', 'd'], more.done());
        throw new Error('roll back');
      }),
    ).rejects.toThrow('roll back');
    const count = await sql<{ n: number }>`select count(*)::int as n from copy_check`.execute(database.db);
    expect(count.rows[0]!.n).toBe(awkward.length);
  });

  it('a row the server refuses fails the statement with its message, and the connection goes on working', async () => {
    const bad = new CopyBuffer();
    bad.push([1, 'ok', '{}', true, '2025-04-01']);
    bad.push([2, 'bad date', '{}', true, 'not a date']);
    await expect(copyRows(database.db, 'copy_check', ['n', 't', 'j', 'b', 'd'], bad.done())).rejects.toThrow(
      /invalid input syntax for type date/,
    );
    const after = await sql<{ one: number }>`select 1 as one`.execute(database.db);
    expect(after.rows[0]!.one).toBe(1);
  });

  it('says whether the role may COPY past row-level security', async () => {
    // The test server's user is the superuser that created the database.
    expect(await copyAllowed(database.db)).toBe(true);
  });
});
