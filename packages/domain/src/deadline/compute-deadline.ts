import { fromDayNumber, isIsoDate, toDayNumber } from '../calendar/iso-date';
import type { IsoDate } from '../calendar/iso-date';
import { addWorkingDayNumbers, isWithinHolidayDataDayNumbers, nonWorkingReasonOfDayNumber } from '../calendar/working-day-calendar';
import type { CalendarId, WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { BankHolidayDivision } from '../calendar/bank-holidays';
import type { CaseRules } from '../policy/resolve-policy';
import { timescaleKeyFor } from '../policy/timescale-policy';
import type { Clock, ClockAnchor, ClockKind, DayUnit, RuleSource, StageTimescale } from '../policy/timescale-policy';
import type { CaseType, Stage } from '../vocabulary';
import { countForward } from './count-days';
import type { DayRange } from './count-days';

/** An agreed extension: the new total limit, when it was agreed, and why (rules.md). */
export type Extension = { limit: number; agreedOn: IsoDate; reason: string };

/** A requested FOI clarification; the clock restarts when it arrives (FOIA s.1(3)). */
export type Clarification = { requestedOn: IsoDate; receivedOn: IsoDate | null };

/** An FOI fees notice; the clock stops until it is paid (FOIA s.10(2)). */
export type FeeNotice = { issuedOn: IsoDate; paidOn: IsoDate | null };

/** What a case's clocks depend on: a case state has all of these. */
export type CaseClockFacts = {
  type: CaseType;
  stage: Stage | null;
  receivedOn: IsoDate;
  acknowledgedOn?: IsoDate | null;
  statementAgreedOn?: IsoDate | null;
  panelHeldOn?: IsoDate | null;
  findingsIssuedOn?: IsoDate | null;
  /** Imported `complex = true`: the extended timescale applies. */
  complex?: boolean;
  extension?: Extension | null;
  clarifications?: readonly Clarification[];
  feeNotices?: readonly FeeNotice[];
};

/** Why a day was not counted. */
export type SkippedDay =
  | { date: IsoDate; reason: 'weekend'; day: 'saturday' | 'sunday' }
  | { date: IsoDate; reason: 'bank_holiday'; name: string; nameCy: string; divisions: BankHolidayDivision[] }
  | { date: IsoDate; reason: 'closure'; name: string }
  | { date: IsoDate; reason: 'paused'; pause: 'fee_notice' };

/** How a deadline was reached, day by day: shown to staff and to the person. */
export type DeadlineExplanation = {
  kind: ClockKind;
  start: { date: IsoDate; anchor: ClockAnchor | 'clarification_received' };
  limit: number;
  unit: DayUnit;
  calendar: CalendarId;
  /** True when the council calendar has closure days (they are explained as they are skipped). */
  calendarHasClosures: boolean;
  source: RuleSource;
  extension: { from: number; to: number; agreedOn: IsoDate | null; reason: string | null } | null;
  skipped: SkippedDay[];
  dueOn: IsoDate;
  /** False when counting ran past the shipped bank holiday data. */
  holidayDataComplete: boolean;
  holidayDataEndsOn: IsoDate;
};

/** A deadline as of the facts given. */
export type Deadline =
  | { kind: ClockKind; status: 'none'; reason: 'no_timescale' | 'stage_not_offered' }
  | {
      kind: ClockKind;
      status: 'awaiting';
      awaiting: Exclude<ClockAnchor, 'received'> | 'clarification';
      clock: Clock;
      /** The latest it could be, where the awaited event has a deadline of its own (the acknowledgement). */
      provisionalDueOn: IsoDate | null;
    }
  | { kind: ClockKind; status: 'paused'; reason: 'fee_notice'; pausedFrom: IsoDate; remaining: number; clock: Clock }
  | {
      kind: ClockKind;
      status: 'due';
      dueOn: IsoDate;
      clock: Clock;
      /** The limit in force: the policy's, or the extended one. */
      limit: number;
      extended: boolean;
      holidayDataComplete: boolean;
      explanation: DeadlineExplanation | null;
    };

const CLOCK_FIELD: Record<ClockKind, keyof Omit<StageTimescale, 'independentResponder'>> = {
  acknowledgement: 'acknowledgement',
  response: 'response',
  panel: 'panel',
  panel_findings: 'panelFindings',
};

/**
 * The time limit of a case type and stage, or why there is none.
 *
 * @example findClock(rules, 'foi_request', 'request', 'response')?.limit // 20
 */
export function findClock(rules: CaseRules, type: CaseType, stage: Stage | null, kind: ClockKind): Clock | null | undefined {
  const key = timescaleKeyFor(type, stage);
  const timescale = key === undefined ? null : rules.policy.timescales[key];
  if (!timescale) return undefined;
  return timescale[CLOCK_FIELD[kind]];
}

function anchorDate(facts: CaseClockFacts, anchor: ClockAnchor): IsoDate | null {
  switch (anchor) {
    case 'received':
      return facts.receivedOn;
    case 'acknowledged':
      return facts.acknowledgedOn ?? null;
    case 'statement_agreed':
      return facts.statementAgreedOn ?? null;
    case 'panel_held':
      return facts.panelHeldOn ?? null;
    case 'findings_issued':
      return facts.findingsIssuedOn ?? null;
  }
}

function isFoiRequest(facts: CaseClockFacts): boolean {
  return facts.type === 'foi_request' && facts.stage === 'request';
}

function calendarFor(rules: CaseRules, clock: Clock): WorkingDayCalendar {
  return clock.calendar === 'foi' ? rules.calendars.foi : rules.calendars.council;
}

const NO_PAUSES: readonly DayRange[] = [];

function pausesOf(facts: CaseClockFacts, rules: CaseRules): readonly DayRange[] {
  if (!isFoiRequest(facts) || !rules.policy.foi.feeNoticePausesClock || !facts.feeNotices || facts.feeNotices.length === 0)
    return NO_PAUSES;
  return facts.feeNotices.map((notice) => ({
    from: toDayNumber(notice.issuedOn),
    to: notice.paidOn === null ? null : toDayNumber(notice.paidOn),
  }));
}

/** Whether every day counted, (start, due], lies within the shipped bank holiday data. */
function holidayDataCovers(calendar: WorkingDayCalendar, unit: DayUnit, startDay: number, due: number): boolean {
  if (unit === 'calendar') return true;
  return isWithinHolidayDataDayNumbers(calendar, Math.min(startDay + 1, due), due);
}

function explain(
  kind: ClockKind,
  clock: Clock,
  calendar: WorkingDayCalendar,
  start: { date: IsoDate; anchor: ClockAnchor | 'clarification_received' },
  limit: number,
  extension: DeadlineExplanation['extension'],
  pauses: readonly DayRange[],
  due: number,
): DeadlineExplanation {
  const skipped: SkippedDay[] = [];
  const startDay = toDayNumber(start.date);
  for (let day = startDay + 1; day <= due; day += 1) {
    const date = fromDayNumber(day);
    if (pauses.some((p) => day >= p.from && (p.to === null || day <= p.to))) {
      skipped.push({ date, reason: 'paused', pause: 'fee_notice' });
      continue;
    }
    if (clock.unit === 'calendar') continue;
    const reason = nonWorkingReasonOfDayNumber(calendar, day);
    if (!reason) continue;
    if (reason.kind === 'weekend') skipped.push({ date, reason: 'weekend', day: reason.day });
    else if (reason.kind === 'closure') skipped.push({ date, reason: 'closure', name: reason.name });
    else {
      const { name, nameCy, divisions } = reason.holiday;
      skipped.push({ date, reason: 'bank_holiday', name, nameCy, divisions: [...divisions] });
    }
  }
  const dueOn = fromDayNumber(due);
  return {
    kind,
    start,
    limit,
    unit: clock.unit,
    calendar: calendar.id,
    calendarHasClosures: calendar.closureDays.length > 0,
    source: clock.source,
    extension,
    skipped,
    dueOn,
    holidayDataComplete: holidayDataCovers(calendar, clock.unit, startDay, due),
    holidayDataEndsOn: calendar.coverage.to,
  };
}

/**
 * The deadline of one of a case's clocks (acknowledgement, response, or a
 * Stage 3 panel's), under the policy in force when it was received: counted
 * from its anchor (day 0) on the clock's calendar, with an agreed extension
 * (counted from the same start), FOI's clarification restart (s.1(3)) and
 * fee pause (s.10(2)); and, unless `explain: false`, its explanation.
 *
 * Statuses: `due` with a date; `awaiting` the event it counts from (e.g. the
 * agreed statement of complaint, statutory Stage 2, regulations 16-17);
 * `paused` while a fees notice is unpaid; `none` (compliments, or a stage
 * the council's procedure does not have).
 *
 * @example computeDeadline({ type: 'foi_request', stage: 'request', receivedOn: '2023-07-03' }, 'response', rules)
 * // { status: 'due', dueOn: '2023-08-01', ... } (skips 12 July, Battle of the Boyne)
 */
export function computeDeadline(facts: CaseClockFacts, kind: ClockKind, rules: CaseRules, options: { explain?: boolean } = {}): Deadline {
  const key = timescaleKeyFor(facts.type, facts.stage);
  const timescale = key === undefined ? null : rules.policy.timescales[key];
  if (!timescale) return { kind, status: 'none', reason: 'stage_not_offered' };
  const clock = timescale[CLOCK_FIELD[kind]];
  if (!clock) return { kind, status: 'none', reason: 'no_timescale' };

  let startDate = anchorDate(facts, clock.from);
  let anchor: ClockAnchor | 'clarification_received' = clock.from;
  if (startDate === null) {
    const awaiting = clock.from as Exclude<ClockAnchor, 'received'>;
    let provisionalDueOn: IsoDate | null = null;
    if (awaiting === 'acknowledged' && kind !== 'acknowledgement') {
      const acknowledgement = computeDeadline(facts, 'acknowledgement', rules, { explain: false });
      if (acknowledgement.status === 'due') {
        const provisional = computeDeadline({ ...facts, acknowledgedOn: acknowledgement.dueOn }, kind, rules, { explain: false });
        if (provisional.status === 'due') provisionalDueOn = provisional.dueOn;
      }
    }
    return { kind, status: 'awaiting', awaiting, clock, provisionalDueOn };
  }

  if (isFoiRequest(facts) && kind === 'response' && rules.policy.foi.clarificationRestartsClock && facts.clarifications?.length) {
    const latest = [...facts.clarifications]
      .sort((a, b) => (a.requestedOn < b.requestedOn ? -1 : a.requestedOn > b.requestedOn ? 1 : 0))
      .at(-1);
    if (latest && latest.receivedOn === null) return { kind, status: 'awaiting', awaiting: 'clarification', clock, provisionalDueOn: null };
    if (latest?.receivedOn && isIsoDate(latest.receivedOn) && latest.receivedOn > startDate) {
      startDate = latest.receivedOn;
      anchor = 'clarification_received';
    }
  }

  let limit = clock.limit;
  let extension: DeadlineExplanation['extension'] = null;
  if (kind === 'response' && clock.extension.allowed) {
    if (facts.extension) {
      limit = Math.max(clock.limit, Math.min(facts.extension.limit, clock.extension.limit));
      extension = { from: clock.limit, to: limit, agreedOn: facts.extension.agreedOn, reason: facts.extension.reason };
    } else if (facts.complex) {
      limit = clock.extension.limit;
      extension = { from: clock.limit, to: limit, agreedOn: null, reason: null };
    }
  }

  const calendar = calendarFor(rules, clock);
  const pauses = kind === 'response' ? pausesOf(facts, rules) : NO_PAUSES;
  const startDay = toDayNumber(startDate);
  let due: number;
  if (pauses.length === 0) {
    // The common case, kept free of allocation: one array look-up.
    due = clock.unit === 'working' ? addWorkingDayNumbers(calendar, startDay, limit) : startDay + limit;
  } else {
    const counted = countForward(calendar, clock.unit, startDay, limit, pauses);
    if (!('due' in counted)) {
      return {
        kind,
        status: 'paused',
        reason: 'fee_notice',
        pausedFrom: fromDayNumber(counted.pausedFrom),
        remaining: counted.remaining,
        clock,
      };
    }
    due = counted.due;
  }
  const dueOn = fromDayNumber(due);
  const explanation =
    options.explain === false ? null : explain(kind, clock, calendar, { date: startDate, anchor }, limit, extension, pauses, due);
  return {
    kind,
    status: 'due',
    dueOn,
    clock,
    limit,
    extended: extension !== null,
    holidayDataComplete: holidayDataCovers(calendar, clock.unit, startDay, due),
    explanation,
  };
}

/**
 * The explanation of a bare due date (no case): `days` after `from` on a
 * calendar, with each day not counted and why. For `heard due --explain`
 * and for showing any rule's arithmetic.
 *
 * @example renderDeadline(... explainDueDate({ from: '2024-03-28', days: 10, unit: 'working', calendar: getCalendar('england-and-wales') }))
 */
export function explainDueDate(input: {
  from: IsoDate;
  days: number;
  unit: DayUnit;
  calendar: WorkingDayCalendar;
  source?: RuleSource;
  kind?: ClockKind;
}): DeadlineExplanation {
  const clock: Clock = {
    limit: input.days,
    unit: input.unit,
    calendar: input.calendar.id === 'foi' ? 'foi' : 'council',
    from: 'received',
    extension: { allowed: false, limit: input.days },
    source: input.source ?? { kind: 'guidance', citation: 'the day received is day 0; the deadline is the Nth day after it' },
  };
  const start = toDayNumber(input.from);
  const counted = countForward(input.calendar, input.unit, start, input.days, []);
  const due = 'due' in counted ? counted.due : start;
  return explain(input.kind ?? 'response', clock, input.calendar, { date: input.from, anchor: 'received' }, input.days, null, [], due);
}
