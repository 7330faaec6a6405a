import { sql, type Kysely } from 'kysely';

/**
 * The back-office's casework: what the lifecycle records on a case beyond
 * its columns, the tracker's indexes, who is appointed to a case, letters
 * and their templates, saved tracker views, advocacy referrals, the FOI
 * disclosure log, single sign-on requests, and row-level security by staff
 * role (docs/adr/0006-row-level-security-by-staff-role.md).
 *
 * Staff scope in the database: a staff procedure sets `heard.user_id` for
 * its transaction; the policies below read that person's grants from
 * `user_roles` (the database's own record, not what the app says they can
 * do) and narrow every case table to what the role may see and change. Calls
 * with no staff user (the portal, sign-in, jobs) are not narrowed by role:
 * council isolation still applies to them.
 */
const OPEN = sql`status not in ('closed', 'withdrawn', 'out_of_remit')`;

export async function up(db: Kysely<unknown>): Promise<void> {
  // -- Cases: the rest of the lifecycle state, the deadline as the tracker needs it,
  //    commissioned services, compliments and FOI details.
  await sql`
    alter table cases
      add column lifecycle jsonb not null default '{}',
      add column deadline_status text
        check (deadline_status in ('due', 'awaiting_agreed_statement', 'awaiting', 'paused', 'no_deadline')),
      add column due_sort date generated always as (coalesce(due_on, 'infinity'::date)) stored,
      add column provider_name text,
      add column provider_procedure_used boolean,
      add column ofsted_informed_on date,
      add column ofsted_outcome_informed_on date,
      add column may_share boolean,
      add column foi_exemptions text[] not null default '{}'`.execute(db);

  // The tracker pages open cases in keyset order (due date, then id; or
  // received date); each common filter has an index in that order, so a page
  // of 50 is read from an index whatever the council's size.
  await sql`create index cases_tracker_due on cases (council_id, due_sort, id) where ${OPEN}`.execute(db);
  await sql`create index cases_tracker_received on cases (council_id, received_on, id) where ${OPEN}`.execute(db);
  await sql`create index cases_tracker_owner on cases (council_id, owner_user_id, due_sort, id) where ${OPEN}`.execute(db);
  await sql`create index cases_tracker_division on cases (council_id, division_id, due_sort, id) where ${OPEN}`.execute(db);
  await sql`create index cases_tracker_service on cases (council_id, service_id, due_sort, id) where ${OPEN}`.execute(db);
  await sql`create index cases_tracker_type on cases (council_id, type, due_sort, id) where ${OPEN}`.execute(db);
  await sql`create index cases_triage on cases (council_id, received_on, id) where status = 'received'`.execute(db);
  await sql`create index cases_by_type_received on cases (council_id, type, received_on desc, id)`.execute(db);

  // The domain's remedy kinds and learning action statuses (packages/domain vocabulary).
  await sql`alter table remedies drop constraint remedies_kind_check`.execute(db);
  await sql`
    alter table remedies add constraint remedies_kind_check
    check (kind in ('apology', 'financial', 'service', 'service_provided', 'policy_review', 'staff_training', 'other'))`.execute(db);
  await sql`alter table learning_actions drop constraint learning_actions_status_check`.execute(db);
  await sql`
    alter table learning_actions add constraint learning_actions_status_check
    check (status in ('open', 'in_progress', 'done', 'cancelled'))`.execute(db);

  await sql`alter table users add column oidc_subject text`.execute(db);
  await sql`create unique index users_oidc_subject on users (council_id, oidc_subject) where oidc_subject is not null`.execute(db);

  await sql`
    create table case_assignments (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid not null references cases (id) on delete cascade,
      user_id uuid not null references users (id),
      role text not null check (role in ('investigating_officer', 'independent_person', 'panel_member')),
      created_at timestamptz not null default now(),
      unique (case_id, user_id, role)
    )`.execute(db);
  await sql`create index case_assignments_user on case_assignments (user_id)`.execute(db);

  await sql`
    create table case_links (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid not null references cases (id) on delete cascade,
      linked_case_id uuid not null references cases (id) on delete cascade,
      kind text not null check (kind in ('related', 'same_person', 'duplicate')),
      created_at timestamptz not null default now(),
      unique (case_id, linked_case_id),
      check (case_id <> linked_case_id)
    )`.execute(db);
  await sql`create index case_links_linked on case_links (linked_case_id)`.execute(db);

  await sql`
    create table letter_templates (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      kind text not null check (kind in ('acknowledgement', 'response', 'signposting', 'extension', 'clarification',
        'fee_notice', 'escalation_decision', 'general')),
      name text not null,
      subject_en text not null,
      body_en text not null,
      subject_cy text not null,
      body_cy text not null,
      active boolean not null default true,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now(),
      unique (council_id, kind, name)
    )`.execute(db);

  // A letter as sent is history: it can be added, never changed.
  await sql`
    create table letters (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid not null references cases (id) on delete cascade,
      template_id uuid references letter_templates (id),
      kind text not null,
      language text not null check (language in ('en', 'cy')),
      subject text not null,
      body text not null,
      sent_on date not null,
      sent_by_user_id uuid references users (id),
      created_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index letters_case on letters (case_id, created_at)`.execute(db);

  await sql`
    create table saved_views (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      user_id uuid not null references users (id) on delete cascade,
      name text not null,
      filters jsonb not null,
      created_at timestamptz not null default now(),
      unique (user_id, name)
    )`.execute(db);

  await sql`
    create table advocacy_referrals (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid references cases (id) on delete set null,
      referred_on date not null,
      source text not null check (source in ('self', 'social_worker', 'personal_adviser', 'participation_manager', 'iro', 'cp_conference_chair')),
      organisation text not null,
      advocate_name text,
      young_person_name text not null,
      offered boolean not null default true,
      accepted boolean,
      consent_recorded_on date,
      outcome text,
      created_at timestamptz not null default now(),
      updated_at timestamptz not null default now()
    )`.execute(db);
  await sql`create index advocacy_referrals_date on advocacy_referrals (council_id, referred_on desc)`.execute(db);

  // The FOI disclosure log: published answers with the requester's personal data removed.
  await sql`
    create table disclosure_log_entries (
      id uuid primary key default gen_random_uuid(),
      council_id uuid not null references councils (id),
      case_id uuid not null references cases (id) on delete cascade,
      reference text not null,
      title text not null,
      summary text not null,
      outcome text not null,
      published_on date not null,
      created_at timestamptz not null default now(),
      unique (case_id)
    )`.execute(db);
  await sql`create index disclosure_log_published on disclosure_log_entries (council_id, published_on desc)`.execute(db);

  // Single sign-on: one row per sign-in in flight (state, nonce, PKCE verifier), short-lived.
  await sql`
    create table oidc_requests (
      state_hash text primary key,
      council_id uuid not null references councils (id),
      code_verifier text not null,
      nonce text not null,
      return_to text not null,
      created_at timestamptz not null default now(),
      expires_at timestamptz not null
    )`.execute(db);

  const newTables = ['case_assignments', 'case_links', 'letter_templates', 'letters', 'saved_views', 'advocacy_referrals', 'disclosure_log_entries', 'oidc_requests'];
  for (const table of newTables) {
    await sql`alter table ${sql.table(table)} enable row level security`.execute(db);
    await sql`alter table ${sql.table(table)} force row level security`.execute(db);
    await sql`
      create policy council_isolation on ${sql.table(table)}
      using (council_id = heard_current_council())
      with check (council_id = heard_current_council())`.execute(db);
    const privileges = table === 'letters' ? sql`select, insert` : sql`select, insert, update, delete`;
    await sql`grant ${privileges} on ${sql.table(table)} to heard_app`.execute(db);
  }

  await createStaffScopeFunctions(db);
  await createStaffScopePolicies(db);
}

/**
 * The signed-in staff member and what their grants let them reach. Every
 * function answers "not narrowed" when no staff user is set. Policies call
 * them as `(select f())`, so PostgreSQL evaluates each once per query (an
 * InitPlan), not once per row: the tracker stays an index scan.
 */
async function createStaffScopeFunctions(db: Kysely<unknown>): Promise<void> {
  await sql`
    create function heard_current_user() returns uuid
    language sql stable parallel safe
    as $$ select nullif(current_setting('heard.user_id', true), '')::uuid $$`.execute(db);
  const hasRole = (roles: string) => sql.raw(`
    select heard_current_user() is null
      or exists (select 1 from user_roles r where r.user_id = heard_current_user() and r.role in (${roles}))`);
  // Complaints officers work on every case of the council.
  await sql`create function heard_staff_writes_all() returns boolean language sql stable as $$ ${hasRole("'complaints_officer'")} $$`.execute(db);
  // Management viewers and administrators read every case, and change none.
  await sql`
    create function heard_staff_reads_all() returns boolean language sql stable
    as $$ ${hasRole("'complaints_officer', 'management_viewer', 'administrator'")} $$`.execute(db);
  await sql`create function heard_staff_is_admin() returns boolean language sql stable as $$ ${hasRole("'administrator'")} $$`.execute(db);
  // Service managers: the cases of their divisions and services.
  await sql`
    create function heard_staff_divisions() returns uuid[] language sql stable
    as $$ select coalesce(array_agg(division_id), '{}') from user_roles
          where user_id = heard_current_user() and role = 'service_manager' and division_id is not null $$`.execute(db);
  await sql`
    create function heard_staff_services() returns uuid[] language sql stable
    as $$ select coalesce(array_agg(service_id), '{}') from user_roles
          where user_id = heard_current_user() and role = 'service_manager' and service_id is not null $$`.execute(db);
  // Investigating officers, independent persons and panel members: the cases they are appointed to.
  await sql`
    create function heard_staff_cases() returns uuid[] language sql stable
    as $$ select coalesce(array_agg(case_id), '{}') from case_assignments where user_id = heard_current_user() $$`.execute(db);
  for (const fn of ['heard_current_user()', 'heard_staff_writes_all()', 'heard_staff_reads_all()', 'heard_staff_is_admin()', 'heard_staff_divisions()', 'heard_staff_services()', 'heard_staff_cases()']) {
    await sql`grant execute on function ${sql.raw(fn)} to heard_app`.execute(db);
  }
}

/** A case row (columns of `cases`) within the person's own scope: their divisions, services, cases they own or are appointed to. */
const OWN_CASE = sql.raw(`(
  division_id = any ((select heard_staff_divisions())::uuid[])
  or service_id = any ((select heard_staff_services())::uuid[])
  or owner_user_id = (select heard_current_user())
  or id = any ((select heard_staff_cases())::uuid[])
)`);
const READS_ALL = sql.raw('(select heard_staff_reads_all())');
const WRITES_ALL = sql.raw('(select heard_staff_writes_all())');
const IS_ADMIN = sql.raw('(select heard_staff_is_admin())');

async function createStaffScopePolicies(db: Kysely<unknown>): Promise<void> {
  // Restrictive policies narrow the permissive council isolation: a row must pass both.
  await sql`create policy staff_read on cases as restrictive for select using (${READS_ALL} or ${OWN_CASE})`.execute(db);
  await sql`create policy staff_insert on cases as restrictive for insert with check (${WRITES_ALL})`.execute(db);
  await sql`create policy staff_update on cases as restrictive for update using (${WRITES_ALL} or ${OWN_CASE}) with check (${WRITES_ALL} or ${OWN_CASE})`.execute(db);
  await sql`create policy staff_delete on cases as restrictive for delete using (${WRITES_ALL})`.execute(db);

  // What belongs to a case follows the case: readable when the case is, changed only by those who may change it.
  const ownCaseIds = sql.raw(`(select c.id from cases c where
    c.division_id = any ((select heard_staff_divisions())::uuid[])
    or c.service_id = any ((select heard_staff_services())::uuid[])
    or c.owner_user_id = (select heard_current_user())
    or c.id = any ((select heard_staff_cases())::uuid[]))`);
  const caseChildren = ['case_people', 'case_events', 'case_themes', 'complaint_points', 'remedies', 'learning_actions', 'letters', 'case_assignments', 'case_links'];
  for (const table of caseChildren) {
    const t = sql.table(table);
    // Appointments are who-is-on-what (no personal data) and decide scope
    // themselves: reading them through the case policy would recurse.
    if (table !== 'case_assignments') {
      await sql`create policy staff_read on ${t} as restrictive for select using (${READS_ALL} or case_id in (select id from cases))`.execute(db);
    }
    await sql`create policy staff_insert on ${t} as restrictive for insert with check (${WRITES_ALL} or case_id in ${ownCaseIds})`.execute(db);
    if (table !== 'case_events' && table !== 'letters') {
      await sql`create policy staff_update on ${t} as restrictive for update using (${WRITES_ALL} or case_id in ${ownCaseIds})`.execute(db);
      await sql`create policy staff_delete on ${t} as restrictive for delete using (${WRITES_ALL} or case_id in ${ownCaseIds})`.execute(db);
    }
  }
  // Appointments decide scope, so only complaints officers make them.
  await sql`create policy staff_appoint on case_assignments as restrictive for insert with check (${WRITES_ALL})`.execute(db);

  // The audit log: anyone's reads and changes are written (as themselves); only administrators read it.
  await sql`create policy staff_read on audit_log as restrictive for select using (${IS_ADMIN})`.execute(db);
  await sql`
    create policy staff_insert on audit_log as restrictive for insert
    with check (heard_current_user() is null or actor_user_id = heard_current_user())`.execute(db);

  // Reference data, policies, calendars, templates, users and roles: administrators only.
  const adminTables = ['divisions', 'services', 'themes', 'localities', 'timescale_policy_versions', 'closure_days', 'letter_templates', 'users', 'user_roles'];
  for (const table of adminTables) {
    const t = sql.table(table);
    await sql`create policy staff_admin_insert on ${t} as restrictive for insert with check (${IS_ADMIN})`.execute(db);
    await sql`create policy staff_admin_update on ${t} as restrictive for update using (${IS_ADMIN})`.execute(db);
    await sql`create policy staff_admin_delete on ${t} as restrictive for delete using (${IS_ADMIN})`.execute(db);
  }
  await sql`create policy staff_admin_update on councils as restrictive for update using (${IS_ADMIN})`.execute(db);

  // Saved views are each person's own.
  await sql`
    create policy staff_own on saved_views as restrictive
    using (heard_current_user() is null or user_id = heard_current_user())
    with check (heard_current_user() is null or user_id = heard_current_user())`.execute(db);

  // Logs kept by the complaints team.
  for (const table of ['advocacy_referrals', 'disclosure_log_entries']) {
    const t = sql.table(table);
    await sql`create policy staff_read on ${t} as restrictive for select using (${READS_ALL})`.execute(db);
    await sql`create policy staff_insert on ${t} as restrictive for insert with check (${WRITES_ALL})`.execute(db);
    await sql`create policy staff_update on ${t} as restrictive for update using (${WRITES_ALL})`.execute(db);
    await sql`create policy staff_delete on ${t} as restrictive for delete using (${WRITES_ALL})`.execute(db);
  }
}
