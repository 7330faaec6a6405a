/**
 * Calendar dates as `YYYY-MM-DD` strings.
 *
 * Deadlines are about calendar days in the UK, not instants: a complaint
 * received at 23:30 on a Friday was received that Friday, whatever the
 * server's time zone. So the domain never holds a `Date` for a day; it holds
 * the string, and does its arithmetic on "day numbers" (days since
 * 1970-01-01), which have no time zone and no daylight saving.
 */

/** A calendar date, `YYYY-MM-DD` (ISO 8601, proleptic Gregorian). */
export type IsoDate = string;

/** Monday = 1 ... Sunday = 7 (ISO 8601 weekday numbers). */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

function daysInMonth(year: number, month: number): number {
  if (month === 2) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return leap ? 29 : 28;
  }
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * Days from the civil date (Howard Hinnant's `days_from_civil`): exact integer
 * arithmetic, no `Date` allocation, so it is cheap enough for a million
 * deadlines a second.
 */
function dayNumberFromParts(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function digit(text: string, index: number): number {
  const code = text.charCodeAt(index) - 48;
  return code >= 0 && code <= 9 ? code : Number.NaN;
}

/**
 * The day number of `YYYY-MM-DD`, or NaN when it is not a real date. Reads
 * the characters directly (no regular expression, no `Date`): this is the
 * hot path of bulk deadline work.
 */
function parseDayNumber(value: string): number {
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return Number.NaN;
  const year = digit(value, 0) * 1000 + digit(value, 1) * 100 + digit(value, 2) * 10 + digit(value, 3);
  const month = digit(value, 5) * 10 + digit(value, 6);
  const day = digit(value, 8) * 10 + digit(value, 9);
  if (!(month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month))) return Number.NaN;
  return dayNumberFromParts(year, month, day);
}

/**
 * True when `value` is a real calendar date written `YYYY-MM-DD`
 * (so `2023-02-30` and `2024-13-01` are not).
 *
 * @example isIsoDate('2024-02-29') // true
 * @example isIsoDate('2023-02-29') // false
 */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && !Number.isNaN(parseDayNumber(value));
}

/**
 * The day number (days since 1970-01-01) of a `YYYY-MM-DD` date.
 * Throws a `RangeError` for anything that is not a real date: callers at the
 * edge validate input with the zod schemas first, so reaching this with a bad
 * date is a programming error, not a user error.
 *
 * @example toDayNumber('1970-01-02') // 1
 */
export function toDayNumber(date: IsoDate): number {
  const dayNumber = typeof date === 'string' ? parseDayNumber(date) : Number.NaN;
  if (Number.isNaN(dayNumber)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  return dayNumber;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

function formatDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  if (year < 0 || year > 9999) throw new RangeError(`Date out of range: day ${dayNumber}`);
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

// Formatting is the hot spot of bulk deadline work; most dates fall in a few
// decades, so cache their strings (filled lazily, about 40 KB when full).
const CACHE_FROM = dayNumberFromParts(2000, 1, 1);
const CACHE_TO = dayNumberFromParts(2100, 1, 1);
const formatCache: (IsoDate | undefined)[] = new Array<IsoDate | undefined>(CACHE_TO - CACHE_FROM);

/**
 * The `YYYY-MM-DD` date of a day number (days since 1970-01-01).
 *
 * @example fromDayNumber(19812) // '2024-03-29'
 */
export function fromDayNumber(dayNumber: number): IsoDate {
  if (!Number.isInteger(dayNumber)) throw new RangeError(`Not a day number: ${dayNumber}`);
  if (dayNumber >= CACHE_FROM && dayNumber < CACHE_TO) {
    const index = dayNumber - CACHE_FROM;
    const cached = formatCache[index];
    if (cached !== undefined) return cached;
    const formatted = formatDayNumber(dayNumber);
    formatCache[index] = formatted;
    return formatted;
  }
  return formatDayNumber(dayNumber);
}

/** ISO weekday of a day number: Monday = 1 ... Sunday = 7. 1970-01-01 was a Thursday. */
export function weekdayOfDayNumber(dayNumber: number): IsoWeekday {
  return (((((dayNumber + 3) % 7) + 7) % 7) + 1) as IsoWeekday;
}

/**
 * ISO weekday of a date: Monday = 1 ... Sunday = 7.
 *
 * @example weekdayOf('2024-03-29') // 5 (Good Friday 2024 was a Friday)
 */
export function weekdayOf(date: IsoDate): IsoWeekday {
  return weekdayOfDayNumber(toDayNumber(date));
}

/**
 * The date `days` calendar days after `date` (before it when negative).
 * Calendar-day policies (rules.md "Working days and deadlines": seed 002's
 * 28 calendar days) count from the day after receipt, so the deadline is
 * `addCalendarDays(receivedOn, 28)`.
 *
 * @example addCalendarDays('2019-06-03', 28) // '2019-07-01'
 */
export function addCalendarDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`Not a whole number of days: ${days}`);
  return fromDayNumber(toDayNumber(date) + days);
}

/**
 * Calendar days from `from` to `to` (negative when `to` is earlier).
 *
 * @example calendarDaysBetween('2024-02-28', '2024-03-01') // 2
 */
export function calendarDaysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** -1, 0 or 1: `YYYY-MM-DD` strings sort as dates, so plain comparison is exact. */
export function compareIsoDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two dates. */
export function maxIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The earlier of two dates. */
export function minIsoDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}

/**
 * The date `months` calendar months after `date`, clamped to the end of a
 * shorter month (2024-02-29 + 12 months = 2025-02-28). Used for the one-year
 * time limit of statutory complaints and the Ombudsman's 12 months.
 *
 * @example addMonths('2024-01-31', 1) // '2024-02-29'
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  if (!Number.isInteger(months)) throw new RangeError(`Not a whole number of months: ${months}`);
  if (!isIsoDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${String(date)}`);
  const total = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12 + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

const ukDateFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The UK calendar date (Europe/London, GMT or BST) of an instant.
 * A case received at 23:30 UK time on a Friday is received that Friday, even
 * when the server runs in UTC and it is already Saturday there, and also in
 * the summer, when 23:30 BST is 22:30 UTC (rules.md "Working days and
 * deadlines"; the "no time-zone drift").
 *
 * @example toUkDate('2024-06-28T23:30:00Z') // '2024-06-29' (00:30 BST)
 * @example toUkDate(new Date('2024-03-29T23:30:00Z')) // '2024-03-29' (GMT)
 */
export function toUkDate(instant: Date | string | number): IsoDate {
  const date = instant instanceof Date ? instant : new Date(instant);
  if (Number.isNaN(date.getTime())) throw new RangeError(`Not an instant: ${String(instant)}`);
  // en-GB gives DD/MM/YYYY; formatToParts avoids relying on that layout.
  let year = '';
  let month = '';
  let day = '';
  for (const part of ukDateFormat.formatToParts(date)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year.padStart(4, '0')}-${month}-${day}`;
}
