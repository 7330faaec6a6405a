import { sql, type Kysely } from 'kysely';

/**
 * What several parts of Heard share: each council's timescale policy
 * versions and closure days (the deadlines' inputs), and a complaint's
 * points with their findings, its remedies and the learning actions that
 * follow (the reports count them).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table timescale_policy_versions (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      effective_from date not null,
      override jsonb not null,
      note text,
      created_at timestamptz not null default now(),
      unique (council_id, effective_from)
    )`.execute(db);

  await sql`
    create table closure_days (
      council_id uuid not null references councils (id),
      date date not null,
      name text not null,
      primary key (council_id, date)
    )`.execute(db);

  await sql`
    create table complaint_points (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid not null references cases (id) on delete cascade,
      position integer not null,
      summary text not null,
      finding text check (finding in ('upheld', 'partly_upheld', 'not_upheld')),
      notes text,
      created_at timestamptz not null default now(),
      unique (case_id, position)
    )`.execute(db);

  await sql`
    create table remedies (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid not null references cases (id) on delete cascade,
      kind text not null check (kind in ('apology', 'financial', 'service', 'policy_review', 'staff_training', 'other')),
      amount_pence integer check (amount_pence is null or amount_pence >= 0),
      description text,
      agreed_on date,
      complied_on date,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index remedies_case on remedies (case_id)`.execute(db);

  await sql`
    create table learning_actions (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid not null references cases (id) on delete cascade,
      description text not null,
      owner_user_id uuid references users (id),
      owner_name text,
      due_on date,
      status text not null default 'open' check (status in ('open', 'done', 'cancelled')),
      completed_on date,
      complainant_told_on date,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index learning_actions_case on learning_actions (case_id)`.execute(db);
  await sql`create index learning_actions_due on learning_actions (council_id, status, due_on)`.execute(db);

  for (const table of ['timescale_policy_versions', 'closure_days', 'complaint_points', 'remedies', 'learning_actions']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`
      create policy council_isolation on ${sql.table(table)}
      using (council_id = heard_current_council())
      with check (council_id = heard_current_council())`.execute(db);
    await sql`grant select, insert, update, delete on ${sql.table(table)} to heard_app`.execute(db);
  }
}
