import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { migrateToLatest, openDatabase, reportQueries, reportRepository, trackerRepository } from '@heard/db';
import { generateSynthetic, growSynthetic } from '@heard/db/synthetic';
import { REPORT_AS_OF, REPORT_YEAR, trackerDates } from './data';
import { timeRuns } from './load';

/**
 * The embedded PGlite default at the sizes it holds (quality.md): loading,
 * the tracker's first page and the annual report, per size; printed as one
 * JSON line for the bench. Runs in its own process (PGlite is one session).
 * Args: sizes (comma separated) and the data folder (a temporary one if absent).
 */
const sizes = (process.argv[2] ?? '10000').split(',').map(Number);
const dir = process.argv[3] ?? mkdtempSync(path.join(os.tmpdir(), 'heard-bench-pglite-'));
const database = await openDatabase({ dataDir: dir });
const out: Array<Record<string, unknown>> = [];
try {
  await migrateToLatest(database);
  // One council grows through the sizes (each record written once), as on PostgreSQL.
  const grow = { seed: 700, councils: 1, years: 1, bulk: true } as const;
  let councilId = '';
  let loaded = 0;
  for (const size of sizes) {
    const started = performance.now();
    if (loaded === 0) councilId = (await generateSynthetic(database, { ...grow, cases: size })).councils[0]!.id;
    else await growSynthetic(database, { ...grow, from: loaded, to: size });
    const loadMs = performance.now() - started;
    const added = size - loaded;
    loaded = size;
    const dates = trackerDates();
    const tracker = await timeRuns(20, () =>
      database.withCouncil(councilId, (tx) =>
        trackerRepository(tx).list({
          filters: {},
          sort: 'due_asc',
          cursor: null,
          limit: 50,
          scope: { kind: 'all' },
          dates,
          openOnly: true,
        }),
      ),
    );
    const request = { kind: 'annual' as const, year: REPORT_YEAR };
    const report = await timeRuns(3, () => reportRepository(database.db).build(councilId, request, REPORT_AS_OF));
    const queries = Object.values(reportQueries(database.db, councilId, request, REPORT_AS_OF));
    const raw = await timeRuns(3, async () => {
      for (const query of queries) await database.db.executeQuery(query);
    });
    const total = await sql<{ n: number }>`select count(*)::int as n from cases`.execute(database.db);
    out.push({ size, added, totalCases: total.rows[0]?.n, loadMs, tracker, report, reportRaw: raw, rssMb: process.memoryUsage().rss / 1048576 });
  }
} finally {
  await database.close();
  if (!process.argv[3]) rmSync(dir, { recursive: true, force: true });
}
process.stdout.write(`${JSON.stringify(out)}\n`);
process.exit(0);
