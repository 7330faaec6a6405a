import type { IsoDate } from '../calendar/iso-date';
import type { HomeCalendarId } from '../calendar/working-day-calendar';
import type { CaseType, Stage } from '../vocabulary';

/** Deadlines count working days (the default) or calendar days (seed 002's 28). */
export const DAY_UNITS = ['working', 'calendar'] as const;
export type DayUnit = (typeof DAY_UNITS)[number];

/**
 * Which working-day calendar a clock counts on: the council's own (England
 * and Wales unless it is in Scotland or Northern Ireland, plus its closure
 * days) or FOI's all-UK one (FOIA s.10(6)).
 */
export const CLOCK_CALENDARS = ['council', 'foi'] as const;
export type ClockCalendar = (typeof CLOCK_CALENDARS)[number];

/**
 * The event a clock counts from: day 0. Statutory Stage 2 counts from the
 * agreed statement of complaint (regulations 16-17), the Complaint Handling
 * Code from the acknowledgement, Stage 3 panels from the panel and from its
 * findings.
 */
export const CLOCK_ANCHORS = ['received', 'acknowledged', 'statement_agreed', 'panel_held', 'findings_issued'] as const;
export type ClockAnchor = (typeof CLOCK_ANCHORS)[number];

/** The deadlines a stage can have. */
export const CLOCK_KINDS = ['acknowledgement', 'response', 'panel', 'panel_findings'] as const;
export type ClockKind = (typeof CLOCK_KINDS)[number];

/** Where a rule comes from, shown with every deadline. */
export const RULE_SOURCE_KINDS = ['law', 'guidance', 'code', 'council'] as const;
export type RuleSourceKind = (typeof RULE_SOURCE_KINDS)[number];
export type RuleSource = {
  kind: RuleSourceKind;
  /** e.g. "FOIA s.10(1)"; for a council's own rule, the policy's name. */
  citation: string;
};

/**
 * One time limit: `limit` days (working or calendar) after its anchor,
 * counted on a calendar. An extension, where allowed, moves the deadline to
 * at most `extension.limit` days counted from the same start (rules.md:
 * "An extension moves the deadline to the extended limit counted from the
 * same start"), so `extension.limit` is the total, not the extra days.
 */
export type Clock = {
  limit: number;
  unit: DayUnit;
  calendar: ClockCalendar;
  from: ClockAnchor;
  extension: { allowed: boolean; limit: number };
  source: RuleSource;
};

/** The time limits of one case type at one stage. `null`: no such deadline. */
export type StageTimescale = {
  acknowledgement: Clock | null;
  response: Clock | null;
  /** Statutory Stage 3: the review panel is convened within this limit of the request. */
  panel: Clock | null;
  /** Statutory Stage 3: the panel's findings within this limit of the panel. */
  panelFindings: Clock | null;
  /**
   * The responder must not be the one who answered the previous stage
   * (Complaint Handling Code Stage 2; FOI internal review by someone not
   * involved in the original decision).
   */
  independentResponder: boolean;
};

/** A window after a response: to ask for the next stage or for an FOI internal review. */
export type WindowRule = { limit: number; unit: DayUnit; source: RuleSource };

/**
 * Statutory Stage 2 while the written statement of complaint is not yet
 * agreed (regulations 16-17): the 25 working days have not started, so the
 * case has no deadline to turn red. The regulations set no time for agreeing
 * the statement, so this is a target of the council's: staff are reminded on
 * the `limit`th working day after the request was accepted (day 0, the
 * council's calendar) and, when `repeat`, every `limit` working days after
 * that until it is agreed.
 */
export type StatementReminderRule = { limit: number; repeat: boolean; source: RuleSource };

/** Every case type and stage that can carry time limits. */
export const TIMESCALE_KEYS = [
  'children_act_complaint.1',
  'children_act_complaint.2',
  'children_act_complaint.3',
  'children_act_complaint.ombudsman',
  'corporate_complaint.1',
  'corporate_complaint.2',
  'corporate_complaint.3',
  'corporate_complaint.ombudsman',
  'general_enquiry',
  'member_enquiry',
  'mp_enquiry',
  'mayor_enquiry',
  'chief_executive_enquiry',
  'compliment',
  'foi_request.request',
  'foi_request.internal_review',
  'foi_request.information_commissioner',
] as const;
export type TimescaleKey = (typeof TIMESCALE_KEYS)[number];

/**
 * A council's timescale policy in force from `effectiveFrom`: every number
 * in rules.md is a default of this, not a constant in code.
 */
export type TimescalePolicy = {
  name: string;
  effectiveFrom: IsoDate;
  /** The council's working-day calendar for complaints and enquiries. */
  calendar: HomeCalendarId;
  /** RAG amber: due within this many working days (rules.md: 3). */
  amberWithinWorkingDays: number;
  /** A complainant may ask for the next stage within this window of the response. */
  escalationWindow: WindowRule;
  /** An FOI internal review is requested within this window of the response. */
  foiInternalReviewWindow: WindowRule;
  foi: {
    /** FOIA s.1(3): the clock restarts when a requested clarification arrives. */
    clarificationRestartsClock: boolean;
    /** FOIA s.10(2): days while a fees notice is unpaid are not counted. */
    feeNoticePausesClock: boolean;
    /** FOIA s.9(2): an unpaid fees notice lapses after three months. */
    feeNoticeLapsesAfterMonths: number;
  };
  /** A statutory complaint is made within a year of the matter (reg. 9; discretion allowed). */
  statutoryTimeLimitMonths: number;
  /** A complaint to the Ombudsman is normally made within 12 months. */
  ombudsmanTimeLimitMonths: number;
  /** Closed cases are anonymised after this many years (rules.md "Privacy": 6). */
  retentionYears: number;
  /** Reminders while a statutory Stage 2 awaits its agreed statement; `null`: none. */
  statementReminder: StatementReminderRule | null;
  timescales: { [K in TimescaleKey]: StageTimescale | null };
};

/** Partial `Clock`, as a council overrides it. */
export type ClockOverride = Partial<Omit<Clock, 'extension' | 'source'>> & {
  extension?: Partial<Clock['extension']>;
  source?: RuleSource;
};
export type StageTimescaleOverride = {
  acknowledgement?: ClockOverride | null;
  response?: ClockOverride | null;
  panel?: ClockOverride | null;
  panelFindings?: ClockOverride | null;
  independentResponder?: boolean;
};

/** What a council (or a shipped version) changes: any part of a policy. */
export type TimescalePolicyOverride = {
  name?: string;
  calendar?: HomeCalendarId;
  amberWithinWorkingDays?: number;
  escalationWindow?: Partial<WindowRule>;
  foiInternalReviewWindow?: Partial<WindowRule>;
  foi?: Partial<TimescalePolicy['foi']>;
  statutoryTimeLimitMonths?: number;
  ombudsmanTimeLimitMonths?: number;
  retentionYears?: number;
  statementReminder?: Partial<StatementReminderRule> | null;
  timescales?: { [K in TimescaleKey]?: StageTimescaleOverride | null };
};

/** A dated override: in force for cases received on or after `effectiveFrom`. */
export type PolicyVersion = {
  effectiveFrom: IsoDate;
  override: TimescalePolicyOverride;
  /**
   * Shipped versions only: earlier council overrides of these keys stop
   * applying from this version's date (the Complaint Handling Code replaces
   * a council's earlier corporate procedure; a council that still deviates
   * records a new version dated on or after it).
   */
  supersedesCouncilOverridesOf?: readonly TimescaleKey[];
};

/**
 * The timescale key of a case type and stage.
 *
 * @example timescaleKeyFor('corporate_complaint', '1') // 'corporate_complaint.1'
 * @example timescaleKeyFor('mp_enquiry', null) // 'mp_enquiry'
 */
export function timescaleKeyFor(type: CaseType, stage: Stage | null): TimescaleKey | undefined {
  // A look-up, not string building: this runs for every deadline computed.
  return KEYS_BY_TYPE.get(type)?.get(stage);
}

const KEYS_BY_TYPE: ReadonlyMap<string, ReadonlyMap<string | null, TimescaleKey>> = (() => {
  const byType = new Map<string, Map<string | null, TimescaleKey>>();
  for (const key of TIMESCALE_KEYS) {
    const [type, stage] = key.split('.') as [string, string | undefined];
    let byStage = byType.get(type);
    if (!byStage) {
      byStage = new Map();
      byType.set(type, byStage);
    }
    byStage.set(stage ?? null, key);
  }
  return byType;
})();
