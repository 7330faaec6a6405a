import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { classifyTimeliness, type ReportTable } from '@heard/domain';
import { createCouncil, createTestDatabase, type TestDatabase } from '../testing/index';
import { importCases } from './import-cases';
import { reportRepository } from './report-repository';
import { SEED_000_COMPUTED, SEED_000_TABLES, seed000Rows, toCsv, type CsvRow } from './report-test-data';

let database: TestDatabase;

beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

async function load(councilId: string, rows: CsvRow[]) {
  const result = await importCases(database, { councilId, source: Readable.from([toCsv(rows)]), today: '2024-06-30' });
  expect(result.errors).toEqual([]);
  return result;
}

function table(tables: ReportTable[], id: string) {
  const found = tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return { columns: found.columns, rows: found.rows };
}

describe('the annual report reproduces seed 000 (2023-2024)', () => {
  let tables: ReportTable[];
  let councilId: string;
  beforeAll(async () => {
    const council = await createCouncil(database);
    councilId = council.id;
    await load(councilId, seed000Rows());
    const built = await reportRepository(database.db).build(councilId, { kind: 'annual', year: 2023 }, '2024-05-31');
    tables = built.report.tables;
  });

  it('has the hand-written cells right (a check on the test data itself)', () => {
    expect(SEED_000_TABLES['on-time-by-quarter'].rows.map((r) => r.slice(1))).toEqual(SEED_000_COMPUTED.onTimeByQuarter);
    expect(SEED_000_TABLES['on-time-by-division'].rows.map((r) => r.slice(1))).toEqual(SEED_000_COMPUTED.onTimeByDivision);
  });

  it('Table 2a: cases by quarter', () => {
    expect(table(tables, 'cases-by-quarter')).toEqual(SEED_000_TABLES['cases-by-quarter']);
  });

  it('Table 3: on time by quarter (floor: 22/33 is 66%; the seed prints 67% for 2/5 in Q4, the contract says 40%)', () => {
    expect(table(tables, 'on-time-by-quarter')).toEqual(SEED_000_TABLES['on-time-by-quarter']);
  });

  it('Table 4: on time by division, A-Z', () => {
    expect(table(tables, 'on-time-by-division')).toEqual(SEED_000_TABLES['on-time-by-division']);
  });

  it('Table 5: Stage 1 outcomes with round-half-up shares', () => {
    expect(table(tables, 'stage1-outcomes')).toEqual(SEED_000_TABLES['stage1-outcomes']);
  });

  it('has every table of the contract, in order, every cell a string', () => {
    expect(tables.map((t) => t.id)).toEqual([
      'cases-by-year', 'cases-by-quarter', 'cases-by-month', 'on-time-by-quarter', 'on-time-by-division', 'acknowledged-on-time',
      'stage1-outcomes', 'stage1-other-closures', 'stage1-theme-outcome', 'service-theme', 'stage2-requests', 'stage2-outcomes',
      'stage3-requests', 'stage3-completed', 'ombudsman-received', 'ombudsman-completed', 'compliments', 'advocacy',
      'foi-requests-by-month', 'foi-requests-by-year', 'foi-on-time', 'foi-on-time-by-year',
    ]);
    for (const t of tables) for (const row of t.rows) {
      expect(row).toHaveLength(t.columns.length);
      for (const cell of row) expect(typeof cell).toBe('string');
    }
    expect(table(tables, 'cases-by-year').rows[0]).toEqual(['2023-2024', '93', '100', '17', '12', '47', '96', '3', '368']);
    expect(table(tables, 'cases-by-year').rows.map((r) => r[0])).toEqual(['2023-2024', '2022-2023', '2021-2022']);
    expect(table(tables, 'stage1-other-closures').rows).toEqual([
      ['Local resolution', '16', '1', '17'],
      ['Withdrawn', '0', '0', '0'],
      ['Out of remit', '0', '0', '0'],
    ]);
  });

  it('every number of the drill-down lists exactly the cases it counts', async () => {
    const repository = reportRepository(database.db);
    const built = await repository.build(councilId, { kind: 'annual', year: 2023 }, '2024-05-31');
    let checked = 0;
    for (const t of built.report.tables) {
      const queries = built.drillDown[t.id]!;
      for (const [r, row] of t.rows.entries()) {
        for (const [c, cell] of row.entries()) {
          const query = queries[r]?.[c];
          if (!query) continue;
          const expected = /^\d+$/.test(cell) ? Number(cell) : /\((\d+)\/(\d+)\)$/.exec(cell) ? Number(/\((\d+)\/(\d+)\)$/.exec(cell)![2]) : 0;
          const listed = await repository.listCases(councilId, query, '2024-05-31', 1000);
          expect(listed.total, `${t.id} row ${r} column ${c}`).toBe(expected);
          const k = /\((\d+)\//.exec(cell);
          if (k) expect(listed.cases.filter((x) => x.timeliness === 'on_time').length).toBe(Number(k[1]));
          checked += 1;
        }
      }
    }
    expect(checked).toBeGreaterThan(150);
  });
});

describe('hand-checked deadlines', () => {
  const report = async (councilId: string, asOf: string) => (await reportRepository(database.db).build(councilId, { kind: 'annual', year: 2023 }, asOf)).report.tables;

  it('answered on its deadline across Easter is on time; the next working day is late', async () => {
    const { id } = await createCouncil(database);
    // Received Wednesday 5 April 2023; Good Friday and Easter Monday skipped: day 10 is Friday 21 April.
    await load(id, [
      { reference: 'E-1', type: 'corporate_complaint', stage: '1', received_on: '2023-04-05', responded_on: '2023-04-21', outcome: 'upheld' },
      { reference: 'E-2', type: 'corporate_complaint', stage: '1', received_on: '2023-04-05', responded_on: '2023-04-24', outcome: 'upheld' },
    ]);
    const due = await database.db.selectFrom('cases').select(['reference', 'due_on', 'acknowledgement_due_on']).where('council_id', '=', id).orderBy('reference').execute();
    // Acknowledgement in 3 working days: 6, 11, 12 April.
    expect(due).toEqual([
      { reference: 'E-1', due_on: '2023-04-21', acknowledgement_due_on: '2023-04-12' },
      { reference: 'E-2', due_on: '2023-04-21', acknowledgement_due_on: '2023-04-12' },
    ]);
    expect(table(await report(id, '2024-05-31'), 'on-time-by-quarter').rows[0]![1]).toBe('50% (1/2)');
  });

  it('a complex Children Act complaint has 20 working days', async () => {
    const { id } = await createCouncil(database);
    // Received Thursday 1 June 2023: 10 working days is 15 June, 20 is 29 June.
    await load(id, [
      { reference: 'C-1', type: 'children_act_complaint', stage: '1', received_on: '2023-06-01', complex: 'true', responded_on: '2023-06-29', outcome: 'not_upheld' },
      { reference: 'C-2', type: 'children_act_complaint', stage: '1', received_on: '2023-06-01', complex: 'false', responded_on: '2023-06-29', outcome: 'not_upheld' },
    ]);
    const due = await database.db.selectFrom('cases').select(['reference', 'due_on']).where('council_id', '=', id).orderBy('reference').execute();
    expect(due.map((d) => d.due_on)).toEqual(['2023-06-29', '2023-06-15']);
    expect(table(await report(id, '2024-05-31'), 'on-time-by-quarter').rows[0]![2]).toBe('50% (1/2)');
  });

  it("an FOI deadline skips St Andrew's Day (Scotland only): 20 working days on the all-UK calendar", async () => {
    const { id } = await createCouncil(database);
    // Received Thursday 23 November 2023: England and Wales would give 21 December; FOIA s.10(6) gives 22 December.
    await load(id, [
      { reference: 'F-1', type: 'foi_request', stage: 'request', received_on: '2023-11-23', responded_on: '2023-12-22', outcome: 'provided' },
      { reference: 'F-2', type: 'foi_request', stage: 'request', received_on: '2023-11-23', responded_on: '2023-12-27', outcome: 'provided' },
      { reference: 'F-3', type: 'foi_request', stage: 'request', received_on: '2023-11-23', responded_on: '2023-12-22', outcome: 'provided' },
    ]);
    const due = await database.db.selectFrom('cases').select('due_on').where('council_id', '=', id).execute();
    expect(new Set(due.map((d) => d.due_on))).toEqual(new Set(['2023-12-22']));
    const tables = await report(id, '2024-05-31');
    // 2 of 3 on time: 66.67% rounds half up to 67% for FOI.
    expect(table(tables, 'foi-on-time').rows).toEqual([
      ['Total for the year', '67% (2/3)', '0'],
      ['Q1', '0', '0'],
      ['Q2', '0', '0'],
      ['Q3', '67% (2/3)', '0'],
      ['Q4', '0', '0'],
    ]);
    expect(table(tables, 'foi-requests-by-month').rows[7]).toEqual(['November 2023', '3', '0', '0', '3', '100%']);
  });

  it('an open case is left out until its deadline has passed as of asOf; an answer after asOf is not known yet', async () => {
    const { id } = await createCouncil(database);
    // Received Friday 1 March 2024: due Friday 15 March.
    await load(id, [
      { reference: 'O-1', type: 'mp_enquiry', received_on: '2024-03-01', framework: 'corporate' },
      { reference: 'O-2', type: 'mp_enquiry', received_on: '2024-03-01', framework: 'corporate', responded_on: '2024-03-14' },
    ]);
    const cell = async (asOf: string) => table(await report(id, asOf), 'on-time-by-quarter').rows[3]![6];
    expect(await cell('2024-03-13')).toBe('0');
    expect(await cell('2024-03-14')).toBe('100% (1/1)');
    expect(await cell('2024-03-15')).toBe('100% (1/1)');
    expect(await cell('2024-03-16')).toBe('50% (1/2)');
    expect(await cell('2024-05-31')).toBe('50% (1/2)');
    // As the domain classifies them.
    expect(classifyTimeliness({ dueOn: '2024-03-15', answeredOn: null, asOf: '2024-03-15' })).toBe('not_yet_due');
    expect(classifyTimeliness({ dueOn: '2024-03-15', answeredOn: null, asOf: '2024-03-16' })).toBe('late');
    // A case received after asOf does not exist yet.
    expect(table(await report(id, '2024-02-29'), 'cases-by-quarter').rows[3]![6]).toBe('0');
    expect(table(await report(id, '2024-03-01'), 'cases-by-quarter').rows[3]![6]).toBe('2');
  });
});
