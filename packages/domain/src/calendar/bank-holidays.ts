import type { BankHolidayDivision } from './bank-holiday-types';
import { UK_BANK_HOLIDAYS } from './data/uk-bank-holidays';
import { HOLIDAY_NAMES_CY, SUBSTITUTE_DAY_NOTE } from './holiday-names';
import type { IsoDate } from './iso-date';

export type { BankHolidayDivision } from './bank-holiday-types';

/** The divisions in the order GOV.UK publishes them. */
export const BANK_HOLIDAY_DIVISIONS: readonly BankHolidayDivision[] = ['england-and-wales', 'scotland', 'northern-ireland'];

/** A bank holiday as the deadline explanations show it, in English and Welsh. */
export type BankHoliday = {
  date: IsoDate;
  name: string;
  nameCy: string;
  /** GOV.UK's "Substitute day": the holiday moved off a weekend. */
  substitute: boolean;
  /** Where it is a bank holiday (FOI counts all of them: FOIA s.10(6)). */
  divisions: BankHolidayDivision[];
};

function toHoliday(division: BankHolidayDivision, [date, title, notes]: readonly [string, string, string]): BankHoliday {
  return {
    date,
    name: title,
    // A title GOV.UK adds before the Welsh list is updated still shows, in English.
    nameCy: HOLIDAY_NAMES_CY[title] ?? title,
    substitute: notes === SUBSTITUTE_DAY_NOTE,
    divisions: [division],
  };
}

/**
 * The shipped bank holidays of one division, in date order.
 *
 * @example listBankHolidays('northern-ireland').find((h) => h.date === '2023-07-12')?.name
 * // 'Battle of the Boyne (Orangemen’s Day)'
 */
export function listBankHolidays(division: BankHolidayDivision): BankHoliday[] {
  return UK_BANK_HOLIDAYS[division].map((row) => toHoliday(division, row));
}

/**
 * Every bank holiday in any part of the UK, one entry per date (FOIA s.10(6):
 * a working day is any day other than a Saturday, a Sunday, Christmas Day,
 * Good Friday or a bank holiday "in any part of the United Kingdom").
 * Where divisions name the same date differently, both names are kept.
 *
 * @example listAllUkBankHolidays().find((h) => h.date === '2023-11-30')?.divisions // ['scotland']
 */
export function listAllUkBankHolidays(): BankHoliday[] {
  const byDate = new Map<IsoDate, BankHoliday>();
  for (const division of BANK_HOLIDAY_DIVISIONS) {
    for (const row of UK_BANK_HOLIDAYS[division]) {
      const holiday = toHoliday(division, row);
      const existing = byDate.get(holiday.date);
      if (!existing) {
        byDate.set(holiday.date, holiday);
        continue;
      }
      existing.divisions.push(division);
      if (existing.name !== holiday.name) {
        existing.name = `${existing.name} / ${holiday.name}`;
        existing.nameCy = `${existing.nameCy} / ${holiday.nameCy}`;
      }
      existing.substitute = existing.substitute && holiday.substitute;
    }
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function yearsCovered(division: BankHolidayDivision): { first: number; last: number } {
  const rows = UK_BANK_HOLIDAYS[division];
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const [date] of rows) {
    const year = Number(date.slice(0, 4));
    if (year < first) first = year;
    if (year > last) last = year;
  }
  return { first, last };
}

/**
 * The whole years for which the shipped data knows every bank holiday, in
 * all three divisions: 1 January of the first year to 31 December of the
 * last. Outside this range only weekends and closure days are known (see
 * README "Dates beyond the bank holiday data").
 */
export const HOLIDAY_DATA_COVERAGE: { readonly from: IsoDate; readonly to: IsoDate } = (() => {
  let first = Number.NEGATIVE_INFINITY;
  let last = Number.POSITIVE_INFINITY;
  for (const division of BANK_HOLIDAY_DIVISIONS) {
    const years = yearsCovered(division);
    first = Math.max(first, years.first);
    last = Math.min(last, years.last);
  }
  return { from: `${first}-01-01`, to: `${last}-12-31` };
})();
