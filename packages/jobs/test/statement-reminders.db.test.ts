import { caseworkRepository } from '@heard/db';
import { createCase, createCouncil, createStaffUser, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { addCalendarDays, computeDeadline, rulesForCase, transitionCase } from '@heard/domain';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderTemplate, runReminders } from '../src/index';

/**
 * The "awaiting agreed statement" reminder (rules.md, statutory Stage 2,
 * regulations 16-17) over a simulated May and June 2024 (England and Wales:
 * bank holidays on 6 and 27 May), with the default policy: every 10 working
 * days after the request was accepted, until the statement is agreed. The
 * days below are counted by hand from the calendar.
 */
let database: TestDatabase;
let councilId: string;
const emails = { officer: 'ifan.officer@heardshire.test', manager: 'morgan.manager@heardshire.test', team: 'casey.team@heardshire.test' };
const refs = { owned: 'STM-OWNED', unowned: 'STM-UNOWNED', agreed: 'STM-AGREED', pending: 'STM-PENDING', corporate: 'STM-CORPORATE' };
const ids: Record<string, string> = {};
const POLICY_DATE = '2024-03-04';
const ACCEPTED_ON = '2024-05-02'; // Thursday, before the Early May bank holiday
const AGREED_ON = '2024-06-05';

/** A Stage 2 row as the lifecycle writes it once the request is decided. */
function stage2(reference: string, values: { decision: 'accepted' | null; type?: 'children_act_complaint' | 'corporate_complaint' }) {
  const request = { requestedOn: '2024-04-29', decision: values.decision, decidedOn: values.decision ? ACCEPTED_ON : null, reason: null, lateReason: null };
  return {
    reference,
    type: values.type ?? 'children_act_complaint',
    stage: '2',
    received_on: '2024-04-29',
    acknowledged_on: '2024-04-30',
    status: 'acknowledged',
    decision: values.decision,
    deadline_status: 'awaiting_agreed_statement' as const,
    lifecycle: JSON.stringify({ policyDate: POLICY_DATE, request, statementAgreedOn: null }),
  };
}

beforeAll(async () => {
  database = await createTestDatabase();
  councilId = (await createCouncil(database)).id;
  const division = await database.db.insertInto('divisions').values({ council_id: councilId, name: "Children's Social Care", name_cy: null }).returning('id').executeTakeFirstOrThrow();
  const officer = await createStaffUser(database, councilId, { email: emails.officer, displayName: 'Ifan Officer', roles: ['investigating_officer'] });
  await database.db.updateTable('users').set({ language: 'cy' }).where('id', '=', officer.id).execute();
  const manager = await createStaffUser(database, councilId, { email: emails.manager, displayName: 'Morgan Manager', roles: [] });
  await database.db.insertInto('user_roles').values({ council_id: councilId, user_id: manager.id, role: 'service_manager', division_id: division.id, service_id: null }).execute();
  await createStaffUser(database, councilId, { email: emails.team, displayName: 'Casey Team' }); // a complaints officer
  // Accepted, the investigating officer appointed (the case's owner), the statement awaited: agreed on 5 June below.
  ids.owned = (await createCase(database, councilId, { ...stage2(refs.owned, { decision: 'accepted' }), status: 'in_progress', owner_user_id: officer.id, division_id: division.id })).id;
  // Accepted, no officer appointed yet: the complaints team is reminded.
  ids.unowned = (await createCase(database, councilId, stage2(refs.unowned, { decision: 'accepted' }))).id;
  // Agreed before the first reminder: its 25 working days run, nothing more about the statement.
  const agreed = stage2(refs.agreed, { decision: 'accepted' });
  await createCase(database, councilId, {
    ...agreed,
    started_on: '2024-05-03',
    due_on: '2024-06-10',
    deadline_status: 'due',
    lifecycle: JSON.stringify({ ...(JSON.parse(agreed.lifecycle) as object), statementAgreedOn: '2024-05-03' }),
  });
  // Not accepted yet (only accepted requests are investigated), and a corporate Stage 2 (no statement).
  await createCase(database, councilId, stage2(refs.pending, { decision: null }));
  await createCase(database, councilId, { ...stage2(refs.corporate, { decision: 'accepted', type: 'corporate_complaint' }), deadline_status: 'awaiting', owner_user_id: officer.id, status: 'in_progress' });
});
afterAll(async () => {
  await database?.destroy();
});

/** The statement is agreed as the API agrees it: the lifecycle's transition, then the domain's deadline saved. */
async function agreeStatement(caseId: string, on: string) {
  await database.withCouncil(councilId, async (tx) => {
    const repo = caseworkRepository(tx);
    const record = (await repo.findById(caseId, { forUpdate: true }))!;
    const rules = rulesForCase({ receivedOn: record.state.policyDate });
    const result = transitionCase(record.state, { type: 'agree_statement', on }, on, rules);
    if (!result.ok) throw new Error(result.refusal.key);
    const response = computeDeadline(result.state, 'response', rules, { explain: false });
    const dueOn = response.status === 'due' ? response.dueOn : null;
    await repo.saveTransition(record, result.state, result.events, {
      actorUserId: null,
      actorLabel: 'test',
      deadlines: { acknowledgementDueOn: null, dueOn, deadlineStatus: 'due' },
      now: new Date(`${on}T10:00:00Z`),
    });
  });
}

type Item = { reference: string; deadline: string; state: string; workingDays: number; acceptedOn?: string; dueOn: string; copyOfOwner: string | null };
type Row = { recipient: string; language: string; case_id: string | null; idempotency_key: string; payload: { today: string; items: Item[] } };
const sent = async () =>
  (await sql<Row>`select recipient, language, case_id, idempotency_key, payload from outbox_messages where council_id = ${councilId} and template = 'reminder' order by created_at`.execute(database.db)).rows;

describe('the "awaiting agreed statement" reminder over two months', () => {
  const runs = new Map<string, string>();
  beforeAll(async () => {
    for (let day = '2024-05-01'; day <= '2024-06-30'; day = addCalendarDays(day, 1)) {
      // Agreed during the day, after the morning's run.
      if (day === addCalendarDays(AGREED_ON, 1)) await agreeStatement(ids.owned!, AGREED_ON);
      runs.set(day, (await runReminders(database, { councilId, today: day })).status);
    }
  });

  it('reminds on the 10th working day after acceptance (17 May: the 6 May bank holiday skipped) and every 10 after, and on no other day', async () => {
    const actual = (await sent()).map((r) => `${r.payload.today} ${r.recipient} ${r.payload.items.map((i) => `${i.reference}${i.copyOfOwner ? ' copy' : ''}`).join(',')}`);
    expect(actual.sort()).toEqual(
      [
        `2024-05-17 ${emails.officer} ${refs.owned}`,
        `2024-05-17 ${emails.team} ${refs.unowned}`,
        // 20 working days: the Spring bank holiday (27 May) skipped; the repeat copies the officer's manager.
        `2024-06-03 ${emails.officer} ${refs.owned}`,
        `2024-06-03 ${emails.manager} ${refs.owned} copy`,
        `2024-06-03 ${emails.team} ${refs.unowned}`,
        // 30 working days: the owned case's statement was agreed on 5 June, so only the other one.
        `2024-06-17 ${emails.team} ${refs.unowned}`,
      ].sort(),
    );
    expect(runs.get('2024-05-16')).toBe('done'); // the 9th working day: ran, nothing to remind
    expect(runs.get('2024-05-27')).toBe('not_a_working_day');
  });

  it('says what is awaited and since when, with the working days counted', async () => {
    const first = (await sent()).find((r) => r.payload.today === '2024-05-17' && r.recipient === emails.officer)!;
    expect(first.idempotency_key).toBe(`reminders:${first.idempotency_key.split(':')[1]}:2024-05-17`);
    expect(first.case_id).toBe(ids.owned);
    expect(first.payload.items).toEqual([
      { caseId: ids.owned, reference: refs.owned, type: 'children_act_complaint', deadline: 'statement', dueOn: '2024-05-17', state: 'awaiting_statement', workingDays: 10, acceptedOn: ACCEPTED_ON, copyOfOwner: null },
    ]);
    const repeat = (await sent()).find((r) => r.payload.today === '2024-06-03' && r.recipient === emails.manager)!;
    expect(repeat.payload.items[0]).toMatchObject({ workingDays: 20, copyOfOwner: 'Ifan Officer' });
  });

  it('renders in the recipient’s language, English and Welsh', async () => {
    const rows = await sent();
    const context = { councilName: 'Heardshire', portalUrl: 'http://127.0.0.1:3000' };
    const welsh = rows.find((r) => r.payload.today === '2024-05-17' && r.recipient === emails.officer)!;
    expect(welsh.language).toBe('cy');
    const cy = renderTemplate('reminder', 'cy', 'email', welsh.payload, context);
    expect(cy.subject).toBe(`Nodyn atgoffa: ${refs.owned} dim cytundeb ar y datganiad cwyn eto, 10 diwrnod gwaith ar ôl derbyn y cais ar Dydd Iau 2 Mai 2024 (mae terfyn amser yr ymchwiliad yn dechrau pan gytunir arno)`);
    const english = rows.find((r) => r.payload.today === '2024-05-17' && r.recipient === emails.team)!;
    const en = renderTemplate('reminder', 'en', 'email', english.payload, context);
    expect(en.body).toContain(`- ${refs.unowned} (complaint): statement of complaint not agreed yet, 10 working day(s) after the request was accepted on Thursday 2 May 2024`);
  });

  it('adds nothing when the day is run again (a retried job, or its record lost)', async () => {
    const before = (await sent()).length;
    expect((await runReminders(database, { councilId, today: '2024-05-17' })).status).toBe('already_ran');
    await sql`delete from job_runs where council_id = ${councilId} and run_on = '2024-05-17'`.execute(database.db);
    expect(await runReminders(database, { councilId, today: '2024-05-17' })).toEqual({ status: 'done', messages: 0, items: 0 });
    expect((await sent()).length).toBe(before);
  });

  it('leaves the agreed case to its response deadline: 25 working days from the statement', async () => {
    const row = await database.db.selectFrom('cases').select(['due_on', 'started_on', 'deadline_status']).where('id', '=', ids.owned!).executeTakeFirstOrThrow();
    expect(row).toEqual({ due_on: '2024-07-10', started_on: AGREED_ON, deadline_status: 'due' });
  });
});
