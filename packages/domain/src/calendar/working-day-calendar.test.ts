import { describe, expect, it } from 'vitest';
import { HOLIDAY_DATA_COVERAGE, listAllUkBankHolidays, listBankHolidays } from './bank-holidays';
import { HOLIDAY_NAMES_CY } from './holiday-names';
import { UK_BANK_HOLIDAYS } from './data/uk-bank-holidays';
import {
  addWorkingDays,
  createCalendar,
  getCalendar,
  isWithinHolidayData,
  isWorkingDay,
  nextWorkingDayOnOrAfter,
  nonWorkingReason,
  workingDaysBetween,
} from './working-day-calendar';

const ew = getCalendar('england-and-wales');
const scotland = getCalendar('scotland');
const ni = getCalendar('northern-ireland');
const foi = getCalendar('foi');

describe('shipped bank holiday data', () => {
  it('covers 2018 to 2030 in all three divisions', () => {
    expect(HOLIDAY_DATA_COVERAGE).toEqual({ from: '2018-01-01', to: '2030-12-31' });
  });

  it('has a Welsh name for every holiday', () => {
    const titles = new Set(Object.values(UK_BANK_HOLIDAYS).flatMap((rows) => rows.map(([, title]) => title)));
    const missing = [...titles].filter((title) => !(title in HOLIDAY_NAMES_CY));
    expect(missing).toEqual([]);
  });

  it('names holidays in English and Welsh and marks substitute days', () => {
    const goodFriday = listBankHolidays('england-and-wales').find((h) => h.date === '2024-03-29');
    expect(goodFriday).toMatchObject({ name: 'Good Friday', nameCy: 'Dydd Gwener y Groglith', substitute: false });
    const sub = listBankHolidays('england-and-wales').find((h) => h.date === '2022-01-03');
    expect(sub).toMatchObject({ name: 'New Year’s Day', substitute: true });
  });

  it('FOI: the union of all three divisions, one entry per date', () => {
    const all = listAllUkBankHolidays();
    expect(new Set(all.map((h) => h.date)).size).toBe(all.length);
    expect(all.find((h) => h.date === '2023-07-12')?.divisions).toEqual(['northern-ireland']);
    expect(all.find((h) => h.date === '2023-11-30')?.divisions).toEqual(['scotland']);
    expect(all.find((h) => h.date === '2024-03-29')?.divisions).toEqual(['england-and-wales', 'scotland', 'northern-ireland']);
  });
});

describe('isWorkingDay', () => {
  it('weekends are never working days', () => {
    expect(isWorkingDay(ew, '2024-03-23')).toBe(false);
    expect(isWorkingDay(ew, '2024-03-24')).toBe(false);
    expect(isWorkingDay(ew, '2031-03-22')).toBe(false); // beyond the data too
  });

  it('Easter 2024: Good Friday 29 March and Easter Monday 1 April', () => {
    expect(isWorkingDay(ew, '2024-03-28')).toBe(true);
    expect(isWorkingDay(ew, '2024-03-29')).toBe(false);
    expect(isWorkingDay(ew, '2024-04-01')).toBe(false);
    expect(isWorkingDay(ew, '2024-04-02')).toBe(true);
    // Scotland has no Easter Monday bank holiday; FOI does (England and Wales, NI).
    expect(isWorkingDay(scotland, '2024-04-01')).toBe(true);
    expect(isWorkingDay(foi, '2024-04-01')).toBe(false);
  });

  it('the Coronation bank holiday, 8 May 2023', () => {
    expect(isWorkingDay(ew, '2023-05-08')).toBe(false);
    expect(nonWorkingReason(ew, '2023-05-08')).toMatchObject({
      kind: 'bank_holiday',
      holiday: { name: 'Bank holiday for the coronation of King Charles III', nameCy: 'Gŵyl banc ar gyfer coroni’r Brenin Charles III' },
    });
  });

  it('Christmas and New Year substitute days', () => {
    for (const date of ['2021-12-27', '2021-12-28', '2022-01-03', '2022-12-26', '2022-12-27', '2023-01-02']) {
      expect(isWorkingDay(ew, date), date).toBe(false);
    }
    expect(isWorkingDay(ew, '2023-01-03')).toBe(true);
    expect(isWorkingDay(scotland, '2023-01-03')).toBe(false); // 2nd January, substitute day
  });

  it('Scottish and Northern Irish holidays are working days in England and Wales but not for FOI', () => {
    const cases: [string, typeof scotland][] = [
      ['2023-07-12', ni], // Battle of the Boyne
      ['2023-03-17', ni], // St Patrick's Day
      ['2023-11-30', scotland], // St Andrew's Day
      ['2024-01-02', scotland], // 2nd January
      ['2023-08-07', scotland], // Scottish summer bank holiday, first Monday of August
    ];
    for (const [date, home] of cases) {
      expect(isWorkingDay(ew, date), date).toBe(true);
      expect(isWorkingDay(home, date), date).toBe(false);
      expect(isWorkingDay(foi, date), date).toBe(false);
    }
    // and England's late-August holiday is a working day in Scotland
    expect(isWorkingDay(scotland, '2023-08-28')).toBe(true);
    expect(isWorkingDay(foi, '2023-08-28')).toBe(false);
  });
});

describe('addWorkingDays: day of receipt is day 0, the deadline is the Nth working day after', () => {
  it('across Easter 2024', () => {
    expect(addWorkingDays(ew, '2024-03-28', 1)).toBe('2024-04-02');
    expect(addWorkingDays(ew, '2024-03-27', 3)).toBe('2024-04-03');
    expect(addWorkingDays(ew, '2024-03-28', 10)).toBe('2024-04-15');
    expect(addWorkingDays(ew, '2024-03-18', 10)).toBe('2024-04-03');
  });

  it('across the Coronation (and the Early May bank holiday) 2023', () => {
    expect(addWorkingDays(ew, '2023-05-05', 1)).toBe('2023-05-09');
    expect(addWorkingDays(ew, '2023-04-28', 5)).toBe('2023-05-09');
    expect(addWorkingDays(ew, '2023-04-28', 10)).toBe('2023-05-16');
  });

  it('across Christmas and New Year substitute days', () => {
    expect(addWorkingDays(ew, '2021-12-23', 3)).toBe('2021-12-30');
    expect(addWorkingDays(ew, '2021-12-31', 1)).toBe('2022-01-04');
    expect(addWorkingDays(ew, '2022-12-23', 1)).toBe('2022-12-28');
    expect(addWorkingDays(ew, '2022-12-30', 1)).toBe('2023-01-03');
    expect(addWorkingDays(scotland, '2022-12-30', 1)).toBe('2023-01-04');
    expect(addWorkingDays(foi, '2022-12-30', 1)).toBe('2023-01-04');
    expect(addWorkingDays(ew, '2022-12-20', 10)).toBe('2023-01-06');
  });

  it('received on a Saturday: day 1 is the Monday', () => {
    expect(addWorkingDays(ew, '2024-03-23', 1)).toBe('2024-03-25');
    expect(addWorkingDays(ew, '2024-03-23', 10)).toBe('2024-04-09');
    // Saturday before Easter: day 1 is the Tuesday after Easter Monday.
    expect(addWorkingDays(ew, '2024-03-30', 1)).toBe('2024-04-02');
  });

  it('0 days is the day itself', () => {
    expect(addWorkingDays(ew, '2024-03-30', 0)).toBe('2024-03-30');
  });

  it('FOI skips Scottish and Northern Irish holidays', () => {
    // 12 July 2023, Battle of the Boyne
    expect(addWorkingDays(ew, '2023-07-03', 20)).toBe('2023-07-31');
    expect(addWorkingDays(foi, '2023-07-03', 20)).toBe('2023-08-01');
    // 12 July and 7 August 2023 (first Monday of August in Scotland)
    expect(addWorkingDays(ew, '2023-07-10', 20)).toBe('2023-08-07');
    expect(addWorkingDays(foi, '2023-07-10', 20)).toBe('2023-08-09');
    // 30 November 2023, St Andrew's Day
    expect(addWorkingDays(ew, '2023-11-29', 1)).toBe('2023-11-30');
    expect(addWorkingDays(foi, '2023-11-29', 1)).toBe('2023-12-01');
    // 2 January 2024 (Scotland)
    expect(addWorkingDays(ew, '2023-12-29', 1)).toBe('2024-01-02');
    expect(addWorkingDays(foi, '2023-12-29', 1)).toBe('2024-01-03');
    // 17 March 2023, St Patrick's Day (Northern Ireland)
    expect(addWorkingDays(foi, '2023-03-16', 1)).toBe('2023-03-20');
    // 15 June 2026, Scotland's World Cup bank holiday
    expect(addWorkingDays(foi, '2026-06-12', 1)).toBe('2026-06-16');
  });

  it('refuses negative or fractional days', () => {
    expect(() => addWorkingDays(ew, '2024-01-01', -1)).toThrow(RangeError);
    expect(() => addWorkingDays(ew, '2024-01-01', 1.5)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts working days after the first date up to and including the second', () => {
    expect(workingDaysBetween(ew, '2024-03-28', '2024-04-02')).toBe(1);
    expect(workingDaysBetween(ew, '2024-03-28', '2024-04-15')).toBe(10);
    expect(workingDaysBetween(ew, '2024-04-15', '2024-03-28')).toBe(-10);
    expect(workingDaysBetween(ew, '2024-03-29', '2024-04-01')).toBe(0);
    expect(workingDaysBetween(ew, '2030-12-20', '2031-01-10')).toBe(workingDaysBetween(ew, '2030-12-20', '2030-12-31') + 8);
  });
});

describe('closure days', () => {
  const council = createCalendar('england-and-wales', [
    { date: '2024-12-27', name: 'Council closure' },
    { date: '2024-12-30', name: 'Council closure' },
    { date: '2024-12-31', name: 'Council closure' },
  ]);

  it('are not working days of the council calendar', () => {
    expect(isWorkingDay(council, '2024-12-27')).toBe(false);
    expect(nonWorkingReason(council, '2024-12-30')).toEqual({ kind: 'closure', name: 'Council closure' });
    // 24 Dec (Tue), then 25/26 holidays, 27 closed, weekend, 30/31 closed, 1 Jan holiday
    expect(addWorkingDays(council, '2024-12-24', 1)).toBe('2025-01-02');
    expect(addWorkingDays(ew, '2024-12-24', 1)).toBe('2024-12-27');
  });

  it('apply beyond the bank holiday data too', () => {
    const later = createCalendar('england-and-wales', [{ date: '2031-12-29', name: 'Council closure' }]);
    expect(isWorkingDay(later, '2031-12-29')).toBe(false);
    expect(addWorkingDays(later, '2031-12-26', 1)).toBe('2031-12-30');
  });

  it('cannot be added to the FOI calendar (FOIA s.10(6))', () => {
    expect(() => createCalendar('foi', [{ date: '2024-12-27', name: 'Council closure' }])).toThrow(/s\.10\(6\)/);
  });
});

describe('beyond the bank holiday data', () => {
  it('says so, and counts weekends only', () => {
    expect(isWithinHolidayData(ew, '2029-12-20', '2030-12-31')).toBe(true);
    expect(isWithinHolidayData(ew, '2030-12-20', '2031-01-02')).toBe(false);
    expect(isWithinHolidayData(ew, '2017-12-29')).toBe(false);
    // 25 December 2031 is not known to be a holiday
    expect(addWorkingDays(ew, '2031-12-24', 1)).toBe('2031-12-25');
  });

  it('finds the next working day on or after a date', () => {
    expect(nextWorkingDayOnOrAfter(ew, '2024-03-29')).toBe('2024-04-02');
    expect(nextWorkingDayOnOrAfter(ew, '2024-04-02')).toBe('2024-04-02');
  });
});
