/**
 * The annual report against its own raw aggregate SQL (quality.md: <= 1.5x),
 * at 100,000 and 1,000,000 cases in one council's year, on PostgreSQL and
 * (at 100,000) on the embedded PGlite; with the peak RSS of this process.
 *
 *   node --import tsx bench/src/report-bench.ts [--sizes 100000,1000000] [--runs 5] [--no-pglite]
 *
 * PostgreSQL: BENCH_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/postgres;
 * a database of its own (heard_report_bench_<pid>) is created and dropped.
 * Not a test: figures only (the ratio is what matters, measured side by side).
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import pg from 'pg';
import { migrateToLatest, openDatabase, reportQueries, reportRepository, type HeardDatabase } from '@heard/db';

const { values } = parseArgs({ options: { sizes: { type: 'string' }, runs: { type: 'string' }, 'no-pglite': { type: 'boolean' } }, strict: true });
const SIZES = (values.sizes ?? '100000,1000000').split(',').map(Number);
const RUNS = Number(values.runs ?? 5);
const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const REQUEST = { kind: 'annual' as const, year: 2023 };
const AS_OF = '2024-05-31';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;

/** `n` cases in 2023-2024 (and a tenth as many in each of the two years before), spread like a real directorate's. */
async function seed(database: HeardDatabase, n: number): Promise<string> {
  const council = await database.db.insertInto('councils').values({ slug: `bench-${n}`, name: `Bench ${n}` }).returning('id').executeTakeFirstOrThrow();
  const id = council.id;
  await sql`insert into divisions (council_id, name) select ${id}::uuid, 'Division ' || i from generate_series(1, 4) i`.execute(database.db);
  await sql`insert into services (council_id, name, division_id) select ${id}::uuid, 'Service ' || i, (select d.id from divisions d where d.council_id = ${id}::uuid order by d.name limit 1 offset (i % 4)) from generate_series(1, 12) i`.execute(database.db);
  await sql`insert into themes (council_id, name) select ${id}::uuid, 'Theme ' || i from generate_series(1, 7) i`.execute(database.db);
  const total = Math.round(n * 1.2);
  const batch = 200_000;
  for (let from = 1; from <= total; from += batch) {
    const to = Math.min(total, from + batch - 1);
    await sql`
      with ids as (
        select (select array_agg(d.id order by d.name) from divisions d where d.council_id = ${id}::uuid) as divisions,
               (select array_agg(sv.id order by sv.name) from services sv where sv.council_id = ${id}::uuid) as services),
      s as (select i, (i % 100) as k, abs(hashint4(i)) as h from generate_series(${from}::int, ${to}::int) i),
      t as (
        select i, h,
          case when k < 12 then 'corporate_complaint' when k < 25 then 'children_act_complaint' when k < 30 then 'general_enquiry'
               when k < 33 then 'mayor_enquiry' when k < 43 then 'member_enquiry' when k < 63 then 'mp_enquiry' when k < 64 then 'chief_executive_enquiry'
               when k < 72 then 'compliment' else 'foi_request' end as type,
          case when i <= ${n} then date '2023-04-01' + (h % 366) else date '2021-04-01' + (h % 730) end as received_on
        from s)
      insert into cases (council_id, reference, type, framework, stage, status, received_on, acknowledgement_due_on, acknowledged_on, due_on, responded_on,
        outcome, decision, division_id, service_id, advocate_supported)
      select ${id}::uuid, 'B' || i, type,
        case when type = 'children_act_complaint' then 'statutory' when type = 'foi_request' then 'foi' when h % 2 = 0 then 'statutory' else 'corporate' end,
        case when type like '%complaint' then (array['1','1','1','1','1','1','1','2','3','ombudsman'])[1 + h % 10]
             when type = 'foi_request' then (array['request','request','request','request','internal_review','information_commissioner'])[1 + h % 6] else null end,
        case when h % 10 < 8 then 'responded' else 'received' end,
        received_on, received_on + 5, received_on + (h % 7), received_on + 14,
        case when h % 10 < 8 then received_on + (h % 25) else null end,
        case when type like '%complaint' and h % 10 < 8 then (array['upheld','partly_upheld','not_upheld','resolved_on_receipt','withdrawn'])[1 + h % 5] else null end,
        case when type like '%complaint' then (array['accepted','rejected','withdrawn', null])[1 + h % 4] else null end,
        ids.divisions[1 + h % 4], ids.services[1 + h % 12],
        h % 50 = 0
      from t cross join ids`.execute(database.db);
  }
  await sql`
    insert into case_themes (council_id, case_id, theme_id)
    select c.council_id, c.id, ids.themes[1 + abs(hashtext(c.reference)) % 7]
    from cases c cross join (select array_agg(th.id order by th.name) as themes from themes th where th.council_id = ${id}::uuid) ids
    where c.council_id = ${id}::uuid and c.type like '%complaint' and c.stage = '1'`.execute(database.db);
  await sql`analyze`.execute(database.db);
  return id;
}

async function measure(database: HeardDatabase, councilId: string) {
  const queries = Object.values(reportQueries(database.db, councilId, REQUEST, AS_OF));
  const raw = async () => {
    for (const query of queries) await database.db.executeQuery(query);
  };
  const full = () => reportRepository(database.db).build(councilId, REQUEST, AS_OF);
  await full();
  await raw();
  const rawMs: number[] = [];
  const fullMs: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    // Alternate, so that both see the same cache and the same neighbours.
    let t = performance.now();
    await raw();
    rawMs.push(performance.now() - t);
    t = performance.now();
    await full();
    fullMs.push(performance.now() - t);
  }
  return { raw: median(rawMs), full: median(fullMs) };
}

const rows: string[] = [];
async function run(kind: 'postgres' | 'pglite', n: number) {
  let database: HeardDatabase;
  let drop = async () => undefined as void;
  if (kind === 'postgres') {
    const name = `heard_report_bench_${process.pid}_${n}`;
    const admin = new pg.Client({ connectionString: SERVER });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(SERVER);
    url.pathname = `/${name}`;
    database = await openDatabase({ databaseUrl: url.toString(), poolSize: 2 });
    drop = async () => {
      const cleanup = new pg.Client({ connectionString: SERVER });
      await cleanup.connect();
      await cleanup.query(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    };
  } else {
    database = await openDatabase({ dataDir: 'memory' });
  }
  try {
    await migrateToLatest(database);
    const t = performance.now();
    const councilId = await seed(database, n);
    process.stderr.write(`${kind} ${n}: seeded in ${((performance.now() - t) / 1000).toFixed(1)} s\n`);
    const { raw, full } = await measure(database, councilId);
    rows.push(`| ${kind} | ${n.toLocaleString('en-GB')} | ${full.toFixed(0)} ms | ${raw.toFixed(0)} ms | ${(full / raw).toFixed(2)}x | ${full / raw <= 1.5 ? 'met' : 'NOT MET'} | ${mb(process.resourceUsage().maxRSS * 1024)} |`);
    process.stderr.write(`${rows.at(-1)}\n`);
  } finally {
    await database.close();
    await drop();
  }
}

for (const n of SIZES) await run('postgres', n);
if (!values['no-pglite']) await run('pglite', SIZES[0]!);
console.log(['| database | cases in the year | annual report | its raw aggregate SQL | ratio (bar <= 1.5x) | verdict | peak RSS so far |', '|---|---|---|---|---|---|---|', ...rows].join('\n'));
