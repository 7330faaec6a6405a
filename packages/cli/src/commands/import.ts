import { createReadStream, statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { ImportProgress } from '@heard/db';
import { formatImportProblem, toUkDate } from '@heard/domain';
import { UsageError, type Command } from '../command';
import { selectCouncil } from '../report/council-option';

/** A progress bar with rows per second, redrawn in place on a terminal. */
export function progressLine(progress: ImportProgress, totalBytes: number, elapsedMs: number): string {
  const fraction = totalBytes > 0 ? Math.min(1, progress.bytes / totalBytes) : 0;
  const width = 30;
  const filled = Math.round(fraction * width);
  const rate = elapsedMs > 0 ? Math.round((progress.rows * 1000) / elapsedMs) : 0;
  const phase = progress.phase === 'reading' ? '' : ` ${progress.phase}`;
  return `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}% ${progress.rows.toLocaleString('en-GB')} rows, ${rate.toLocaleString('en-GB')} rows/s${phase}`;
}

export const importCommand: Command = {
  name: 'import',
  summary: 'import historical cases from a CSV file (all or nothing)',
  usage: `Usage: heard import FILE.csv [--dry-run] [--council SLUG]

Imports historical cases from a CSV file in the format of contracts.md
("Case import: CSV"): UTF-8, a header row, one row per case stage.

Every row is checked first; any problem is printed as
\`line N: column C: reason\` (all of them, not just the first) and nothing is
written. Unknown divisions, services, themes and localities are created.
Deadlines are computed under the council's timescale policy. Importing the
same file again changes nothing.

  --dry-run        check the file and say what would be imported; write nothing
  --council SLUG   the council to import into (default: the only, or first, council)

The file is read as a stream, so its size does not matter; progress is shown
on a terminal.`,
  async run(argv, io) {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { 'dry-run': { type: 'boolean' }, council: { type: 'string' } },
      allowPositionals: true,
      strict: true,
    });
    if (positionals.length !== 1) throw new UsageError('give one CSV file to import, e.g. `heard import cases.csv`');
    const file = positionals[0]!;
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new UsageError(`${file} is not a file`);
      size = stat.size;
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message}`);
    }
    const { importCases, migrateToLatest, openDatabaseFromEnv } = await import('@heard/db');
    const database = await openDatabaseFromEnv();
    try {
      await migrateToLatest(database);
      const council = await selectCouncil(database, values.council);
      const started = Date.now();
      const tty = process.stderr.isTTY === true;
      let lastDraw = 0;
      const result = await importCases(database, {
        councilId: council.id,
        source: createReadStream(file, { highWaterMark: 256 * 1024 }),
        dryRun: values['dry-run'] ?? false,
        today: toUkDate(new Date()),
        onProgress: (progress) => {
          const now = Date.now();
          if (!tty || (now - lastDraw < 100 && progress.phase === 'reading')) return;
          lastDraw = now;
          process.stderr.write(`\r${progressLine(progress, size, now - started)}\x1b[K`);
        },
      });
      if (tty) process.stderr.write('\r\x1b[K');
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      if (result.errors.length > 0) {
        for (const problem of result.errors) io.stderr(formatImportProblem('en', problem));
        if (result.moreErrors > 0) io.stderr(`and ${result.moreErrors} more problems not listed`);
        io.stderr(`heard import: ${result.errors.length + result.moreErrors} problem${result.errors.length + result.moreErrors === 1 ? '' : 's'} in ${file}; nothing was imported`);
        return 1;
      }
      const rate = Math.round(result.rows / Math.max(0.001, (Date.now() - started) / 1000));
      io.stdout(
        result.dryRun
          ? `dry run: ${result.rows} rows of ${file} are valid; would create ${result.created} cases (${result.unchanged} already imported) in ${council.name}; nothing written`
          : `imported ${file} into ${council.name}: ${result.rows} rows, ${result.created} cases created, ${result.unchanged} unchanged (${seconds} s, ${rate} rows/s)`,
      );
      return 0;
    } finally {
      await database.close();
    }
  },
};
