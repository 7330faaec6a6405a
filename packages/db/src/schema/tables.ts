import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { CaseworkTables } from './casework-tables';
import type { IntakeTables } from './intake-tables';
import type { JobsTables } from './jobs-tables';
import type { ReportsTables } from './reports-tables';

/**
 * Row types of every table, as the database returns them (dates as
 * 'YYYY-MM-DD' strings: a calendar date must never drift through a time zone).
 * Kept by hand beside the migrations. Tables added by later areas live in
 * their own files (`intake-tables.ts`, `casework-tables.ts`, ...).
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Uuid = Generated<string>;
/** A calendar date, 'YYYY-MM-DD'. */
export type DateString = string;

export interface CouncilsTable {
  id: Uuid;
  slug: string;
  name: string;
  name_cy: string | null;
  reference_prefix: Generated<string>;
  calendar: Generated<string>;
  hostnames: Generated<string[]>;
  retention_years: Generated<number>;
  settings: Generated<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface UsersTable {
  id: Uuid;
  council_id: string;
  email: string;
  display_name: string;
  kind: 'staff' | 'advocate';
  organisation: string | null;
  password_hash: string | null;
  totp_secret: string | null;
  language: Generated<'en' | 'cy'>;
  active: Generated<boolean>;
  failed_sign_ins: Generated<number>;
  locked_until: Date | null;
  totp_last_step: number | null;
  created_at: CreatedAt;
}

export interface UserRolesTable {
  id: Uuid;
  council_id: string;
  user_id: string;
  role: string;
  division_id: string | null;
  service_id: string | null;
  created_at: CreatedAt;
}

export interface ReferenceTable {
  id: Uuid;
  council_id: string;
  name: string;
  name_cy: string | null;
  active: Generated<boolean>;
  created_at: CreatedAt;
}

export interface ServicesTable extends ReferenceTable {
  division_id: string | null;
  framework: Generated<'statutory' | 'corporate'>;
}

export interface CasesTable {
  id: Uuid;
  council_id: string;
  reference: string;
  type: string;
  framework: string;
  stage: string | null;
  parent_case_id: string | null;
  status: Generated<string>;
  received_on: DateString;
  started_on: DateString | null;
  acknowledgement_due_on: DateString | null;
  acknowledged_on: DateString | null;
  due_on: DateString | null;
  responded_on: DateString | null;
  closed_on: DateString | null;
  complex: Generated<boolean>;
  decision: string | null;
  outcome: string | null;
  division_id: string | null;
  service_id: string | null;
  locality_id: string | null;
  owner_user_id: string | null;
  channel: Generated<string>;
  advocate_supported: Generated<boolean>;
  language: Generated<'en' | 'cy'>;
  summary: string | null;
  details: string | null;
  remedy: string | null;
  out_of_remit_reason: string | null;
  flags: Generated<Record<string, unknown>>;
  legal_hold: Generated<boolean>;
  anonymised_at: Date | null;
  created_at: CreatedAt;
  updated_at: ColumnType<Date, Date | string | undefined, Date | string>;
}

export interface CaseThemesTable {
  council_id: string;
  case_id: string;
  theme_id: string;
}

export interface CasePeopleTable {
  id: Uuid;
  council_id: string;
  case_id: string;
  role: 'complainant' | 'child' | 'advocate' | 'member' | 'requester';
  name: string | null;
  email: string | null;
  phone: string | null;
  date_of_birth: DateString | null;
  address: string | null;
  relationship: string | null;
  contact_preference: string | null;
  language: 'en' | 'cy' | null;
  adjustments: string | null;
  consent_recorded_at: Date | null;
  /** The advocate's account, when an advocate acts for the young person (intake migration). */
  user_id: Generated<string | null>;
  created_at: CreatedAt;
}

export interface CaseEventsTable {
  id: Generated<number>;
  council_id: string;
  case_id: string;
  type: string;
  payload: ColumnType<Record<string, unknown>, string | Record<string, unknown>, never>;
  actor_user_id: string | null;
  actor_label: string;
  occurred_at: CreatedAt;
}

export interface AuditLogTable {
  id: Generated<number>;
  council_id: string;
  case_id: string | null;
  actor_user_id: string | null;
  actor_label: string;
  action: string;
  detail: string | null;
  ip: string | null;
  at: CreatedAt;
}

export interface IdempotencyKeysTable {
  council_id: string;
  key: string;
  case_id: string;
  created_at: CreatedAt;
}

export interface SessionsTable {
  token_hash: string;
  council_id: string;
  user_id: string | null;
  case_id: string | null;
  kind: 'staff' | 'advocate' | 'citizen';
  state: 'pending_second_factor' | 'active';
  created_at: CreatedAt;
  last_seen_at: ColumnType<Date, Date | string | undefined, Date | string>;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface TimescalePolicyVersionsTable {
  id: Uuid;
  council_id: string;
  effective_from: DateString;
  override: ColumnType<Record<string, unknown>, string, string>;
  note: string | null;
  created_at: CreatedAt;
}

export interface ClosureDaysTable {
  council_id: string;
  date: DateString;
  name: string;
}

export interface ComplaintPointsTable {
  id: Uuid;
  council_id: string;
  case_id: string;
  position: number;
  summary: string;
  finding: 'upheld' | 'partly_upheld' | 'not_upheld' | null;
  notes: string | null;
  created_at: CreatedAt;
}

export interface RemediesTable {
  id: Uuid;
  council_id: string;
  case_id: string;
  kind: 'apology' | 'financial' | 'service' | 'policy_review' | 'staff_training' | 'other';
  amount_pence: number | null;
  description: string | null;
  agreed_on: DateString | null;
  complied_on: DateString | null;
  /** The order staff gave the remedies in (0 first). */
  position: Generated<number>;
  created_at: CreatedAt;
}

export interface LearningActionsTable {
  id: Uuid;
  council_id: string;
  case_id: string;
  description: string;
  owner_user_id: string | null;
  owner_name: string | null;
  due_on: DateString | null;
  status: Generated<'open' | 'done' | 'cancelled'>;
  completed_on: DateString | null;
  complainant_told_on: DateString | null;
  created_at: CreatedAt;
}

export interface Database extends IntakeTables, CaseworkTables, ReportsTables, JobsTables {
  timescale_policy_versions: TimescalePolicyVersionsTable;
  closure_days: ClosureDaysTable;
  complaint_points: ComplaintPointsTable;
  remedies: RemediesTable;
  learning_actions: LearningActionsTable;
  sessions: SessionsTable;
  councils: CouncilsTable;
  users: UsersTable;
  user_roles: UserRolesTable;
  divisions: ReferenceTable;
  services: ServicesTable;
  themes: ReferenceTable;
  localities: ReferenceTable;
  cases: CasesTable;
  case_themes: CaseThemesTable;
  case_people: CasePeopleTable;
  case_events: CaseEventsTable;
  audit_log: AuditLogTable;
  idempotency_keys: IdempotencyKeysTable;
}

export type CouncilRow = Selectable<CouncilsTable>;
export type CaseRow = Selectable<CasesTable>;
export type NewCase = Insertable<CasesTable>;
export type CaseUpdate = Updateable<CasesTable>;
export type CaseEventRow = Selectable<CaseEventsTable>;
export type UserRow = Selectable<UsersTable>;
