import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SEED_000_TABLES, createTestDatabase, otherTableRows, seed000Rows, toCsv, type TestDatabase } from '@heard/db/testing';
import { runCli } from './run-cli';

type Table = { id: string; title: string; columns: string[]; rows: string[][] };
type Report = { report: string; period: { from: string; to: string; label: string }; asOf: string; tables: Table[] };

const dir = mkdtempSync(path.join(os.tmpdir(), 'heard-cli-report-'));
/**
 * The commands' database: a PostgreSQL database of this file's own when
 * TEST_DATABASE_URL names a server (CI), as for every database test; the
 * embedded PGlite in a folder otherwise. On PGlite each of the file's twenty
 * processes spends about 3 s opening the database.
 */
let server: TestDatabase | undefined;
let env: Record<string, string> = { HEARD_DATA_DIR: path.join(dir, 'data') };
const heard = (...args: string[]) => runCli(args, env, 120_000);
const file = (name: string) => path.join(dir, name);

/** The contract's tables and their columns (contracts.md "Tables of the annual report"). */
const CASE_COLUMNS = ['Corporate Stage 1', 'Children Act Stage 1', 'General enquiry', 'Mayor enquiry', 'Member enquiry', 'MP enquiry', 'Chief Executive enquiry'];
const CONTRACT: [string, string[] | null][] = [
  ['cases-by-year', ['Period', ...CASE_COLUMNS, 'Total']],
  ['cases-by-quarter', ['Period', ...CASE_COLUMNS, 'Total']],
  ['cases-by-month', ['Month', ...CASE_COLUMNS, 'Total']],
  ['on-time-by-quarter', ['Period', ...CASE_COLUMNS]],
  ['on-time-by-division', ['Division', ...CASE_COLUMNS]],
  ['acknowledged-on-time', ['Period', 'Corporate Stage 1', 'Children Act Stage 1']],
  ['stage1-outcomes', ['Outcome', 'Corporate Stage 1', 'Children Act Stage 1', 'Total', '%']],
  ['stage1-other-closures', ['Closure', 'Corporate Stage 1', 'Children Act Stage 1', 'Total']],
  ['stage1-theme-outcome', ['Theme', 'Upheld', 'Partly upheld', 'Not upheld', 'Total']],
  ['service-theme', null],
  ['stage2-requests', ['Period', 'Requests received', 'Accepted for investigation', 'Withdrawn', 'Rejected', 'Resolved by ADR']],
  ['stage2-outcomes', ['Outcome', 'Corporate', 'Children Act', 'Total']],
  ['stage3-requests', ['Period', 'Requests received', 'Accepted', 'Withdrawn', 'Rejected']],
  ['stage3-completed', ['Case Type', 'Service', 'Details', 'Outcome', 'Remedy']],
  ['ombudsman-received', ['Case type', 'Numbers received', 'Service', 'Decision']],
  ['ombudsman-completed', ['Case type', 'Service', 'Details', 'Decision', 'Remedy']],
  ['compliments', ['Period', 'Corporate', 'Statutory', 'Total']],
  ['advocacy', ['Measure', 'Count']],
  ['foi-requests-by-month', ['Month', 'Request', 'Internal review', 'Information Commissioner', 'Total', '%']],
  ['foi-requests-by-year', ['Year', 'Requests', 'Internal reviews', 'Total']],
  ['foi-on-time', ['Period', 'Requests', 'Internal review']],
  ['foi-on-time-by-year', ['Year', 'Performance']],
];

let json: Report;
const byId = (id: string) => json.tables.find((t) => t.id === id)!;

beforeAll(async () => {
  if (process.env.TEST_DATABASE_URL) {
    server = await createTestDatabase();
    env = { DATABASE_URL: server.url! };
  }
  expect((await heard('demo')).code).toBe(0);
  writeFileSync(file('cases.csv'), toCsv([...seed000Rows(), ...otherTableRows()]));
  const imported = await heard('import', file('cases.csv'));
  expect(imported.stderr).toBe('');
  expect(imported.stdout).toMatch(/^imported .*cases\.csv into Demo Borough Council: 386 rows, 386 cases created, 0 unchanged/);
  const report = await heard('report', 'annual', '--year', '2023', '--as-of', '2024-05-31');
  expect(report.code).toBe(0);
  json = JSON.parse(report.stdout) as Report;
}, 300_000);
afterAll(async () => {
  await server?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

describe('heard import then heard report annual --year 2023 --as-of 2024-05-31', { timeout: 300_000 }, () => {
  it('prints every table of the contract, in its shape', () => {
    expect(json.report).toBe('annual');
    expect(json.period).toEqual({ from: '2023-04-01', to: '2024-03-31', label: '2023-2024' });
    expect(json.asOf).toBe('2024-05-31');
    expect(json.tables.map((t) => t.id)).toEqual(CONTRACT.map(([id]) => id));
    for (const [id, columns] of CONTRACT) {
      const table = byId(id);
      if (columns) expect(table.columns, id).toEqual(columns);
      expect(table.title.length).toBeGreaterThan(0);
      for (const row of table.rows) expect(row.length, id).toBe(table.columns.length);
    }
  });

  it("reproduces seed 000's tables 2a, 3, 4 and 5", () => {
    for (const id of ['cases-by-quarter', 'on-time-by-quarter', 'on-time-by-division', 'stage1-outcomes'] as const) {
      expect({ columns: byId(id).columns, rows: byId(id).rows }, id).toEqual(SEED_000_TABLES[id]);
    }
  });

  it('fills the other tables from the imported stages, decisions and outcomes', () => {
    expect(byId('stage2-requests').rows.slice(0, 3)).toEqual([
      ['2023-2024', '5', '2', '1', '1', '1'],
      ['Children Act', '1', '1', '0', '0', '0'],
      ['Corporate', '4', '1', '1', '1', '1'],
    ]);
    expect(byId('stage2-outcomes').rows).toEqual([
      ['Not upheld', '1', '0', '1'],
      ['Partly upheld', '0', '0', '0'],
      ['Upheld', '0', '1', '1'],
      ['Total', '1', '1', '2'],
    ]);
    expect(byId('stage3-requests').rows[0]).toEqual(['2023-2024', '1', '1', '0', '0']);
    expect(byId('stage3-completed').rows).toEqual([
      ['Corporate', 'Integrated SEND Services', 'Delay and fault in completing an education health and care needs assessment', 'Upheld', 'Enforce policy or procedure'],
    ]);
    expect(byId('ombudsman-received').rows).toEqual([
      ['Corporate', '2', 'SEN team', 'To be investigated'],
      ['Total', '2', '', ''],
    ]);
    expect(byId('ombudsman-completed').rows).toEqual([
      ['Corporate', 'Integrated Services & SEND', 'Failure to complete the annual review process following the review meeting.', 'Fault causing injustice', 'Apology; a payment of £150'],
    ]);
    expect(byId('compliments').rows).toEqual([
      ['2023-2024', '1', '1', '2'],
      ['2022-2023', '0', '1', '1'],
      ['2021-2022', '0', '0', '0'],
    ]);
    expect(byId('advocacy').rows).toEqual([['Young people supported by an advocate to make a complaint', '1']]);
    expect(byId('foi-requests-by-month').rows[0]).toEqual(['April 2023', '2', '0', '0', '2', '50%']);
    expect(byId('foi-requests-by-month').rows.at(-1)).toEqual(['Total', '2', '1', '1', '4', '']);
    expect(byId('foi-requests-by-year').rows).toEqual([
      ['2022-2023', '1', '0', '1'],
      ['2021-2022', '0', '0', '0'],
    ]);
    expect(byId('foi-on-time').rows).toEqual([
      ['Total for the year', '50% (1/2)', '100% (1/1)'],
      ['Q1', '50% (1/2)', '100% (1/1)'],
      ['Q2', '0', '0'],
      ['Q3', '0', '0'],
      ['Q4', '0', '0'],
    ]);
    expect(byId('foi-on-time-by-year').rows).toEqual([
      ['2022-2023', '100% (1/1)'],
      ['2021-2022', '0'],
    ]);
    expect(byId('cases-by-year').rows.map((r) => r.at(-1))).toEqual(['368', '1', '0']);
  });

  it('importing the same file again changes nothing', async () => {
    const again = await heard('import', file('cases.csv'));
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/386 rows, 0 cases created, 386 unchanged/);
    const report = await heard('report', 'annual', '--year', '2023', '--as-of', '2024-05-31');
    expect(JSON.parse(report.stdout)).toEqual(json);
  });

  it('refuses a malformed file with every problem on its own line, and imports nothing', async () => {
    writeFileSync(file('bad.csv'), 'reference,type,stage,received_on\nN-1,complaint,1,2023-04-03\nN-2,corporate_complaint,1,2023-04-31\n');
    const result = await heard('import', file('bad.csv'));
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toEqual([
      'line 2: column type: must be one of: children_act_complaint, corporate_complaint, general_enquiry, member_enquiry, mp_enquiry, mayor_enquiry, chief_executive_enquiry, compliment, foi_request',
      'line 3: column received_on: Enter a real date in the format YYYY-MM-DD, like 2024-03-29',
      `heard import: 2 problems in ${file('bad.csv')}; nothing was imported`,
    ]);
    const report = await heard('report', 'annual', '--year', '2023', '--as-of', '2024-05-31');
    expect(JSON.parse(report.stdout)).toEqual(json);
  });
});

describe('every format carries the same cell strings as json', { timeout: 300_000 }, () => {
  const expectSameTables = (tables: { id: string; columns: string[]; rows: string[][] }[]) => {
    expect(tables).toEqual(json.tables.map((t) => ({ id: t.id, columns: t.columns, rows: t.rows })));
  };

  it('csv', async () => {
    expect((await heard('report', 'annual', '--year', '2023', '--as-of', '2024-05-31', '--format', 'csv', '--out', file('report.csv'))).code).toBe(0);
    const records = parse(readFileSync(file('report.csv')), { relax_column_count: true }) as string[][];
    const tables: { id: string; columns: string[]; rows: string[][] }[] = [];
    for (let i = 0; i < records.length; ) {
      const [id] = records[i]!;
      const columns = records[i + 1]!;
      const rows: string[][] = [];
      i += 2;
      while (i < records.length && !(records[i]!.length === 1 && records[i]![0] === '')) rows.push(records[i++]!);
      i += 1;
      tables.push({ id: id!, columns, rows });
    }
    expectSameTables(tables);
  });

  it('xlsx: one sheet per table, plain counts as numbers', async () => {
    expect((await heard('report', 'annual', '--year', '2023', '--as-of', '2024-05-31', '--format', 'xlsx', '--out', file('report.xlsx'))).code).toBe(0);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file('report.xlsx'));
    const tables = workbook.worksheets.map((sheet) => {
      const values = (rowNumber: number, width: number) => Array.from({ length: width }, (_, i) => sheet.getRow(rowNumber).getCell(i + 1).value);
      const source = json.tables.find((t) => t.id === sheet.name)!;
      const width = source.columns.length;
      const rows = Array.from({ length: sheet.rowCount - 2 }, (_, r) => values(r + 3, width));
      for (const [r, row] of rows.entries()) for (const [c, value] of row.entries()) expect(typeof value, `${sheet.name} ${r},${c}`).toBe(/^\d+$/.test(source.rows[r]![c]!) ? 'number' : 'string');
      return { id: sheet.name, columns: values(2, width).map(String), rows: rows.map((row) => row.map((v) => (v === null ? '' : String(v)))) };
    });
    expectSameTables(tables);
  });

  it('html: the sections of the seed report, each table with its caption', async () => {
    expect((await heard('report', 'annual', '--year', '2023', '--as-of', '2024-05-31', '--format', 'html', '--out', file('report.html'))).code).toBe(0);
    const html = readFileSync(file('report.html'), 'utf8');
    const text = (s: string) => s.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
    const tables = [...html.matchAll(/<table id="([^"]+)">([\s\S]*?)<\/table>/g)].map(([, id, body]) => {
      const rowsOf = (part: string) => [...part.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map(([, tr]) => [...tr!.matchAll(/<t[hd][^>]*>([\s\S]*?)<\/t[hd]>/g)].map(([, cell]) => text(cell!)));
      const head = /<thead>([\s\S]*?)<\/thead>/.exec(body!)![1]!;
      const rows = /<tbody>([\s\S]*?)<\/tbody>/.exec(body!)![1]!;
      return { id: id!, columns: rowsOf(head)[0]!, rows: rowsOf(rows) };
    });
    const order = ['cases-by-year', 'cases-by-quarter', 'cases-by-month', 'compliments', 'on-time-by-quarter'];
    expect(tables.slice(0, 5).map((t) => t.id)).toEqual(order);
    tables.sort((a, b) => CONTRACT.findIndex(([id]) => id === a.id) - CONTRACT.findIndex(([id]) => id === b.id));
    expectSameTables(tables);
    expect([...html.matchAll(/<h2>([^<]+)<\/h2>/g)].map((m) => m[1])).toEqual([
      '1. Summary',
      '2. Stage 1 complaints and enquiries',
      '3. Stage 2 complaints',
      '4. Stage 3 complaints',
      '5. Local Government and Social Care Ombudsman',
      '6. Independent advocacy',
      '7. Freedom of Information requests',
    ]);
  });

  it('pdf: printed by Chromium, with every cell in its text', async () => {
    expect((await heard('report', 'annual', '--year', '2023', '--as-of', '2024-05-31', '--format', 'pdf', '--out', file('report.pdf'))).code).toBe(0);
    const bytes = readFileSync(file('report.pdf'));
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
    const document = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: true }).promise;
    let text = '';
    for (let page = 1; page <= document.numPages; page += 1) {
      const content = await (await document.getPage(page)).getTextContent();
      text += content.items.map((item) => ('str' in item ? item.str : '')).join('\n') + '\n';
    }
    const squash = (s: string) => s.replace(/\s+/g, '');
    const all = squash(text);
    for (const table of json.tables) {
      expect(all, table.title).toContain(squash(table.title));
      for (const row of table.rows) expect(all, `${table.id}: ${row.join(' | ')}`).toContain(squash(row.join('')));
    }
  });
});

describe('heard report refuses bad options in one line', { timeout: 300_000 }, () => {
  const refused = async (args: string[], pattern: RegExp) => {
    const result = await heard(...args);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(pattern);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  };
  it('without a year, with a bad quarter, date or format', async () => {
    await refused(['report', 'annual'], /^heard report: --year: give the year/);
    await refused(['report', 'quarterly', '--year', '2023', '--quarter', '5'], /^heard report: --quarter: give 1, 2, 3 or 4/);
    await refused(['report', 'annual', '--year', '2023', '--as-of', '2024-02-30'], /^heard report: --as-of: 2024-02-30 is not a date/);
    await refused(['report', 'annual', '--year', '2023', '--format', 'docx'], /^heard report: --format: choose one of json, csv, xlsx, html, pdf/);
    await refused(['report', 'annual', '--year', '2023', '--council', 'nowhere'], /^heard report: --council: no council "nowhere"; councils here: demo/);
    await refused(['import', file('missing.csv')], /^heard import: cannot read .*missing\.csv: no such file/);
  }, 600_000);

  it('the quarterly report has the same tables for one quarter', async () => {
    const result = await heard('report', 'quarterly', '--year', '2023', '--quarter', '1', '--as-of', '2024-05-31');
    const quarterly = JSON.parse(result.stdout) as Report;
    expect(quarterly.period).toEqual({ from: '2023-04-01', to: '2023-06-30', label: 'Q1 2023-2024' });
    expect(quarterly.tables.map((t) => t.id)).toEqual(CONTRACT.map(([id]) => id));
    expect(quarterly.tables.find((t) => t.id === 'cases-by-quarter')!.rows).toEqual([
      ['Q1', '15', '22', '5', '3', '15', '22', '1', '83'],
      ['Total', '15', '22', '5', '3', '15', '22', '1', '83'],
    ]);
    expect(quarterly.tables.find((t) => t.id === 'cases-by-month')!.rows.map((r) => r[0])).toEqual(['April', 'May', 'June', 'Total']);
  }, 300_000);
});
