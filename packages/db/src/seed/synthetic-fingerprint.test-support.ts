import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { TestDatabase } from '../testing/index';

/** A hash of every row the synthetic generator writes, in a stable order: equal hashes, the same data. */
export async function syntheticFingerprint(database: TestDatabase): Promise<string> {
  const hash = createHash('sha256');
  for (const [table, order] of [
    ['councils', 'id'],
    ['divisions', 'id'],
    ['services', 'id'],
    ['users', 'id'],
    ['cases', 'id'],
    ['case_themes', 'case_id, theme_id'],
    ['case_people', 'id'],
    ['case_events', 'case_id, occurred_at, type'],
  ] as const) {
    const rows = await sql<{
      row: string;
    }>`select (case when ${table === 'case_events'} then to_jsonb(t) - 'id' else to_jsonb(t) end)::text as row from ${sql.table(table)} t order by ${sql.raw(order)}`.execute(
      database.db,
    );
    for (const r of rows.rows) hash.update(r.row);
  }
  return hash.digest('hex');
}
