import { createCase, createCouncil, createStaffUser, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplate, runWeeklyDigest } from '../src/index';

/**
 * The weekly digest for the management team: open cases by division and RAG,
 * the overdue list, cases due next week and the quarter so far; sent on the
 * first working day of the week (Tuesday 28 May 2024, after the Spring bank
 * holiday), once.
 */
let database: TestDatabase;
let councilId: string;

beforeAll(async () => {
  database = await createTestDatabase();
  councilId = (await createCouncil(database, { name: 'Heardshire Council' })).id;
  const division = await database.db.insertInto('divisions').values({ council_id: councilId, name: 'Education Services', name_cy: null }).returning('id').executeTakeFirstOrThrow();
  const owner = await createStaffUser(database, councilId, { displayName: 'Alex Owner' });
  await createStaffUser(database, councilId, { email: 'director@heardshire.test', displayName: 'Dee Director', roles: ['management_viewer'] });
  const open = { status: 'in_progress', division_id: division.id, owner_user_id: owner.id } as const;
  await createCase(database, councilId, { ...open, reference: 'DIG-RED', received_on: '2024-05-01', due_on: '2024-05-15' });
  // Amber: due within 3 working days of Tuesday 28 May (29, 30, 31).
  await createCase(database, councilId, { ...open, reference: 'DIG-AMBER', received_on: '2024-05-20', due_on: '2024-05-31' });
  // Green, and due next week (3 to 9 June).
  await createCase(database, councilId, { ...open, reference: 'DIG-GREEN', received_on: '2024-05-21', due_on: '2024-06-04' });
  await createCase(database, councilId, { status: 'received', reference: 'DIG-NODIV', received_on: '2024-05-24', due_on: null });
  // Answered this quarter: one on time, one late.
  await createCase(database, councilId, { status: 'closed', reference: 'DIG-ONTIME', received_on: '2024-04-02', due_on: '2024-04-16', responded_on: '2024-04-15', closed_on: '2024-04-20' });
  await createCase(database, councilId, { status: 'closed', reference: 'DIG-LATE', received_on: '2024-03-20', due_on: '2024-04-05', responded_on: '2024-04-10', closed_on: '2024-04-20' });
});
afterAll(async () => {
  await database?.destroy();
});

describe('weekly digest', () => {
  it('is not sent on a day that is not the first working day of the week', async () => {
    expect((await runWeeklyDigest(database, { councilId, today: '2024-05-27' })).status).toBe('not_today'); // bank holiday
    expect((await runWeeklyDigest(database, { councilId, today: '2024-05-29' })).status).toBe('not_today');
  });

  it('gives the figures, and queues one email for each management viewer', async () => {
    const run = await runWeeklyDigest(database, { councilId, today: '2024-05-28' });
    if (run.status !== 'done') throw new Error(run.status);
    expect(run.messages).toBe(1);
    expect(run.digest.byDivision).toEqual([
      { division: 'Education Services', red: 1, amber: 1, green: 1, none: 0, total: 3 },
      { division: null, red: 0, amber: 0, green: 0, none: 1, total: 1 },
    ]);
    expect(run.digest.overdue.map((c) => [c.reference, c.workingDays])).toEqual([['DIG-RED', 8]]); // 16,17,20,21,22,23,24,28
    expect(run.digest.dueNextWeek.map((c) => c.reference)).toEqual(['DIG-GREEN']);
    expect(run.digest.quarter).toEqual({ label: 'Q1', from: '2024-04-01', received: 5, responded: 2, onTime: 1 });
    const rows = await sql<{ recipient: string; payload: unknown }>`select recipient, payload from outbox_messages where template = 'weekly_digest'`.execute(database.db);
    expect(rows.rows.map((r) => r.recipient)).toEqual(['director@heardshire.test']);
    const email = renderTemplate('weekly_digest', 'en', 'email', rows.rows[0]!.payload, { councilName: 'Heardshire Council', portalUrl: 'x' });
    expect(email.subject).toBe('Weekly casework tracker: week of Monday 27 May 2024');
    expect(email.body).toContain('- Education Services: 1 red, 1 amber, 1 green, 0 no deadline (3 open)');
    expect(email.body).toContain('- Responded: 2, of which on time: 1 (50%)');
  });

  it('is sent once a week, however often it runs', async () => {
    expect((await runWeeklyDigest(database, { councilId, today: '2024-05-28' })).status).toBe('already_ran');
    const again = await runWeeklyDigest(database, { councilId, today: '2024-05-28', force: true });
    expect(again).toMatchObject({ status: 'done', messages: 0 });
  });
});
