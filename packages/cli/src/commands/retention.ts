import { parseArgs } from 'node:util';
import { isIsoDate, toUkDate } from '@heard/domain';
import { UsageError, type Command } from '../command';

const usage = `Usage: heard retention [--dry-run] [--council SLUG] [--as-of YYYY-MM-DD]

Anonymises finished cases whose retention period (the council's, 6 years
after closure by default) has passed: names, contact details, free text and
documents go; type, dates, outcome, division, service and themes stay, so
the reports do not change. Cases under a legal hold are listed and kept.
The worker does this every night; this command does it now.

  --dry-run         list what would be anonymised, change nothing
  --council SLUG    one council (default: every council)
  --as-of DATE      the day to judge by (default: today, UK time)`;

export const retentionCommand: Command = {
  name: 'retention',
  summary: 'anonymise cases past their retention period (--dry-run lists them first)',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: { 'dry-run': { type: 'boolean', default: false }, council: { type: 'string' }, 'as-of': { type: 'string' } },
      strict: true,
    });
    const today = values['as-of'] ?? toUkDate(new Date());
    if (!isIsoDate(today)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${today}"`);
    const { migrateToLatest, openDatabaseFromEnv } = await import('@heard/db');
    const { runRetention } = await import('@heard/jobs');
    const database = await openDatabaseFromEnv();
    try {
      await migrateToLatest(database);
      let councils = await database.withCouncil(null, (tx) => tx.selectFrom('councils').select(['id', 'slug', 'name']).orderBy('slug').execute());
      if (values.council) {
        councils = councils.filter((c) => c.slug === values.council);
        if (councils.length === 0) throw new UsageError(`no council "${values.council}"`);
      }
      for (const council of councils) {
        const run = await runRetention(database, { councilId: council.id, today, dryRun: values['dry-run'] });
        const verb = run.dryRun ? 'would anonymise' : 'anonymised';
        io.stdout(`${council.slug}: ${verb} ${run.dryRun ? run.due.length : run.anonymised.length} case(s); ${run.held.length} kept under a legal hold`);
        for (const c of run.due) io.stdout(`  ${c.reference}\t${c.type}\tclosed ${c.closedOn}\tretained until ${c.retainUntil}`);
        for (const c of run.held) io.stdout(`  ${c.reference}\t${c.type}\tclosed ${c.closedOn}\tretained until ${c.retainUntil}\tLEGAL HOLD`);
      }
      return 0;
    } finally {
      await database.close();
    }
  },
};
