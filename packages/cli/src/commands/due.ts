import { parseArgs } from 'node:util';
import {
  CALENDAR_IDS,
  HOLIDAY_DATA_COVERAGE,
  addCalendarDays,
  computeDueDate,
  getCalendar,
  isCalendarId,
  isIsoDate,
  describeExplanation,
  explainDueDate,
  formatMessage,
  isWithinHolidayData,
} from '@heard/domain';
import type { Command, CommandIO } from '../command';

const USAGE = `Usage: heard due --from YYYY-MM-DD --days N [--calendar CALENDAR] [--calendar-days] [--explain]

Prints the deadline date (YYYY-MM-DD) under the rules in rules.md:
the day of receipt is day 0 and the deadline is the Nth working day after
it (received on a Saturday, day 1 is the Monday); with --calendar-days, the
Nth calendar day after it.

Options:
  --from YYYY-MM-DD   the day received (day 0)
  --days N            the time limit, a whole number of days (0 or more)
  --calendar NAME     england-and-wales (default), foi (every UK bank holiday,
                      FOIA s.10(6)), scotland or northern-ireland
  --calendar-days     count calendar days instead of working days
  --explain           also print how the date was reached
  --help              show this help

Bank holidays are known from ${HOLIDAY_DATA_COVERAGE.from} to ${HOLIDAY_DATA_COVERAGE.to}; a working-day
deadline that needs a day outside that range is refused rather than guessed.

Examples:
  heard due --from 2024-03-28 --days 10                 # 2024-04-15 (Easter)
  heard due --from 2023-07-03 --days 20 --calendar foi  # 2023-08-01 (skips 12 July)`;

const MAX_DAYS = 10_000;
const VALUE_OPTIONS = new Set(['--from', '--days', '--calendar']);

/** `--days -5` reads to parseArgs as a missing value followed by an option; keep it as the value so we can say what is wrong with it. */
function joinDashedValues(argv: readonly string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    const next = argv[i + 1];
    if (VALUE_OPTIONS.has(arg) && next !== undefined && /^-\d/.test(next)) {
      out.push(`${arg}=${next}`);
      i += 1;
    } else {
      out.push(arg);
    }
  }
  return out;
}

/** parseArgs' own messages are long and technical: say it in one short line. */
function describeParseError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  const option = /'(-[^' ]+)/.exec(message ?? '')?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option ${option ?? ''}; run \`heard due --help\` for the options`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL')
    return `unexpected argument ${/'([^']+)'/.exec(message ?? '')?.[1] ?? ''}; run \`heard due --help\``;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /does not take an argument/.test(message ?? '')
      ? `${option ?? 'this option'} does not take a value`
      : `${option ?? 'an option'} needs a value`;
  }
  return (message ?? String(error)).split('\n')[0] ?? 'bad arguments';
}

function fail(io: CommandIO, message: string): number {
  io.stderr(`heard due: ${message}`);
  return 2;
}

export const dueCommand: Command = {
  name: 'due',
  summary: 'print a deadline date: --from YYYY-MM-DD --days N [--calendar england-and-wales|foi] [--calendar-days]',
  usage: USAGE,
  async run(argv, io) {
    let values: { from?: string; days?: string; calendar?: string; 'calendar-days'?: boolean; explain?: boolean; help?: boolean };
    try {
      ({ values } = parseArgs({
        args: joinDashedValues(argv),
        options: {
          from: { type: 'string' },
          days: { type: 'string' },
          calendar: { type: 'string' },
          'calendar-days': { type: 'boolean' },
          explain: { type: 'boolean' },
          help: { type: 'boolean', short: 'h' },
        },
        strict: true,
        allowPositionals: false,
      }));
    } catch (error) {
      return fail(io, describeParseError(error));
    }
    if (values.help) {
      io.stdout(USAGE);
      return 0;
    }

    const from = values.from;
    if (from === undefined) return fail(io, '--from is required: the date received, YYYY-MM-DD');
    if (!isIsoDate(from)) return fail(io, `--from must be a real date written YYYY-MM-DD, not "${from}"`);
    const daysText = values.days;
    if (daysText === undefined) return fail(io, '--days is required: a whole number of days, 0 or more');
    if (!/^\d+$/.test(daysText) || Number(daysText) > MAX_DAYS) {
      return fail(io, `--days must be a whole number from 0 to ${MAX_DAYS}, not "${daysText}"`);
    }
    const days = Number(daysText);
    const calendarId = values.calendar ?? 'england-and-wales';
    if (!isCalendarId(calendarId)) return fail(io, `unknown calendar "${calendarId}": use ${CALENDAR_IDS.join(', ')}`);
    const calendar = getCalendar(calendarId);
    const unit = values['calendar-days'] ? 'calendar' : 'working';

    const due = computeDueDate({ from, days, unit, calendar });
    if (unit === 'working' && days > 0 && !isWithinHolidayData(calendar, addCalendarDays(from, 1), due)) {
      return fail(
        io,
        `bank holidays are known only from ${HOLIDAY_DATA_COVERAGE.from} to ${HOLIDAY_DATA_COVERAGE.to}, and this deadline needs days outside that range; refresh the data (packages/domain/README.md)`,
      );
    }
    io.stdout(due);
    if (values.explain) {
      for (const line of describeExplanation(explainDueDate({ from, days, unit, calendar }), 'en'))
        io.stdout(formatMessage('en', line.key, line.params));
    }
    return 0;
  },
};
