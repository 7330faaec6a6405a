import { sql, type Kysely } from 'kysely';

/**
 * What the public portal needs beyond the first schema:
 *
 * - `drafts`: a journey's answers, saved server-side as the person goes, with
 *   an expiry; the cookie (or the come-back link) holds a random token whose
 *   SHA-256 is stored. Each draft carries the idempotency key its submission
 *   will use, so a double submit makes one case.
 * - `outbox_messages`: emails and text messages written in the same
 *   transaction as the change that causes them (a durable outbox): the job
 *   queue sends them and sets `sent_at`; nothing is lost if it is down.
 * - `access_codes`: one-time codes and links (track a case by code, the link
 *   in our emails, an advocate's sign-in link), stored as hashes.
 * - `tracking_locks`: wrong codes per case reference, and the lock after five.
 * - `attachments` and `attachment_contents`: uploaded files, checked by
 *   content, kept in the database (outside any web root, in the same
 *   transaction and backup as their case), served only as downloads.
 * - `case_people.user_id`: the advocate account acting for a young person.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table drafts (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      journey text not null check (journey in ('complaint', 'young-person', 'advocate-complaint', 'compliment', 'enquiry', 'foi')),
      token_hash text not null unique,
      answers jsonb not null default '{}',
      idempotency_key text not null,
      language text not null default 'en' check (language in ('en', 'cy')),
      advocate_user_id uuid references users (id) on delete cascade,
      case_id uuid references cases (id),
      expires_at timestamptz not null,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index drafts_expiry on drafts (council_id, expires_at)`.execute(db);

  await sql`
    create table outbox_messages (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid references cases (id),
      channel text not null check (channel in ('email', 'sms')),
      recipient text not null,
      template text not null,
      language text not null check (language in ('en', 'cy')),
      payload jsonb not null default '{}',
      idempotency_key text not null unique,
      created_at timestamptz not null default now(),
      sent_at timestamptz
    )`.execute(db);
  await sql`create index outbox_messages_unsent on outbox_messages (created_at) where sent_at is null`.execute(db);
  await sql`create index outbox_messages_case on outbox_messages (case_id, created_at) where case_id is not null`.execute(db);

  await sql`
    create table access_codes (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      purpose text not null check (purpose in ('track_code', 'track_link', 'advocate_link')),
      case_id uuid references cases (id) on delete cascade,
      user_id uuid references users (id) on delete cascade,
      secret_hash text not null,
      expires_at timestamptz not null,
      used_at timestamptz,
      created_at timestamptz not null default now(),
      check ((purpose = 'advocate_link') = (user_id is not null)),
      check ((purpose = 'advocate_link') = (case_id is null))
    )`.execute(db);
  // Links are found by their secret; codes by their case (a six-digit code is not unique).
  await sql`create unique index access_codes_link on access_codes (secret_hash) where purpose <> 'track_code'`.execute(db);
  await sql`create index access_codes_case on access_codes (case_id, purpose, created_at) where case_id is not null`.execute(db);

  await sql`
    create table tracking_locks (
      council_id uuid not null references councils (id),
      case_id uuid primary key references cases (id) on delete cascade,
      failed_attempts integer not null default 0,
      locked_until timestamptz,
      updated_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table attachments (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid references cases (id),
      draft_id uuid references drafts (id) on delete set null,
      file_name text not null,
      content_type text not null,
      size_bytes integer not null check (size_bytes > 0),
      sha256 text not null,
      source text not null check (source in ('submission', 'tracking')),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index attachments_case on attachments (case_id) where case_id is not null`.execute(db);
  await sql`create index attachments_draft on attachments (draft_id) where draft_id is not null`.execute(db);
  await sql`
    create table attachment_contents (
      attachment_id uuid primary key references attachments (id) on delete cascade,
      council_id uuid not null references councils (id),
      content bytea not null
    )`.execute(db);

  await sql`alter table case_people add column user_id uuid references users (id)`.execute(db);
  await sql`create index case_people_user on case_people (user_id, case_id) where user_id is not null`.execute(db);

  for (const table of ['drafts', 'outbox_messages', 'access_codes', 'tracking_locks', 'attachments', 'attachment_contents']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`
      create policy council_isolation on ${sql.table(table)}
      using (council_id = heard_current_council())
      with check (council_id = heard_current_council())`.execute(db);
    await sql`grant select, insert, update, delete on ${sql.table(table)} to heard_app`.execute(db);
  }
}
