import { addCalendarDays, fromDayNumber, toDayNumber } from '../calendar/iso-date';
import type { IsoDate } from '../calendar/iso-date';
import { addWorkingDayNumbers, addWorkingDays, countWorkingDayNumbers } from '../calendar/working-day-calendar';
import type { WorkingDayCalendar } from '../calendar/working-day-calendar';
import type { DayUnit } from '../policy/timescale-policy';

/**
 * The deadline `days` days after `from` (day 0): the Nth working day after it
 * on `calendar`, or for a calendar-day rule the Nth calendar day after it
 * (rules.md "Working days and deadlines": "Calendar-day policies ... count
 * calendar days from the day after receipt"). The fast path for bulk work:
 * an array look-up on the precomputed calendar.
 *
 * @example computeDueDate({ from: '2024-03-28', days: 10, unit: 'working', calendar: getCalendar('england-and-wales') }) // '2024-04-15'
 * @example computeDueDate({ from: '2019-06-03', days: 28, unit: 'calendar', calendar: getCalendar('england-and-wales') }) // '2019-07-01'
 */
export function computeDueDate(input: { from: IsoDate; days: number; unit: DayUnit; calendar: WorkingDayCalendar }): IsoDate {
  return input.unit === 'working' ? addWorkingDays(input.calendar, input.from, input.days) : addCalendarDays(input.from, input.days);
}

/** A stretch of days not counted (inclusive day numbers); `to` null: still going on. */
export type DayRange = { from: number; to: number | null };

/** The outcome of counting forward through pauses. */
export type CountResult = { due: number } | { pausedFrom: number; remaining: number };

function mergeRanges(ranges: readonly DayRange[]): DayRange[] {
  const sorted = [...ranges].sort((a, b) => a.from - b.from);
  const merged: DayRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last && (last.to === null || range.from <= last.to + 1)) {
      last.to = last.to === null || range.to === null ? null : Math.max(last.to, range.to);
    } else {
      merged.push({ ...range });
    }
  }
  return merged;
}

/**
 * Counts `days` forward from day 0 `start`, not counting paused days (FOIA
 * s.10(2): the days from the fees notice to the payment are disregarded).
 * Works pause by pause with the calendar's O(1) operations, not day by day.
 */
function addDays(calendar: WorkingDayCalendar, unit: DayUnit, from: number, n: number): number {
  return unit === 'working' ? addWorkingDayNumbers(calendar, from, n) : from + n;
}

function daysBetween(calendar: WorkingDayCalendar, unit: DayUnit, from: number, to: number): number {
  return unit === 'working' ? countWorkingDayNumbers(calendar, from, to) : to - from;
}

export function countForward(
  calendar: WorkingDayCalendar,
  unit: DayUnit,
  start: number,
  days: number,
  pauses: readonly DayRange[],
): CountResult {
  if (days === 0) return { due: start };
  if (pauses.length === 0) return { due: addDays(calendar, unit, start, days) };
  let cursor = start;
  let remaining = days;
  for (const pause of mergeRanges(pauses)) {
    if (pause.to !== null && pause.to <= cursor) continue;
    if (pause.from > cursor) {
      const available = daysBetween(calendar, unit, cursor, pause.from - 1);
      if (available >= remaining) return { due: addDays(calendar, unit, cursor, remaining) };
      remaining -= available;
    }
    if (pause.to === null) return { pausedFrom: Math.max(pause.from, cursor + 1), remaining };
    cursor = pause.to;
  }
  return { due: addDays(calendar, unit, cursor, remaining) };
}

/** `countForward` on dates. */
export function countForwardDates(
  calendar: WorkingDayCalendar,
  unit: DayUnit,
  start: IsoDate,
  days: number,
  pauses: readonly { from: IsoDate; to: IsoDate | null }[],
): { due: IsoDate } | { pausedFrom: IsoDate; remaining: number } {
  const result = countForward(
    calendar,
    unit,
    toDayNumber(start),
    days,
    pauses.map((p) => ({ from: toDayNumber(p.from), to: p.to === null ? null : toDayNumber(p.to) })),
  );
  return 'due' in result
    ? { due: fromDayNumber(result.due) }
    : { pausedFrom: fromDayNumber(result.pausedFrom), remaining: result.remaining };
}
