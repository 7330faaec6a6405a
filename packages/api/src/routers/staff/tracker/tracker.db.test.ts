import { createCase, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCallers, refusal, setUpCouncil, type TestCouncil } from '../casework/test-kit';

/**
 * The tracker's queries: every filter, the sort orders, keyset pages, and the
 * RAG state on the days around each boundary, checked against the domain's
 * own `ragStatus` for the same case (the case page computes it there).
 *
 * Today is Wednesday 9 July 2025. Working days after it on the council's
 * (England and Wales) calendar: 10, 11, 14, 15 July; on FOI's all-UK
 * calendar 14 July is a holiday (Northern Ireland), so: 10, 11, 15, 16.
 */
let database: TestDatabase;
let council: TestCouncil;
const clock = new Date('2025-07-09T10:00:00Z');
let callers: ReturnType<typeof makeCallers>;
const ids: Record<string, string> = {};

let made = 0;
/** Ids in the order made, so that cases due the same day have a known order (the keyset's tie-break). */
async function make(name: string, values: Parameters<typeof createCase>[2]) {
  made += 1;
  const id = `00000000-0000-4000-8000-${String(made).padStart(12, '0')}`;
  ids[name] = (await createCase(database, council.id, { id, reference: `TRK-${name.toUpperCase()}`, deadline_status: 'due', ...values })).id;
}

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'tracker', clock);
  callers = makeCallers(database, () => clock);
  const { education, socialCare } = council.divisions;
  await make('overdue', { due_on: '2025-07-08', received_on: '2025-06-24', division_id: education, service_id: council.services.send, owner_user_id: council.users.complaints_officer });
  await make('today', { due_on: '2025-07-09', received_on: '2025-06-25', division_id: education });
  await make('amber3', { due_on: '2025-07-14', received_on: '2025-06-30', division_id: socialCare, service_id: council.services.fostering, type: 'children_act_complaint' });
  await make('green4', { due_on: '2025-07-15', received_on: '2025-07-01', division_id: socialCare, type: 'children_act_complaint', stage: '1' });
  await make('foi3', { due_on: '2025-07-15', received_on: '2025-06-16', type: 'foi_request' });
  await make('foi4', { due_on: '2025-07-16', received_on: '2025-06-17', type: 'foi_request' });
  await make('met', { due_on: '2025-07-07', received_on: '2025-06-10', responded_on: '2025-07-07', status: 'responded' });
  await make('missed', { due_on: '2025-07-01', received_on: '2025-06-09', responded_on: '2025-07-02', status: 'responded' });
  await make('awaiting', { due_on: null, deadline_status: 'awaiting_agreed_statement', received_on: '2025-06-11', type: 'children_act_complaint', stage: '2', status: 'in_progress', owner_user_id: council.users.investigating_officer });
  await make('closed', { due_on: '2025-07-01', received_on: '2025-06-02', status: 'closed' });
  await make('onhold', { due_on: '2025-08-01', received_on: '2025-07-02', status: 'on_hold', type: 'mp_enquiry', stage: null, framework: 'corporate' });
  await database.db.insertInto('case_assignments').values({ council_id: council.id, case_id: ids.awaiting!, user_id: council.users.investigating_officer, role: 'investigating_officer' }).execute();
});
afterAll(() => database.destroy());

const officer = () => callers.asUser(council, council.users.complaints_officer);
type Filters = Parameters<Awaited<ReturnType<typeof officer>>['staff']['tracker']['list']>[0];
async function references(input: Filters, caller = officer()) {
  const page = await (await caller).staff.tracker.list(input);
  return page.rows.map((r) => r.reference.replace('TRK-', '').toLowerCase());
}

describe('tracker filters', () => {
  it('shows every open case and no closed one, by due date with no deadline last', async () => {
    expect(await references({})).toEqual(['missed', 'met', 'overdue', 'today', 'amber3', 'green4', 'foi3', 'foi4', 'onhold', 'awaiting']);
  });

  it('filters by type, stage and status', async () => {
    expect(await references({ filters: { types: ['foi_request'] } })).toEqual(['foi3', 'foi4']);
    expect(await references({ filters: { types: ['children_act_complaint', 'mp_enquiry'] } })).toEqual(['amber3', 'green4', 'onhold', 'awaiting']);
    expect(await references({ filters: { stages: ['2'] } })).toEqual(['awaiting']);
    expect(await references({ filters: { statuses: ['responded'] } })).toEqual(['missed', 'met']);
    expect(await references({ filters: { statuses: ['on_hold', 'in_progress'] } })).toEqual(['onhold', 'awaiting']);
  });

  it('filters by division, service and owner (someone, me, nobody)', async () => {
    expect(await references({ filters: { divisionId: council.divisions.socialCare } })).toEqual(['amber3', 'green4']);
    expect(await references({ filters: { serviceId: council.services.send } })).toEqual(['overdue']);
    expect(await references({ filters: { owner: council.users.investigating_officer } })).toEqual(['awaiting']);
    expect(await references({ filters: { owner: 'me' } })).toEqual(['overdue']);
    expect(await references({ filters: { owner: 'unassigned' } })).toEqual(['missed', 'met', 'today', 'amber3', 'green4', 'foi3', 'foi4', 'onhold']);
  });

  it('finds what is overdue, and what is due within N working days on each case’s calendar', async () => {
    expect(await references({ filters: { overdue: true } })).toEqual(['overdue']);
    expect(await references({ filters: { dueWithinDays: 0 } })).toEqual(['today']);
    expect(await references({ filters: { dueWithinDays: 3 } })).toEqual(['today', 'amber3', 'foi3']);
    expect(await references({ filters: { dueWithinDays: 4 } })).toEqual(['today', 'amber3', 'green4', 'foi3', 'foi4']);
    const bad = await refusal((await officer()).staff.tracker.list({ filters: { dueWithinDays: -1 } }));
    expect(bad).toMatchObject({ status: 400, fieldErrors: { 'filters.dueWithinDays': 'errors.number.tooSmall' } });
  });

  it('gives the RAG state at each boundary, as the domain does for the same case', async () => {
    const page = await (await officer()).staff.tracker.list({ limit: 100 });
    const rag = Object.fromEntries(page.rows.map((r) => [r.reference.replace('TRK-', '').toLowerCase(), r.rag]));
    expect(rag).toEqual({
      overdue: 'red',
      today: 'amber',
      amber3: 'amber',
      green4: 'green',
      foi3: 'amber',
      foi4: 'green',
      met: 'met',
      missed: 'missed',
      awaiting: 'awaiting_agreed_statement',
      onhold: 'green',
    });
    expect(await references({ filters: { rag: 'amber' } })).toEqual(['today', 'amber3', 'foi3']);
    // The case page works the same states out with the domain's ragStatus.
    // (Each of these was received on the day that makes the domain's deadline its due date.)
    for (const name of ['overdue', 'today', 'amber3', 'green4', 'foi3', 'foi4'] as const) {
      const casePage = await (await officer()).staff.case.get({ caseId: ids[name]! });
      expect(casePage.deadlines.current.dueOn, name).toBe(casePage.case.dueOn);
      expect(rag[name], name).toBe(casePage.deadlines.current.rag);
    }
  });
});

describe('tracker sorting and pages', () => {
  it('sorts by due date either way, by date received, and by reference', async () => {
    expect(await references({ sort: 'due_desc' })).toEqual(['awaiting', 'onhold', 'foi4', 'foi3', 'green4', 'amber3', 'today', 'overdue', 'met', 'missed']);
    expect(await references({ sort: 'received_asc' })).toEqual(['missed', 'met', 'awaiting', 'foi3', 'foi4', 'overdue', 'today', 'amber3', 'green4', 'onhold']);
    expect(await references({ sort: 'received_desc' })).toEqual(['onhold', 'green4', 'amber3', 'today', 'overdue', 'foi4', 'foi3', 'awaiting', 'met', 'missed']);
    expect(await references({ sort: 'reference_asc' })).toEqual(['amber3', 'awaiting', 'foi3', 'foi4', 'green4', 'met', 'missed', 'onhold', 'overdue', 'today']);
  });

  it('reads keyset pages that add up to the whole list, in every order', async () => {
    for (const sort of ['due_asc', 'due_desc', 'received_asc', 'received_desc', 'reference_asc'] as const) {
      const all = await references({ sort });
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { rows: { reference: string }[]; nextCursor: string | null } = await (await officer()).staff.tracker.list({ sort, limit: 3, cursor });
        seen.push(...page.rows.map((r) => r.reference.replace('TRK-', '').toLowerCase()));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen, sort).toEqual(all);
    }
    // A cursor that is not one of ours is ignored: the first page.
    expect((await (await officer()).staff.tracker.list({ limit: 2, cursor: 'not-a-cursor' })).rows).toHaveLength(2);
  });
});

describe('tracker scope, review and export', () => {
  it('shows a service manager only their division, and an investigating officer only their appointed case', async () => {
    expect(await references({}, callers.asUser(council, council.users.service_manager))).toEqual(['overdue', 'today']);
    expect(await references({}, callers.asUser(council, council.users.investigating_officer))).toEqual(['awaiting']);
    expect(await refusal((await callers.asUser(council, council.users.administrator)).staff.tracker.list({}))).toMatchObject({ status: 403 });
  });

  it('counts open cases by division and RAG for the weekly review, with the oldest overdue', async () => {
    const review = await (await callers.asUser(council, council.users.management_viewer)).staff.tracker.review();
    const byName = Object.fromEntries(review.divisions.map((d) => [d.divisionName ?? '(none)', d.counts]));
    expect(byName).toEqual({
      "Children's Social Care": { amber: 1, green: 1 },
      'Education Services': { red: 1, amber: 1 },
      '(none)': { amber: 1, green: 2, met: 1, missed: 1, awaiting_agreed_statement: 1 },
    });
    expect(review.oldestOverdue.map((r) => r.reference)).toEqual(['TRK-OVERDUE']);
  });

  it('exports the filtered cases as CSV, audited as an export', async () => {
    const file = await (await callers.asUser(council, council.users.management_viewer)).staff.tracker.exportCsv({ filters: { types: ['foi_request'] } });
    expect(file.csv.split('\r\n')).toEqual([
      'reference,type,stage,status,received_on,due_on,responded_on,rag,owner,division,service',
      'TRK-FOI3,foi_request,request,received,2025-06-16,2025-07-15,,amber,,,',
      'TRK-FOI4,foi_request,request,received,2025-06-17,2025-07-16,,green,,,',
      '',
    ]);
    const audit = await database.db.selectFrom('audit_log').select('detail').where('action', '=', 'export').execute();
    expect(audit.map((a) => a.detail)).toEqual(['staff.tracker.exportCsv rows=2']);
  });

  it('keeps saved views per person', async () => {
    const mine = await callers.asUser(council, council.users.complaints_officer);
    await mine.staff.tracker.views.save({ name: 'Overdue SEND', filters: { serviceId: council.services.send, overdue: true } });
    expect((await mine.staff.tracker.views.list()).map((v) => v.name)).toEqual(['Overdue SEND']);
    expect(await (await callers.asUser(council, council.users.service_manager)).staff.tracker.views.list()).toEqual([]);
  });
});
