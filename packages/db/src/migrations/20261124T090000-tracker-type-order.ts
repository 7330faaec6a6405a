import { sql, type Kysely } from 'kysely';

/**
 * The tracker's "one case type, newest first" order is (received_on desc, id
 * desc), and oldest first is (received_on, id). The index of the staff
 * casework migration, (council_id, type, received_on desc, id), matches
 * neither exactly, so PostgreSQL read every case of the day at the page's
 * edge and sorted them: 230 ms for a page at 1,000,000 cases (`pnpm bench`,
 * EXPLAIN ANALYZE: an Incremental Sort over 751 rows). One index in plain
 * order serves both directions as a keyset scan (forward and backward).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index cases_by_type_received_id on cases (council_id, type, received_on, id)`.execute(db);
  await sql`drop index if exists cases_by_type_received`.execute(db);
}
