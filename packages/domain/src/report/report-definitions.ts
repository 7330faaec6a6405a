import type { IsoDate } from '../calendar/iso-date';
import type { CaseType, ComplaintStage } from '../vocabulary';

/**
 * The shared definitions of the statutory reports (contracts.md "Shared
 * definitions"): the figures that must never be wrong. All arithmetic on
 * percentages is on integers, so no floating-point rounding can move a
 * figure across a boundary (e.g. 2/3 is 66.666...: 66 floored, 67 rounded).
 */

/** How a timeliness percentage is rounded. */
export type Rounding = 'floor' | 'half_up';

/**
 * floor(100k/n): complaints and enquiries, so "a service never reports
 * better than it did" (seed 000 Table 3: 22/33 is `66%`).
 *
 * @example percentFloor(22, 33) // 66
 */
export function percentFloor(k: number, n: number): number {
  assertCounts(k, n);
  return Math.floor((100 * k) / n);
}

/**
 * 100k/n rounded half up: FOI timeliness (seed 000 FOI table 3: 2/3 is
 * `67%`) and every share cell. Computed as floor((200k + n) / 2n).
 *
 * @example percentRoundHalfUp(2, 3) // 67
 * @example percentRoundHalfUp(1, 8) // 13 (12.5 rounds up)
 */
export function percentRoundHalfUp(k: number, n: number): number {
  assertCounts(k, n);
  return Math.floor((200 * k + n) / (2 * n));
}

function assertCounts(k: number, n: number): void {
  if (!Number.isInteger(k) || !Number.isInteger(n) || k < 0 || n <= 0)
    throw new RangeError(`Counts must be whole numbers, 0 <= k and 0 < n: ${k}/${n}`);
}

/**
 * A timeliness cell: `P% (k/n)`, where k cases of n were answered on or
 * before the deadline; `0` when n is 0 (contracts.md).
 *
 * @example formatTimelinessCell(8, 15, 'floor') // '53% (8/15)'
 * @example formatTimelinessCell(2, 3, 'half_up') // '67% (2/3)'
 * @example formatTimelinessCell(0, 0, 'floor') // '0'
 */
export function formatTimelinessCell(k: number, n: number, rounding: Rounding): string {
  if (n === 0 && k === 0) return '0';
  const percent = rounding === 'floor' ? percentFloor(k, n) : percentRoundHalfUp(k, n);
  if (k > n) throw new RangeError(`More cases on time than cases: ${k}/${n}`);
  return `${percent}% (${k}/${n})`;
}

/**
 * The rounding of a timeliness table: FOI rounds half up; complaints and
 * enquiries round down.
 *
 * @example timelinessRounding('foi_request') // 'half_up'
 */
export function timelinessRounding(type: CaseType): Rounding {
  return type === 'foi_request' ? 'half_up' : 'floor';
}

/**
 * A share cell: the percentage of a total, rounded half up, with `%`
 * (seed 000 Table 5: 58 of 176 is `33%`); `0%` of nothing.
 *
 * @example formatShareCell(58, 176) // '33%'
 */
export function formatShareCell(part: number, whole: number): string {
  if (whole === 0 && part === 0) return '0%';
  return `${percentRoundHalfUp(part, whole)}%`;
}

/**
 * The ICO may monitor an authority that answers fewer than 90% of requests
 * on time (rules.md FOI): the figures flag that line. Exact: 10k < 9n.
 *
 * @example isBelowIcoMonitoringLine(179, 258) // true (69%)
 */
export function isBelowIcoMonitoringLine(k: number, n: number): boolean {
  return n > 0 && 10 * k < 9 * n;
}

/** How a case counts in a timeliness table on the report's `asOf` date. */
export type Timeliness = 'on_time' | 'late' | 'not_yet_due';

/**
 * A case is on time when answered on or before its deadline; late when its
 * deadline is before `asOf` and it was not answered on or before it; left
 * out of the table when not yet due and not yet answered (contracts.md
 * "Report: JSON"). An answer after `asOf` is not known as of `asOf`.
 *
 * @example classifyTimeliness({ dueOn: '2024-04-15', answeredOn: '2024-04-15', asOf: '2024-05-31' }) // 'on_time'
 * @example classifyTimeliness({ dueOn: '2024-05-31', answeredOn: null, asOf: '2024-05-31' }) // 'not_yet_due'
 */
export function classifyTimeliness(input: { dueOn: IsoDate; answeredOn: IsoDate | null; asOf: IsoDate }): Timeliness {
  const answered = input.answeredOn !== null && input.answeredOn <= input.asOf ? input.answeredOn : null;
  if (answered !== null) return answered <= input.dueOn ? 'on_time' : 'late';
  return input.dueOn < input.asOf ? 'late' : 'not_yet_due';
}

/**
 * The financial year (1 April to 31 March) a date falls in, by its
 * starting year.
 *
 * @example financialYearOf('2024-03-31') // 2023
 * @example financialYearOf('2024-04-01') // 2024
 */
export function financialYearOf(date: IsoDate): number {
  const year = Number(date.slice(0, 4));
  return Number(date.slice(5, 7)) >= 4 ? year : year - 1;
}

/**
 * A year label: `2023-2024` (contracts.md).
 *
 * @example financialYearLabel(2023) // '2023-2024'
 */
export function financialYearLabel(year: number): string {
  return `${year}-${year + 1}`;
}

/**
 * The dates of the financial year starting in April of `year`.
 *
 * @example financialYearRange(2023) // { from: '2023-04-01', to: '2024-03-31', label: '2023-2024' }
 */
export function financialYearRange(year: number): { from: IsoDate; to: IsoDate; label: string } {
  return { from: `${year}-04-01`, to: `${year + 1}-03-31`, label: financialYearLabel(year) };
}

/** Quarters of the financial year: Q1 April-June ... Q4 January-March. */
export type Quarter = 1 | 2 | 3 | 4;

/**
 * The financial quarter of a date.
 *
 * @example quarterOf('2023-04-01') // 1
 * @example quarterOf('2023-12-31') // 3
 * @example quarterOf('2024-01-01') // 4
 */
export function quarterOf(date: IsoDate): Quarter {
  const month = Number(date.slice(5, 7));
  return (month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4) as Quarter;
}

const QUARTER_MONTHS: Record<Quarter, { from: string; to: string; nextYear: boolean }> = {
  1: { from: '04-01', to: '06-30', nextYear: false },
  2: { from: '07-01', to: '09-30', nextYear: false },
  3: { from: '10-01', to: '12-31', nextYear: false },
  4: { from: '01-01', to: '03-31', nextYear: true },
};

/**
 * The dates of a quarter of the financial year starting in `year`.
 *
 * @example quarterRange(2023, 4) // { from: '2024-01-01', to: '2024-03-31', label: 'Q4' }
 */
export function quarterRange(year: number, quarter: Quarter): { from: IsoDate; to: IsoDate; label: string } {
  const q = QUARTER_MONTHS[quarter];
  const y = q.nextYear ? year + 1 : year;
  return { from: `${y}-${q.from}`, to: `${y}-${q.to}`, label: `Q${quarter}` };
}

/** The months of a financial year, April first, as report rows name them. */
export const FINANCIAL_YEAR_MONTHS = [
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'January',
  'February',
  'March',
] as const;

/**
 * The months of the financial year starting in `year`, as the FOI table
 * labels them (`April 2023` ... `March 2024`), with their first and last days.
 *
 * @example monthsOfFinancialYear(2023)[11] // { label: 'March 2024', from: '2024-03-01', to: '2024-03-31' }
 */
export function monthsOfFinancialYear(year: number): { label: string; from: IsoDate; to: IsoDate }[] {
  return FINANCIAL_YEAR_MONTHS.map((name, index) => {
    const month = ((index + 3) % 12) + 1;
    const y = month >= 4 ? year : year + 1;
    const last = new Date(Date.UTC(y, month, 0)).getUTCDate();
    const mm = String(month).padStart(2, '0');
    return { label: `${name} ${y}`, from: `${y}-${mm}-01`, to: `${y}-${mm}-${String(last).padStart(2, '0')}` };
  });
}

/**
 * The seven case columns of the reports, in order (contracts.md): Stage 1
 * complaints and enquiries, counted by `received_on`.
 */
export const CASE_COLUMNS: readonly { label: string; type: CaseType; stage: ComplaintStage | null }[] = [
  { label: 'Corporate Stage 1', type: 'corporate_complaint', stage: '1' },
  { label: 'Children Act Stage 1', type: 'children_act_complaint', stage: '1' },
  { label: 'General enquiry', type: 'general_enquiry', stage: null },
  { label: 'Mayor enquiry', type: 'mayor_enquiry', stage: null },
  { label: 'Member enquiry', type: 'member_enquiry', stage: null },
  { label: 'MP enquiry', type: 'mp_enquiry', stage: null },
  { label: 'Chief Executive enquiry', type: 'chief_executive_enquiry', stage: null },
];

/**
 * The column a case counts in, if any.
 *
 * @example caseColumnOf('mp_enquiry', null) // 'MP enquiry'
 */
export function caseColumnOf(type: CaseType, stage: string | null): string | undefined {
  return CASE_COLUMNS.find((column) => column.type === type && column.stage === stage)?.label;
}

/**
 * The framework label of the stage 2/3 and Ombudsman tables.
 *
 * @example caseTypeLabel('children_act_complaint') // 'Children Act'
 */
export function caseTypeLabel(type: 'children_act_complaint' | 'corporate_complaint'): string {
  return type === 'children_act_complaint' ? 'Children Act' : 'Corporate';
}
