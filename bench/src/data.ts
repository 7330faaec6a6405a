import { sql, type Kysely } from 'kysely';
import type pg from 'pg';
import { addWorkingDays, getCalendar } from '@heard/domain';
import {
  reportQueries,
  reportRepository,
  trackerRepository,
  type Database,
  type HeardDatabase,
  type TrackerDates,
  type TrackerFilters,
  type TrackerSort,
} from '@heard/db';
import { bareRender } from './render';

/** The day the bench's synthetic data ends (the generator's fixed default) and the report's "as of". */
export const DATA_AS_OF = '2026-03-31';
export const REPORT_YEAR = 2025;
export const REPORT_AS_OF = '2026-05-31';

export function trackerDates(today = DATA_AS_OF): TrackerDates {
  const council = getCalendar('england-and-wales');
  const foi = getCalendar('foi');
  return { today, council: { amberBefore: addWorkingDays(council, today, 4) }, foi: { amberBefore: addWorkingDays(foi, today, 4) } };
}

export type TrackerCase = { name: string; filters: TrackerFilters; sort: TrackerSort; openOnly: boolean };

/** Three filters staff use: the default view, one case type newest first, and one service. */
export function trackerCases(sendServiceId: string): TrackerCase[] {
  return [
    { name: 'open cases by due date', filters: {}, sort: 'due_asc', openOnly: true },
    {
      name: 'Children Act complaints, newest first (all statuses)',
      filters: { types: ['children_act_complaint'] },
      sort: 'received_desc',
      openOnly: false,
    },
    { name: 'one service (SEND), open, by due date', filters: { serviceId: sendServiceId }, sort: 'due_asc', openOnly: true },
  ];
}

export type Captured = { sql: string; parameters: readonly unknown[] };

export type TrackerFigure = {
  filter: string;
  page: number;
  rows: number;
  ours: { p50: number; p99: number };
  raw: { p50: number; p99: number };
  sql: string;
  parameters: readonly unknown[];
};

/**
 * The tracker's repository as the app calls it (a transaction as `heard_app`,
 * row-level security choosing the council) next to the same SQL text run
 * alone on a plain connection: first page and the 100th (or the last there is).
 */
export async function measureTracker(
  database: HeardDatabase,
  /** The same database through a Kysely that logs its queries: where "the same SQL" is read from. */
  logged: { db: Kysely<Database>; last: () => Captured | undefined },
  rawClient: pg.Client,
  councilId: string,
  cases: TrackerCase[],
  options: { runs: number; page: number },
): Promise<TrackerFigure[]> {
  const figures: TrackerFigure[] = [];
  const dates = trackerDates();
  // "The same SQL alone": one statement on a connection that is already the
  // app role with the council chosen (row-level security applies, as in the
  // app), without the app's transaction, session check and mapping.
  await rawClient.query(`select set_config('role', 'heard_app', false), set_config('heard.council_id', $1, false)`, [councilId]);
  for (const trackerCase of cases) {
    const input = (cursor: string | null) => ({
      filters: trackerCase.filters,
      sort: trackerCase.sort,
      cursor,
      limit: 50,
      scope: { kind: 'all' as const },
      dates,
      openOnly: trackerCase.openOnly,
    });
    const list = (cursor: string | null) => database.withCouncil(councilId, (tx) => trackerRepository(tx).list(input(cursor)));
    const captureSql = (cursor: string | null) =>
      logged.db.transaction().execute(async (tx) => {
        await sql`select set_config('role', 'heard_app', true), set_config('heard.council_id', ${councilId}, true)`.execute(tx);
        const page = await trackerRepository(tx).list(input(cursor));
        return { page, captured: logged.last() };
      });
    // Walk to the page asked for (keyset: each page's cursor comes from the one before).
    const cursors: Array<string | null> = [null];
    let page = await list(null);
    while (cursors.length < options.page && page.nextCursor) {
      cursors.push(page.nextCursor);
      page = await list(page.nextCursor);
    }
    for (const [index, cursor] of [[1, null] as const, [cursors.length, cursors.at(-1) ?? null] as const]) {
      const { page: firstRun, captured } = await captureSql(cursor);
      if (!captured) throw new Error('the tracker query was not captured');
      const text = captured.sql;
      const parameters = captured.parameters;
      // Warm both up, then interleave them so that noise from the shared machine falls on both alike.
      for (let i = 0; i < 3; i += 1) {
        await list(cursor);
        await rawClient.query(text, parameters as unknown[]);
      }
      const oursTimes: number[] = [];
      const rawTimes: number[] = [];
      for (let i = 0; i < options.runs; i += 1) {
        let t0 = performance.now();
        bareRender((await list(cursor)).rows);
        oursTimes.push(performance.now() - t0);
        t0 = performance.now();
        bareRender((await rawClient.query(text, parameters as unknown[])).rows);
        rawTimes.push(performance.now() - t0);
      }
      const ours = summarise(oursTimes);
      const raw = summarise(rawTimes);
      figures.push({ filter: trackerCase.name, page: index, rows: firstRun.rows.length, ours, raw, sql: text, parameters });
      if (index === 1 && cursors.length === 1) break;
    }
  }
  await rawClient.query('reset role; reset heard.council_id');
  return figures;
}

function summarise(times: number[]): { p50: number; p99: number } {
  const sorted = [...times].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0;
  return { p50: at(0.5), p99: at(0.99) };
}

/** The plan as the app runs it: the app role, the council chosen, row-level security on. */
export async function explain(rawClient: pg.Client, councilId: string, text: string, parameters: readonly unknown[]): Promise<string> {
  await rawClient.query(`select set_config('role', 'heard_app', false), set_config('heard.council_id', $1, false)`, [councilId]);
  try {
    const result = await rawClient.query(`explain (analyze, buffers, summary on) ${text}`, parameters as unknown[]);
    return result.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
  } finally {
    await rawClient.query('reset role; reset heard.council_id');
  }
}

export type ReportFigure = { cases: number; runs: number; ours: { p50: number; p99: number }; raw: { p50: number; p99: number } };

/**
 * The annual report as `heard report` builds it, next to its aggregate SQL
 * statements run bare, one after the other: `runs` of each, interleaved
 * (the order swapped every run) so that the shared machine's noise and the
 * cache fall on both alike.
 */
export async function measureReport(
  database: HeardDatabase,
  councilId: string,
  runs: number,
  /** Our side, when not `reportRepository.build` in this process: a run that says its own time (ms). */
  oursRun?: () => Promise<number>,
): Promise<ReportFigure> {
  const request = { kind: 'annual' as const, year: REPORT_YEAR };
  const count = await sql<{
    n: number;
  }>`select count(*)::int as n from cases where council_id = ${councilId} and received_on between '2025-04-01' and '2026-03-31'`.execute(
    database.db,
  );
  const queries = Object.values(reportQueries(database.db, councilId, request, REPORT_AS_OF));
  const ours = () => reportRepository(database.db).build(councilId, request, REPORT_AS_OF);
  const raw = async () => {
    for (const query of queries) await database.db.executeQuery(query);
  };
  const oursTimes: number[] = [];
  const rawTimes: number[] = [];
  const timed = async (work: () => Promise<unknown>, into: number[]) => {
    const t0 = performance.now();
    await work();
    into.push(performance.now() - t0);
  };
  const oursOnce = () => (oursRun ? oursRun().then((ms) => void oursTimes.push(ms)) : timed(ours, oursTimes));
  for (let i = 0; i < runs; i += 1) {
    if (i % 2 === 0) {
      await oursOnce();
      await timed(raw, rawTimes);
    } else {
      await timed(raw, rawTimes);
      await oursOnce();
    }
  }
  return { cases: count.rows[0]?.n ?? 0, runs, ours: summarise(oursTimes), raw: summarise(rawTimes) };
}
