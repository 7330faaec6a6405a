import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCallers, refusal, setUpCouncil, type TestCouncil } from '../casework/test-kit';

/**
 * Learning actions come from upheld and partly upheld complaints (rules.md
 * "Outcomes"), and from the Ombudsman's finding of fault: the API records
 * them only there, whoever calls it, and
 * refuses any other case with a reason, writing nothing.
 */
let database: TestDatabase;
let council: TestCouncil;
let clock = new Date('2025-06-02T09:00:00Z');
let callers: ReturnType<typeof makeCallers>;

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'learning', clock);
  callers = makeCallers(database, () => clock);
});
afterAll(() => database.destroy());

const officer = () => callers.asUser(council, council.users.complaints_officer);

/** A case received on 2 June; a complaint answered on 10 June with these findings, if given. */
async function makeCase(
  type: 'corporate_complaint' | 'foi_request',
  findings: ('upheld' | 'partly_upheld' | 'not_upheld')[] | null,
): Promise<string> {
  clock = new Date('2025-06-02T09:00:00Z');
  const api = await officer();
  const { caseId } = await api.staff.case.create({
    type,
    channel: 'email',
    receivedOn: '2025-06-02',
    summary: 'School transport',
    details: 'No school transport since the start of term.',
    name: 'Jo Parent',
    email: 'jo@example.com',
  });
  if (findings) {
    await api.staff.case.savePoints({ caseId, points: findings.map((finding, i) => ({ summary: `Point ${i + 1}`, finding })) });
    clock = new Date('2025-06-10T09:00:00Z');
    await (await officer()).staff.case.respond({ caseId });
  }
  clock = new Date('2025-06-11T09:00:00Z');
  return caseId;
}

const action = () => ({
  description: 'Remind the transport team to confirm routes before term',
  ownerId: council.users.service_manager,
  dueOn: '2025-09-01',
  status: 'open' as const,
});

async function written(caseId: string) {
  const actions = await database.db.selectFrom('learning_actions').selectAll().where('case_id', '=', caseId).execute();
  const events = await database.db
    .selectFrom('case_events')
    .select('type')
    .where('case_id', '=', caseId)
    .where('type', 'like', 'learning_action%')
    .execute();
  return { actions, events };
}

describe('a learning action', () => {
  it('is recorded on an upheld complaint with its owner, due date and status', async () => {
    const caseId = await makeCase('corporate_complaint', ['upheld']);
    const { actionId } = await (await officer()).staff.case.saveLearningAction({ caseId, action: action() });
    const page = await (await officer()).staff.case.get({ caseId });
    expect(page.learningActions).toEqual([
      expect.objectContaining({
        id: actionId,
        ownerUserId: council.users.service_manager,
        ownerName: 'Test service_manager',
        dueOn: '2025-09-01',
        status: 'open',
        complainantToldOn: null,
      }),
    ]);
    expect((await written(caseId)).events.map((e) => e.type)).toEqual(['learning_action_added']);
    // And updated there: done, with the date the complainant was told.
    await (
      await officer()
    ).staff.case.saveLearningAction({ caseId, actionId, action: { ...action(), status: 'done', complainantToldOn: '2025-06-11' } });
    const { actions } = await written(caseId);
    expect(actions).toHaveLength(1);
    expect(actions[0]).toMatchObject({ status: 'done', complainant_told_on: '2025-06-11' });
  });

  it('is recorded on a partly upheld complaint', async () => {
    const caseId = await makeCase('corporate_complaint', ['upheld', 'not_upheld']);
    await (await officer()).staff.case.saveLearningAction({ caseId, action: action() });
    expect((await written(caseId)).actions).toHaveLength(1);
  });

  it("is recorded where the Ombudsman found fault in a complaint the council had not upheld", async () => {
    const stage1 = await makeCase('corporate_complaint', ['not_upheld']);
    const api = await officer();
    const referred = await api.staff.escalation.referToOmbudsman({ caseId: stage1, ombudsmanReference: 'LGSCO 25 000 009' });
    const ombudsmanCase = referred.ombudsmanCase!.id;
    const refusedWhileOpen = await refusal(api.staff.case.saveLearningAction({ caseId: ombudsmanCase, action: action() }));
    expect(refusedWhileOpen).toMatchObject({ status: 422, messageKey: 'casework.errors.learningBeforeOutcome' });
    await api.staff.escalation.ombudsmanDecision({ caseId: ombudsmanCase, decision: 'to_be_investigated' });
    await api.staff.escalation.ombudsmanOutcome({ caseId: ombudsmanCase, outcome: 'fault_no_injustice', remedies: [] });
    await (await officer()).staff.case.saveLearningAction({ caseId: ombudsmanCase, action: action() });
    expect((await written(ombudsmanCase)).actions).toHaveLength(1);
  });

  it('is refused on a complaint that was not upheld, and nothing is written', async () => {
    const caseId = await makeCase('corporate_complaint', ['not_upheld']);
    const refused = await refusal((await officer()).staff.case.saveLearningAction({ caseId, action: action() }));
    expect(refused).toMatchObject({ status: 422, messageKey: 'casework.errors.learningNotUpheld' });
    expect(await written(caseId)).toEqual({ actions: [], events: [] });
  });

  it('is refused on a complaint not answered yet, and nothing is written', async () => {
    const caseId = await makeCase('corporate_complaint', null);
    const refused = await refusal((await officer()).staff.case.saveLearningAction({ caseId, action: action() }));
    expect(refused).toMatchObject({ status: 422, messageKey: 'casework.errors.learningBeforeOutcome' });
    expect(await written(caseId)).toEqual({ actions: [], events: [] });
  });

  it('is refused on an FOI request, and nothing is written', async () => {
    const caseId = await makeCase('foi_request', null);
    const refused = await refusal((await officer()).staff.case.saveLearningAction({ caseId, action: action() }));
    expect(refused).toMatchObject({ status: 422, messageKey: 'casework.errors.learningOnlyComplaints' });
    expect(await written(caseId)).toEqual({ actions: [], events: [] });
  });
});
