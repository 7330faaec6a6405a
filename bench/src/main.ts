/**
 * `pnpm bench` (issue 8, quality.md "Speed and scale"): Heard measured side
 * by side, in one run, against what bounds it: a minimal Remix app serving
 * the same bytes (built here), a bare node:http server, pgbench and COPY on
 * the same PostgreSQL. Prints one table and writes it, with the machine and
 * the query plans, to bench/results/latest.md.
 *
 *   pnpm bench            the full run (1,000,000 cases; under 15 minutes on 2 cores, the time
 *                         each part took is written under the table)
 *   pnpm bench --quick    small sizes and short loads, for development
 *
 * PostgreSQL: BENCH_POSTGRES_URL, else DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres;
 * the bench creates its own database (heard_bench_<pid>) there and drops it
 * at the end; it never touches another database. Without a server it
 * measures the embedded PGlite only. Loopback only; every load is bounded.
 */
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
  readdirSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { hashPassword, SESSION_COOKIE, startSession } from '@heard/api/server';
import { prepareComplaintDrafts } from '@heard/api/testing';
import { IMPORT_COLUMNS, journeyProgress } from '@heard/domain';
import { intakeRepository, migrateToLatest, openDatabase, type Database } from '@heard/db';
import { loadDemo } from '@heard/db/demo';
import { generateSynthetic, generateSyntheticCases, growSynthetic, readSyntheticCouncil, toCsvLine, toImportCells } from '@heard/db/synthetic';
import {
  DATA_AS_OF,
  REPORT_AS_OF,
  REPORT_YEAR,
  explain,
  measureReport,
  measureTracker,
  trackerCases,
  type Captured,
  type ReportFigure,
  type TrackerFigure,
} from './data';
import { load, type LoadResult } from './load';
import { capture, pageWeight, type CapturedPage, type PageWeight } from './pages';
import { freePort, peakRss, runToEnd, startNode, type Started } from './processes';
import { submitOverHttp } from './submission';

/** The columns of a case row as the generator makes them (and the import writes them). */
const CASE_COPY_COLUMNS = [
  'id',
  'council_id',
  'reference',
  'type',
  'framework',
  'stage',
  'parent_case_id',
  'status',
  'received_on',
  'started_on',
  'acknowledgement_due_on',
  'acknowledged_on',
  'due_on',
  'deadline_status',
  'responded_on',
  'closed_on',
  'complex',
  'decision',
  'outcome',
  'division_id',
  'service_id',
  'locality_id',
  'owner_user_id',
  'channel',
  'advocate_supported',
  'summary',
  'details',
  'remedy',
  'out_of_remit_reason',
  'lifecycle',
  'created_at',
  'updated_at',
];
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const cli = path.join(root, 'packages/cli/src/main.ts');

const { values: flags } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    'no-pglite': { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    out: { type: 'string' },
  },
  strict: true,
});
const quick = flags.quick ?? false;
const SECONDS = quick ? 3 : 8;
const SIZES = quick ? [10_000, 30_000] : [10_000, 100_000, 1_000_000];
const PGLITE_SIZES = quick ? [10_000] : [10_000, 100_000];
const IMPORT_ROWS = quick ? 10_000 : 100_000;
const TRACKER_RUNS = quick ? 20 : 50;
const started = performance.now();
const log = (message: string) =>
  process.stderr.write(`[bench ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}\n`);
/** Where the run's time goes: each part from its start to the next part's. */
const parts: Array<{ name: string; seconds: number }> = [];
let partName = 'start-up and builds';
let partStart = started;
const part = (name: string) => {
  const now = performance.now();
  parts.push({ name: partName, seconds: (now - partStart) / 1000 });
  partName = name;
  partStart = now;
};

// ---------------------------------------------------------------------------
// The table

type Verdict = 'met' | 'NOT MET' | 'info' | 'n/a';
type Row = { section: string; what: string; ours: string; baseline: string; ratio: string; bar: string; verdict: Verdict };
const rows: Row[] = [];
const notes: string[] = [];
const plans: string[] = [];
const add = (row: Row) => {
  rows.push(row);
  log(`${row.section} | ${row.what} | ${row.ours} | ${row.baseline} | ${row.ratio} | ${row.verdict}`);
};
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const ms = (n: number) => `${n < 10 ? fmt(n, 2) : n < 100 ? fmt(n, 1) : fmt(n)} ms`;
const kb = (n: number) => `${fmt(n / 1024, 1)} KB`;
const httpFigure = (r: LoadResult) =>
  `${fmt(r.rps)} req/s, p50 ${ms(r.p50)}, p99 ${ms(r.p99)}${r.non2xx || r.errors ? ` (${r.non2xx} non-2xx, ${r.errors} errors)` : ''}`;
const verdict = (ok: boolean): Verdict => (ok ? 'met' : 'NOT MET');

// ---------------------------------------------------------------------------
// The machine

async function machine(pgVersion: string | null): Promise<string> {
  const cpus = os.cpus();
  return [
    `- CPU: ${cpus.length} cores (${cpus[0]?.model ?? 'unknown'}); load average at start ${os
      .loadavg()
      .map((l) => l.toFixed(2))
      .join(', ')}`,
    `- Memory: ${fmt(os.totalmem() / 1024 ** 3, 1)} GB`,
    `- Node ${process.version} on ${os.type()} ${os.release()}`,
    `- PostgreSQL: ${pgVersion ?? 'none configured (embedded PGlite only)'}`,
    `- Load generator: autocannon, 10 connections, ${SECONDS} s per figure after a 1 s warm-up, on the same cores as the servers`,
  ].join('\n');
}

// ---------------------------------------------------------------------------
// Builds

const newest = (dir: string): number =>
  Math.max(
    0,
    ...readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.name !== 'node_modules' && e.name !== 'build')
      .map((e) => (e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs)),
  );

async function ensureBuilds() {
  if (!flags['no-build']) {
    // Each app's own build script (remix vite:build, then the pre-compressed copies), when its
    // build is older than its sources or the packages it bundles, or missing.
    const sources = Math.max(...['domain', 'db', 'api', 'ui'].map((p) => newest(path.join(root, 'packages', p, 'src'))));
    for (const app of ['portal', 'backoffice']) {
      const dir = path.join(root, 'apps', app);
      const serverBuild = path.join(dir, 'build/server/index.js');
      if (existsSync(serverBuild) && statSync(serverBuild).mtimeMs > Math.max(sources, newest(path.join(dir, 'app')))) continue;
      log(`building the ${app} for production`);
      const remix = await runToEnd(path.join(dir, 'node_modules/.bin/remix'), ['vite:build'], { cwd: dir, timeoutMs: 900_000 });
      if (remix.code !== 0) throw new Error(`the ${app} build failed:\n${(remix.stdout + remix.stderr).slice(-3000)}`);
      const compress = await runToEnd(process.execPath, [path.join(root, 'scripts/precompress.mjs'), 'build/client'], {
        cwd: dir,
        timeoutMs: 300_000,
      });
      if (compress.code !== 0) throw new Error(`pre-compressing the ${app}'s static files failed:\n${compress.stderr.slice(-2000)}`);
    }
  }
  // The working tree is shared: another build may have replaced an app's client files without
  // their pre-compressed copies. Make them again where they are missing (it only adds files).
  for (const app of ['portal', 'backoffice']) {
    const assets = path.join(root, 'apps', app, 'build/client/assets');
    if (existsSync(assets) && !readdirSync(assets).some((f) => f.endsWith('.br'))) {
      log(`pre-compressing the ${app}'s static files (missing)`);
      await runToEnd(process.execPath, [path.join(root, 'scripts/precompress.mjs'), 'build/client'], {
        cwd: path.join(root, 'apps', app),
        timeoutMs: 300_000,
      });
    }
  }
  const minimal = path.join(root, 'bench/minimal-remix');
  const serverBuild = path.join(minimal, 'build/server/index.js');
  if (!existsSync(serverBuild) || statSync(serverBuild).mtimeMs < newest(path.join(minimal, 'app'))) {
    log('building the minimal Remix app');
    const remix = path.join(root, 'bench/node_modules/.bin/remix');
    const built = await runToEnd(remix, ['vite:build'], { cwd: minimal, timeoutMs: 300_000 });
    if (built.code !== 0) throw new Error(`the minimal Remix app did not build:\n${(built.stdout + built.stderr).slice(-3000)}`);
  }
}

// ---------------------------------------------------------------------------
// PostgreSQL

const serverUrl = process.env.BENCH_POSTGRES_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const benchDb = `heard_bench_${process.pid}`;

async function adminQuery(text: string): Promise<pg.QueryResult | null> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
  } catch {
    return null;
  }
  try {
    return await client.query(text);
  } finally {
    await client.end();
  }
}

function urlOf(database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

function pgbenchPath(): string {
  for (const candidate of [
    '/usr/lib/postgresql/17/bin/pgbench',
    '/usr/lib/postgresql/16/bin/pgbench',
    '/usr/lib/postgresql/15/bin/pgbench',
    '/usr/lib/postgresql/14/bin/pgbench',
  ]) {
    if (existsSync(candidate)) return candidate;
  }
  return 'pgbench';
}

// ---------------------------------------------------------------------------
// HTTP figures

type Servers = { heard: Started; portal: string; backoffice: string };

async function startHeard(env: Record<string, string>, workers: number, options: { worker?: boolean } = {}): Promise<Servers> {
  const portalPort = await freePort();
  const backofficePort = await freePort();
  const portal = `http://127.0.0.1:${portalPort}`;
  const heard = await startNode(cli, ['start', ...(options.worker ? [] : ['--no-worker']), '--workers', String(workers)], {
    cwd: root,
    env: {
      ...env,
      HOST: '127.0.0.1',
      PORTAL_PORT: String(portalPort),
      BACKOFFICE_PORT: String(backofficePort),
      HEARD_JOBS: 'off',
      LOG_LEVEL: 'warn',
    },
    url: `${portal}/`,
    timeoutMs: 180_000,
  });
  // Every worker up: wait until the page answers 200 a few times.
  for (let i = 0; i < 40; i += 1) {
    const ok = await fetch(`${portal}/`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ok && i > 2) break;
    await new Promise((r) => setTimeout(r, 250));
  }
  return { heard, portal, backoffice: `http://127.0.0.1:${backofficePort}` };
}

async function startMinimal(pagesDir: string, workers = 1): Promise<{ server: Started; origin: string }> {
  const port = await freePort();
  const server = await startNode(path.join(here, 'servers/minimal-remix-server.ts'), [], {
    cwd: root,
    env: { PORT: String(port), BENCH_PAGES_DIR: pagesDir, WORKERS: String(workers) },
  });
  return { server, origin: `http://127.0.0.1:${port}` };
}

async function startBare(pagesDir: string): Promise<{ server: Started; origin: string }> {
  const port = await freePort();
  const server = await startNode(path.join(here, 'servers/bare-server.ts'), [], {
    cwd: root,
    env: { PORT: String(port), BENCH_PAGES_DIR: pagesDir },
  });
  return { server, origin: `http://127.0.0.1:${port}` };
}

const heardPeakRss: Record<string, number> = {};

async function loadWithRss(name: string, server: Started, url: string, options: Parameters<typeof load>[1]): Promise<LoadResult> {
  const { result, peakMb } = await peakRss(server.pid, () => load(url, options));
  heardPeakRss[name] = Math.max(heardPeakRss[name] ?? 0, peakMb);
  return result;
}

// ---------------------------------------------------------------------------

type ReportProcess = { code: number | null; ms: number; commandMs: number; peakMb: number; stderr: string };

/**
 * `heard report annual` for one council as a process of its own: the
 * command's own time (rss-wrapper.ts: from the start of the command, its
 * modules loaded), the process's whole time, its peak RSS (the kernel's count).
 */
async function reportProcess(tmp: string, url: string, council: string): Promise<ReportProcess> {
  const rssFile = path.join(tmp, `report-${council}.rss`);
  const timeFile = path.join(tmp, `report-${council}.ms`);
  const result = await runToEnd(
    process.execPath,
    [
      '--import',
      'tsx',
      path.join(here, 'rss-wrapper.ts'),
      'report',
      'annual',
      '--year',
      String(REPORT_YEAR),
      '--as-of',
      REPORT_AS_OF,
      '--council',
      council,
      '--out',
      path.join(tmp, `report-${council}.json`),
    ],
    { cwd: root, env: { DATABASE_URL: url, BENCH_RSS_FILE: rssFile, BENCH_TIME_FILE: timeFile }, timeoutMs: 600_000 },
  );
  const peakMb = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : 0;
  const commandMs = existsSync(timeFile) ? Number(readFileSync(timeFile, 'utf8')) : result.ms;
  return { code: result.code, ms: result.ms, commandMs, peakMb, stderr: result.stderr };
}

async function main() {
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'heard-bench-'));
  chmodSync(tmp, 0o755);
  const pagesDir = path.join(tmp, 'pages');
  mkdirSync(pagesDir);
  const version = await adminQuery('select version() as v');
  const onPostgres = version !== null;
  const pgVersion = version ? String(version.rows[0].v).split(' on ')[0]! : null;
  const machineText = await machine(pgVersion);
  log(`machine:\n${machineText}`);
  await ensureBuilds();

  const cleanups: Array<() => Promise<unknown>> = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
    cleanups.length = 0;
  };
  process.once('SIGINT', () => void stopAll().then(() => process.exit(130)));

  try {
    if (onPostgres) await section('PostgreSQL', () => postgresBench(tmp, pagesDir, cleanups));
    else notes.push('No PostgreSQL server answered: only the embedded PGlite figures are measured.');
    await stopAll();
    if (!flags['no-pglite']) await section('PGlite', () => pgliteBench(tmp, pagesDir, cleanups));
  } finally {
    await stopAll();
    rmSync(tmp, { recursive: true, force: true });
  }
  const table = render(machineText);
  process.stdout.write(`${table}\n`);
  const out = flags.out ?? path.join(root, 'bench/results', quick ? 'latest-quick.md' : 'latest.md');
  mkdirSync(path.dirname(out), { recursive: true });
  writeFileSync(out, table);
  log(`written to ${path.relative(root, out)}`);
}

async function postgresBench(tmp: string, pagesDir: string, cleanups: Array<() => Promise<unknown>>) {
  log(`creating the database ${benchDb}`);
  await adminQuery(`create database ${benchDb}`);
  cleanups.push(async () => {
    log(`dropping the database ${benchDb}`);
    await adminQuery(`drop database if exists ${benchDb} with (force)`);
  });
  const url = urlOf(benchDb);
  const database = await openDatabase({ databaseUrl: url, poolSize: 4 });
  cleanups.push(() => database.close());
  await migrateToLatest(database);
  const demo = await loadDemo(database, { hashPassword, cases: 400, asOf: DATA_AS_OF });
  // Rate limits off: every request comes from 127.0.0.1 here, and the bench measures throughput, not the limiter.
  process.env.HEARD_RATE_LIMITS = 'off';
  const env = { DATABASE_URL: url, HEARD_DEFAULT_COUNCIL: 'demo', HEARD_RATE_LIMITS: 'off' };

  // -- Portal pages: Heard, the minimal Remix app, bare node:http --------------------------------
  part('portal pages, page weight (PostgreSQL)');
  log('starting Heard (one process) on PostgreSQL');
  let servers = await startHeard(env, 1);
  cleanups.push(() => servers.heard.stop());
  const pages: CapturedPage[] = [];
  const start = await capture('start', `${servers.portal}/`);
  pages.push(start);
  const firstQuestion = journeyProgress('complaint', {}, { today: DATA_AS_OF, serviceIds: [] }).steps[0] ?? 'who';
  const question = await capture('question', `${servers.portal}/complaint/${firstQuestion}`);
  if (question.status === 200) pages.push(question);
  else notes.push(`Question page: GET ${question.url} answered ${question.status}; not measured.`);
  // The case-status page as the person who raised the case sees it, after the emailed code: a citizen
  // session for one open demo case, made the way the code check makes it.
  const tracked = await database.db
    .selectFrom('cases')
    .select(['id'])
    .where('council_id', '=', demo.councilId)
    .where('closed_on', 'is', null)
    .orderBy('received_on', 'desc')
    .executeTakeFirstOrThrow();
  const citizen = await database.withCouncil(demo.councilId, (tx) =>
    startSession(tx, { councilId: demo.councilId, kind: 'citizen', state: 'active', caseId: tracked.id, now: new Date() }),
  );
  const cookies: Record<string, string> = { status: `${SESSION_COOKIE}=${citizen.token}` };
  const status = await capture('status', `${servers.portal}/track/case`, cookies.status);
  if (status.status === 200 && status.html.includes('govuk-summary-list')) pages.push(status);
  else notes.push(`Case-status page: GET ${status.url} answered ${status.status}; not measured.`);
  const minimal = await startMinimal(pagesDir);
  cleanups.push(() => minimal.server.stop());
  const bare = await startBare(pagesDir);
  cleanups.push(() => bare.server.stop());
  for (const page of pages) {
    writeFileSync(path.join(pagesDir, `${page.name}.html`), page.body);
    writeFileSync(path.join(pagesDir, `${page.name}.full.html`), page.html);
  }
  const pageRps: Record<string, LoadResult> = {};
  let minimalStartRps = 0;
  // Warm every server on every page first (JIT, pools, caches): the first figure is not a cold start.
  const headersFor = (page: CapturedPage): Record<string, string> => (cookies[page.name] ? { cookie: cookies[page.name]! } : {});
  for (const page of pages) {
    await load(page.url, { seconds: 2, headers: headersFor(page) });
    await load(`${minimal.origin}/${page.name}`, { seconds: 2 });
  }
  const labels: Record<string, string> = {
    start: 'portal start page (content)',
    status: 'portal case-status page (a citizen session, the case, its deadline and letters, an audit row)',
  };
  for (const page of pages) {
    const label = labels[page.name] ?? `portal question page (${new URL(page.url).pathname})`;
    const ours = await loadWithRss('portal', servers.heard, page.url, { seconds: SECONDS, warmupSeconds: 1, headers: headersFor(page) });
    const theirs = await load(`${minimal.origin}/${page.name}`, { seconds: SECONDS, warmupSeconds: 1 });
    const ceiling = await load(`${bare.origin}/${page.name}`, { seconds: SECONDS, warmupSeconds: 1 });
    pageRps[page.name] = ours;
    if (page.name === 'start') minimalStartRps = theirs.rps;
    const ratio = ours.rps / theirs.rps;
    const p99Ratio = ours.p99 / Math.max(theirs.p99, 0.001);
    const content = page.name === 'start';
    add({
      section: 'Portal',
      what: `${label}: ${kb(page.html.length)} of HTML; minimal Remix serves ${kb(theirs.bytesPerRequest)} per response`,
      ours: httpFigure(ours),
      baseline: `minimal Remix ${httpFigure(theirs)}; bare node:http ${fmt(ceiling.rps)} req/s`,
      ratio: `${fmt(ratio * 100)}% of minimal Remix (p99 ${fmt(p99Ratio, 1)}x); ${fmt((ours.rps / ceiling.rps) * 100, 1)}% of bare`,
      bar: content
        ? '>= 80% of minimal Remix, p99 <= 2x'
        : page.name === 'status'
          ? '>= 50% of minimal Remix'
          : '(question pages: no bar of their own; >= 50% as for dynamic pages)',
      verdict: content ? verdict(ratio >= 0.8 && p99Ratio <= 2) : verdict(ratio >= 0.5),
    });
  }
  // -- Page weight ---------------------------------------------------------------------------------
  const weights: Array<[string, PageWeight, number, boolean]> = [];
  weights.push(['portal start page (content)', await pageWeight(`${servers.portal}/`), 40 * 1024, true]);
  if (question.status === 200)
    weights.push([`portal question page (form)`, await pageWeight(question.url), 150 * 1024, false]);
  const signIn = await capture('sign-in', `${servers.backoffice}/sign-in`);
  if (signIn.status === 200)
    weights.push(['back-office sign-in page', await pageWeight(signIn.url), 200 * 1024, false]);
  for (const [label, weight, limit, noJs] of weights) {
    const ok = weight.total <= limit && (!noJs || weight.js === 0);
    add({
      section: 'Page weight',
      what: `${label}, first view, compressed`,
      ours: `${kb(weight.total)}: HTML ${kb(weight.htmlGzip)} (gzip), CSS ${kb(weight.css)}, JS ${kb(weight.js)} in ${weight.scripts} files${weight.other ? `, other ${kb(weight.other)}` : ''}; as sent: ${weight.encodings.join(', ')}`,
      baseline: 'GOV.UK Frontend alone ~26 KB',
      ratio: '',
      bar: `<= ${limit / 1024} KB${noJs ? ', no JavaScript' : ''}`,
      verdict: verdict(ok),
    });
  }

  // -- Submission: the database's share, pgbench -------------------------------------------------
  part('submission, pgbench');
  log('submission transaction alone, then pgbench TPC-B');
  const councilRow = await database.db
    .selectFrom('councils')
    .select(['id', 'reference_prefix'])
    .where('id', '=', demo.councilId)
    .executeTakeFirstOrThrow();
  const before = await sql<{
    n: number;
  }>`select count(*)::int as n from cases where channel = 'portal' and council_id = ${councilRow.id}`.execute(database.db);
  let submitted = 0;
  let failed = 0;
  const submitSeconds = SECONDS;
  const submitDeadline = performance.now() + submitSeconds * 1000;
  const latencies: number[] = [];
  const submitDb = await openDatabase({ databaseUrl: url, poolSize: 10 });
  await Promise.all(
    Array.from({ length: 10 }, async (_, worker) => {
      let n = 0;
      while (performance.now() < submitDeadline) {
        const t0 = performance.now();
        try {
          await submitDb.withCouncil(councilRow.id, (tx) =>
            intakeRepository(tx).createCase(
              {
                councilId: councilRow.id,
                referencePrefix: councilRow.reference_prefix,
                receivedOn: DATA_AS_OF,
                type: 'corporate_complaint',
                framework: 'corporate',
                stage: '1',
                acknowledgementDueOn: '2026-04-03',
                dueOn: '2026-04-15',
                serviceId: null,
                divisionId: null,
                channel: 'portal',
                language: 'en',
                advocateSupported: false,
                summary: 'Bench submission',
                details: 'Delay in completing an education, health and care needs assessment',
                flags: {},
                people: [{ role: 'complainant', name: 'Bench Person', email: 'bench@example.com' }],
                event: { type: 'submitted', payload: { channel: 'portal' }, actorUserId: null, actorLabel: 'bench' },
                idempotencyKey: `bench-${process.pid}-${worker}-${n}`,
              },
              Math.random,
            ),
          );
          submitted += 1;
        } catch {
          failed += 1;
        }
        n += 1;
        latencies.push(performance.now() - t0);
      }
    }),
  );
  await submitDb.close();
  const after = await sql<{
    n: number;
  }>`select count(*)::int as n from cases where channel = 'portal' and council_id = ${councilRow.id}`.execute(database.db);
  latencies.sort((a, b) => a - b);
  const submitRate = submitted / submitSeconds;
  const pgbench = pgbenchPath();
  const init = await runToEnd(pgbench, ['-i', '-q', '-s', '1', url], { timeoutMs: 300_000 });
  let tps = 0;
  if (init.code === 0) {
    const run = await runToEnd(pgbench, ['-c', '8', '-j', '2', '-T', String(SECONDS), '-n', url], { timeoutMs: 120_000 });
    tps = Number(/tps = ([\d.]+)/.exec(run.stdout)?.[1] ?? 0);
  } else {
    notes.push(`pgbench -i failed: ${init.stderr.trim().split('\n').pop()}`);
  }
  const lost = after.rows[0]!.n - before.rows[0]!.n - submitted;
  add({
    section: 'Submission',
    what: `submission transaction alone (case + person + event + idempotency key, as app role with RLS), 10 concurrent, ${submitSeconds} s`,
    ours: `${fmt(submitRate)} submissions/s, p99 ${ms(latencies[Math.floor(latencies.length * 0.99)] ?? 0)}; ${failed} failed; rows counted after: ${lost === 0 ? 'none lost or duplicated' : `${lost} missing/extra`}`,
    baseline: `pgbench TPC-B ${fmt(tps)} TPS (8 clients, scale 1, same server)`,
    ratio: tps ? `${fmt((submitRate / tps) * 100)}% of pgbench TPS` : '',
    bar: 'database share: info',
    verdict: lost === 0 && failed === 0 ? 'info' : 'NOT MET',
  });
  log('complaint submission end to end over HTTP');
  const drafts = (await prepareComplaintDrafts(database, quick ? 120 : 400, { councilSlug: 'demo', label: 'bench' })).map((d) => d.token);
  const portalBefore = await sql<{
    n: number;
  }>`select count(*)::int as n from cases where channel = 'portal' and council_id = ${councilRow.id}`.execute(database.db);
  const http = await peakRss(servers.heard.pid, () => submitOverHttp(servers.portal, drafts, SECONDS));
  heardPeakRss.portal = Math.max(heardPeakRss.portal ?? 0, http.peakMb);
  const submission = http.result;
  const portalAfter = await sql<{
    n: number;
  }>`select count(*)::int as n from cases where channel = 'portal' and council_id = ${councilRow.id}`.execute(database.db);
  const created = portalAfter.rows[0]!.n - portalBefore.rows[0]!.n;
  const minimalGet = minimalStartRps;
  const submissionRatio = minimalGet ? submission.rps / minimalGet : 0;
  add({
    section: 'Submission',
    what: `complaint submission end to end over HTTP: POST check-your-answers (CSRF, validation, one transaction) + the confirmation page, 10 at a time, drafts filled beforehand (rate limits off for loopback)`,
    ours: `${fmt(submission.rps, 1)} submissions/s, p50 ${ms(submission.p50)}, p99 ${ms(submission.p99)}; ${submission.submitted} confirmed, ${submission.failed} failed (${Object.entries(
      submission.statuses,
    )
      .map(([k, v]) => `${k}: ${v}`)
      .join(', ')}); cases created ${created}: ${created === submission.submitted ? 'none lost or duplicated' : 'MISMATCH'}`,
    baseline: `minimal Remix GET ${fmt(minimalGet)} req/s; pgbench ${fmt(tps)} TPS`,
    ratio: `${fmt(submissionRatio * 100)}% of minimal Remix GET; ${tps ? fmt((submission.rps / tps) * 100, 1) : '?'}% of pgbench TPS`,
    bar: '>= 50% of minimal Remix GET req/s; nothing lost or duplicated',
    verdict: verdict(submissionRatio >= 0.5 && created === submission.submitted && submission.failed === 0),
  });

  // -- All cores ------------------------------------------------------------------------------------
  await servers.heard.stop();
  const cores = os.availableParallelism();
  part('all cores (node:cluster)');
  log(`starting Heard with ${cores} worker processes`);
  servers = await startHeard(env, cores);
  cleanups.push(() => servers.heard.stop());
  const clustered = await loadWithRss('portal (cluster)', servers.heard, `${servers.portal}/`, { seconds: SECONDS, warmupSeconds: 1 });
  await servers.heard.stop();
  const single = pageRps.start!;
  add({
    section: 'All cores',
    what: `portal start page, node:cluster with ${cores} workers vs one process`,
    ours: httpFigure(clustered),
    baseline: `one process ${fmt(single.rps)} req/s`,
    ratio: `${fmt(clustered.rps / single.rps, 2)}x`,
    bar: '>= 1.4x one process',
    verdict: verdict(clustered.rps / single.rps >= 1.4),
  });
  await minimal.server.stop();
  await bare.server.stop();

  // -- Data: growth, tracker, report -----------------------------------------------------------------
  const rawClient = new pg.Client({ connectionString: url });
  await rawClient.connect();
  cleanups.push(() => rawClient.end());
  let lastCaptured: Captured | undefined;
  const loggedPool = new pg.Pool({ connectionString: url, max: 1 });
  const logged = new Kysely<Database>({
    dialect: new PostgresDialect({ pool: loggedPool }),
    log: (event) => {
      if (event.level === 'query' && /^select "c"\."id"/.test(event.query.sql))
        lastCaptured = { sql: event.query.sql, parameters: event.query.parameters };
    },
  });
  cleanups.push(() => logged.destroy());

  part('nine small councils');
  log('nine more councils with a few thousand cases each (10+ councils in the database)');
  await generateSynthetic(database, { cases: quick ? 9_000 : 27_000, seed: 90, councils: 9, bulk: true });
  const trackerBySize: Array<{ size: number; figures: TrackerFigure[] }> = [];
  const reportsAtLargest: ReportProcess[] = [];
  const reportBySize: ReportFigure[] = [];
  let bigCouncil: { id: string; slug: string } | undefined;
  // One council grows through the sizes: each step adds the records the generator would have made
  // for the larger size beyond those there already (the same data as generating the largest at once).
  const grow = { seed: 100, councils: 1, years: 1, bulk: true } as const;
  let loaded = 0;
  let loadedSeconds = 0;
  for (const size of SIZES) {
    part(`load to ${fmt(size)} (and vacuum)`);
    log(`growing the council to ${fmt(size)} cases in one year`);
    const t0 = performance.now();
    if (loaded === 0) bigCouncil = (await generateSynthetic(database, { ...grow, cases: size })).councils[0]!;
    else await growSynthetic(database, { ...grow, from: loaded, to: size });
    const added = size - loaded;
    const loadSeconds = (performance.now() - t0) / 1000;
    loadedSeconds += loadSeconds;
    loaded = size;
    // What a bulk load is followed by (and what autovacuum would otherwise start by itself, in the
    // middle of the figures below): a vacuum of the tables written, then a checkpoint, so that the
    // tracker, the report, the import and COPY are measured on a settled database, all alike.
    const v0 = performance.now();
    await sql`vacuum (analyze) cases, case_people, case_events, case_themes`.execute(database.db);
    await sql`checkpoint`.execute(database.db).catch(() => undefined);
    const settleSeconds = (performance.now() - v0) / 1000;
    const total = await sql<{ n: number }>`select count(*)::int as n from cases`.execute(database.db);
    add({
      section: 'Load',
      what: `heard generate${added === size ? '' : ' (grown)'}: ${fmt(added)} cases added to one council (now ${fmt(size)}; bulk: indexes rebuilt), ${fmt(total.rows[0]!.n)} cases in the database after`,
      ours: `${fmt(loadSeconds, 1)} s (${fmt(added / loadSeconds)} cases/s)${added === size ? '' : `; ${fmt(size)} in ${fmt(loadedSeconds, 1)} s in all`}; then vacuum and checkpoint ${fmt(settleSeconds, 1)} s`,
      baseline: '',
      ratio: '',
      bar: '1,000,000 in minutes',
      verdict: size >= 1_000_000 ? verdict(loadedSeconds < 600) : 'info',
    });
    const council = bigCouncil!;
    const synthetic = await readSyntheticCouncil(database.db, council.id);
    const send = synthetic.services.find((s) => s.name === 'Integrated SEND Services')!;
    part(`tracker at ${fmt(size)}`);
    log(`tracker at ${fmt(size)}`);
    const figures = await measureTracker(database, { db: logged, last: () => lastCaptured }, rawClient, council.id, trackerCases(send.id), {
      // The bar is judged at the largest size; the smaller ones (growth, info) need fewer runs.
      runs: size === SIZES.at(-1) ? TRACKER_RUNS : Math.min(TRACKER_RUNS, 30),
      page: 100,
    });
    trackerBySize.push({ size, figures });
    part(`report at ${fmt(size)}${size === SIZES.at(-1) ? ' (and the plans)' : ''}`);
    log(`annual report at ${fmt(size)}`);
    let report: ReportFigure;
    if (size === SIZES.at(-1)) {
      // The largest size: ours is `heard report` as a person runs it, a process of its own, timed
      // (the command's own time, its modules loaded; the whole process's time is shown too) and
      // measured for peak memory in the same runs. Three runs each, interleaved: one run of each
      // was seen to differ by half between two full runs on the shared machine.
      report = await measureReport(database, council.id, 3, async () => {
        const run = await reportProcess(tmp, url, council.slug);
        reportsAtLargest.push(run);
        return run.commandMs;
      });
    } else {
      report = await measureReport(database, council.id, quick ? 2 : 3);
    }
    reportBySize.push(report);
    if (size === SIZES[SIZES.length - 1]) {
      for (const figure of figures)
        plans.push(
          `### Tracker, ${figure.filter}, page ${figure.page}, ${fmt(size)} cases\n\n\`\`\`\n${await explain(rawClient, council.id, figure.sql, figure.parameters)}\n\`\`\``,
        );
    }
  }
  for (const { size, figures } of trackerBySize) {
    for (const figure of figures) {
      const ratio = figure.ours.p99 / Math.max(figure.raw.p99, 0.001);
      add({
        section: 'Tracker',
        what: `${fmt(size)} cases in the council: ${figure.filter}, page ${figure.page} (${figure.rows} rows), repository in an RLS transaction + bare render`,
        ours: `p50 ${ms(figure.ours.p50)}, p99 ${ms(figure.ours.p99)}`,
        baseline: `same SQL alone + bare render: p50 ${ms(figure.raw.p50)}, p99 ${ms(figure.raw.p99)}`,
        ratio: `${fmt(ratio, 1)}x p99`,
        bar: 'p99 <= 2x raw SQL (+ a bare render)',
        verdict: size === SIZES[SIZES.length - 1] ? verdict(ratio <= 2) : 'info',
      });
    }
  }
  const firstPages = trackerBySize.map(({ size, figures }) => [size, figures[0]!.ours.p50, figures[0]!.ours.p99] as const);
  const growth = firstPages.at(-1)![1] / firstPages[0]![1];
  add({
    section: 'Growth',
    what: `tracker first page (open cases by due date) at ${firstPages.map(([s]) => fmt(s)).join(' / ')} cases in the council`,
    ours: `p50 ${firstPages.map(([, p]) => ms(p)).join(' / ')}; p99 ${firstPages.map(([, , p]) => ms(p)).join(' / ')}`,
    baseline: 'the same index scan of 50 rows at every size (plans below)',
    ratio: `p50 ${fmt(growth, 1)}x from smallest to largest`,
    bar: 'flat (p50 within 2x)',
    verdict: verdict(growth <= 2),
  });
  for (const [index, report] of reportBySize.entries()) {
    const ratio = report.ours.p50 / report.raw.p50;
    const size = SIZES[index]!;
    const asProcess = size === SIZES.at(-1) && reportsAtLargest.length > 0;
    const processMs = [...reportsAtLargest.map((r) => r.ms)].sort((a, b) => a - b)[Math.floor(reportsAtLargest.length / 2)] ?? 0;
    add({
      section: 'Report',
      what: `annual report ${REPORT_YEAR}-${REPORT_YEAR + 1}, one council with ${fmt(report.cases)} cases in the year (${asProcess ? '`heard report annual --format json` as a process' : 'reportRepository.build in the bench'})`,
      ours: asProcess
        ? `${ms(report.ours.p50)} (median of ${report.runs} runs of the command, from its start to its exit, interleaved with the SQL's; ${ms(processMs)} with the process's start-up)`
        : `${ms(report.ours.p50)} (${report.runs === 1 ? 'one run' : `median of ${report.runs} runs`}, interleaved with the SQL's)`,
      baseline: `raw aggregate SQL ${ms(report.raw.p50)}`,
      ratio: `${fmt(ratio, 2)}x`,
      bar: '<= 1.5x raw SQL at 100k and 1M',
      verdict: size >= 100_000 ? verdict(ratio <= 1.5) : 'info',
    });
  }
  add({
    section: 'Growth',
    what: `annual report time at ${reportBySize.map((r) => fmt(r.cases)).join(' / ')} cases in the year`,
    ours: reportBySize.map((r) => ms(r.ours.p50)).join(' / '),
    baseline: '',
    ratio:
      reportBySize.length > 1
        ? `${fmt(reportBySize.at(-1)!.ours.p50 / reportBySize.at(-1)!.cases / (reportBySize[0]!.ours.p50 / reportBySize[0]!.cases), 2)}x time per case, largest vs smallest`
        : '',
    bar: 'linear in the year’s cases',
    verdict: 'info',
  });
  if (reportsAtLargest.length > 0) {
    const peakMb = Math.max(...reportsAtLargest.map((r) => r.peakMb));
    const failed = reportsAtLargest.find((r) => r.code !== 0);
    add({
      section: 'Memory',
      what: `heard report annual, ${fmt(SIZES.at(-1)!)} cases in the year: peak RSS of the timed runs above (exit ${failed?.code ?? 0})`,
      ours: `peak RSS ${fmt(peakMb)} MB (the largest of ${reportsAtLargest.length} runs)`,
      baseline: '',
      ratio: '',
      bar: '<= 512 MB',
      verdict: failed ? 'NOT MET' : verdict(peakMb <= 512),
    });
    if (failed) notes.push(`heard report failed: ${failed.stderr.trim().split('\n').slice(-2).join(' ')}`);
  }

  // -- Import vs COPY -----------------------------------------------------------------------------------
  part('import vs COPY');
  log(`import of ${fmt(IMPORT_ROWS)} rows vs COPY`);
  const template = await readSyntheticCouncil(database.db, demo.councilId);
  await database.db
    .insertInto('councils')
    .values([
      { slug: 'bench-import-cli', name: 'Bench Import Council (command line)' },
      { slug: 'bench-copy', name: 'Bench COPY Council' },
    ])
    .execute();
  const councilIds = Object.fromEntries(
    (await database.db.selectFrom('councils').select(['id', 'slug']).where('slug', 'like', 'bench-%').execute()).map((c) => [c.slug, c.id]),
  );
  const csvFile = path.join(tmp, 'import.csv');
  const copyFile = path.join(tmp, 'copy.csv');
  // The same rows twice: as the import file, and as the `cases` rows the import writes (COPY's input).
  const lines = [IMPORT_COLUMNS.join(',')];
  const copyLines: string[] = [];
  for (const item of generateSyntheticCases(
    { ...template, id: councilIds['bench-copy']!, officers: [] },
    { cases: IMPORT_ROWS, seed: 500, years: 3 },
  )) {
    lines.push(toCsvLine(IMPORT_COLUMNS, toImportCells(item.importRow)));
    const cells = Object.fromEntries(Object.entries(item.row).map(([k, v]) => [k, v === null ? '' : String(v)]));
    copyLines.push(toCsvLine(CASE_COPY_COLUMNS, cells));
  }
  writeFileSync(csvFile, `${lines.join('\r\n')}\r\n`);
  writeFileSync(copyFile, `${copyLines.join('\n')}\n`);
  chmodSync(csvFile, 0o644);
  chmodSync(copyFile, 0o644);
  // COPY first (as import-bench.ts does: the same rows into \`cases\`, its indexes and constraints included).
  const copyStart = performance.now();
  await rawClient.query(`copy cases (${CASE_COPY_COLUMNS.join(', ')}) from '${copyFile}' with (format csv)`);
  const copyMs = performance.now() - copyStart;
  // COPY's pages written out before the import starts, as the load's were before COPY: both begin clean.
  await rawClient.query('checkpoint').catch(() => undefined);
  // `heard import` as a person runs it, once: a process of its own, timed by itself (the import,
  // from the first byte read to the commit: its start-up and migration check are not counted, and
  // are shown beside) and measured for peak memory in the same run.
  const importRss = path.join(tmp, 'import.rss');
  const imported = await runToEnd(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'rss-wrapper.ts'), 'import', csvFile, '--council', 'bench-import-cli'],
    {
      cwd: root,
      env: { DATABASE_URL: url, BENCH_RSS_FILE: importRss },
      timeoutMs: 900_000,
    },
  );
  const importPeak = existsSync(importRss) ? Number(readFileSync(importRss, 'utf8')) / 1024 : 0;
  // "imported FILE into COUNCIL: N rows, C cases created, U unchanged (S s, R rows/s)"
  const said = /: (\d+) rows, (\d+) cases created, \d+ unchanged \(([\d.]+) s, (\d+) rows\/s\)/.exec(imported.stdout);
  const importRows = Number(said?.[1] ?? 0);
  const importCreated = Number(said?.[2] ?? 0);
  // The rate has more digits than the seconds: the time from it.
  const importMs = said ? (Number(said[4]) > 0 ? (importRows / Number(said[4])) * 1000 : Number(said[3]) * 1000) : imported.ms;
  const importOk = imported.code === 0 && importCreated === IMPORT_ROWS;
  if (!importOk)
    notes.push(
      `heard import exited ${imported.code}, ${importCreated} cases created: ${(imported.stderr || imported.stdout).trim().split('\n').slice(-3).join(' ')}`,
    );
  add({
    section: 'Import',
    what: `heard import of ${fmt(IMPORT_ROWS)} rows (parse, validate, deadlines by the domain, checks across rows, write cases, themes and import fingerprints), a process of its own`,
    ours: `${fmt(importMs / 1000, 1)} s (${fmt(IMPORT_ROWS / (importMs / 1000))} rows/s); ${fmt(imported.ms / 1000, 1)} s with the process's start-up`,
    baseline: `COPY of the same rows into cases: ${fmt(copyMs / 1000, 2)} s`,
    ratio: `${fmt(importMs / copyMs, 1)}x`,
    bar: '<= 3x COPY',
    verdict: importOk ? verdict(importMs / copyMs <= 3) : 'NOT MET',
  });
  add({
    section: 'Memory',
    what: `heard import of ${fmt(IMPORT_ROWS)} rows: peak RSS of the same run (exit ${imported.code})`,
    ours: `peak RSS ${fmt(importPeak)} MB`,
    baseline: '',
    ratio: '',
    bar: '<= 512 MB',
    verdict: imported.code === 0 ? verdict(importPeak <= 512) : 'NOT MET',
  });

  // -- Memory of the apps under load ----------------------------------------------------------------------
  add({
    section: 'Memory',
    what: 'Heard host process (portal + back-office) under the page loads; largest single process',
    ours: Object.entries(heardPeakRss)
      .map(([k, v]) => `${k}: ${fmt(v)} MB`)
      .join('; '),
    baseline: '',
    ratio: '',
    bar: '<= 300 MB each app process',
    verdict: verdict(Math.max(...Object.values(heardPeakRss)) <= 300),
  });
}

async function pgliteBench(tmp: string, pagesDir: string, cleanups: Array<() => Promise<unknown>>) {
  part('embedded PGlite');
  log(`embedded PGlite: ${PGLITE_SIZES.map((s) => fmt(s)).join(', ')} cases`);
  const dataDir = path.join(tmp, 'pglite');
  const result = await runToEnd(
    process.execPath,
    ['--import', 'tsx', path.join(here, 'pglite-bench.ts'), PGLITE_SIZES.join(','), dataDir],
    { cwd: root, timeoutMs: 1_200_000 },
  );
  if (result.code !== 0) {
    notes.push(`PGlite bench failed: ${result.stderr.trim().split('\n').slice(-3).join(' ')}`);
  } else {
    const figures = JSON.parse(result.stdout.trim().split('\n').pop()!) as Array<{
      size: number;
      added: number;
      loadMs: number;
      tracker: { p50: number; p99: number };
      report: { p50: number };
      reportRaw: { p50: number };
      rssMb: number;
    }>;
    for (const f of figures) {
      add({
        section: 'PGlite',
        what: `embedded PGlite, a council with ${fmt(f.size)} cases in a year: load, tracker first page, annual report`,
        ours: `load ${f.added === f.size ? '' : `of ${fmt(f.added)} more `}${fmt(f.loadMs / 1000, 1)} s (${fmt(f.added / (f.loadMs / 1000))} cases/s); tracker p50 ${ms(f.tracker.p50)} p99 ${ms(f.tracker.p99)}; report ${ms(f.report.p50)}`,
        baseline: `report's raw SQL ${ms(f.reportRaw.p50)}; process RSS ${fmt(f.rssMb)} MB`,
        ratio: `report ${fmt(f.report.p50 / f.reportRaw.p50, 2)}x raw`,
        bar: 'info (compare with PostgreSQL above)',
        verdict: 'info',
      });
    }
  }
  // The portal on PGlite (one process: the embedded database is one session).
  // The demo council first (the portal needs a council), then the host (one process: PGlite is one session).
  await runToEnd(process.execPath, ['--import', 'tsx', cli, 'demo'], { cwd: root, env: { DATABASE_URL: '', HEARD_DATA_DIR: dataDir } });
  const servers = await startHeard({ DATABASE_URL: '', HEARD_DATA_DIR: dataDir, HEARD_DEFAULT_COUNCIL: 'demo' }, 1, { worker: true });
  cleanups.push(() => servers.heard.stop());
  const page = await load(`${servers.portal}/`, { seconds: SECONDS, warmupSeconds: 1 });
  await servers.heard.stop();
  add({
    section: 'PGlite',
    what: 'portal start page on the embedded PGlite (one process)',
    ours: httpFigure(page),
    baseline: '',
    ratio: '',
    bar: 'info',
    verdict: 'info',
  });
  void pagesDir;
}

/** Runs a part of the bench; a failure is written into the table's notes and the rest still runs. */
async function section(name: string, work: () => Promise<void>): Promise<void> {
  try {
    await work();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    log(`${name} stopped: ${message}`);
    notes.push(`${name}: stopped early: ${message.split('\n').slice(0, 4).join(' ').slice(0, 600)}`);
    process.exitCode = 1;
  }
}

function render(machineText: string): string {
  part('end');
  const header = '| section | what | Heard | measured against | ratio | bar | verdict |\n|---|---|---|---|---|---|---|';
  const body = rows
    .map((r) => `| ${[r.section, r.what, r.ours, r.baseline, r.ratio, r.bar, r.verdict].map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)
    .join('\n');
  return [
    `# Heard bench${quick ? ' (--quick)' : ''}`,
    '',
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${fmt((performance.now() - started) / 60000, 1)} minutes.`,
    '',
    '## Machine',
    '',
    machineText,
    '',
    '## Figures (one run, side by side)',
    '',
    header,
    body,
    '',
    ...(notes.length ? ['## Notes', '', ...notes.map((n) => `- ${n}`), ''] : []),
    '## Time by part',
    '',
    parts.map((p) => `${p.name} ${fmt(p.seconds)} s`).join('; '),
    '',
    ...(plans.length ? ['## Query plans (EXPLAIN ANALYZE, largest size)', '', ...plans, ''] : []),
  ].join('\n');
}

await main().catch((error: unknown) => {
  process.stderr.write(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exitCode = 1;
});
process.exit(process.exitCode ?? 0);
