import { Readable } from 'node:stream';
import { importCases } from '@heard/db';
import { createTestDatabase, toCsv, type CsvRow, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROLES, makeCallers, refusal, setUpCouncil, type TestCouncil, type TestRole } from '../casework/test-kit';

let database: TestDatabase;
let council: TestCouncil;
let other: TestCouncil;
const clock = new Date('2024-06-03T10:00:00Z');
let callers: ReturnType<typeof makeCallers>;

const rows: CsvRow[] = [
  // Education Services (the service manager's division): two Stage 1 complaints, one late.
  { reference: 'R-1', type: 'corporate_complaint', stage: '1', received_on: '2023-04-03', division: 'Education Services', service: 'Integrated SEND Services', theme: 'Communication', responded_on: '2023-04-05', outcome: 'upheld' },
  { reference: 'R-2', type: 'corporate_complaint', stage: '1', received_on: '2023-04-04', division: 'Education Services', service: 'Integrated SEND Services', theme: 'Speed of Service', responded_on: '2023-05-30', outcome: 'partly_upheld' },
  // Children's Social Care: outside the service manager's scope.
  { reference: 'R-3', type: 'children_act_complaint', stage: '1', received_on: '2023-04-05', division: "Children's Social Care", service: 'Fostering', responded_on: '2023-04-10', outcome: 'not_upheld' },
];

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'reports-a', clock);
  other = await setUpCouncil(database, 'reports-b', clock);
  callers = makeCallers(database, () => clock);
  const result = await importCases(database, { councilId: council.id, source: Readable.from([toCsv(rows)]), today: '2024-06-03' });
  expect(result.errors).toEqual([]);
  // The other council has a case of its own, never counted here.
  await importCases(database, { councilId: other.id, source: Readable.from([toCsv([{ ...rows[0]!, reference: 'B-1' }])]), today: '2024-06-03' });
});
afterAll(async () => {
  await database?.destroy();
});

const asRole = (role: TestRole, language: 'en' | 'cy' = 'en') => callers.as(council, council.tokens[role], language);
const cell = (tables: { id: string; rows: string[][] }[], id: string, row: number, column: number) => tables.find((t) => t.id === id)!.rows[row]![column];

describe('staff.report', () => {
  it('reads the annual report: who may, and what each sees (row-level security narrows a service manager to their division)', async () => {
    const allowed: TestRole[] = ['complaints_officer', 'service_manager', 'management_viewer', 'administrator'];
    for (const role of ALL_ROLES) {
      const caller = await asRole(role);
      if (!allowed.includes(role)) {
        expect((await refusal(caller.staff.report.annual({ year: 2023, asOf: '2024-05-31' }))).status, role).toBe(403);
        expect((await refusal(caller.staff.report.cases({ query: { kinds: [{ type: 'corporate_complaint', stage: '1' }], by: 'received', from: '2023-04-01', to: '2024-03-31' }, asOf: '2024-05-31' }))).status).toBe(403);
        expect((await refusal(caller.staff.report.learning({ year: 2023, quarter: 1 }))).status).toBe(403);
        continue;
      }
      const { report } = await caller.staff.report.annual({ year: 2023, asOf: '2024-05-31' });
      const total = cell(report.tables, 'cases-by-quarter', 4, 8);
      expect(total, role).toBe(role === 'service_manager' ? '2' : '3');
    }
    const { report, drillDown } = await (await asRole('complaints_officer')).staff.report.annual({ year: 2023, asOf: '2024-05-31' });
    expect(cell(report.tables, 'on-time-by-quarter', 0, 1)).toBe('50% (1/2)');
    expect(report.tables.find((t) => t.id === 'stage1-theme-outcome')!.rows).toEqual([
      ['Communication', '1', '0', '0', '1'],
      ['Speed of Service', '0', '1', '0', '1'],
      ['Total', '1', '1', '0', '2'],
    ]);
    expect(drillDown['on-time-by-quarter']![0]![1]).toMatchObject({ kinds: [{ type: 'corporate_complaint', stage: '1' }], measure: 'response', from: '2023-04-01', to: '2023-06-30' });
  });

  it('drills down from a figure to its cases, as the viewer may see them, and audits each read', async () => {
    const query = { kinds: [{ type: 'corporate_complaint' as const, stage: '1' as const }, { type: 'children_act_complaint' as const, stage: '1' as const }], by: 'received' as const, from: '2023-04-01', to: '2023-06-30' };
    const officer = await (await asRole('complaints_officer')).staff.report.cases({ query, asOf: '2024-05-31' });
    expect(officer.total).toBe(3);
    expect(officer.cases.map((c) => c.reference)).toEqual(['R-1', 'R-2', 'R-3']);
    const manager = await (await asRole('service_manager')).staff.report.cases({ query, asOf: '2024-05-31' });
    expect(manager.cases.map((c) => c.reference)).toEqual(['R-1', 'R-2']);
    const timeliness = await (await asRole('management_viewer')).staff.report.cases({ query: { ...query, kinds: [query.kinds[0]!], measure: 'response' }, asOf: '2024-05-31' });
    expect(timeliness.cases.map((c) => [c.reference, c.timeliness])).toEqual([
      ['R-1', 'on_time'],
      ['R-2', 'late'],
    ]);
    const audited = await database.db.selectFrom('audit_log').select(['case_id', 'detail']).where('council_id', '=', council.id).where('detail', '=', 'staff.report.cases').execute();
    expect(audited.length).toBe(3 + 2 + 2);
    const otherCouncil = await (await callers.as(other, other.tokens.complaints_officer)).staff.report.cases({ query, asOf: '2024-05-31' });
    expect(otherCouncil.cases.map((c) => c.reference)).toEqual(['B-1']);
  });

  it('refuses bad input with a clear message and changes nothing', async () => {
    const caller = await asRole('complaints_officer');
    expect(await refusal(caller.staff.report.annual({ year: 12, asOf: '2024-05-31' }))).toMatchObject({ status: 400, fieldErrors: { year: 'reports.errors.year' } });
    expect(await refusal(caller.staff.report.annual({ year: 2023, asOf: '2024-02-30' }))).toMatchObject({ status: 400, fieldErrors: { asOf: 'errors.date.format' } });
    expect(await refusal(caller.staff.report.quarterly({ year: 2023, quarter: 5 as 1 }))).toMatchObject({ status: 400, fieldErrors: { quarter: 'reports.errors.quarter' } });
    expect((await refusal(caller.staff.report.cases({ query: { kinds: [], by: 'received', from: '2023-04-01', to: '2024-03-31' }, asOf: '2024-05-31' }))).status).toBe(400);
    expect((await refusal(caller.staff.report.cases({ query: { kinds: [{ type: 'corporate_complaint', stage: '1' }], by: 'received', from: '2023-04-01', to: '2024-03-31', divisionId: "x' or 1=1" }, asOf: '2024-05-31' }))).status).toBe(400);
  });

  it('the learning report: themes upheld and partly upheld, actions open and done, complainants told', async () => {
    const [r1, r2] = await database.db.selectFrom('cases').select('id').where('council_id', '=', council.id).where('reference', 'in', ['R-1', 'R-2']).orderBy('reference').execute();
    await database.db
      .insertInto('learning_actions')
      .values([
        { council_id: council.id, case_id: r1!.id, description: 'Remind the SEND team of the timescales', owner_name: 'Head of SEND', due_on: '2023-05-31', status: 'done', completed_on: '2023-05-20', complainant_told_on: '2023-05-22', owner_user_id: null },
        { council_id: council.id, case_id: r2!.id, description: 'Review the assessment letter', owner_name: null, due_on: '2023-06-30', status: 'done', completed_on: '2023-06-10', complainant_told_on: null, owner_user_id: null },
        { council_id: council.id, case_id: r2!.id, description: 'Train duty officers', owner_name: null, due_on: '2023-09-30', status: 'open', completed_on: null, complainant_told_on: null, owner_user_id: null },
      ])
      .execute();
    const learning = await (await asRole('management_viewer')).staff.report.learning({ year: 2023, quarter: 1 });
    expect(learning.themes.map((t) => [t.theme, t.upheld, t.partlyUpheld])).toEqual([
      ['Communication', 1, 0],
      ['Speed of Service', 0, 1],
    ]);
    expect(learning.counts).toEqual({ open: 1, done: 2, told: 1, notTold: 1 });
    expect(learning.actions.map((a) => a.description)).toEqual(['Train duty officers', 'Remind the SEND team of the timescales', 'Review the assessment letter']);
  });

  it('imports an uploaded file in the background, for administrators only, and reports its problems in Welsh', async () => {
    const upload = (text: string) => {
      const file = new File([text], 'cases.csv', { type: 'text/csv' });
      return file;
    };
    for (const role of ALL_ROLES.filter((r) => r !== 'administrator')) {
      expect((await refusal((await asRole(role)).staff.report.importStart({ file: upload('reference,type,received_on\n'), dryRun: true }))).status, role).toBe(403);
    }
    const admin = await asRole('administrator', 'cy');
    const bad = await admin.staff.report.importStart({ file: upload('reference,type,received_on\nX-1,complaint,2023-04-03\n'), dryRun: false });
    const waitFor = async (id: string) => {
      for (let i = 0; i < 200; i += 1) {
        const status = await admin.staff.report.importStatus({ id });
        if (status.status !== 'running') return status;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error('the import did not finish');
    };
    const failed = await waitFor(bad.id);
    expect(failed.status).toBe('failed');
    expect(failed.errors.map((e) => e.text)).toEqual([
      'llinell 2: colofn type: rhaid iddo fod yn un o: children_act_complaint, corporate_complaint, general_enquiry, member_enquiry, mp_enquiry, mayor_enquiry, chief_executive_enquiry, compliment, foi_request',
    ]);
    const good = await admin.staff.report.importStart({ file: upload('reference,type,received_on,framework\nX-2,compliment,2023-04-03,corporate\n'), dryRun: false });
    const done = await waitFor(good.id);
    expect(done).toMatchObject({ status: 'succeeded', rows: 1, created: 1, unchanged: 0, errors: [] });
    const imported = await database.db.selectFrom('case_imports').select('import_run_id').innerJoin('cases', 'cases.id', 'case_imports.case_id').where('cases.reference', '=', 'X-2').executeTakeFirstOrThrow();
    expect(imported.import_run_id).toBe(good.id);
    expect((await refusal(admin.staff.report.importStatus({ id: '00000000-0000-4000-8000-000000000000' }))).status).toBe(404);
    // Another council cannot follow this council's import.
    expect((await refusal((await callers.as(other, other.tokens.administrator)).staff.report.importStatus({ id: good.id }))).status).toBe(404);
  });
});
