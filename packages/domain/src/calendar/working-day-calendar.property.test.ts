import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { naiveAddWorkingDays, naiveHolidaySet, naiveIsWorkingDay } from '../testing/naive-calendar';
import { fromDayNumber, toDayNumber } from './iso-date';
import { CALENDAR_IDS, addWorkingDays, createCalendar, getCalendar, isWorkingDay, workingDaysBetween } from './working-day-calendar';

// Dates from mid-2017 to mid-2031: the shipped data (2018-2030) and a margin
// either side, so the fast path, the slow path and the seams are all tried.
const FIRST = toDayNumber('2017-06-01');
const LAST = toDayNumber('2031-06-30');
const arbDate = fc.integer({ min: FIRST, max: LAST }).map(fromDayNumber);
const arbCalendarId = fc.constantFrom(...CALENDAR_IDS);
const arbDays = fc.integer({ min: 0, max: 70 });

const closureDays = [
  { date: '2024-12-27', name: 'Council closure' },
  { date: '2024-12-30', name: 'Council closure' },
  { date: '2030-12-30', name: 'Council closure' },
  { date: '2031-01-02', name: 'Council closure' },
];
const council = createCalendar('england-and-wales', closureDays);
const calendars = {
  ...Object.fromEntries(CALENDAR_IDS.map((id) => [id, getCalendar(id)])),
  'england-and-wales with closures': council,
};
type Named = keyof typeof calendars;
// Generate the name, not the calendar, so that a counterexample prints readably.
const arbCalendar = fc.constantFrom(...(Object.keys(calendars) as Named[]));

describe('working-day calendars (properties)', () => {
  it('the deadline is always a working day of its calendar', () => {
    fc.assert(
      fc.property(arbCalendar, arbDate, fc.integer({ min: 1, max: 70 }), (name, date, days) => {
        const calendar = calendars[name] ?? council;
        expect(isWorkingDay(calendar, addWorkingDays(calendar, date, days))).toBe(true);
      }),
    );
  });

  it('adding N then M working days equals adding N + M', () => {
    fc.assert(
      fc.property(arbCalendar, arbDate, arbDays, arbDays, (name, date, n, m) => {
        const calendar = calendars[name] ?? council;
        expect(addWorkingDays(calendar, addWorkingDays(calendar, date, n), m)).toBe(addWorkingDays(calendar, date, n + m));
      }),
    );
  });

  it('is monotonic in N (strictly) and in the receipt date', () => {
    fc.assert(
      fc.property(arbCalendar, arbDate, arbDate, arbDays, (name, a, b, n) => {
        const calendar = calendars[name] ?? council;
        expect(addWorkingDays(calendar, a, n + 1) > addWorkingDays(calendar, a, n)).toBe(true);
        const [early, late] = a <= b ? [a, b] : [b, a];
        expect(addWorkingDays(calendar, early, n) <= addWorkingDays(calendar, late, n)).toBe(true);
      }),
    );
  });

  it('workingDaysBetween is the inverse of addWorkingDays', () => {
    fc.assert(
      fc.property(arbCalendar, arbDate, arbDays, (name, date, n) => {
        const calendar = calendars[name] ?? council;
        const due = addWorkingDays(calendar, date, n);
        expect(workingDaysBetween(calendar, date, due)).toBe(n);
        expect(workingDaysBetween(calendar, due, date)).toBe(n === 0 ? 0 : -n);
      }),
    );
  });

  it('agrees with a naive day-by-day loop over the raw data', () => {
    fc.assert(
      fc.property(arbCalendarId, arbDate, arbDays, (id, date, n) => {
        const holidays = naiveHolidaySet(id);
        expect(addWorkingDays(getCalendar(id), date, n)).toBe(naiveAddWorkingDays(holidays, date, n));
        expect(isWorkingDay(getCalendar(id), date)).toBe(naiveIsWorkingDay(holidays, date));
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with the naive loop with closure days too', () => {
    const holidays = naiveHolidaySet('england-and-wales', closureDays);
    const nearClosures = fc.integer({ min: toDayNumber('2024-11-15'), max: toDayNumber('2025-01-15') }).map(fromDayNumber);
    const nearEnd = fc.integer({ min: toDayNumber('2030-11-15'), max: toDayNumber('2031-01-15') }).map(fromDayNumber);
    fc.assert(
      fc.property(fc.oneof(nearClosures, nearEnd, arbDate), arbDays, (date, n) => {
        expect(addWorkingDays(council, date, n)).toBe(naiveAddWorkingDays(holidays, date, n));
      }),
      { numRuns: 300 },
    );
  });
});
