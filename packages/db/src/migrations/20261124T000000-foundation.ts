import { sql, type Kysely } from 'kysely';

/**
 * The first schema: councils, people who sign in, reference data, cases with
 * their append-only history, and the audit of reads. Every table carries
 * `council_id` and is isolated by row-level security: the app's queries run as
 * the non-owner role `heard_app` with the council chosen per transaction
 * (`heard.council_id`), and FORCE ROW LEVEL SECURITY keeps table owners under
 * the same rule. See docs/adr/0004-row-level-security-for-tenancy.md.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  // Roles belong to the whole server, so several Heard databases (and
  // concurrent test runs) share one `heard_app`: create it only once.
  await sql`
    do $$ begin
      create role heard_app nologin;
    exception when duplicate_object or unique_violation then null;
    end $$`.execute(db);
  // The connecting user must be able to SET ROLE heard_app (superusers can anyway).
  await sql`
    do $$ begin
      execute format('grant heard_app to %I', current_user);
    exception when others then null;
    end $$`.execute(db);

  await sql`
    create function heard_current_council() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('heard.council_id', true), '')::uuid $$`.execute(db);

  await sql`
    create table councils (
      id uuid primary key default gen_random_uuid(),
      slug text not null unique check (slug ~ '^[a-z0-9-]{2,40}$'),
      name text not null,
      name_cy text,
      reference_prefix text not null default 'CYP' check (reference_prefix ~ '^[A-Z]{2,5}$'),
      calendar text not null default 'england-and-wales'
        check (calendar in ('england-and-wales', 'scotland', 'northern-ireland')),
      hostnames text[] not null default '{}',
      retention_years integer not null default 6 check (retention_years between 1 and 100),
      settings jsonb not null default '{}',
      created_at timestamptz not null default now()
    )`.execute(db);

  await sql`
    create table users (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      email text not null check (email = lower(email)),
      display_name text not null,
      kind text not null check (kind in ('staff', 'advocate')),
      organisation text,
      password_hash text,
      totp_secret text,
      language text not null default 'en' check (language in ('en', 'cy')),
      active boolean not null default true,
      failed_sign_ins integer not null default 0,
      locked_until timestamptz,
      created_at timestamptz not null default now(),
      unique (council_id, email)
    )`.execute(db);

  for (const table of ['divisions', 'themes', 'localities'] as const) {
    await sql`
      create table ${sql.table(table)} (
        id uuid primary key default gen_random_uuid(),
        council_id uuid not null references councils (id),
        name text not null,
        name_cy text,
        active boolean not null default true,
        created_at timestamptz not null default now(),
        unique (council_id, name)
      )`.execute(db);
  }

  await sql`
    create table services (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      division_id uuid references divisions (id),
      name text not null,
      name_cy text,
      framework text not null default 'corporate' check (framework in ('statutory', 'corporate')),
      active boolean not null default true,
      created_at timestamptz not null default now(),
      unique (council_id, name)
    )`.execute(db);

  await sql`
    create table user_roles (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      user_id uuid not null references users (id) on delete cascade,
      role text not null check (role in ('complaints_officer', 'service_manager', 'investigating_officer',
        'independent_person', 'panel_member', 'management_viewer', 'administrator')),
      division_id uuid references divisions (id),
      service_id uuid references services (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index user_roles_user on user_roles (user_id)`.execute(db);

  await sql`
    create table cases (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      reference text not null,
      type text not null check (type in ('children_act_complaint', 'corporate_complaint', 'general_enquiry',
        'member_enquiry', 'mp_enquiry', 'mayor_enquiry', 'chief_executive_enquiry', 'compliment', 'foi_request')),
      framework text not null check (framework in ('statutory', 'corporate', 'foi', 'none')),
      stage text check (stage in ('1', '2', '3', 'ombudsman', 'request', 'internal_review', 'information_commissioner')),
      parent_case_id uuid references cases (id),
      status text not null default 'received' check (status in ('received', 'acknowledged', 'in_progress',
        'responded', 'closed', 'withdrawn', 'out_of_remit', 'on_hold')),
      received_on date not null,
      started_on date,
      acknowledgement_due_on date,
      acknowledged_on date,
      due_on date,
      responded_on date,
      closed_on date,
      complex boolean not null default false,
      decision text,
      outcome text,
      division_id uuid references divisions (id),
      service_id uuid references services (id),
      locality_id uuid references localities (id),
      owner_user_id uuid references users (id),
      channel text not null default 'portal'
        check (channel in ('portal', 'email', 'phone', 'letter', 'in_person', 'member')),
      advocate_supported boolean not null default false,
      language text not null default 'en' check (language in ('en', 'cy')),
      summary text,
      details text,
      remedy text,
      out_of_remit_reason text,
      flags jsonb not null default '{}',
      legal_hold boolean not null default false,
      anonymised_at timestamptz,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (council_id, reference)
    )`.execute(db);
  // The tracker pages open cases by due date with keyset pagination; reports
  // group a council's year by type and date.
  await sql`create index cases_open_by_due on cases (council_id, due_on, id) where status not in ('closed', 'withdrawn', 'out_of_remit')`.execute(db);
  await sql`create index cases_received on cases (council_id, received_on, type)`.execute(db);
  await sql`create index cases_responded on cases (council_id, responded_on, type) where responded_on is not null`.execute(db);
  await sql`create index cases_parent on cases (parent_case_id) where parent_case_id is not null`.execute(db);
  await sql`create index cases_owner on cases (council_id, owner_user_id, due_on) where owner_user_id is not null`.execute(db);

  await sql`
    create table case_themes (
      council_id uuid not null references councils (id),
      case_id uuid not null references cases (id) on delete cascade,
      theme_id uuid not null references themes (id),
      primary key (case_id, theme_id)
    )`.execute(db);

  await sql`
    create table case_people (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid not null references cases (id) on delete cascade,
      role text not null check (role in ('complainant', 'child', 'advocate', 'member', 'requester')),
      name text,
      email text,
      phone text,
      date_of_birth date,
      address text,
      relationship text,
      contact_preference text,
      language text check (language in ('en', 'cy')),
      adjustments text,
      consent_recorded_at timestamptz,
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_people_case on case_people (case_id)`.execute(db);

  // History is append-only: the app role may read and add, never change.
  await sql`
    create table case_events (
      id bigint generated always as identity primary key,
      council_id uuid not null references councils (id),
      case_id uuid not null references cases (id),
      type text not null,
      payload jsonb not null default '{}',
      actor_user_id uuid references users (id),
      actor_label text not null,
      occurred_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index case_events_case on case_events (case_id, id)`.execute(db);

  await sql`
    create table audit_log (
      id bigint generated always as identity primary key,
      council_id uuid not null references councils (id),
      case_id uuid references cases (id),
      actor_user_id uuid references users (id),
      actor_label text not null,
      action text not null,
      detail text,
      ip text,
      at timestamptz not null default now()
    )`.execute(db);
  await sql`create index audit_log_case on audit_log (case_id, at) where case_id is not null`.execute(db);

  // One case per submitted form, however often it is posted.
  await sql`
    create table idempotency_keys (
      council_id uuid not null references councils (id),
      key text not null,
      case_id uuid not null references cases (id),
      created_at timestamptz not null default now(),
      primary key (council_id, key)
    )`.execute(db);

  // Row-level security: every table's rows belong to one council.
  await sql`alter table councils enable row level security`.execute(db);
  await sql`alter table councils force row level security`.execute(db);
  // Council names and host names are public (the portal finds its council by them).
  await sql`create policy councils_read on councils for select using (true)`.execute(db);
  await sql`create policy councils_write on councils for update using (id = heard_current_council())`.execute(db);
  await sql`grant select, update on councils to heard_app`.execute(db);

  const tenantTables = [
    'users', 'user_roles', 'divisions', 'services', 'themes', 'localities', 'cases', 'case_themes',
    'case_people', 'case_events', 'audit_log', 'idempotency_keys',
  ];
  for (const table of tenantTables) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`
      create policy council_isolation on ${sql.table(table)}
      using (council_id = heard_current_council())
      with check (council_id = heard_current_council())`.execute(db);
  }
  const appendOnly = new Set(['case_events', 'audit_log']);
  for (const table of tenantTables) {
    const privileges = appendOnly.has(table) ? sql`select, insert` : sql`select, insert, update, delete`;
    await sql`grant ${privileges} on ${sql.table(table)} to heard_app`.execute(db);
  }
  await sql`grant usage on schema public to heard_app`.execute(db);
  await sql`grant usage on all sequences in schema public to heard_app`.execute(db);
  await sql`grant execute on function heard_current_council() to heard_app`.execute(db);
}
