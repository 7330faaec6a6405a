/** The three GOV.UK bank holiday divisions. */
export type BankHolidayDivision = 'england-and-wales' | 'scotland' | 'northern-ireland';

/** One published bank holiday: date, GOV.UK title, notes (e.g. "Substitute day"). */
export type BankHolidayRow = readonly [date: string, title: string, notes: string];

/** GOV.UK's bank holidays by division, as shipped in `data/uk-bank-holidays.ts`. */
export type BankHolidayData = Readonly<Record<BankHolidayDivision, readonly BankHolidayRow[]>>;
