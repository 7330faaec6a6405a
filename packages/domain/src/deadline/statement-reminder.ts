import type { IsoDate } from '../calendar/iso-date';
import { addWorkingDays, isWorkingDay, workingDaysBetween } from '../calendar/working-day-calendar';
import type { CaseRules } from '../policy/resolve-policy';
import { computeDeadline } from './compute-deadline';
import type { CaseClockFacts } from './compute-deadline';

/** What the statement reminder depends on: a case state has all of these. */
export type StatementReminderFacts = CaseClockFacts & {
  status: string;
  request: { decision: string | null; decidedOn: IsoDate | null } | null;
};

/** A reminder due today: the statement of complaint is still not agreed. */
export type StatementReminder = {
  /** The day the request was accepted for investigation: day 0. */
  acceptedOn: IsoDate;
  /** The day it was to be agreed by: the policy's limit after `acceptedOn`. */
  targetOn: IsoDate;
  /** Working days since `acceptedOn`, today included. */
  workingDays: number;
  /** 1 for the first reminder, 2 for the first repeat, ... */
  count: number;
};

// Only cases being worked on are chased: on hold, answered or closed ones are not.
const CHASED_STATUSES: ReadonlySet<string> = new Set(['received', 'acknowledged', 'in_progress']);

/**
 * Whether a case gets its "awaiting agreed statement" reminder today
 * (rules.md: "until the statement is agreed the case shows 'awaiting agreed
 * statement' with its own reminder"; regulations 16-17). Only while its
 * response clock awaits the agreed statement (statutory Stage 2 under the
 * English regulations), once the request is accepted, and while it is open.
 * Counted on the council's calendar from the day of acceptance (day 0): the
 * reminder falls on the policy's `statementReminder.limit`th working day
 * after it and, when the rule repeats, on every multiple of it; never on a
 * day that is not a working day (a run that day would repeat the day
 * before's count). `null`: no reminder today.
 *
 * @example statementReminderOn(stage2AcceptedOn('2024-05-02'), '2024-05-17', rulesForCase({ receivedOn: '2024-04-22' }))
 * // { acceptedOn: '2024-05-02', targetOn: '2024-05-17', workingDays: 10, count: 1 } (skips the 6 May bank holiday)
 */
export function statementReminderOn(facts: StatementReminderFacts, today: IsoDate, rules: CaseRules): StatementReminder | null {
  const rule = rules.policy.statementReminder;
  if (!rule || !CHASED_STATUSES.has(facts.status)) return null;
  if (facts.request?.decision !== 'accepted' || !facts.request.decidedOn) return null;
  const response = computeDeadline(facts, 'response', rules, { explain: false });
  if (response.status !== 'awaiting' || response.awaiting !== 'statement_agreed') return null;
  const calendar = rules.calendars.council;
  if (!isWorkingDay(calendar, today)) return null;
  const acceptedOn = facts.request.decidedOn;
  const workingDays = workingDaysBetween(calendar, acceptedOn, today);
  if (workingDays < rule.limit) return null;
  if (rule.repeat ? workingDays % rule.limit !== 0 : workingDays !== rule.limit) return null;
  return { acceptedOn, targetOn: addWorkingDays(calendar, acceptedOn, rule.limit), workingDays, count: workingDays / rule.limit };
}
