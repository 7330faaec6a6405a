import { afterAll, beforeAll, expect, it } from 'vitest';
import { createCouncil, createTestDatabase, type TestDatabase } from './testing/index';

let database: TestDatabase;
let council: { id: string };

beforeAll(async () => {
  database = await createTestDatabase();
  council = await createCouncil(database);
});
afterAll(() => database.destroy());

/**
 * PGlite is one session: unless the dialect runs transactions one at a time, a
 * rollback in one transaction throws away rows another committed (measured
 * with kysely-pglite). Interleave many transactions, a third rolling back,
 * with plain queries in between, and find every committed row and no other.
 */
it('keeps concurrent transactions apart: every committed row stays, every rolled-back row goes', async () => {
  const attempts = Array.from({ length: 60 }, (_, i) => i);
  const outcomes = await Promise.allSettled(
    attempts.map((i) =>
      database.withCouncil(council.id, async (tx) => {
        await tx.insertInto('divisions').values({ council_id: council.id, name: `division ${i}`, name_cy: null }).execute();
        // Yield to the event loop so that other transactions try to run now.
        await new Promise((resolve) => setTimeout(resolve, i % 3));
        await tx.insertInto('themes').values({ council_id: council.id, name: `theme ${i}`, name_cy: null }).execute();
        if (i % 3 === 0) throw new Error(`roll back ${i}`);
      }),
    ),
  );
  // Plain (non-transaction) writes racing the transactions must survive too.
  await Promise.all(
    attempts.map((i) => database.db.insertInto('localities').values({ council_id: council.id, name: `locality ${i}`, name_cy: null }).execute()),
  );
  const committed = attempts.filter((i) => i % 3 !== 0);
  expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(committed.length);

  const names = async (table: 'divisions' | 'themes' | 'localities') =>
    (await database.db.selectFrom(table).select('name').where('council_id', '=', council.id).execute()).map((r) => r.name).sort();
  expect(await names('divisions')).toEqual(committed.map((i) => `division ${i}`).sort());
  expect(await names('themes')).toEqual(committed.map((i) => `theme ${i}`).sort());
  expect(await names('localities')).toHaveLength(attempts.length);
});

/**
 * In-memory PGlite does no I/O: without a turn of the event loop between
 * callers, a long run of queries (a request's, a test's) starves every timer
 * and socket until it ends. A timer due at once must run while the queries go on.
 */
it('lets the event loop turn while a long run of queries goes on', async () => {
  let queriesBeforeTimer: number | undefined;
  let done = 0;
  setTimeout(() => {
    queriesBeforeTimer = done;
  }, 0);
  for (; done < 200; done += 1) await database.db.selectFrom('councils').select('id').limit(1).execute();
  expect(queriesBeforeTimer, 'the timer ran only after all the queries').toBeLessThan(200);
});
