import { sql, type Kysely } from 'kysely';

/**
 * Remedies keep the order staff gave them in (the apology first, then the
 * payment, as in the decision letter). They were ordered by created_at, but
 * rows inserted in one statement can share a timestamp, so the order was
 * left to chance: an explicit position settles it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table remedies add column position integer not null default 0`.execute(db);
}
