import { sql, type Kysely } from 'kysely';

/**
 * `handed_at`: when a worker began handing a claimed message to the
 * provider. A message taken over from a dead worker counts as a possible
 * resend only when this is set (the worker died during or after the hand-
 * over, before recording it), so `resends` counts exactly the messages that
 * may have gone twice.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`alter table outbox_messages add column handed_at timestamptz`.execute(db);
}
