/**
 * @heard/domain: the rules of Heard (rules.md), pure and fully tested.
 * No I/O, no framework: only zod. See README.md for what each part owns.
 */

// Vocabulary: the codes stored and exchanged
export * from './vocabulary';

// Calendars: calendar dates, UK dates of instants, working days
export * from './calendar/iso-date';
export { BANK_HOLIDAY_DIVISIONS, HOLIDAY_DATA_COVERAGE, listAllUkBankHolidays, listBankHolidays } from './calendar/bank-holidays';
export type { BankHoliday, BankHolidayDivision } from './calendar/bank-holidays';
export {
  CALENDAR_IDS,
  HOME_CALENDAR_IDS,
  addWorkingDays,
  createCalendar,
  getCalendar,
  isCalendarId,
  isWithinHolidayData,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  nonWorkingReason,
  workingDaysBetween,
} from './calendar/working-day-calendar';
export type { CalendarId, ClosureDay, HomeCalendarId, NonWorkingReason, WorkingDayCalendar } from './calendar/working-day-calendar';

// Timescale policies
export {
  CLOCK_ANCHORS,
  CLOCK_CALENDARS,
  CLOCK_KINDS,
  DAY_UNITS,
  RULE_SOURCE_KINDS,
  TIMESCALE_KEYS,
  timescaleKeyFor,
} from './policy/timescale-policy';
export type {
  Clock,
  ClockAnchor,
  ClockCalendar,
  ClockKind,
  ClockOverride,
  DayUnit,
  PolicyVersion,
  RuleSource,
  RuleSourceKind,
  StageTimescale,
  StageTimescaleOverride,
  StatementReminderRule,
  TimescaleKey,
  TimescalePolicy,
  TimescalePolicyOverride,
  WindowRule,
} from './policy/timescale-policy';
export {
  BASE_POLICY,
  COMPLAINT_HANDLING_CODE_FROM,
  COMPLAINT_HANDLING_CODE_OVERRIDE,
  RULE_SOURCES,
  SHIPPED_POLICY_VERSIONS,
  WALES_SOCIAL_SERVICES_OVERRIDE,
} from './policy/default-policies';
export { createCaseRules, mergePolicy, resolvePolicy, rulesForCase, validateCouncilPolicyVersions } from './policy/resolve-policy';
export type { CaseRules, PolicyProblem } from './policy/resolve-policy';
export {
  ZClock,
  ZPolicyVersion,
  ZRuleSource,
  ZStageTimescale,
  ZStatementReminderRule,
  ZTimescalePolicy,
  ZTimescalePolicyOverride,
  ZWindowRule,
} from './policy/policy-schema';
export type { TPolicyVersion, TTimescalePolicy, TTimescalePolicyOverride } from './policy/policy-schema';

// Deadlines
export { computeDueDate, countForwardDates } from './deadline/count-days';
export { computeDeadline, explainDueDate, findClock } from './deadline/compute-deadline';
export type {
  CaseClockFacts,
  Clarification,
  Deadline,
  DeadlineExplanation,
  Extension,
  FeeNotice,
  SkippedDay,
} from './deadline/compute-deadline';
export { RAG_STATUSES, isOnTime, ragStatus } from './deadline/rag';
export type { RagStatus } from './deadline/rag';
export { describeDeadline, describeExplanation, describeRagStatus, renderDeadline } from './deadline/describe-deadline';
export {
  computeFeeNoticeLapseDate,
  computeOmbudsmanTimeLimit,
  computeRequestWindow,
  computeRetentionDate,
  computeStatutoryTimeLimit,
} from './deadline/windows';
export type { RequestWindow } from './deadline/windows';
export { statementReminderOn } from './deadline/statement-reminder';
export type { StatementReminder, StatementReminderFacts } from './deadline/statement-reminder';

// Lifecycle
export { checkCaseInvariants, createCaseState, firstStageOf, isComplaint, isEnquiry } from './lifecycle/case-state';
export type { CaseState, Remedy, StageRequest } from './lifecycle/case-state';
export type { CaseEvent, CaseEventType } from './lifecycle/case-events';
export { transitionCase } from './lifecycle/transition-case';
export type { Refusal, RefusalCode, TransitionResult } from './lifecycle/transition-kit';
export {
  acknowledgeCase,
  assignCase,
  closeCase,
  extendDeadline,
  markOutOfRemit,
  putOnHold,
  respondToCase,
  resumeCase,
  withdrawCase,
} from './lifecycle/status-transitions';
export {
  agreeStatement,
  decideRequest,
  recordOmbudsmanDecision,
  recordOmbudsmanOutcome,
  recordPanel,
  recordPanelFindings,
  referToOmbudsman,
  requestNextStage,
} from './lifecycle/escalation-transitions';
export { issueFeeNotice, receiveClarification, recordFeePaid, requestClarification } from './lifecycle/foi-transitions';
export { importedCaseToState } from './lifecycle/imported-case';

// Findings
export { countFindings, deriveFinding } from './finding/derive-finding';
export type { ComplaintPoint } from './finding/derive-finding';

// Eligibility and classification
export { assessEligibility, classifyComplaint, classifySubject, mayComplain } from './eligibility/assess-eligibility';
export type { ClassificationBasis, ComplaintAnswers, EligibilityAssessment, EligibilityFlag } from './eligibility/assess-eligibility';
export { planNewCase } from './eligibility/plan-new-case';

// References
export {
  REFERENCE_ALPHABET,
  generateReference,
  generateUniqueReference,
  isValidReference,
  normaliseReference,
} from './reference/case-reference';
export type { NormalisedReference, ReferenceFormat } from './reference/case-reference';

// Reports: shared definitions
export {
  CASE_COLUMNS,
  FINANCIAL_YEAR_MONTHS,
  caseColumnOf,
  caseTypeLabel,
  classifyTimeliness,
  financialYearLabel,
  financialYearOf,
  financialYearRange,
  formatShareCell,
  formatTimelinessCell,
  isBelowIcoMonitoringLine,
  monthsOfFinancialYear,
  percentFloor,
  percentRoundHalfUp,
  quarterOf,
  quarterRange,
  timelinessRounding,
} from './report/report-definitions';
export type { Quarter, Rounding, Timeliness } from './report/report-definitions';
// The tables of the statutory report, from aggregated counts, and the import file's messages
export * from './report/annual-report-tables';
export * from './report/import-file-messages';

// Messages (English and Welsh) and schemas
export {
  domainMessages,
  formatDate,
  formatMessage,
  isDomainMessageKey,
  listMessageVariables,
  localiseParams,
  renderMessage,
} from './schemas/messages';
export type { DomainMessage, DomainMessageKey, MessageParams } from './schemas/messages';
// The validation messages alone, for a browser bundle that needs no other domain message.
export { errorsCy, errorsEn } from './schemas/messages/errors';
export { deadlineCy, deadlineEn } from './schemas/messages/deadline';
export { lifecycleCy, lifecycleEn } from './schemas/messages/lifecycle';
export { formatFieldErrors, toFieldErrors } from './schemas/field-errors';
export type { FieldError } from './schemas/field-errors';
export {
  ZDateParts,
  ZEmail,
  ZId,
  ZIsoDate,
  ZPostalAddress,
  ZPostcode,
  ZPounds,
  ZUkPhone,
  normaliseText,
  normaliseUkPhone,
  zChoice,
  zDateBetween,
  zDateNotAfter,
  zOptionalText,
  zText,
  zWholeNumber,
} from './schemas/primitives';
export type { TDateParts, TIsoDate, TPostalAddress } from './schemas/primitives';
export * from './schemas/case-commands';
export * from './schemas/portal';
// The portal's journeys as GOV.UK question pages
export * from './schemas/portal-journeys';
export * from './schemas/staff';
export * from './schemas/subject-access';
export { IMPORT_COLUMNS, ZCaseImportRow, formatImportError, toImportErrors } from './schemas/import-row';
export type { ImportColumn, ImportError, ImportedCase, TCaseImportRow } from './schemas/import-row';
export { ZCaseState } from './schemas/case-state-schema';
// Staff sign-in forms (their messages are the back-office's i18n keys)
export * from './schemas/staff-auth';
export type { TCaseState } from './schemas/case-state-schema';
// Reports: the tables of the statutory report, and the import file's messages
export * from './report/annual-report-tables';
export * from './report/import-file-messages';
