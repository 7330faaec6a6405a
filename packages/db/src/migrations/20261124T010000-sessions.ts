import { sql, type Kysely } from 'kysely';

/**
 * Server-side sessions: the cookie holds a random token, the table holds its
 * SHA-256, so a leaked table cannot be replayed and sign-out is immediate.
 * A staff session is `pending_second_factor` until the TOTP code is checked.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    create table sessions (
      token_hash text primary key,
      council_id uuid not null references councils (id),
      user_id uuid references users (id) on delete cascade,
      case_id uuid references cases (id) on delete cascade,
      kind text not null check (kind in ('staff', 'advocate', 'citizen')),
      state text not null check (state in ('pending_second_factor', 'active')),
      created_at timestamptz not null default now(),
      last_seen_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);
  await sql`create index sessions_user on sessions (user_id)`.execute(db);
  await sql`alter table users add column totp_last_step bigint`.execute(db);
  await sql`alter table sessions enable row level security`.execute(db);
  await sql`alter table sessions force row level security`.execute(db);
  await sql`
    create policy council_isolation on sessions
    using (council_id = heard_current_council())
    with check (council_id = heard_current_council())`.execute(db);
  await sql`grant select, insert, update, delete on sessions to heard_app`.execute(db);
}
