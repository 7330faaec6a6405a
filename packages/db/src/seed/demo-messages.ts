import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../schema/tables';

/** How many of the demo council's newest cases get their acknowledgement in the outbox. */
export const DEMO_ACKNOWLEDGEMENTS = 10;

/**
 * The acknowledgements of the demo council's newest cases, queued as the
 * portal queues them (template `acknowledgement`, key `acknowledgement:<case>`,
 * in the person's language), so that the back-office "Sent messages" page
 * has something to show from the start. The worker writes them out; with no
 * email service set up they are kept, not sent. The cases themselves are
 * unchanged: reports and queues count the same.
 */
export async function queueDemoAcknowledgements(tx: Transaction<Database> | Kysely<Database>, councilId: string): Promise<number> {
  const result = await sql`
    insert into outbox_messages (council_id, case_id, channel, recipient, template, language, payload, idempotency_key, created_at)
    select c.council_id, c.id, 'email', p.email, 'acknowledgement', coalesce(p.language, c.language),
           jsonb_build_object('reference', c.reference, 'receivedOn', c.received_on, 'dueOn', c.due_on, 'caseType', c.type),
           'acknowledgement:' || c.id, c.created_at
    from cases c
    join lateral (
      select email, language from case_people
      where case_id = c.id and email is not null
      order by created_at, id limit 1
    ) p on true
    where c.council_id = ${councilId}
    order by c.received_on desc, c.id desc
    limit ${DEMO_ACKNOWLEDGEMENTS}
    on conflict (idempotency_key) do nothing`.execute(tx);
  return Number(result.numAffectedRows ?? 0);
}
