import { sql, type Kysely } from 'kysely';

/**
 * The job queue's side of the outbox (`outbox_messages`, created by the
 * intake migration): what happened to each message. The queue itself
 * (pg-boss) keeps its tables in its own schema `pgboss`, created and upgraded
 * by pg-boss when the worker starts (docs/adr/0007-job-queue.md).
 *
 * - `status`: `pending` (to send), `sending` (claimed by a worker),
 *   `sent`, `held` (kept in the outbox: no provider for its channel; the
 *   back-office "Sent messages" page shows it), `failed` (gave up after the
 *   attempts allowed; `last_error` says why).
 * - `claimed_by`: the worker instance that claimed it; a claim whose worker
 *   is gone (its session-level advisory lock is free) is taken over.
 * - `resends`: how often a message was sent again after its worker died
 *   between handing it to the provider and recording that: the only way a
 *   message can go twice, counted so that it is seen.
 * - `subject`, `body`: the message as rendered (English or Welsh), so the
 *   page shows exactly what was (or would have been) sent.
 *
 * `reminder_runs` records the deadline reminder and digest runs per council
 * and day, for the "last run" line of the page and the worker's catch-up.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    alter table outbox_messages
      add column status text not null default 'pending'
        check (status in ('pending', 'sending', 'sent', 'held', 'failed')),
      add column attempts integer not null default 0,
      add column next_attempt_at timestamptz not null default now(),
      add column claimed_by text,
      add column claimed_at timestamptz,
      add column last_error text,
      add column provider text check (provider in ('smtp', 'notify', 'outbox')),
      add column provider_reference text,
      add column resends integer not null default 0,
      add column subject text,
      add column body text`.execute(db);
  // Messages queued before this migration and already marked sent.
  await sql`update outbox_messages set status = 'sent' where sent_at is not null`.execute(db);
  await sql`
    create index outbox_messages_to_send on outbox_messages (council_id, next_attempt_at)
    where status in ('pending', 'sending')`.execute(db);
  await sql`create index outbox_messages_recent on outbox_messages (council_id, created_at desc, id desc)`.execute(db);
  await sql`create index outbox_messages_recipient on outbox_messages (council_id, lower(recipient))`.execute(db);

  await sql`
    create table job_runs (
      council_id uuid not null references councils (id),
      job text not null check (job in ('reminders', 'digest', 'retention')),
      run_on date not null,
      finished_at timestamptz not null default now(),
      summary jsonb not null default '{}',
      primary key (council_id, job, run_on)
    )`.execute(db);
  await sql`alter table job_runs enable row level security`.execute(db);
  await sql`alter table job_runs force row level security`.execute(db);
  await sql`
    create policy council_isolation on job_runs
    using (council_id = heard_current_council())
    with check (council_id = heard_current_council())`.execute(db);
  await sql`grant select, insert, update, delete on job_runs to heard_app`.execute(db);
}
