export { openDatabase, openDatabaseFromEnv, findRepositoryRoot } from './client';
export type { HeardDatabase, DatabaseKind, OpenDatabaseOptions, Tx } from './client';
export { readDatabaseEnv } from './env';
export { DatabaseConfigError, describeError } from './errors';
export { isDatabaseUnavailable } from './unavailable';
export { migrateToLatest } from './migrate';
export type { Database, DateString } from './schema/tables';
export { councilRepository } from './repositories/council-repository';
export type { Council } from './repositories/council-repository';
export { caseRepository, FINISHED_STATUSES } from './repositories/case-repository';
export type { CaseCounts } from './repositories/case-repository';
export { sessionRepository } from './repositories/session-repository';
export type { StoredSession } from './repositories/session-repository';
export { userRepository } from './repositories/user-repository';
export type { StaffUser, RoleGrant } from './repositories/user-repository';
export type { CouncilRow, CaseRow, NewCase, CaseUpdate, CaseEventRow, UserRow } from './schema/tables';
export { auditRepository } from './repositories/audit-repository';
export type { AuditAction, AuditEntry, AuditRecord } from './repositories/audit-repository';
export { policyRepository } from './repositories/policy-repository';
export type { CouncilPolicyInputs } from './repositories/policy-repository';
export { intakeRepository, insertCaseRow } from './repositories/intake-repository';
export type { NewPortalCase, NewCasePerson, CreatedCase, PortalService, NewCaseRow } from './repositories/intake-repository';
export { draftRepository } from './repositories/draft-repository';
export type { Draft } from './repositories/draft-repository';
export { outboxRepository } from './repositories/outbox-repository';
export type { OutboxMessage, QueuedMessage, CaseLetter } from './repositories/outbox-repository';
export { accessCodeRepository } from './repositories/access-code-repository';
export type { AccessCode, AccessPurpose } from './repositories/access-code-repository';
export { trackingRepository } from './repositories/tracking-repository';
export type { PersonCase, CaseContact, AdvocateCaseSummary, CaseEventRecord } from './repositories/tracking-repository';
export { attachmentRepository } from './repositories/attachment-repository';
export type { Attachment } from './repositories/attachment-repository';
export { advocateRepository } from './repositories/advocate-repository';
export type { Advocate } from './repositories/advocate-repository';
export type { JourneyCode } from './schema/intake-tables';
export { caseworkRepository } from './repositories/casework-repository';
export type {
  CaseRecord,
  CasePoint,
  CaseRemedy,
  CaseLearningAction,
  CasePerson,
  CaseTimelineEntry,
  StaffLetter,
  CaseAssignment,
  CaseLinkSummary,
  CaseDeadlineColumns,
  NewCaseInput,
} from './repositories/casework-repository';
export { trackerRepository, decodeCursor, TRACKER_SORTS, TRACKER_RAGS } from './repositories/tracker-repository';
export type { TrackerFilters, TrackerSort, TrackerRag, TrackerDates, TrackerScope, TrackerRow, TrackerPage } from './repositories/tracker-repository';
export { adminRepository, REFERENCE_KINDS } from './repositories/admin-repository';
export type { ReferenceKind, ReferenceItem, LetterTemplate, StaffAccount, OidcSettings, AccessRecord } from './repositories/admin-repository';
export { caseworkLogsRepository } from './repositories/casework-logs-repository';
export type { AdvocacyReferral, DisclosureLogEntry, SavedView } from './repositories/casework-logs-repository';
export { LETTER_KINDS } from './schema/casework-tables';
export type { LetterKind, AssignmentRole, CaseLinkKind, DeadlineStatus } from './schema/casework-tables';
export { reportRepository, reportQueries } from './reports/report-repository';
export type { ReportCase, LearningReport } from './reports/report-repository';
export { importCases } from './reports/import-cases';
export type { ImportOptions, ImportProgress, ImportResult } from './reports/import-cases';
export { importRunRepository } from './reports/import-run-repository';
export type { ImportRun } from './reports/import-run-repository';
export { outboxDeliveryRepository } from './repositories/outbox-delivery-repository';
export type { ClaimedMessage, MessageCaseFacts, OutboxListItem, OutboxMessageDetail } from './repositories/outbox-delivery-repository';
export { jobsRepository } from './repositories/jobs-repository';
export type { OpenDeadlineCase, StaffContact, ManagerGrant } from './repositories/jobs-repository';
export { retentionRepository, anonymiseCases, scrubPayload } from './repositories/jobs-retention-repository';
export type { RetentionCandidate } from './repositories/jobs-retention-repository';
export { subjectAccessRepository } from './repositories/jobs-subject-access-repository';
export type { SubjectQuery, SubjectAccessData, SubjectCase, SubjectDocument, HeldRow } from './repositories/jobs-subject-access-repository';
export type { OutboxStatus, OutboxProvider } from './schema/jobs-tables';
