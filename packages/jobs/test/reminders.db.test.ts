import { createCase, createCouncil, createStaffUser, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { addCalendarDays } from '@heard/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplate, runReminders } from '../src/index';

/**
 * A simulated May 2024 (England and Wales: bank holidays on 6 and 27 May; the
 * council closes on Friday 17 May), driven by the clock the job takes as
 * input. The expected days below are counted by hand from the calendar.
 */
let database: TestDatabase;
let councilId: string;
const emails = { alex: 'alex.owner@heardshire.test', bryn: 'bryn.owner@heardshire.test', manager: 'morgan.manager@heardshire.test' };
const refs = { c1: 'REM-C1', c2: 'REM-C2', c3: 'REM-C3', other: 'REM-C4' };

beforeAll(async () => {
  database = await createTestDatabase();
  councilId = (await createCouncil(database)).id;
  const division = await database.db.insertInto('divisions').values({ council_id: councilId, name: 'Education Services', name_cy: null }).returning('id').executeTakeFirstOrThrow();
  await database.db.insertInto('closure_days').values({ council_id: councilId, date: '2024-05-17', name: 'Council closure' }).execute();
  const alex = await createStaffUser(database, councilId, { email: emails.alex, displayName: 'Alex Owner' });
  const bryn = await createStaffUser(database, councilId, { email: emails.bryn, displayName: 'Bryn Owner' });
  await database.db.updateTable('users').set({ language: 'cy' }).where('id', '=', bryn.id).execute();
  const manager = await createStaffUser(database, councilId, { email: emails.manager, displayName: 'Morgan Manager', roles: [] });
  await database.db.insertInto('user_roles').values({ council_id: councilId, user_id: manager.id, role: 'service_manager', division_id: division.id, service_id: null }).execute();
  const open = { status: 'in_progress', received_on: '2024-04-20' } as const;
  // C1: Alex's, in the manager's division, response due Wednesday 8 May (after the Early May bank holiday).
  await createCase(database, councilId, { ...open, reference: refs.c1, owner_user_id: alex.id, division_id: division.id, acknowledged_on: '2024-04-22', due_on: '2024-05-08' });
  // C2: Alex's, no division, due Tuesday 28 May (after the Spring bank holiday).
  await createCase(database, councilId, { ...open, reference: refs.c2, owner_user_id: alex.id, acknowledged_on: '2024-04-22', due_on: '2024-05-28' });
  // C3: Bryn's (Welsh), not acknowledged: acknowledgement due Friday 3 May, response due Monday 20 May (after the closure day).
  await createCase(database, councilId, { ...open, status: 'received', reference: refs.c3, owner_user_id: bryn.id, acknowledgement_due_on: '2024-05-03', due_on: '2024-05-20' });
  // Answered, closed and unowned cases are never chased.
  await createCase(database, councilId, { ...open, reference: refs.other, owner_user_id: alex.id, due_on: '2024-05-08', responded_on: '2024-05-07', status: 'responded' });
  await createCase(database, councilId, { ...open, owner_user_id: alex.id, due_on: '2024-05-08', status: 'closed', closed_on: '2024-05-07' });
  await createCase(database, councilId, { ...open, owner_user_id: null, due_on: '2024-05-08' });
});
afterAll(async () => {
  await database?.destroy();
});

const WORKING_DAYS = ['01', '02', '03', '07', '08', '09', '10', '13', '14', '15', '16', '20', '21', '22', '23', '24', '28', '29', '30', '31'].map((d) => `2024-05-${d}`);
const from = (first: string, last = '2024-05-31') => WORKING_DAYS.filter((d) => d >= first && d <= last);

/** date -> recipient -> sorted "reference deadline state" items. */
function expected(): Map<string, Map<string, string[]>> {
  const table = new Map<string, Map<string, string[]>>();
  const add = (days: string[], recipient: string, item: string) => {
    for (const day of days) {
      const row = table.get(day) ?? new Map<string, string[]>();
      row.set(recipient, [...(row.get(recipient) ?? []), item].sort());
      table.set(day, row);
    }
  };
  add(['2024-05-02'], emails.alex, 'REM-C1 response due_in');
  add(['2024-05-07'], emails.alex, 'REM-C1 response due_in');
  add(['2024-05-08'], emails.alex, 'REM-C1 response due_today');
  add(from('2024-05-09'), emails.alex, 'REM-C1 response overdue');
  add(from('2024-05-09'), emails.manager, 'REM-C1 response overdue copy');
  add(['2024-05-22'], emails.alex, 'REM-C2 response due_in');
  add(['2024-05-24'], emails.alex, 'REM-C2 response due_in');
  add(['2024-05-28'], emails.alex, 'REM-C2 response due_today');
  add(from('2024-05-29'), emails.alex, 'REM-C2 response overdue');
  add(['2024-05-02'], emails.bryn, 'REM-C3 acknowledgement due_in');
  add(['2024-05-03'], emails.bryn, 'REM-C3 acknowledgement due_today');
  add(from('2024-05-07'), emails.bryn, 'REM-C3 acknowledgement overdue');
  add(['2024-05-14', '2024-05-16'], emails.bryn, 'REM-C3 response due_in');
  add(['2024-05-20'], emails.bryn, 'REM-C3 response due_today');
  add(from('2024-05-21'), emails.bryn, 'REM-C3 response overdue');
  return table;
}

type Row = { recipient: string; language: string; case_id: string | null; payload: { today: string; items: Array<{ reference: string; deadline: string; state: string; workingDays: number; copyOfOwner: string | null }> } };

describe('reminders over a simulated month', () => {
  const runs = new Map<string, string>();
  beforeAll(async () => {
    for (let day = '2024-05-01'; day <= '2024-05-31'; day = addCalendarDays(day, 1)) {
      runs.set(day, (await runReminders(database, { councilId, today: day })).status);
    }
  });
  const sent = async () =>
    (await sql<Row>`select recipient, language, case_id, payload from outbox_messages where council_id = ${councilId} and template = 'reminder' order by created_at`.execute(database.db)).rows;

  it('sends exactly the expected reminders on the expected days, and nothing on other days', async () => {
    const actual = new Map<string, Map<string, string[]>>();
    for (const row of await sent()) {
      const day = actual.get(row.payload.today) ?? new Map<string, string[]>();
      expect(day.has(row.recipient)).toBe(false); // one email per person per day
      day.set(row.recipient, row.payload.items.map((i) => `${i.reference} ${i.deadline} ${i.state}${i.copyOfOwner ? ' copy' : ''}`).sort());
      actual.set(row.payload.today, day);
    }
    const want = expected();
    expect([...actual.keys()].sort()).toEqual([...want.keys()].sort());
    for (const [day, recipients] of want) expect(Object.fromEntries(actual.get(day)!), day).toEqual(Object.fromEntries(recipients));
  });

  it('runs on working days only: not at weekends, on the bank holidays or on the closure day', () => {
    for (const day of ['2024-05-04', '2024-05-05', '2024-05-06', '2024-05-17', '2024-05-27']) expect(runs.get(day), day).toBe('not_a_working_day');
    for (const day of WORKING_DAYS) expect(runs.get(day), day).toBe('done');
  });

  it('counts working days in the reminders: due in 3 and 1, overdue by 1 the next working day', async () => {
    const rows = await sent();
    const item = (day: string, recipient: string, reference: string) =>
      rows.find((r) => r.payload.today === day && r.recipient === recipient)!.payload.items.find((i) => i.reference === reference && !i.copyOfOwner)!;
    expect(item('2024-05-02', emails.alex, refs.c1).workingDays).toBe(3);
    expect(item('2024-05-07', emails.alex, refs.c1).workingDays).toBe(1);
    expect(item('2024-05-09', emails.alex, refs.c1).workingDays).toBe(1);
    expect(item('2024-05-20', emails.alex, refs.c1).workingDays).toBe(7); // 9,10,13,14,15,16,20
    const copy = rows.find((r) => r.payload.today === '2024-05-09' && r.recipient === emails.manager)!;
    expect(copy.payload.items[0]!.copyOfOwner).toBe('Alex Owner');
  });

  it('sends a digest when a person has several cases, in their language', async () => {
    const rows = await sent();
    const digest = rows.find((r) => r.payload.today === '2024-05-22' && r.recipient === emails.alex)!;
    expect(digest.case_id).toBeNull();
    const rendered = renderTemplate('reminder', 'en', 'email', digest.payload, { councilName: 'Heardshire', portalUrl: 'http://127.0.0.1:3000' });
    expect(rendered.subject).toBe('Reminder: 2 cases need your attention');
    const welsh = rows.find((r) => r.payload.today === '2024-05-21' && r.recipient === emails.bryn)!;
    expect(welsh.language).toBe('cy');
    expect(renderTemplate('reminder', 'cy', 'email', welsh.payload, { councilName: 'Heardshire', portalUrl: 'x' }).subject).toBe(
      'Nodyn atgoffa: mae angen i chi edrych ar 2 achos',
    );
  });

  it('adds nothing when a day is run again (a retried job)', async () => {
    const before = (await sent()).length;
    expect((await runReminders(database, { councilId, today: '2024-05-22' })).status).toBe('already_ran');
    await sql`delete from job_runs where council_id = ${councilId} and run_on = '2024-05-22'`.execute(database.db);
    const again = await runReminders(database, { councilId, today: '2024-05-22' });
    expect(again).toEqual({ status: 'done', messages: 0, items: 0 });
    expect((await sent()).length).toBe(before);
  });
});
