import { describe, expect, it } from 'vitest';
import { addCalendarDays, addMonths, calendarDaysBetween, fromDayNumber, isIsoDate, toDayNumber, toUkDate, weekdayOf } from './iso-date';

describe('isIsoDate', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2023-02-30')).toBe(false);
    expect(isIsoDate('2000-02-29')).toBe(true);
    expect(isIsoDate('1900-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-04-31')).toBe(false);
    expect(isIsoDate('2024-4-01')).toBe(false);
    expect(isIsoDate('29/03/2024')).toBe(false);
    expect(isIsoDate(' 2024-03-29')).toBe(false);
    expect(isIsoDate(20240329)).toBe(false);
  });
});

describe('day numbers', () => {
  it('round-trips and matches Date.UTC', () => {
    for (const date of ['1970-01-01', '2000-02-29', '2024-03-29', '2099-12-31', '1899-12-31', '2400-02-29']) {
      const n = toDayNumber(date);
      expect(n).toBe(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8))) / 86_400_000);
      expect(fromDayNumber(n)).toBe(date);
    }
  });

  it('refuses what is not a date', () => {
    expect(() => toDayNumber('2023-02-30')).toThrow(RangeError);
  });

  it('knows the weekday', () => {
    expect(weekdayOf('2024-03-29')).toBe(5); // Good Friday 2024
    expect(weekdayOf('2024-03-30')).toBe(6);
    expect(weekdayOf('2024-03-31')).toBe(7);
    expect(weekdayOf('2024-04-01')).toBe(1); // Easter Monday
  });
});

describe('calendar days', () => {
  it('counts from the day after receipt (seed 002: 28 calendar days)', () => {
    expect(addCalendarDays('2019-06-03', 28)).toBe('2019-07-01');
    expect(addCalendarDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addCalendarDays('2023-12-31', 1)).toBe('2024-01-01');
    expect(calendarDaysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(calendarDaysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('adds months, clamping to a shorter month', () => {
    expect(addMonths('2023-04-12', 12)).toBe('2024-04-12');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2024-03-31', -1)).toBe('2024-02-29');
  });
});

describe('toUkDate (Europe/London, across BST)', () => {
  it('a Friday 23:30 in winter (GMT) is that Friday', () => {
    expect(toUkDate('2024-03-29T23:30:00Z')).toBe('2024-03-29');
  });

  it('a Friday 23:30 BST (22:30 UTC) is that Friday, and 00:30 BST is Saturday', () => {
    expect(toUkDate('2024-06-28T22:30:00Z')).toBe('2024-06-28');
    expect(toUkDate('2024-06-28T23:30:00Z')).toBe('2024-06-29');
    expect(toUkDate(new Date('2024-06-28T23:30:00+01:00'))).toBe('2024-06-28');
  });

  it('follows the clock changes on the last Sundays of March and October', () => {
    // Clocks go forward at 01:00 UTC on 31 March 2024.
    expect(toUkDate('2024-03-30T23:59:59Z')).toBe('2024-03-30');
    expect(toUkDate('2024-03-31T00:30:00Z')).toBe('2024-03-31');
    expect(toUkDate('2024-03-31T23:30:00Z')).toBe('2024-04-01'); // 00:30 BST
    // Clocks go back at 01:00 UTC on 27 October 2024.
    expect(toUkDate('2024-10-26T23:30:00Z')).toBe('2024-10-27'); // 00:30 BST
    expect(toUkDate('2024-10-27T23:30:00Z')).toBe('2024-10-27'); // 23:30 GMT
  });

  it('accepts epoch milliseconds and refuses nonsense', () => {
    expect(toUkDate(Date.UTC(2023, 4, 8, 12))).toBe('2023-05-08');
    expect(() => toUkDate('not a time')).toThrow(RangeError);
  });
});
