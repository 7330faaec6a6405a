import { parseArgs } from 'node:util';
import { isIsoDate } from '@heard/domain';
import { SYNTHETIC_AS_OF } from '@heard/db/synthetic-as-of';
import { UsageError, type Command } from '../command';

const usage = `Usage: heard generate --cases N [--seed S] [--councils C] [--as-of YYYY-MM-DD] [--years Y]

Makes synthetic councils and cases for benchmarks and demos: the mix of the
seed reports (types, stages, outcomes, divisions, services, themes, months,
weekends and bank holidays, open and closed cases, escalations from Stage 1
to the Ombudsman, FOI requests to internal reviews), with every deadline
computed by the domain. The same options give the same data, byte for byte.

  --cases N       case records in all (each stage of a complaint is a record)
  --seed S        a whole number (default 1); a seed is generated once per database
  --councils C    new councils sharing the cases (default 1)
  --as-of DATE    the day the data ends (default ${SYNTHETIC_AS_OF}, fixed so runs are identical)
  --years Y       years of cases ending on that day (default 3)`;

function wholeNumber(name: string, value: string | undefined, fallback: number, min: number): number {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/_/g, ''));
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not "${value}"`);
  return n;
}

export const generateCommand: Command = {
  name: 'generate',
  summary: 'make synthetic cases for benchmarks and demos',
  usage,
  async run(argv, io) {
    const { values } = parseArgs({
      args: argv,
      options: {
        cases: { type: 'string' },
        seed: { type: 'string' },
        councils: { type: 'string' },
        'as-of': { type: 'string' },
        years: { type: 'string' },
      },
      strict: true,
    });
    if (values.cases === undefined) throw new UsageError('--cases N is required');
    const cases = wholeNumber('cases', values.cases, 0, 1);
    const seed = wholeNumber('seed', values.seed, 1, 0);
    const councils = wholeNumber('councils', values.councils, 1, 1);
    const years = wholeNumber('years', values.years, 3, 1);
    if (councils > 200) throw new UsageError('--councils must be at most 200');
    if (years > 20) throw new UsageError('--years must be at most 20');
    const asOf = values['as-of'];
    if (asOf !== undefined && !isIsoDate(asOf)) throw new UsageError(`--as-of must be a date YYYY-MM-DD, not "${asOf}"`);

    const { migrateToLatest, openDatabaseFromEnv } = await import('@heard/db');
    const { generateSynthetic, SyntheticCouncilExistsError } = await import('@heard/db/synthetic');
    const database = await openDatabaseFromEnv();
    const started = performance.now();
    let lastReport = started;
    try {
      await migrateToLatest(database);
      const result = await generateSynthetic(database, {
        cases,
        seed,
        councils,
        asOf,
        years,
        bulk: 'auto',
        onProgress: (p) => {
          const now = performance.now();
          if (now - lastReport > 5000) {
            lastReport = now;
            io.stderr(
              `generating: ${p.cases.toLocaleString('en-GB')} of ${p.total.toLocaleString('en-GB')} cases (council ${p.council} of ${p.councils})`,
            );
          }
        },
      });
      const seconds = (performance.now() - started) / 1000;
      io.stdout(
        `generated ${result.cases.toLocaleString('en-GB')} cases in ${result.councils.length} council(s) (seed ${seed}) in ${seconds.toFixed(1)} s on ${database.location}`,
      );
      for (const council of result.councils)
        io.stdout(`  ${council.slug}  ${council.name}  ${council.cases.toLocaleString('en-GB')} cases`);
      return 0;
    } catch (error) {
      if (error instanceof SyntheticCouncilExistsError) throw new UsageError(error.message);
      throw error;
    } finally {
      await database.close();
    }
  },
};
