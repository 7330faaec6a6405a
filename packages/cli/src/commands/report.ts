import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { isIsoDate, toUkDate, type Quarter, type ReportPeriodRequest } from '@heard/domain';
import { UsageError, type Command } from '../command';
import { selectCouncil } from '../report/council-option';
import type { ReportFormat } from '../report/formats';

export const reportCommand: Command = {
  name: 'report',
  summary: 'the statutory annual or quarterly report (json, csv, xlsx, html, pdf)',
  usage: `Usage: heard report annual --year YYYY [options]
       heard report quarterly --year YYYY --quarter 1..4 [options]

The statutory report for the financial year from 1 April YYYY to 31 March
YYYY+1 (or one of its quarters: Q1 April-June ... Q4 January-March), with
every table of contracts.md, computed in the database.

  --as-of YYYY-MM-DD          the figures as known on this date (default: today)
  --format json|csv|xlsx|html|pdf   default json
  --out FILE                  write to FILE instead of standard output
  --council SLUG              the council (default: the only, or first, council)

json is printed on standard output by default. PDF is printed by the
system's Chromium (HEARD_CHROMIUM to choose another).`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        year: { type: 'string' },
        quarter: { type: 'string' },
        'as-of': { type: 'string' },
        format: { type: 'string' },
        out: { type: 'string' },
        council: { type: 'string' },
      },
      allowPositionals: true,
      strict: true,
    });
    const kind = positionals[0];
    if (positionals.length !== 1 || (kind !== 'annual' && kind !== 'quarterly')) throw new UsageError('say which report: `heard report annual --year 2023` or `heard report quarterly --year 2023 --quarter 1`');
    if (values.year === undefined || !/^\d{4}$/.test(values.year) || Number(values.year) < 1990 || Number(values.year) > 2100) {
      throw new UsageError('--year: give the year the financial year starts in, e.g. --year 2023 for 2023-2024');
    }
    const year = Number(values.year);
    let request: ReportPeriodRequest;
    if (kind === 'quarterly') {
      if (values.quarter === undefined || !/^[1-4]$/.test(values.quarter)) throw new UsageError('--quarter: give 1, 2, 3 or 4 (Q1 is April to June)');
      request = { kind, year, quarter: Number(values.quarter) as Quarter };
    } else {
      if (values.quarter !== undefined) throw new UsageError('--quarter is for `heard report quarterly`');
      request = { kind, year };
    }
    const asOf = values['as-of'] ?? toUkDate(new Date());
    if (!isIsoDate(asOf)) throw new UsageError(`--as-of: ${asOf} is not a date in the format YYYY-MM-DD`);
    const { REPORT_FORMATS, renderCsv, renderHtml, renderJson, renderPdf, renderXlsx } = await import('../report/formats');
    const format = (values.format ?? 'json') as ReportFormat;
    if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format: choose one of ${REPORT_FORMATS.join(', ')}`);
    if ((format === 'xlsx' || format === 'pdf') && values.out === undefined && process.stdout.isTTY) {
      throw new UsageError(`--format ${format} is a binary file: give --out FILE, or redirect standard output`);
    }

    const { migrateToLatest, openDatabaseFromEnv, reportRepository } = await import('@heard/db');
    const database = await openDatabaseFromEnv();
    let output: string | Buffer;
    try {
      await migrateToLatest(database);
      const council = await selectCouncil(database, values.council);
      const { report } = await reportRepository(database.db).build(council.id, request, asOf);
      const document = { ...report, council: council.name };
      output =
        format === 'json'
          ? renderJson(report)
          : format === 'csv'
            ? renderCsv(report)
            : format === 'html'
              ? renderHtml(document)
              : format === 'xlsx'
                ? await renderXlsx(document)
                : await renderPdf(document);
    } finally {
      await database.close();
    }
    if (values.out !== undefined) {
      try {
        writeFileSync(values.out, output);
      } catch (error) {
        throw new UsageError(`--out: cannot write ${values.out}: ${(error as Error).message}`);
      }
      io.stdout(`wrote the ${kind} report (${format}) to ${values.out}`);
    } else if (typeof output === 'string') {
      io.stdout(output);
    } else {
      await new Promise<void>((resolve, reject) => process.stdout.write(output, (error) => (error ? reject(error) : resolve())));
    }
    return 0;
  },
};
