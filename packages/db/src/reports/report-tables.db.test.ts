import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseType, IsoDate, ReportTable, Stage } from '@heard/domain';
import { createCouncil, createTestDatabase, type TestDatabase } from '../testing/index';
import { reportRepository } from './report-repository';

/**
 * "Correct for any data, not only the seed": small hand-built councils whose
 * report tables are worked out by hand from contracts.md ("Shared
 * definitions", "Tables of the annual report") and asserted whole, columns
 * and rows. Cases are written straight into `cases` with their deadlines, so
 * each expected cell follows from the dates in the fixture alone. Every
 * council reports on 2023-2024 (1 April 2023 to 31 March 2024), with boundary
 * dates (31 March / 1 April, quarter ends) and answers after `asOf`.
 */
let database: TestDatabase;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(async () => {
  await database?.destroy();
});

const CASE_COLUMNS = ['Corporate Stage 1', 'Children Act Stage 1', 'General enquiry', 'Mayor enquiry', 'Member enquiry', 'MP enquiry', 'Chief Executive enquiry'];
const YEAR = { kind: 'annual', year: 2023 } as const;

type CaseSpec = {
  reference: string;
  type: CaseType;
  /** Defaults: `1` for complaints, none for enquiries. */
  stage?: Stage | null;
  received: IsoDate;
  due?: IsoDate;
  responded?: IsoDate;
  closed?: IsoDate;
  outcome?: string;
  decision?: string;
  division?: string;
  service?: string;
  themes?: string[];
};

type ReferenceData = {
  divisions?: string[];
  services?: { name: string; division?: string }[];
  themes?: { name: string; active?: boolean }[];
};

/** A council of its own with the reference data and cases given; returns its id. */
async function makeCouncil(reference: ReferenceData, cases: CaseSpec[]): Promise<string> {
  const { id: councilId } = await createCouncil(database);
  const db = database.db;
  const ids = { divisions: new Map<string, string>(), services: new Map<string, string>(), themes: new Map<string, string>() };
  const lookup = (map: Map<string, string>, name: string) => {
    const found = map.get(name);
    if (found === undefined) throw new Error(`unknown reference name ${name}`);
    return found;
  };
  for (const name of reference.divisions ?? []) {
    const row = await db.insertInto('divisions').values({ council_id: councilId, name }).returning('id').executeTakeFirstOrThrow();
    ids.divisions.set(name, row.id);
  }
  for (const service of reference.services ?? []) {
    const divisionId = service.division === undefined ? null : lookup(ids.divisions, service.division);
    const row = await db.insertInto('services').values({ council_id: councilId, name: service.name, division_id: divisionId }).returning('id').executeTakeFirstOrThrow();
    ids.services.set(service.name, row.id);
  }
  for (const theme of reference.themes ?? []) {
    const row = await db.insertInto('themes').values({ council_id: councilId, name: theme.name, active: theme.active ?? true }).returning('id').executeTakeFirstOrThrow();
    ids.themes.set(theme.name, row.id);
  }
  if (cases.length === 0) return councilId;
  const inserted = await db
    .insertInto('cases')
    .values(
      cases.map((c) => ({
        council_id: councilId,
        reference: c.reference,
        type: c.type,
        framework: c.type === 'children_act_complaint' ? 'statutory' : c.type === 'foi_request' ? 'foi' : 'corporate',
        stage: c.stage !== undefined ? c.stage : c.type.endsWith('_complaint') ? '1' : c.type === 'foi_request' ? 'request' : null,
        received_on: c.received,
        due_on: c.due ?? null,
        responded_on: c.responded ?? null,
        closed_on: c.closed ?? null,
        outcome: c.outcome ?? null,
        decision: c.decision ?? null,
        division_id: c.division === undefined ? null : lookup(ids.divisions, c.division),
        service_id: c.service === undefined ? null : lookup(ids.services, c.service),
      })),
    )
    .returning(['id', 'reference'])
    .execute();
  const caseIds = new Map(inserted.map((r) => [r.reference, r.id]));
  const themeRows = cases.flatMap((c) => (c.themes ?? []).map((theme) => ({ council_id: councilId, case_id: caseIds.get(c.reference)!, theme_id: lookup(ids.themes, theme) })));
  if (themeRows.length > 0) await db.insertInto('case_themes').values(themeRows).execute();
  return councilId;
}

async function reportTables(councilId: string, asOf: IsoDate): Promise<ReportTable[]> {
  return (await reportRepository(database.db).build(councilId, YEAR, asOf)).report.tables;
}

/**
 * Every figure of the report with a drill-down lists exactly the cases it
 * counts: a count cell its number, a timeliness cell its n (and k on time).
 */
async function expectDrillDownsToMatch(councilId: string, asOf: IsoDate, tableIds: string[]): Promise<void> {
  const repository = reportRepository(database.db);
  const built = await repository.build(councilId, YEAR, asOf);
  let checked = 0;
  for (const t of built.report.tables.filter((x) => tableIds.includes(x.id))) {
    for (const [r, row] of t.rows.entries()) {
      for (const [c, cell] of row.entries()) {
        const query = built.drillDown[t.id]?.[r]?.[c];
        if (!query) continue;
        const timeliness = /\((\d+)\/(\d+)\)$/.exec(cell);
        const listed = await repository.listCases(councilId, query, asOf, 1000);
        expect(listed.total, `${t.id} row ${r} column ${c}`).toBe(timeliness ? Number(timeliness[2]) : Number(cell));
        if (timeliness) expect(listed.cases.filter((x) => x.timeliness === 'on_time').length, `${t.id} row ${r} column ${c}`).toBe(Number(timeliness[1]));
        checked += 1;
      }
    }
  }
  expect(checked).toBeGreaterThan(0);
}

function table(tables: ReportTable[], id: string): { columns: string[]; rows: string[][] } {
  const found = tables.find((t) => t.id === id);
  if (!found) throw new Error(`no table ${id}`);
  return { columns: found.columns, rows: found.rows };
}

describe('Stage 1 receipts and timeliness (asOf 2024-04-30)', () => {
  /*
   * Each case: its column, when received (quarter, month), and how it counts
   * in a timeliness table as of 2024-04-30 (on time: answered on or before
   * the deadline; late; out: not yet due and not answered, or no deadline).
   */
  const cases: CaseSpec[] = [
    // A1 corporate, Q1 April (first day of the year): answered on the deadline, on time.
    { reference: 'A1', type: 'corporate_complaint', received: '2023-04-01', due: '2023-04-14', responded: '2023-04-14', division: 'Zoo Services' },
    // A2 corporate, Q1 June (last day of Q1): answered the next working day, late.
    { reference: 'A2', type: 'corporate_complaint', received: '2023-06-30', due: '2023-07-14', responded: '2023-07-17', division: 'Adult Care' },
    // A3 corporate, Q2 July (first day of Q2): closed (withdrawn) before the deadline, on time.
    { reference: 'A3', type: 'corporate_complaint', received: '2023-07-01', due: '2023-07-14', closed: '2023-07-10', division: 'Adult Care' },
    // A17 corporate, Q2 August: on time.
    { reference: 'A17', type: 'corporate_complaint', received: '2023-08-01', due: '2023-08-15', responded: '2023-08-15', division: 'Adult Care' },
    // A18 corporate, Q2 September: late.
    { reference: 'A18', type: 'corporate_complaint', received: '2023-09-01', due: '2023-09-15', responded: '2023-09-20', division: 'Zoo Services' },
    // A4 Children Act, Q2 September (last day of Q2): never answered, due before asOf: late. Its division is its service's.
    { reference: 'A4', type: 'children_act_complaint', received: '2023-09-30', due: '2023-10-13', service: 'Parking' },
    // A5 Children Act, Q3 October (first day of Q3): on time.
    { reference: 'A5', type: 'children_act_complaint', received: '2023-10-01', due: '2023-10-13', responded: '2023-10-12', division: 'Bins and Streets' },
    // A6 Children Act, Q3 December (last day of Q3): on time.
    { reference: 'A6', type: 'children_act_complaint', received: '2023-12-31', due: '2024-01-15', responded: '2024-01-15', division: 'Zoo Services' },
    // A7 general enquiry, Q4 January (first day of Q4): late.
    { reference: 'A7', type: 'general_enquiry', received: '2024-01-01', due: '2024-01-15', responded: '2024-01-16', division: 'Adult Care' },
    // A19 general enquiry, Q4 March: not yet due as of asOf, not answered: out (but Highways has such a case).
    { reference: 'A19', type: 'general_enquiry', received: '2024-03-30', due: '2024-05-15', division: 'Highways' },
    // A12 Mayor enquiry, Q2 August: no deadline: out. No division.
    { reference: 'A12', type: 'mayor_enquiry', received: '2023-08-15' },
    // A14 Member enquiry, Q4 February (leap day): late.
    { reference: 'A14', type: 'member_enquiry', received: '2024-02-29', due: '2024-03-14', responded: '2024-03-20', division: 'Adult Care' },
    // A8 MP enquiry, Q4 March (last day of the year): due before asOf, answered after it: late.
    { reference: 'A8', type: 'mp_enquiry', received: '2024-03-31', due: '2024-04-15', responded: '2024-05-02', division: 'Zoo Services' },
    // A9 MP enquiry, Q4 March: not yet due, not answered: out.
    { reference: 'A9', type: 'mp_enquiry', received: '2024-03-28', due: '2024-05-10', division: 'Bins and Streets' },
    // A10 MP enquiry, Q4 March: not yet due, answered (on time) only after asOf: out.
    { reference: 'A10', type: 'mp_enquiry', received: '2024-03-29', due: '2024-05-10', responded: '2024-05-03', division: 'Zoo Services' },
    // A11 MP enquiry, Q4 March: on time.
    { reference: 'A11', type: 'mp_enquiry', received: '2024-03-01', due: '2024-03-15', responded: '2024-03-15', division: 'Zoo Services' },
    // A13 Chief Executive enquiry, Q3 November: on time. No division.
    { reference: 'A13', type: 'chief_executive_enquiry', received: '2023-11-20', due: '2023-12-04', responded: '2023-11-21' },

    // Not a case column: a Stage 2 complaint and an FOI request (their divisions are not listed).
    { reference: 'X1', type: 'corporate_complaint', stage: '2', received: '2023-05-05', due: '2023-06-30', responded: '2023-06-01', division: 'Kennels' },
    { reference: 'X2', type: 'foi_request', received: '2023-05-05', due: '2023-06-02', responded: '2023-06-01', division: 'Libraries' },
    // Outside the year: 1 April 2024 is next year's; 31 March 2023 last year's.
    { reference: 'A15', type: 'corporate_complaint', received: '2024-04-01', due: '2024-04-15', division: 'Outer Division' },
    { reference: 'P3', type: 'corporate_complaint', received: '2023-03-31', due: '2023-04-14', responded: '2023-04-03', division: 'Old Division' },
    { reference: 'P5', type: 'children_act_complaint', received: '2022-04-01' },
    // 2021-2022: its first and last days; 31 March 2021 is before the window.
    { reference: 'P1', type: 'corporate_complaint', received: '2021-04-01' },
    { reference: 'P2', type: 'member_enquiry', received: '2022-03-31' },
    { reference: 'P4', type: 'children_act_complaint', received: '2021-03-31' },
  ];
  let tables: ReportTable[];
  let councilId: string;
  beforeAll(async () => {
    councilId = await makeCouncil(
      {
        // Not in A-Z order, so the table's order is its own.
        divisions: ['Zoo Services', 'Outer Division', 'Highways', 'Kennels', 'Old Division', 'Libraries', 'Bins and Streets', 'Adult Care'],
        services: [{ name: 'Parking', division: 'Bins and Streets' }],
      },
      cases,
    );
    tables = await reportTables(councilId, '2024-04-30');
  });

  it('cases-by-year: the year and the two before it, newest first, 31 March and 1 April on either side', () => {
    expect(table(tables, 'cases-by-year')).toEqual({
      columns: ['Period', ...CASE_COLUMNS, 'Total'],
      rows: [
        ['2023-2024', '5', '3', '2', '1', '1', '4', '1', '17'],
        ['2022-2023', '1', '1', '0', '0', '0', '0', '0', '2'],
        ['2021-2022', '1', '0', '0', '0', '1', '0', '0', '2'],
      ],
    });
  });

  it('cases-by-quarter: Q1 April-June ... Q4 January-March, and the Total row', () => {
    expect(table(tables, 'cases-by-quarter')).toEqual({
      columns: ['Period', ...CASE_COLUMNS, 'Total'],
      rows: [
        ['Q1', '2', '0', '0', '0', '0', '0', '0', '2'],
        ['Q2', '3', '1', '0', '1', '0', '0', '0', '5'],
        ['Q3', '0', '2', '0', '0', '0', '0', '1', '3'],
        ['Q4', '0', '0', '2', '0', '1', '4', '0', '7'],
        ['Total', '5', '3', '2', '1', '1', '4', '1', '17'],
      ],
    });
  });

  it('cases-by-month: April..March and the Total row', () => {
    expect(table(tables, 'cases-by-month')).toEqual({
      columns: ['Month', ...CASE_COLUMNS, 'Total'],
      rows: [
        ['April', '1', '0', '0', '0', '0', '0', '0', '1'],
        ['May', '0', '0', '0', '0', '0', '0', '0', '0'],
        ['June', '1', '0', '0', '0', '0', '0', '0', '1'],
        ['July', '1', '0', '0', '0', '0', '0', '0', '1'],
        ['August', '1', '0', '0', '1', '0', '0', '0', '2'],
        ['September', '1', '1', '0', '0', '0', '0', '0', '2'],
        ['October', '0', '1', '0', '0', '0', '0', '0', '1'],
        ['November', '0', '0', '0', '0', '0', '0', '1', '1'],
        ['December', '0', '1', '0', '0', '0', '0', '0', '1'],
        ['January', '0', '0', '1', '0', '0', '0', '0', '1'],
        ['February', '0', '0', '0', '0', '1', '0', '0', '1'],
        ['March', '0', '0', '1', '0', '0', '4', '0', '5'],
        ['Total', '5', '3', '2', '1', '1', '4', '1', '17'],
      ],
    });
  });

  it('on-time-by-quarter: P% floored (2/3 is 66%), 0 when no case counts, not-yet-due cases left out', () => {
    expect(table(tables, 'on-time-by-quarter')).toEqual({
      columns: ['Period', ...CASE_COLUMNS],
      rows: [
        ['Q1', '50% (1/2)', '0', '0', '0', '0', '0', '0'],
        ['Q2', '66% (2/3)', '0% (0/1)', '0', '0', '0', '0', '0'],
        ['Q3', '0', '100% (2/2)', '0', '0', '0', '0', '100% (1/1)'],
        ['Q4', '0', '0', '0% (0/1)', '0', '0% (0/1)', '50% (1/2)', '0'],
      ],
    });
  });

  it("on-time-by-division: each division with a case of the seven columns in the year, A-Z (a service's division when the case has none)", () => {
    // Highways' only case is not yet due: the division has such a case, so it is a row, with no case counted yet.
    expect(table(tables, 'on-time-by-division')).toEqual({
      columns: ['Division', ...CASE_COLUMNS],
      rows: [
        ['Adult Care', '66% (2/3)', '0', '0% (0/1)', '0', '0% (0/1)', '0', '0'],
        ['Bins and Streets', '0', '50% (1/2)', '0', '0', '0', '0', '0'],
        ['Highways', '0', '0', '0', '0', '0', '0', '0'],
        ['Zoo Services', '50% (1/2)', '100% (1/1)', '0', '0', '0', '50% (1/2)', '0'],
      ],
    });
  });

  it('the drill-down of each of these figures lists exactly the cases it counts', async () => {
    await expectDrillDownsToMatch(councilId, '2024-04-30', ['cases-by-year', 'cases-by-quarter', 'cases-by-month', 'on-time-by-quarter', 'on-time-by-division']);
  });
});

describe('Stage 1 and Stage 2 outcomes, by the date answered', () => {
  const corporate = 'corporate_complaint';
  const childrenAct = 'children_act_complaint';
  const cases: CaseSpec[] = [
    // Corporate Stage 1, counted: 2 not upheld, 2 upheld, 1 resolved on receipt.
    { reference: 'B1', type: corporate, received: '2023-03-20', responded: '2023-04-01', outcome: 'not_upheld' },
    { reference: 'B2', type: corporate, received: '2024-03-01', responded: '2024-03-31', outcome: 'not_upheld' },
    // Received last year, answered this year: counted by the answer.
    { reference: 'B3', type: corporate, received: '2023-02-10', responded: '2023-04-03', outcome: 'upheld' },
    { reference: 'B6', type: corporate, received: '2023-09-01', responded: '2023-09-09', outcome: 'upheld' },
    { reference: 'B7', type: corporate, received: '2023-05-05', responded: '2023-05-05', outcome: 'resolved_on_receipt' },
    // Corporate Stage 1, not counted: answered 31 March 2023, 1 April 2024, or not at all.
    { reference: 'B4', type: corporate, received: '2023-03-01', responded: '2023-03-31', outcome: 'upheld' },
    { reference: 'B5', type: corporate, received: '2024-03-20', responded: '2024-04-01', outcome: 'partly_upheld' },
    { reference: 'B12', type: corporate, received: '2023-06-01', outcome: 'upheld' },
    // Corporate Stage 1 closed without a finding: closures count by closed_on when there is no response.
    { reference: 'B8', type: corporate, received: '2023-06-01', responded: '2023-06-06', outcome: 'local_resolution' },
    { reference: 'B9', type: corporate, received: '2023-07-01', closed: '2023-07-07', outcome: 'withdrawn' },
    { reference: 'B10', type: corporate, received: '2023-08-01', closed: '2023-08-08', outcome: 'out_of_remit' },
    { reference: 'B11', type: corporate, received: '2024-03-25', closed: '2024-04-02', outcome: 'out_of_remit' },
    // Children Act Stage 1.
    { reference: 'C1', type: childrenAct, received: '2023-10-01', responded: '2023-10-10', outcome: 'not_upheld' },
    { reference: 'C4', type: childrenAct, received: '2023-12-15', responded: '2024-01-01', outcome: 'partly_upheld' },
    { reference: 'C5', type: childrenAct, received: '2024-01-20', responded: '2024-02-02', outcome: 'upheld' },
    { reference: 'C6', type: childrenAct, received: '2024-03-01', closed: '2024-03-31', outcome: 'withdrawn' },
    { reference: 'C7', type: childrenAct, received: '2023-04-20', closed: '2023-05-01', outcome: 'withdrawn' },
    { reference: 'C8', type: childrenAct, received: '2024-02-01', responded: '2024-02-10', outcome: 'local_resolution' },
    { reference: 'C9', type: childrenAct, received: '2023-03-25', closed: '2023-04-01', outcome: 'out_of_remit' },
    // Stage 2: in stage2-outcomes only.
    { reference: 'D1', type: corporate, stage: '2', received: '2023-05-01', responded: '2023-06-01', outcome: 'upheld' },
    { reference: 'D2', type: childrenAct, stage: '2', received: '2024-01-10', responded: '2024-03-31', outcome: 'not_upheld' },
    { reference: 'D3', type: childrenAct, stage: '2', received: '2024-02-10', responded: '2024-04-01', outcome: 'partly_upheld' },
  ];
  let councilId: string;
  beforeAll(async () => {
    councilId = await makeCouncil({}, cases);
  });

  it('stage1-outcomes: shares of the total rounded half up (1/8 is 13%, 3/8 is 38%), the Total row with an empty %', async () => {
    const tables = await reportTables(councilId, '2024-04-30');
    expect(table(tables, 'stage1-outcomes')).toEqual({
      columns: ['Outcome', 'Corporate Stage 1', 'Children Act Stage 1', 'Total', '%'],
      rows: [
        ['Not upheld', '2', '1', '3', '38%'],
        ['Partly upheld', '0', '1', '1', '13%'],
        ['Upheld', '2', '1', '3', '38%'],
        ['Resolved on receipt', '1', '0', '1', '13%'],
        ['Total', '5', '3', '8', ''],
      ],
    });
  });

  it('stage1-other-closures: local resolution, withdrawn and out of remit, by the date answered or closed', async () => {
    const tables = await reportTables(councilId, '2024-04-30');
    expect(table(tables, 'stage1-other-closures')).toEqual({
      columns: ['Closure', 'Corporate Stage 1', 'Children Act Stage 1', 'Total'],
      rows: [
        ['Local resolution', '1', '1', '2'],
        ['Withdrawn', '1', '2', '3'],
        ['Out of remit', '1', '1', '2'],
      ],
    });
  });

  it('stage2-outcomes: Stage 2 findings answered in the year only', async () => {
    const tables = await reportTables(councilId, '2024-04-30');
    expect(table(tables, 'stage2-outcomes')).toEqual({
      columns: ['Outcome', 'Corporate', 'Children Act', 'Total'],
      rows: [
        ['Not upheld', '0', '1', '1'],
        ['Partly upheld', '0', '0', '0'],
        ['Upheld', '1', '0', '1'],
        ['Total', '1', '1', '2'],
      ],
    });
  });

  it('an answer after asOf is not known yet (asOf 2024-01-31, within the year): 2/6 is 33%, 1/6 is 17%', async () => {
    // Left out as of 31 January 2024: B2 (31 March), C5 (2 February), C6 (31 March), C8 (10 February), D2 (31 March).
    const tables = await reportTables(councilId, '2024-01-31');
    expect(table(tables, 'stage1-outcomes')).toEqual({
      columns: ['Outcome', 'Corporate Stage 1', 'Children Act Stage 1', 'Total', '%'],
      rows: [
        ['Not upheld', '1', '1', '2', '33%'],
        ['Partly upheld', '0', '1', '1', '17%'],
        ['Upheld', '2', '0', '2', '33%'],
        ['Resolved on receipt', '1', '0', '1', '17%'],
        ['Total', '4', '2', '6', ''],
      ],
    });
    expect(table(tables, 'stage1-other-closures').rows).toEqual([
      ['Local resolution', '1', '0', '1'],
      ['Withdrawn', '1', '1', '2'],
      ['Out of remit', '1', '1', '2'],
    ]);
    expect(table(tables, 'stage2-outcomes').rows).toEqual([
      ['Not upheld', '0', '0', '0'],
      ['Partly upheld', '0', '0', '0'],
      ['Upheld', '1', '0', '1'],
      ['Total', '1', '0', '1'],
    ]);
  });

  it('the drill-down of each of these figures lists exactly the cases it counts', async () => {
    for (const asOf of ['2024-04-30', '2024-01-31']) await expectDrillDownsToMatch(councilId, asOf, ['stage1-outcomes', 'stage1-other-closures', 'stage2-outcomes']);
  });
});

describe('service-theme and stage1-theme-outcome', () => {
  const cases: CaseSpec[] = [
    // Waste: E1 (Communication, Delay), E2 (Delay) on the year's first and last days.
    { reference: 'E1', type: 'corporate_complaint', received: '2023-04-01', service: 'Waste', themes: ['Delay', 'Communication'], responded: '2023-04-20', outcome: 'upheld' },
    { reference: 'E2', type: 'children_act_complaint', received: '2024-03-31', service: 'Waste', themes: ['Delay'] },
    // Libraries: one complaint without a theme, one with Communication.
    { reference: 'E3', type: 'corporate_complaint', received: '2023-05-01', service: 'Libraries' },
    { reference: 'E10', type: 'children_act_complaint', received: '2023-09-01', service: 'Libraries', themes: ['Communication'], responded: '2023-09-20', outcome: 'partly_upheld' },
    // Museums: Stage 1 complaints received, none with a theme: still a row, of zeros.
    { reference: 'E13', type: 'corporate_complaint', received: '2023-10-10', service: 'Museums' },
    // Adult social care: Legacy is an inactive theme, a column because a complaint of the year carries it.
    { reference: 'E4', type: 'corporate_complaint', received: '2023-06-01', service: 'Adult social care', themes: ['Legacy'], responded: '2024-04-05', outcome: 'not_upheld' },
    { reference: 'E12', type: 'corporate_complaint', received: '2023-12-25', service: 'Adult social care', themes: ['Delay', 'Staff conduct'] },
    // Not counted: last year's (its inactive theme Old theme is no column), next year's, Stage 2, an enquiry, no service.
    { reference: 'E5', type: 'corporate_complaint', received: '2023-03-31', service: 'Adult social care', themes: ['Staff conduct', 'Old theme'] },
    { reference: 'E6', type: 'corporate_complaint', received: '2024-04-01', service: 'Parking', themes: ['Staff conduct'] },
    { reference: 'E7', type: 'corporate_complaint', stage: '2', received: '2023-07-01', service: 'Parking', themes: ['Delay'] },
    { reference: 'E8', type: 'general_enquiry', received: '2023-07-01', service: 'Parking', themes: ['Delay'] },
    { reference: 'E9', type: 'corporate_complaint', received: '2023-08-01', themes: ['Communication'] },
  ];
  let tables: ReportTable[];
  let councilId: string;
  beforeAll(async () => {
    councilId = await makeCouncil(
      {
        services: [{ name: 'Waste' }, { name: 'Parking' }, { name: 'Museums' }, { name: 'Libraries' }, { name: 'Adult social care' }],
        themes: [{ name: 'Staff conduct' }, { name: 'Old theme', active: false }, { name: 'Delay' }, { name: 'Legacy', active: false }, { name: 'Communication' }, { name: 'Accessibility' }],
      },
      cases,
    );
    tables = await reportTables(councilId, '2024-04-30');
  });

  it('service-theme: each service with Stage 1 complaints received, A-Z, by each theme A-Z (a case with two themes in both)', () => {
    expect(table(tables, 'service-theme')).toEqual({
      columns: ['Service', 'Accessibility', 'Communication', 'Delay', 'Legacy', 'Staff conduct'],
      rows: [
        ['Adult social care', '0', '0', '1', '1', '1'],
        ['Libraries', '0', '1', '0', '0', '0'],
        ['Museums', '0', '0', '0', '0', '0'],
        ['Waste', '0', '1', '2', '0', '0'],
      ],
    });
  });

  it('stage1-theme-outcome: each theme A-Z; the Total row counts each case once', () => {
    expect(table(tables, 'stage1-theme-outcome')).toEqual({
      columns: ['Theme', 'Upheld', 'Partly upheld', 'Not upheld', 'Total'],
      rows: [
        ['Accessibility', '0', '0', '0', '0'],
        ['Communication', '1', '1', '0', '2'],
        ['Delay', '1', '0', '0', '1'],
        ['Legacy', '0', '0', '0', '0'],
        ['Staff conduct', '0', '0', '0', '0'],
        ['Total', '1', '1', '0', '2'],
      ],
    });
  });

  it('the drill-down of each of these figures lists exactly the cases it counts', async () => {
    await expectDrillDownsToMatch(councilId, '2024-04-30', ['service-theme', 'stage1-theme-outcome']);
  });
});

describe('Stage 2 and 3 requests and the Ombudsman, by the date received', () => {
  const corporate = 'corporate_complaint';
  const childrenAct = 'children_act_complaint';
  const stage2 = (reference: string, type: CaseType, received: IsoDate, decision?: string): CaseSpec => ({ reference, type, stage: '2', received, ...(decision ? { decision } : {}) });
  const stage3 = (reference: string, type: CaseType, received: IsoDate, decision: string): CaseSpec => ({ reference, type, stage: '3', received, decision });
  const ombudsman = (reference: string, type: CaseType, received: IsoDate, service: string | undefined, decision?: string): CaseSpec => ({
    reference,
    type,
    stage: 'ombudsman',
    received,
    ...(service ? { service } : {}),
    ...(decision ? { decision } : {}),
  });
  const cases: CaseSpec[] = [
    // Stage 2, 2023-2024: on hold and pending count as received only; 1 April 2024 is next year's.
    stage2('F1', childrenAct, '2023-04-01', 'accepted'),
    stage2('F2', childrenAct, '2024-03-31', 'rejected'),
    stage2('F3', childrenAct, '2023-10-10', 'on_hold'),
    stage2('F4', corporate, '2023-06-06', 'withdrawn'),
    stage2('F5', corporate, '2023-07-07', 'resolved_by_adr'),
    stage2('F6', corporate, '2024-01-01'),
    stage2('F7', corporate, '2024-04-01', 'accepted'),
    // Stage 2, 2022-2023.
    stage2('F8', corporate, '2022-04-01', 'accepted'),
    stage2('F9', corporate, '2023-03-31', 'accepted'),
    stage2('F10', corporate, '2022-12-12', 'rejected'),
    stage2('F11', childrenAct, '2022-08-08', 'withdrawn'),
    // Stage 2, 2021-2022; 31 March 2021 is before it.
    stage2('F12', childrenAct, '2021-04-01', 'resolved_by_adr'),
    stage2('F13', childrenAct, '2022-03-31', 'accepted'),
    stage2('F14', corporate, '2021-03-31', 'accepted'),
    // Stage 3 (resolved by ADR counts as received only: the table has no column for it).
    stage3('G1', corporate, '2023-05-05', 'accepted'),
    stage3('G2', corporate, '2023-06-06', 'resolved_by_adr'),
    stage3('G3', childrenAct, '2024-02-02', 'rejected'),
    stage3('G4', childrenAct, '2022-05-05', 'withdrawn'),
    stage3('G5', childrenAct, '2023-03-31', 'accepted'),
    stage3('G6', corporate, '2021-04-01', 'rejected'),
    stage3('G7', corporate, '2021-12-01', 'rejected'),
    // Ombudsman, in no particular order.
    ombudsman('H7', corporate, '2023-09-09', 'Highways'),
    ombudsman('H2', corporate, '2024-03-31', 'Schools', 'to_be_investigated'),
    ombudsman('H5', childrenAct, '2023-07-07', 'Schools', 'premature'),
    ombudsman('H1', corporate, '2023-04-01', 'Schools', 'to_be_investigated'),
    ombudsman('H4', corporate, '2023-06-06', 'Adult social care', 'not_investigated'),
    ombudsman('H6', childrenAct, '2023-08-08', undefined, 'to_be_investigated'),
    ombudsman('H3', corporate, '2023-05-05', 'Schools', 'premature'),
    ombudsman('H8', corporate, '2024-04-01', 'Schools', 'premature'),
    ombudsman('H9', childrenAct, '2023-03-31', 'Schools', 'premature'),
  ];
  let tables: ReportTable[];
  let councilId: string;
  beforeAll(async () => {
    councilId = await makeCouncil({ services: [{ name: 'Schools' }, { name: 'Highways' }, { name: 'Adult social care' }] }, cases);
    tables = await reportTables(councilId, '2024-04-30');
  });

  it('stage2-requests: each year newest first, then its Children Act and Corporate rows', () => {
    expect(table(tables, 'stage2-requests')).toEqual({
      columns: ['Period', 'Requests received', 'Accepted for investigation', 'Withdrawn', 'Rejected', 'Resolved by ADR'],
      rows: [
        ['2023-2024', '6', '1', '1', '1', '1'],
        ['Children Act', '3', '1', '0', '1', '0'],
        ['Corporate', '3', '0', '1', '0', '1'],
        ['2022-2023', '4', '2', '1', '1', '0'],
        ['Children Act', '1', '0', '1', '0', '0'],
        ['Corporate', '3', '2', '0', '1', '0'],
        ['2021-2022', '2', '1', '0', '0', '1'],
        ['Children Act', '2', '1', '0', '0', '1'],
        ['Corporate', '0', '0', '0', '0', '0'],
      ],
    });
  });

  it('stage3-requests: as stage2-requests, without Resolved by ADR', () => {
    expect(table(tables, 'stage3-requests')).toEqual({
      columns: ['Period', 'Requests received', 'Accepted', 'Withdrawn', 'Rejected'],
      rows: [
        ['2023-2024', '3', '1', '0', '1'],
        ['Children Act', '1', '0', '0', '1'],
        ['Corporate', '2', '1', '0', '0'],
        ['2022-2023', '2', '1', '1', '0'],
        ['Children Act', '2', '1', '1', '0'],
        ['Corporate', '0', '0', '0', '0'],
        ['2021-2022', '2', '0', '0', '2'],
        ['Children Act', '0', '0', '0', '0'],
        ['Corporate', '2', '0', '0', '2'],
      ],
    });
  });

  it('ombudsman-received: one row per case type, service and decision, by case type, then service A-Z, then decision; Total', () => {
    expect(table(tables, 'ombudsman-received')).toEqual({
      columns: ['Case type', 'Numbers received', 'Service', 'Decision'],
      rows: [
        ['Children Act', '1', '', 'To be investigated'],
        ['Children Act', '1', 'Schools', 'Premature'],
        ['Corporate', '1', 'Adult social care', 'Not investigated'],
        ['Corporate', '1', 'Highways', ''],
        ['Corporate', '1', 'Schools', 'Premature'],
        ['Corporate', '2', 'Schools', 'To be investigated'],
        ['Total', '7', '', ''],
      ],
    });
  });

  it('the drill-down of each of these figures lists exactly the cases it counts', async () => {
    await expectDrillDownsToMatch(councilId, '2024-04-30', ['stage2-requests', 'stage3-requests', 'ombudsman-received']);
  });
});

describe('a council with no cases', () => {
  it('has every table in its shape, with zeros: 0 timeliness cells, 0% shares, no division, service or Ombudsman rows', async () => {
    const councilId = await makeCouncil({ divisions: ['Adult Care'], services: [{ name: 'Waste', division: 'Adult Care' }] }, []);
    const tables = await reportTables(councilId, '2024-04-30');
    const zeros = (n: number) => Array<string>(n).fill('0');
    expect(table(tables, 'cases-by-quarter').rows).toEqual([...['Q1', 'Q2', 'Q3', 'Q4', 'Total'].map((label) => [label, ...zeros(8)])]);
    expect(table(tables, 'on-time-by-quarter').rows).toEqual(['Q1', 'Q2', 'Q3', 'Q4'].map((label) => [label, ...zeros(7)]));
    expect(table(tables, 'on-time-by-division')).toEqual({ columns: ['Division', ...CASE_COLUMNS], rows: [] });
    expect(table(tables, 'stage1-outcomes').rows).toEqual([
      ['Not upheld', '0', '0', '0', '0%'],
      ['Partly upheld', '0', '0', '0', '0%'],
      ['Upheld', '0', '0', '0', '0%'],
      ['Resolved on receipt', '0', '0', '0', '0%'],
      ['Total', '0', '0', '0', ''],
    ]);
    expect(table(tables, 'service-theme')).toEqual({ columns: ['Service'], rows: [] });
    expect(table(tables, 'ombudsman-received').rows).toEqual([['Total', '0', '', '']]);
  });
});
