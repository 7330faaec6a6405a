import { describe, expect, it } from 'vitest';
import { listAllUkBankHolidays, listBankHolidays } from '@heard/domain';
import type { CommandIO } from '../command';
import { dueCommand } from './due';

async function due(...argv: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const io: CommandIO = { stdout: (text) => stdout.push(text), stderr: (text) => stderr.push(text) };
  const code = await dueCommand.run(argv, io);
  return { code, stdout, stderr };
}

/** Prints one date and nothing else. */
async function dateOf(...argv: string[]): Promise<string> {
  const result = await due(...argv);
  expect(result).toMatchObject({ code: 0, stderr: [] });
  expect(result.stdout).toHaveLength(1);
  return result.stdout[0] as string;
}

describe('heard due: England and Wales (the default calendar)', () => {
  it('counts the day received as day 0, and the deadline as the Nth working day after it', async () => {
    expect(await dateOf('--from', '2024-03-28', '--days', '10')).toBe('2024-04-15'); // Easter 2024
    expect(await dateOf('--from', '2024-03-28', '--days', '1', '--calendar', 'england-and-wales')).toBe('2024-04-02');
    expect(await dateOf('--from', '2023-05-05', '--days', '1')).toBe('2023-05-09'); // the Coronation, 8 May 2023
    expect(await dateOf('--from', '2021-12-23', '--days', '3')).toBe('2021-12-30'); // 27 and 28 December 2021
    expect(await dateOf('--from', '2022-12-23', '--days', '1')).toBe('2022-12-28'); // 26 and 27 December 2022
    expect(await dateOf('--from', '2022-12-30', '--days', '1')).toBe('2023-01-03'); // 2 January 2023
    expect(await dateOf('--from', '2021-12-31', '--days', '1')).toBe('2022-01-04'); // 3 January 2022
  });

  it('a Saturday receipt: day 1 is the Monday', async () => {
    expect(await dateOf('--from', '2024-03-23', '--days', '1')).toBe('2024-03-25');
    expect(await dateOf('--from=2024-03-23', '--days=10')).toBe('2024-04-09');
  });

  it('0 days is the day itself', async () => {
    expect(await dateOf('--from', '2024-03-30', '--days', '0')).toBe('2024-03-30');
  });

  it('calendar days count from the day after receipt (seed 002: 28 calendar days)', async () => {
    expect(await dateOf('--from', '2019-06-03', '--days', '28', '--calendar-days')).toBe('2019-07-01');
    expect(await dateOf('--from', '2024-03-28', '--days', '4', '--calendar-days', '--calendar', 'foi')).toBe('2024-04-01');
  });
});

describe('heard due: FOI (every UK bank holiday, FOIA s.10(6))', () => {
  it('skips Scottish and Northern Irish holidays', async () => {
    expect(await dateOf('--from', '2023-07-03', '--days', '20', '--calendar', 'foi')).toBe('2023-08-01'); // 12 July
    expect(await dateOf('--from', '2023-07-03', '--days', '20')).toBe('2023-07-31');
    expect(await dateOf('--from', '2023-07-10', '--days', '20', '--calendar', 'foi')).toBe('2023-08-09'); // and 7 August (Scotland)
    expect(await dateOf('--from', '2023-11-29', '--days', '1', '--calendar', 'foi')).toBe('2023-12-01'); // 30 November
    expect(await dateOf('--from', '2023-12-29', '--days', '1', '--calendar', 'foi')).toBe('2024-01-03'); // 2 January
    expect(await dateOf('--from', '2023-03-16', '--days', '1', '--calendar', 'foi')).toBe('2023-03-20'); // 17 March
  });

  it('Scotland and Northern Ireland calendars too', async () => {
    expect(await dateOf('--from', '2023-11-29', '--days', '1', '--calendar', 'scotland')).toBe('2023-12-01');
    expect(await dateOf('--from', '2023-07-11', '--days', '1', '--calendar', 'northern-ireland')).toBe('2023-07-13');
    expect(await dateOf('--from', '2024-03-28', '--days', '1', '--calendar', 'scotland')).toBe('2024-04-01'); // no Easter Monday in Scotland
  });

  it('explains itself on request', async () => {
    const result = await due('--from', '2023-07-03', '--days', '20', '--calendar', 'foi', '--explain');
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toBe('2023-08-01');
    expect(result.stdout).toContain('Not counted: 12 July 2023, Battle of the Boyne (Orangemen’s Day) (bank holiday in Northern Ireland).');
  });
});

describe('heard due across 2019-2029 agrees with a day-by-day count', () => {
  function naive(holidays: Set<string>, from: string, days: number): string {
    const date = new Date(`${from}T12:00:00Z`);
    let counted = 0;
    while (counted < days) {
      date.setUTCDate(date.getUTCDate() + 1);
      const iso = date.toISOString().slice(0, 10);
      if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6 && !holidays.has(iso)) counted += 1;
    }
    return date.toISOString().slice(0, 10);
  }

  it('for England and Wales and for FOI, every fifth day, 1 to 65 days', async () => {
    const calendars = {
      'england-and-wales': new Set(listBankHolidays('england-and-wales').map((h) => h.date)),
      foi: new Set(listAllUkBankHolidays().map((h) => h.date)),
    };
    const start = new Date('2019-01-01T12:00:00Z');
    const end = new Date('2029-12-31T12:00:00Z');
    let checked = 0;
    for (let d = start, i = 0; d <= end; d = new Date(d.getTime() + 5 * 86_400_000), i += 1) {
      const from = d.toISOString().slice(0, 10);
      const days = [1, 3, 10, 20, 25, 40, 65][i % 7] as number;
      for (const [calendar, holidays] of Object.entries(calendars)) {
        const expected = naive(holidays, from, days);
        if (expected > '2030-12-31') continue;
        expect(await dateOf('--from', from, '--days', String(days), '--calendar', calendar), `${from} +${days} ${calendar}`).toBe(expected);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(1500);
  });
});

describe('heard due: bad input is one clear line and exit code 2', () => {
  const bad: [string[], RegExp][] = [
    [['--from', 'yesterday', '--days', '3'], /--from must be a real date written YYYY-MM-DD, not "yesterday"/],
    [['--from', '2023-02-30', '--days', '3'], /--from must be a real date/],
    [['--from', '2024-01-01', '--days', '-5'], /--days must be a whole number from 0 to 10000, not "-5"/],
    [['--from', '2024-01-01', '--days', '2.5'], /--days must be a whole number/],
    [['--from', '2024-01-01', '--days', 'ten'], /--days must be a whole number/],
    [
      ['--from', '2024-01-01', '--days', '3', '--calendar', 'wales'],
      /unknown calendar "wales": use england-and-wales, scotland, northern-ireland, foi/,
    ],
    [['--days', '3'], /--from is required/],
    [['--from', '2024-01-01'], /--days is required/],
    [['--from', '2024-01-01', '--days'], /--days needs a value/],
    [['--from', '2024-01-01', '--days', '3', '--bogus'], /unknown option --bogus/],
    [['--from', '2024-01-01', '--days', '3', 'extra'], /unexpected argument extra/],
    [['--from', '2024-01-01', '--days', '3', '--calendar-days=yes'], /--calendar-days does not take a value/],
    [['--from', '2030-12-20', '--days', '10'], /bank holidays are known only from 2018-01-01 to 2030-12-31/],
    [['--from', '2017-12-29', '--days', '1'], /bank holidays are known only from/],
  ];

  for (const [argv, message] of bad) {
    it(argv.join(' '), async () => {
      const result = await due(...argv);
      expect(result.code).toBe(2);
      expect(result.stdout).toEqual([]);
      expect(result.stderr).toHaveLength(1);
      expect(result.stderr[0]).toMatch(/^heard due: /);
      expect(result.stderr[0]).not.toContain('\n');
      expect(result.stderr[0]).toMatch(message);
    });
  }
});

describe('heard due --help', () => {
  it('prints the usage', async () => {
    const result = await due('--help');
    expect(result.code).toBe(0);
    expect(result.stdout[0]).toMatch(/^Usage: heard due --from YYYY-MM-DD --days N/);
    expect(dueCommand.name).toBe('due');
  });
});
