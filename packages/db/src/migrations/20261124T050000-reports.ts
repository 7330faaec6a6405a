import { sql, type Kysely } from 'kysely';

/**
 * Reports and the historical import.
 *
 * - `case_imports`: which cases came from an import, with a fingerprint of
 *   the row they came from, so importing the same file again changes nothing
 *   and a different row under the same reference is refused.
 * - `import_runs`: each upload from the back-office, its progress and its
 *   result (the command line prints its own).
 * - An index on the date a case was answered (its response, else its
 *   closure): the outcome tables count cases by it.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table import_runs (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      file_name text not null,
      dry_run boolean not null default false,
      status text not null default 'running' check (status in ('running', 'failed', 'succeeded')),
      rows integer not null default 0,
      created_cases integer not null default 0,
      unchanged_cases integer not null default 0,
      errors jsonb not null default '[]',
      started_by uuid references users (id),
      started_at timestamptz not null default now(),
      finished_at timestamptz
    )`.execute(db);
  await sql`create index import_runs_council on import_runs (council_id, started_at desc)`.execute(db);

  await sql`
    create table case_imports (
      council_id uuid not null references councils (id),
      case_id uuid primary key references cases (id) on delete cascade,
      row_hash text not null,
      import_run_id uuid references import_runs (id),
      imported_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create index cases_answered on cases (council_id, (coalesce(responded_on, closed_on)), type)
    where coalesce(responded_on, closed_on) is not null`.execute(db);

  for (const table of ['import_runs', 'case_imports']) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`
      create policy council_isolation on ${sql.table(table)}
      using (council_id = heard_current_council())
      with check (council_id = heard_current_council())`.execute(db);
    await sql`grant select, insert, update on ${sql.table(table)} to heard_app`.execute(db);
  }
}
