import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { codeToLabel } from '../vocabulary';
import {
  CASE_COLUMNS,
  caseColumnOf,
  caseTypeLabel,
  classifyTimeliness,
  financialYearLabel,
  financialYearOf,
  financialYearRange,
  formatShareCell,
  formatTimelinessCell,
  isBelowIcoMonitoringLine,
  monthsOfFinancialYear,
  percentFloor,
  percentRoundHalfUp,
  quarterOf,
  quarterRange,
  timelinessRounding,
} from './report-definitions';

describe('timeliness cells: P% (k/n)', () => {
  it('complaints and enquiries round down (seed 000 Tables 3 and 4)', () => {
    const cells: [number, number, string][] = [
      [8, 15, '53% (8/15)'],
      [6, 22, '27% (6/22)'],
      [18, 22, '81% (18/22)'],
      [13, 15, '86% (13/15)'],
      [22, 33, '66% (22/33)'],
      [15, 40, '37% (15/40)'],
      [11, 14, '78% (11/14)'],
      [24, 28, '85% (24/28)'],
      [1, 3, '33% (1/3)'],
      [3, 3, '100% (3/3)'],
      [0, 5, '0% (0/5)'],
    ];
    for (const [k, n, cell] of cells) expect(formatTimelinessCell(k, n, timelinessRounding('mp_enquiry'))).toBe(cell);
  });

  it('FOI rounds half up (seed 000 FOI tables 3 and 4)', () => {
    const cells: [number, number, string][] = [
      [179, 258, '69% (179/258)'],
      [2, 3, '67% (2/3)'],
      [45, 50, '90% (45/50)'],
      [60, 73, '82% (60/73)'],
      [44, 70, '63% (44/70)'],
      [30, 65, '46% (30/65)'],
      [190, 234, '81% (190/234)'],
      [89, 198, '45% (89/198)'],
      [1, 2, '50% (1/2)'],
    ];
    for (const [k, n, cell] of cells) expect(formatTimelinessCell(k, n, timelinessRounding('foi_request'))).toBe(cell);
    // the same fractions floored would differ
    expect(percentFloor(2, 3)).toBe(66);
    expect(percentFloor(44, 70)).toBe(62);
  });

  it('is 0 when there are no cases', () => {
    expect(formatTimelinessCell(0, 0, 'floor')).toBe('0');
    expect(formatTimelinessCell(0, 0, 'half_up')).toBe('0');
  });

  it('refuses impossible counts', () => {
    expect(() => formatTimelinessCell(4, 3, 'floor')).toThrow(RangeError);
    expect(() => formatTimelinessCell(1, 0, 'floor')).toThrow(RangeError);
    expect(() => formatTimelinessCell(-1, 3, 'floor')).toThrow(RangeError);
  });

  it('rounds exactly half up, never by floating point (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.nat(), (n, raw) => {
        const k = raw % (n + 1);
        const floor = percentFloor(k, n);
        const half = percentRoundHalfUp(k, n);
        // 100k/n lies in [floor, floor + 1); rounding half up adds 1 exactly when the remainder is >= n/2.
        expect(floor * n <= 100 * k && 100 * k < (floor + 1) * n).toBe(true);
        expect(half).toBe(2 * (100 * k - floor * n) >= n ? floor + 1 : floor);
      }),
    );
    expect(percentRoundHalfUp(1, 8)).toBe(13);
    expect(percentRoundHalfUp(1, 200)).toBe(1);
    expect(percentRoundHalfUp(1, 201)).toBe(0);
  });
});

describe('share cells', () => {
  it('round half up with % (seed 000 Table 5 and FOI table 1)', () => {
    expect(formatShareCell(58, 176)).toBe('33%');
    expect(formatShareCell(36, 176)).toBe('20%');
    expect(formatShareCell(79, 176)).toBe('45%');
    expect(formatShareCell(3, 176)).toBe('2%');
    expect(formatShareCell(15, 262)).toBe('6%');
    expect(formatShareCell(28, 262)).toBe('11%');
    expect(formatShareCell(0, 0)).toBe('0%');
  });
});

describe('the ICO monitoring line (90%)', () => {
  it('flags fewer than 90% on time', () => {
    expect(isBelowIcoMonitoringLine(179, 258)).toBe(true);
    expect(isBelowIcoMonitoringLine(45, 50)).toBe(false); // exactly 90%
    expect(isBelowIcoMonitoringLine(899, 1000)).toBe(true);
    expect(isBelowIcoMonitoringLine(0, 0)).toBe(false);
  });
});

describe('timeliness as of a date (contracts.md)', () => {
  it('on time, late, or left out when not yet due', () => {
    expect(classifyTimeliness({ dueOn: '2024-04-15', answeredOn: '2024-04-15', asOf: '2024-05-31' })).toBe('on_time');
    expect(classifyTimeliness({ dueOn: '2024-04-15', answeredOn: '2024-04-16', asOf: '2024-05-31' })).toBe('late');
    expect(classifyTimeliness({ dueOn: '2024-04-15', answeredOn: null, asOf: '2024-05-31' })).toBe('late');
    expect(classifyTimeliness({ dueOn: '2024-05-31', answeredOn: null, asOf: '2024-05-31' })).toBe('not_yet_due');
    expect(classifyTimeliness({ dueOn: '2024-06-14', answeredOn: '2024-06-01', asOf: '2024-05-31' })).toBe('not_yet_due');
    expect(classifyTimeliness({ dueOn: '2024-05-14', answeredOn: '2024-06-01', asOf: '2024-05-31' })).toBe('late');
  });
});

describe('years and quarters', () => {
  it('financial years run from 1 April to 31 March, labelled 2023-2024', () => {
    expect(financialYearOf('2023-04-01')).toBe(2023);
    expect(financialYearOf('2024-03-31')).toBe(2023);
    expect(financialYearOf('2024-04-01')).toBe(2024);
    expect(financialYearLabel(2023)).toBe('2023-2024');
    expect(financialYearRange(2023)).toEqual({ from: '2023-04-01', to: '2024-03-31', label: '2023-2024' });
  });

  it('Q1 is April to June ... Q4 January to March', () => {
    expect(
      ['2023-04-01', '2023-06-30', '2023-07-01', '2023-09-30', '2023-10-01', '2023-12-31', '2024-01-01', '2024-03-31'].map(quarterOf),
    ).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(quarterRange(2023, 1)).toEqual({ from: '2023-04-01', to: '2023-06-30', label: 'Q1' });
    expect(quarterRange(2023, 4)).toEqual({ from: '2024-01-01', to: '2024-03-31', label: 'Q4' });
  });

  it('months of the year, April first, as the FOI table names them', () => {
    const months = monthsOfFinancialYear(2023);
    expect(months.map((m) => m.label)).toEqual([
      'April 2023',
      'May 2023',
      'June 2023',
      'July 2023',
      'August 2023',
      'September 2023',
      'October 2023',
      'November 2023',
      'December 2023',
      'January 2024',
      'February 2024',
      'March 2024',
    ]);
    expect(months[10]).toEqual({ label: 'February 2024', from: '2024-02-01', to: '2024-02-29' });
  });

  it('every date falls in exactly one quarter of its financial year (property)', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }), (d) => {
        const date = d.toISOString().slice(0, 10);
        const range = quarterRange(financialYearOf(date), quarterOf(date));
        expect(range.from <= date && date <= range.to).toBe(true);
      }),
    );
  });
});

describe('columns and labels', () => {
  it('the seven case columns in order', () => {
    expect(CASE_COLUMNS.map((c) => c.label)).toEqual([
      'Corporate Stage 1',
      'Children Act Stage 1',
      'General enquiry',
      'Mayor enquiry',
      'Member enquiry',
      'MP enquiry',
      'Chief Executive enquiry',
    ]);
    expect(caseColumnOf('corporate_complaint', '1')).toBe('Corporate Stage 1');
    expect(caseColumnOf('corporate_complaint', '2')).toBeUndefined();
    expect(caseColumnOf('foi_request', 'request')).toBeUndefined();
  });

  it('labels codes in sentence case', () => {
    expect(codeToLabel('partly_upheld')).toBe('Partly upheld');
    expect(codeToLabel('fault_causing_injustice')).toBe('Fault causing injustice');
    expect(codeToLabel('to_be_investigated')).toBe('To be investigated');
    expect(caseTypeLabel('children_act_complaint')).toBe('Children Act');
    expect(caseTypeLabel('corporate_complaint')).toBe('Corporate');
  });
});
