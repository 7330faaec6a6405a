import { HOLIDAY_DATA_COVERAGE, listAllUkBankHolidays, listBankHolidays } from './bank-holidays';
import type { BankHoliday, BankHolidayDivision } from './bank-holidays';
import { fromDayNumber, isIsoDate, toDayNumber, weekdayOfDayNumber } from './iso-date';
import type { IsoDate } from './iso-date';

/**
 * A council's calendar is one of GOV.UK's three divisions (England and Wales
 * by default; a council in Scotland or Northern Ireland picks its own), plus
 * its closure days. `foi` is the all-UK calendar FOIA s.10(6) prescribes.
 */
export const CALENDAR_IDS = ['england-and-wales', 'scotland', 'northern-ireland', 'foi'] as const;
export type CalendarId = (typeof CALENDAR_IDS)[number];
export type HomeCalendarId = Exclude<CalendarId, 'foi'>;
export const HOME_CALENDAR_IDS = ['england-and-wales', 'scotland', 'northern-ireland'] as const satisfies readonly HomeCalendarId[];

/** A day the council closes (e.g. between Christmas and New Year), with its name. */
export type ClosureDay = { date: IsoDate; name: string };

/** Why a day is not a working day. */
export type NonWorkingReason =
  { kind: 'weekend'; day: 'saturday' | 'sunday' } | { kind: 'bank_holiday'; holiday: BankHoliday } | { kind: 'closure'; name: string };

/**
 * A working-day calendar, precomputed over the years of the bank holiday
 * data so that "the Nth working day after" and "working days between" are
 * array look-ups, not loops (1,000,000 deadlines in well under a second).
 * Build one with `getCalendar` or `createCalendar` and reuse it.
 */
export type WorkingDayCalendar = {
  readonly id: CalendarId;
  readonly closureDays: readonly ClosureDay[];
  /** Dates for which every bank holiday is known. */
  readonly coverage: { readonly from: IsoDate; readonly to: IsoDate };
  /** @internal precomputed tables; see `buildTable`. */
  readonly table: WorkingDayTable;
};

type WorkingDayTable = {
  /** Day number of `coverage.from`. */
  start: number;
  length: number;
  /** 1 for a working day, by offset from `start`. */
  working: Uint8Array;
  /** Working days in offsets [0, i]: the rank of a day among working days. */
  rank: Int32Array;
  /** Offsets of the working days, in order: the k-th working day is `start + workIndex[k]`. */
  workIndex: Int32Array;
  /** Non-working reasons by day number (holidays and closures only; weekends are computed). */
  reasons: Map<number, NonWorkingReason>;
  /** Closure days by day number, including those outside the coverage. */
  closures: Map<number, string>;
};

function buildTable(holidays: readonly BankHoliday[], closureDays: readonly ClosureDay[]): WorkingDayTable {
  const start = toDayNumber(HOLIDAY_DATA_COVERAGE.from);
  const end = toDayNumber(HOLIDAY_DATA_COVERAGE.to);
  const length = end - start + 1;
  const working = new Uint8Array(length);
  const reasons = new Map<number, NonWorkingReason>();
  const closures = new Map<number, string>();
  for (const closure of closureDays) closures.set(toDayNumber(closure.date), closure.name);
  for (const holiday of holidays) reasons.set(toDayNumber(holiday.date), { kind: 'bank_holiday', holiday });
  for (const [day, name] of closures) {
    // A bank holiday that is also a closure day is explained as the holiday.
    if (!reasons.has(day)) reasons.set(day, { kind: 'closure', name });
  }
  const rank = new Int32Array(length);
  const offsets: number[] = [];
  let count = 0;
  for (let i = 0; i < length; i += 1) {
    const day = start + i;
    const isWorking = weekdayOfDayNumber(day) <= 5 && !reasons.has(day);
    if (isWorking) {
      working[i] = 1;
      offsets.push(i);
      count += 1;
    }
    rank[i] = count;
  }
  return { start, length, working, rank, workIndex: Int32Array.from(offsets), reasons, closures };
}

function assertClosureDays(closureDays: readonly ClosureDay[]): void {
  for (const closure of closureDays) {
    if (!isIsoDate(closure.date)) throw new RangeError(`Closure day is not a date: ${String(closure.date)}`);
  }
}

/**
 * Builds a working-day calendar: a division's bank holidays (or all of the
 * UK's for `foi`) plus the council's closure days.
 *
 * FOI's calendar takes no closure days: FOIA s.10(6) defines a working day
 * exhaustively, so a council's Christmas closure does not stop the FOI clock.
 *
 * @example createCalendar('england-and-wales', [{ date: '2024-12-27', name: 'Council closure' }])
 */
export function createCalendar(id: CalendarId, closureDays: readonly ClosureDay[] = []): WorkingDayCalendar {
  if (id === 'foi' && closureDays.length > 0) {
    throw new RangeError('The FOI calendar cannot have closure days: FOIA s.10(6) defines its working days.');
  }
  assertClosureDays(closureDays);
  const holidays = id === 'foi' ? listAllUkBankHolidays() : listBankHolidays(id as BankHolidayDivision);
  const sortedClosures = [...closureDays].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return {
    id,
    closureDays: sortedClosures,
    coverage: HOLIDAY_DATA_COVERAGE,
    table: buildTable(holidays, sortedClosures),
  };
}

const shippedCalendars = new Map<CalendarId, WorkingDayCalendar>();

/**
 * A shipped calendar without closure days, built once and cached.
 *
 * @example isWorkingDay(getCalendar('foi'), '2023-07-12') // false: Battle of the Boyne (NI)
 */
export function getCalendar(id: CalendarId): WorkingDayCalendar {
  let calendar = shippedCalendars.get(id);
  if (!calendar) {
    calendar = createCalendar(id);
    shippedCalendars.set(id, calendar);
  }
  return calendar;
}

/** True when `id` names a calendar. */
export function isCalendarId(id: unknown): id is CalendarId {
  return typeof id === 'string' && (CALENDAR_IDS as readonly string[]).includes(id);
}

function isWorkingDayNumber(table: WorkingDayTable, day: number): boolean {
  const offset = day - table.start;
  if (offset >= 0 && offset < table.length) return table.working[offset] === 1;
  return weekdayOfDayNumber(day) <= 5 && !table.closures.has(day);
}

/** The largest count of days a single computation accepts: guards against loops without end. */
const MAX_DAYS = 100_000;

function assertDays(days: number): void {
  if (!Number.isInteger(days) || days < 0 || days > MAX_DAYS) {
    throw new RangeError(`Days must be a whole number from 0 to ${MAX_DAYS}: ${days}`);
  }
}

/** `addWorkingDays` on day numbers: the building block of every deadline. */
export function addWorkingDayNumbers(calendar: WorkingDayCalendar, day: number, days: number): number {
  if (days === 0) return day;
  const table = calendar.table;
  const offset = day - table.start;
  if (offset >= 0 && offset < table.length) {
    // Working days strictly after `day` are workIndex[rank], workIndex[rank + 1], ...
    const k = (table.rank[offset] as number) + days - 1;
    if (k < table.workIndex.length) return table.start + (table.workIndex[k] as number);
  }
  // Beyond the data: day by day, weekends and closure days only. Deadlines
  // are weeks long, so this stays cheap.
  let current = day;
  let counted = 0;
  while (counted < days) {
    current += 1;
    if (isWorkingDayNumber(table, current)) counted += 1;
  }
  return current;
}

/** `workingDaysBetween` on day numbers. */
export function countWorkingDayNumbers(calendar: WorkingDayCalendar, from: number, to: number): number {
  if (to < from) return -countWorkingDayNumbers(calendar, to, from);
  const table = calendar.table;
  const a = from - table.start;
  const b = to - table.start;
  if (a >= 0 && b < table.length) return (table.rank[b] as number) - (table.rank[a] as number);
  let count = 0;
  for (let day = from + 1; day <= to; day += 1) if (isWorkingDayNumber(table, day)) count += 1;
  return count;
}

/**
 * True when `date` is a working day of the calendar: not a Saturday or a
 * Sunday, not a bank holiday of its division(s), not a closure day
 * (rules.md "Working days and deadlines").
 *
 * @example isWorkingDay(getCalendar('england-and-wales'), '2024-03-29') // false: Good Friday
 * @example isWorkingDay(getCalendar('england-and-wales'), '2023-07-12') // true (a holiday in NI only)
 */
export function isWorkingDay(calendar: WorkingDayCalendar, date: IsoDate): boolean {
  return isWorkingDayNumber(calendar.table, toDayNumber(date));
}

/**
 * Why `date` is not a working day, or `undefined` when it is one.
 *
 * @example nonWorkingReason(getCalendar('foi'), '2023-11-30')
 * // { kind: 'bank_holiday', holiday: { name: 'St Andrew’s Day', divisions: ['scotland'], ... } }
 */
export function nonWorkingReason(calendar: WorkingDayCalendar, date: IsoDate): NonWorkingReason | undefined {
  return nonWorkingReasonOfDayNumber(calendar, toDayNumber(date));
}

/** `nonWorkingReason` on a day number. */
export function nonWorkingReasonOfDayNumber(calendar: WorkingDayCalendar, day: number): NonWorkingReason | undefined {
  const weekday = weekdayOfDayNumber(day);
  if (weekday === 6) return { kind: 'weekend', day: 'saturday' };
  if (weekday === 7) return { kind: 'weekend', day: 'sunday' };
  const table = calendar.table;
  const offset = day - table.start;
  if (offset >= 0 && offset < table.length) return table.reasons.get(day);
  const closure = table.closures.get(day);
  return closure === undefined ? undefined : { kind: 'closure', name: closure };
}

/**
 * The Nth working day after `date`. The day of receipt is day 0 and the
 * deadline is the Nth working day after it; received on a Saturday, day 1 is
 * the Monday (or the next working day). `days = 0` gives `date` itself.
 * Source: rules.md "Working days and deadlines" ("Counting").
 *
 * @example addWorkingDays(getCalendar('england-and-wales'), '2024-03-27', 3) // '2024-04-03' (Easter 2024)
 * @example addWorkingDays(getCalendar('england-and-wales'), '2024-03-23', 1) // '2024-03-25' (Saturday receipt)
 */
export function addWorkingDays(calendar: WorkingDayCalendar, date: IsoDate, days: number): IsoDate {
  assertDays(days);
  return fromDayNumber(addWorkingDayNumbers(calendar, toDayNumber(date), days));
}

/**
 * Working days after `from` up to and including `to` (negative when `to` is
 * earlier), so that `addWorkingDays(c, from, workingDaysBetween(c, from, to))`
 * is `to` whenever `to` is a working day on or after `from`.
 *
 * @example workingDaysBetween(getCalendar('england-and-wales'), '2024-03-28', '2024-04-02') // 1
 */
export function workingDaysBetween(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate): number {
  return countWorkingDayNumbers(calendar, toDayNumber(from), toDayNumber(to));
}

/**
 * The first working day on or after `date` (the day itself when it is one).
 *
 * @example nextWorkingDayOnOrAfter(getCalendar('england-and-wales'), '2024-03-29') // '2024-04-02'
 */
export function nextWorkingDayOnOrAfter(calendar: WorkingDayCalendar, date: IsoDate): IsoDate {
  let day = toDayNumber(date);
  while (!isWorkingDayNumber(calendar.table, day)) day += 1;
  return fromDayNumber(day);
}

/** `isWithinHolidayData` on day numbers (inclusive). */
export function isWithinHolidayDataDayNumbers(calendar: WorkingDayCalendar, from: number, to: number): boolean {
  const table = calendar.table;
  return from >= table.start && to < table.start + table.length;
}

/**
 * True when every bank holiday between `from` and `to` (inclusive) is known
 * from the shipped data; beyond it, only weekends and closure days are.
 *
 * @example isWithinHolidayData(getCalendar('foi'), '2029-12-20', '2030-01-31') // true
 * @example isWithinHolidayData(getCalendar('foi'), '2030-12-20', '2031-01-31') // false
 */
export function isWithinHolidayData(calendar: WorkingDayCalendar, from: IsoDate, to: IsoDate = from): boolean {
  const { from: first, to: last } = calendar.coverage;
  return from >= first && to <= last && from <= last && to >= first;
}
