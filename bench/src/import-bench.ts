/**
 * `heard import` of 100,000 rows against PostgreSQL's COPY of the same rows
 * into `cases` (quality.md: <= 3x), with the import's peak RSS (<= 512 MB
 * whatever the file's size: it is streamed). The import runs in a child
 * process of its own, so its peak RSS is its own.
 *
 *   node --import tsx bench/src/import-bench.ts [--rows 100000]
 *
 * PostgreSQL: BENCH_POSTGRES_URL, else postgres://postgres@127.0.0.1:5432/postgres
 * (the server must be on this machine: COPY reads the file server-side).
 * A database of its own is created and dropped. Figures only, not a test.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, createWriteStream, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';

const { values } = parseArgs({ options: { rows: { type: 'string' }, child: { type: 'string' } }, strict: true, allowPositionals: true });
const ROWS = Number(values.rows ?? 100_000);
const SERVER = process.env.BENCH_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const TYPES = ['corporate_complaint', 'children_act_complaint', 'mp_enquiry', 'member_enquiry', 'general_enquiry', 'compliment', 'foi_request'] as const;

function row(i: number) {
  const type = TYPES[i % TYPES.length]!;
  const day = new Date(Date.UTC(2023, 3, 1 + (i % 360)));
  const received = day.toISOString().slice(0, 10);
  const responded = new Date(day.getTime() + ((i % 20) + 1) * 86_400_000).toISOString().slice(0, 10);
  const stage = type.endsWith('complaint') ? '1' : type === 'foi_request' ? 'request' : '';
  const framework = type.endsWith('enquiry') || type === 'compliment' ? (i % 2 ? 'corporate' : 'statutory') : '';
  const outcome = type.endsWith('complaint') ? ['upheld', 'partly_upheld', 'not_upheld'][i % 3]! : type === 'foi_request' ? 'provided' : '';
  return { reference: `IMP-${i}`, type, stage, received, responded, framework, outcome, division: `Division ${i % 4}`, service: `Service ${i % 12}`, theme: `Theme ${i % 7}` };
}

async function writeFiles(dir: string) {
  const importFile = path.join(dir, 'cases.csv');
  const copyFile = path.join(dir, 'copy.csv');
  const a = createWriteStream(importFile);
  const b = createWriteStream(copyFile);
  a.write('reference,type,stage,received_on,framework,division,service,theme,responded_on,outcome,details\n');
  for (let i = 1; i <= ROWS; i += 1) {
    const r = row(i);
    const details = `Imported case ${i}, "quoted" text`;
    const line = `${r.reference},${r.type},${r.stage},${r.received},${r.framework},${r.division},${r.service},${r.theme},${r.responded},${r.outcome},"${details.replace(/"/g, '""')}"\n`;
    if (!a.write(line)) await new Promise<void>((resolve) => a.once('drain', () => resolve()));
    // The same rows as `cases` columns (council added by COPY's default below).
    const copyLine = `${r.reference},${r.type},${r.framework || (r.type === 'children_act_complaint' ? 'statutory' : r.type === 'foi_request' ? 'foi' : 'corporate')},${r.stage},responded,${r.received},${r.received},${r.responded},${r.outcome},"${details.replace(/"/g, '""')}"\n`;
    if (!b.write(copyLine)) await new Promise<void>((resolve) => b.once('drain', () => resolve()));
  }
  await Promise.all([new Promise<void>((resolve) => a.end(() => resolve())), new Promise<void>((resolve) => b.end(() => resolve()))]);
  return { importFile, copyFile };
}

async function child(url: string, file: string) {
  const { createReadStream } = await import('node:fs');
  const { importCases, openDatabase } = await import('@heard/db');
  const database = await openDatabase({ databaseUrl: url, poolSize: 2 });
  const council = await database.db.insertInto('councils').values({ slug: `imp-${process.pid}`, name: 'Import bench' }).returning('id').executeTakeFirstOrThrow();
  const t = performance.now();
  const result = await importCases(database, { councilId: council.id, source: createReadStream(file, { highWaterMark: 256 * 1024 }), today: '2026-11-24' });
  const ms = performance.now() - t;
  await database.close();
  process.stdout.write(JSON.stringify({ ms, created: result.created, errors: result.errors.length, maxRssKb: process.resourceUsage().maxRSS }));
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'heard-import-bench-'));
  chmodSync(dir, 0o755);
  const name = `heard_import_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: SERVER });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  try {
    const { importFile, copyFile } = await writeFiles(dir);
    chmodSync(copyFile, 0o644);
    const { migrateToLatest, openDatabase } = await import('@heard/db');
    const setup = await openDatabase({ databaseUrl: url.toString(), poolSize: 1 });
    await migrateToLatest(setup);
    await setup.close();

    const script = fileURLToPath(import.meta.url);
    const result = spawnSync(process.execPath, ['--import', 'tsx', script, '--child', url.toString(), '--rows', String(ROWS), importFile], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (result.status !== 0) throw new Error(result.stderr);
    const imported = JSON.parse(result.stdout) as { ms: number; created: number; errors: number; maxRssKb: number };

    const client = new pg.Client({ connectionString: url.toString() });
    await client.connect();
    const council = await client.query<{ id: string }>(`insert into councils (slug, name) values ('copy-bench', 'COPY bench') returning id`);
    await client.query(`alter table cases alter column council_id set default '${council.rows[0]!.id}'`);
    const t = performance.now();
    await client.query(`copy cases (reference, type, framework, stage, status, received_on, due_on, responded_on, outcome, details) from '${copyFile}' with (format csv)`);
    const copyMs = performance.now() - t;
    await client.query('alter table cases alter column council_id drop default');
    await client.end();

    const size = statSync(importFile).size;
    const lines = [
      `| rows | file | heard import | COPY into cases | ratio (bar <= 3x) | import peak RSS (bar <= 512 MB) |`,
      `|---|---|---|---|---|---|`,
      `| ${ROWS.toLocaleString('en-GB')} (${imported.created.toLocaleString('en-GB')} created, ${imported.errors} errors) | ${(size / 1024 / 1024).toFixed(1)} MB | ${(imported.ms / 1000).toFixed(2)} s (${Math.round((ROWS * 1000) / imported.ms).toLocaleString('en-GB')} rows/s) | ${(copyMs / 1000).toFixed(2)} s | ${(imported.ms / copyMs).toFixed(2)}x | ${Math.round(imported.maxRssKb / 1024)} MB |`,
    ];
    console.log(lines.join('\n'));
    writeFileSync(path.join(dir, 'result.md'), lines.join('\n'));
  } finally {
    const cleanup = new pg.Client({ connectionString: SERVER });
    await cleanup.connect();
    await cleanup.query(`drop database if exists ${name} with (force)`);
    await cleanup.end();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (values.child) {
  const file = process.argv.at(-1)!;
  await child(values.child, file);
} else {
  await main();
}
