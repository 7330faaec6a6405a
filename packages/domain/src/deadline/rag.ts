import type { IsoDate } from '../calendar/iso-date';
import { workingDaysBetween } from '../calendar/working-day-calendar';
import type { CaseRules } from '../policy/resolve-policy';
import type { Deadline } from './compute-deadline';

/**
 * What the tracker shows for a deadline (rules.md "Case status"): green,
 * amber (due within N working days, 3 by default), red (overdue); and the
 * states around them: awaiting the agreed statement (statutory Stage 2),
 * awaiting another start event, paused (FOI fee), no deadline (compliments),
 * and, once answered, met or missed.
 */
export const RAG_STATUSES = [
  'green',
  'amber',
  'red',
  'awaiting_agreed_statement',
  'awaiting',
  'paused',
  'no_deadline',
  'met',
  'missed',
] as const;
export type RagStatus = (typeof RAG_STATUSES)[number];

/**
 * A response on the deadline day is on time (rules.md "Counting").
 *
 * @example isOnTime('2024-04-15', '2024-04-15') // true
 * @example isOnTime('2024-04-16', '2024-04-15') // false
 */
export function isOnTime(answeredOn: IsoDate, dueOn: IsoDate): boolean {
  return answeredOn <= dueOn;
}

/**
 * The RAG status of a deadline on `today`. Amber while the deadline is at
 * most `amberWithinWorkingDays` working days away (the policy's, 3 by
 * default), including the deadline day itself; red from the day after.
 *
 * @example ragStatus(computeDeadline(stage1, 'response', rules), '2024-04-10', rules) // 'amber' (due 2024-04-15)
 */
export function ragStatus(
  deadline: Deadline,
  today: IsoDate,
  rules: CaseRules,
  options: { answeredOn?: IsoDate | null; amberWithinWorkingDays?: number } = {},
): RagStatus {
  switch (deadline.status) {
    case 'none':
      return 'no_deadline';
    case 'awaiting':
      return deadline.awaiting === 'statement_agreed' ? 'awaiting_agreed_statement' : 'awaiting';
    case 'paused':
      return 'paused';
    case 'due': {
      if (options.answeredOn) return isOnTime(options.answeredOn, deadline.dueOn) ? 'met' : 'missed';
      if (today > deadline.dueOn) return 'red';
      const calendar = deadline.clock.calendar === 'foi' ? rules.calendars.foi : rules.calendars.council;
      const amber = options.amberWithinWorkingDays ?? rules.policy.amberWithinWorkingDays;
      return workingDaysBetween(calendar, today, deadline.dueOn) <= amber ? 'amber' : 'green';
    }
  }
}
