import type { ColumnType, Generated } from 'kysely';

/**
 * Row types of the tables added for casework (migration
 * `20261124T040000-staff-casework`). Each is added to `Database` through
 * `CaseworkTables`; the columns added to `cases` and `users` are merged into
 * their row types below (TypeScript interface merging), so the shared
 * `tables.ts` is not edited by every area.
 */
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;
type DateString = string;

export type DeadlineStatus = 'due' | 'awaiting_agreed_statement' | 'awaiting' | 'paused' | 'no_deadline';

declare module './tables' {
  interface CasesTable {
    /** The lifecycle state that has no column of its own (see casework-repository `toCaseState`). */
    lifecycle: ColumnType<Record<string, unknown>, string | undefined, string>;
    deadline_status: ColumnType<DeadlineStatus | null, DeadlineStatus | null | undefined, DeadlineStatus | null>;
    /** `due_on`, or 'infinity' when there is none: the tracker's keyset order. Generated. */
    due_sort: ColumnType<string, never, never>;
    provider_name: ColumnType<string | null, string | null | undefined, string | null>;
    provider_procedure_used: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
    ofsted_informed_on: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
    ofsted_outcome_informed_on: ColumnType<DateString | null, DateString | null | undefined, DateString | null>;
    may_share: ColumnType<boolean | null, boolean | null | undefined, boolean | null>;
    foi_exemptions: ColumnType<string[], string[] | undefined, string[]>;
  }
  interface UsersTable {
    oidc_subject: ColumnType<string | null, string | null | undefined, string | null>;
  }
}

export type AssignmentRole = 'investigating_officer' | 'independent_person' | 'panel_member';

export interface CaseAssignmentsTable {
  id: Generated<string>;
  council_id: string;
  case_id: string;
  user_id: string;
  role: AssignmentRole;
  created_at: CreatedAt;
}

export type CaseLinkKind = 'related' | 'same_person' | 'duplicate';

export interface CaseLinksTable {
  id: Generated<string>;
  council_id: string;
  case_id: string;
  linked_case_id: string;
  kind: CaseLinkKind;
  created_at: CreatedAt;
}

export const LETTER_KINDS = ['acknowledgement', 'response', 'signposting', 'extension', 'clarification', 'fee_notice', 'escalation_decision', 'general'] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export interface LetterTemplatesTable {
  id: Generated<string>;
  council_id: string;
  kind: LetterKind;
  name: string;
  subject_en: string;
  body_en: string;
  subject_cy: string;
  body_cy: string;
  active: Generated<boolean>;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface LettersTable {
  id: Generated<string>;
  council_id: string;
  case_id: string;
  template_id: string | null;
  kind: string;
  language: 'en' | 'cy';
  subject: string;
  body: string;
  sent_on: DateString;
  sent_by_user_id: string | null;
  created_at: CreatedAt;
}

export interface SavedViewsTable {
  id: Generated<string>;
  council_id: string;
  user_id: string;
  name: string;
  filters: Json<Record<string, unknown>>;
  created_at: CreatedAt;
}

export interface AdvocacyReferralsTable {
  id: Generated<string>;
  council_id: string;
  case_id: string | null;
  referred_on: DateString;
  source: string;
  organisation: string;
  advocate_name: string | null;
  young_person_name: string;
  offered: Generated<boolean>;
  accepted: boolean | null;
  consent_recorded_on: DateString | null;
  outcome: string | null;
  created_at: CreatedAt;
  updated_at: Timestamp;
}

export interface DisclosureLogEntriesTable {
  id: Generated<string>;
  council_id: string;
  case_id: string;
  reference: string;
  title: string;
  summary: string;
  outcome: string;
  published_on: DateString;
  created_at: CreatedAt;
}

export interface OidcRequestsTable {
  state_hash: string;
  council_id: string;
  code_verifier: string;
  nonce: string;
  return_to: string;
  created_at: CreatedAt;
  expires_at: ColumnType<Date, Date | string, Date | string>;
}

export interface CaseworkTables {
  case_assignments: CaseAssignmentsTable;
  case_links: CaseLinksTable;
  letter_templates: LetterTemplatesTable;
  letters: LettersTable;
  saved_views: SavedViewsTable;
  advocacy_referrals: AdvocacyReferralsTable;
  disclosure_log_entries: DisclosureLogEntriesTable;
  oidc_requests: OidcRequestsTable;
}
