import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, makeCallers, refusal, setUpCouncil, type TestCouncil } from './test-kit';

/**
 * Two corporate complaints about SEND, either side of 1 April 2026, when the
 * Ombudsman starts applying its Complaint Handling Code (rules.md). The one
 * received before keeps the council's earlier policy for life (10 working
 * days from receipt, 20 at Stage 2, no extension); the one received after
 * follows the Code: acknowledged in 5 working days, answered within 10 of
 * the acknowledgement (extendable by 10), Stage 2 acknowledged in 5 and
 * answered within 20 of its acknowledgement (extendable by 20), by someone
 * other than the Stage 1 responder.
 */
let database: TestDatabase;
let council: TestCouncil;
let clock = new Date('2026-03-24T09:00:00Z');
const at = (date: string) => {
  clock = new Date(`${date}T09:00:00Z`);
};
let callers: ReturnType<typeof makeCallers>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'corporate', clock);
  // A second investigating officer, for the Code's Stage 2.
  await addStaff(database, council, 'SEND Reviewer', 'investigating_officer', clock);
  callers = makeCallers(database, () => clock);
});
afterAll(() => database.destroy());

const officer = () => callers.asUser(council, council.users.complaints_officer);
/** The service manager of Education Services (SEND is in that division). */
const manager = () => callers.asUser(council, council.users.service_manager);
const reviewer = () => callers.asUser(council, council.extra['SEND Reviewer']!.id);

async function snapshot(caseId: string) {
  const row = await database.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const events = await database.db.selectFrom('case_events').select('type').where('case_id', '=', caseId).execute();
  return { row, events: events.length };
}

async function newSendComplaint(receivedOn: string, summary: string) {
  const { caseId } = await (
    await officer()
  ).staff.case.create({
    type: 'corporate_complaint',
    channel: 'email',
    receivedOn,
    summary,
    details: `${summary}: the EHC plan review is months late.`,
    name: 'Pat Parent',
    email: 'pat@example.com',
  });
  await (
    await officer()
  ).staff.triage.classify({
    caseId,
    type: 'corporate_complaint',
    framework: 'corporate',
    divisionId: council.divisions.education,
    serviceId: council.services.send,
    themeIds: [council.themes.speed],
  });
  await (await officer()).staff.case.savePoints({ caseId, points: [{ summary: 'Annual review late' }] });
  return caseId;
}

describe('a corporate complaint received before 1 April 2026 (the council’s earlier policy)', () => {
  it('is due 10 working days from receipt, skipping Easter, and acknowledged in 3', async () => {
    ids.before = await newSendComplaint('2026-03-24', 'EHC plan review late');
    const page = await (await officer()).staff.case.get({ caseId: ids.before });
    // Received Tuesday 24 March (day 0): acknowledgement by the 3rd working day (27 March); response by the
    // 10th, 9 April, skipping Good Friday (3 April) and Easter Monday (6 April).
    expect(page.case).toMatchObject({
      framework: 'corporate',
      stage: '1',
      acknowledgementDueOn: '2026-03-27',
      dueOn: '2026-04-09',
      deadlineStatus: 'due',
    });
    expect(page.deadlines.current.explanation.join(' ')).toContain('Good Friday');
  });

  it('keeps its due date from receipt when acknowledged, and cannot be extended', async () => {
    at('2026-03-26');
    await (await officer()).staff.triage.acknowledge({ caseId: ids.before! });
    const before = await snapshot(ids.before!);
    expect(before.row).toMatchObject({ acknowledged_on: '2026-03-26', due_on: '2026-04-09' });
    expect(
      await refusal((await officer()).staff.case.extend({ caseId: ids.before!, agreedOn: '2026-03-26', reason: 'Complex' })),
    ).toMatchObject({
      status: 422,
      messageKey: 'refusal.extensionNotAllowed',
    });
    expect(await snapshot(ids.before!)).toEqual(before);
  });

  it('is answered by the service manager; Stage 2, asked for after 1 April, keeps the earlier policy: 20 working days from the request', async () => {
    at('2026-04-08');
    const asManager = await manager();
    const points = (await asManager.staff.case.get({ caseId: ids.before! })).points;
    await asManager.staff.case.savePoints({
      caseId: ids.before!,
      points: points.map((p) => ({ id: p.id, summary: p.summary, finding: 'not_upheld' })),
    });
    await asManager.staff.case.respond({ caseId: ids.before! });
    const answered = await (await officer()).staff.case.get({ caseId: ids.before! });
    expect(answered.case).toMatchObject({ status: 'responded', outcome: 'not_upheld', respondedOn: '2026-04-08' });
    expect(answered.deadlines.current.rag).toBe('met');

    at('2026-04-14');
    const requested = await (await officer()).staff.escalation.request({ caseId: ids.before! });
    ids.beforeStage2 = requested.nextStage!.id;
    const stage2 = await (await officer()).staff.case.get({ caseId: ids.beforeStage2 });
    // Requested Tuesday 14 April (day 0): acknowledgement by the 3rd working day (17 April); response by the
    // 20th, 13 May, skipping the Early May bank holiday (4 May). Counted from the request, not an acknowledgement.
    expect(stage2.case).toMatchObject({
      stage: '2',
      status: 'received',
      acknowledgementDueOn: '2026-04-17',
      dueOn: '2026-05-13',
      deadlineStatus: 'due',
    });
    expect(stage2.state.policyDate).toBe('2026-03-24');
  });
});

describe('a corporate complaint received on or after 1 April 2026 (the Complaint Handling Code)', () => {
  it('is acknowledged within 5 working days; until then its response is due at the latest 10 working days after that', async () => {
    at('2026-04-15');
    ids.code = await newSendComplaint('2026-04-15', 'Transport to school stopped');
    const page = await (await officer()).staff.case.get({ caseId: ids.code });
    // Received Wednesday 15 April (day 0): acknowledgement by the 5th working day, 22 April. Not yet
    // acknowledged, the response is awaited, at the latest 10 working days after 22 April: 7 May (4 May skipped).
    expect(page.case).toMatchObject({ acknowledgementDueOn: '2026-04-22', dueOn: '2026-05-07', deadlineStatus: 'awaiting' });
    expect(page.deadlines.current).toMatchObject({ kind: 'response', status: 'awaiting', dueOn: '2026-05-07', rag: 'awaiting' });
    expect(
      await refusal((await officer()).staff.case.extend({ caseId: ids.code, agreedOn: '2026-04-15', reason: 'Complex' })),
    ).toMatchObject({
      messageKey: 'refusal.noDeadlineToExtend',
    });
  });

  it('is due 10 working days after the acknowledgement, not after receipt', async () => {
    at('2026-04-17');
    const before = await snapshot(ids.code!);
    await (
      await officer()
    ).staff.triage.acknowledge({ caseId: ids.code!, letter: { templateId: 'default-acknowledgement', language: 'en' } });
    const page = await (await officer()).staff.case.get({ caseId: ids.code! });
    // Acknowledged Friday 17 April (day 0): due on the 10th working day after it, Friday 1 May
    // (from receipt it would have been 29 April).
    expect(page.case).toMatchObject({ status: 'acknowledged', acknowledgedOn: '2026-04-17', dueOn: '2026-05-01', deadlineStatus: 'due' });
    expect(page.letters[0]?.body).toContain('1 May 2026');
    expect(
      page.timeline
        .slice(0, page.timeline.length - before.events)
        .map((e) => e.type)
        .reverse(),
    ).toEqual(['acknowledged', 'status_changed', 'letter_sent']);
  });

  it('is extended by up to 10 more working days, counted from the acknowledgement', async () => {
    at('2026-04-28');
    const before = await snapshot(ids.code!);
    expect(
      await refusal(
        (await officer()).staff.case.extend({
          caseId: ids.code!,
          limit: 21,
          agreedOn: '2026-04-28',
          reason: 'Waiting for the transport provider',
        }),
      ),
    ).toMatchObject({
      status: 422,
      messageKey: 'refusal.extensionTooLong',
      params: { max: 20 },
    });
    expect(await snapshot(ids.code!)).toEqual(before);
    await (await officer()).staff.case.extend({ caseId: ids.code!, agreedOn: '2026-04-28', reason: 'Waiting for the transport provider' });
    const page = await (await officer()).staff.case.get({ caseId: ids.code! });
    // 20 working days from the acknowledgement on 17 April: Monday 18 May (4 May skipped).
    expect(page.case.dueOn).toBe('2026-05-18');
    expect(page.timeline[0]).toMatchObject({
      type: 'deadline_extended',
      payload: { agreedOn: '2026-04-28', limit: 20, reason: 'Waiting for the transport provider', dueOn: '2026-05-18' },
    });
    expect(
      await refusal((await officer()).staff.case.extend({ caseId: ids.code!, agreedOn: '2026-04-28', reason: 'Again' })),
    ).toMatchObject({
      messageKey: 'refusal.extensionNotLonger',
      params: { limit: 20 },
    });
  });

  it('is answered at Stage 1 by the service manager', async () => {
    at('2026-05-12');
    const asManager = await manager();
    const points = (await asManager.staff.case.get({ caseId: ids.code! })).points;
    await asManager.staff.case.savePoints({
      caseId: ids.code!,
      points: points.map((p) => ({ id: p.id, summary: p.summary, finding: 'upheld' })),
    });
    await asManager.staff.case.respond({ caseId: ids.code! });
    const page = await (await officer()).staff.case.get({ caseId: ids.code! });
    expect(page.case).toMatchObject({ status: 'responded', outcome: 'upheld', respondedOn: '2026-05-12' });
    expect(page.state.responderId).toBe(council.users.service_manager);
  });

  it('goes to Stage 2: acknowledged within 5 working days, then due 20 working days after that acknowledgement', async () => {
    at('2026-05-20');
    const requested = await (await officer()).staff.escalation.request({ caseId: ids.code! });
    ids.codeStage2 = requested.nextStage!.id;
    let page = await (await officer()).staff.case.get({ caseId: ids.codeStage2 });
    // Requested Wednesday 20 May (day 0): acknowledgement by the 5th working day, 28 May (25 May skipped).
    expect(page.case).toMatchObject({ stage: '2', acknowledgementDueOn: '2026-05-28', deadlineStatus: 'awaiting' });
    expect(page.state.previousResponderId).toBe(council.users.service_manager);
    at('2026-05-22');
    await (await officer()).staff.escalation.decide({ caseId: ids.codeStage2, decision: 'accepted' });
    await (await officer()).staff.triage.acknowledge({ caseId: ids.codeStage2 });
    page = await (await officer()).staff.case.get({ caseId: ids.codeStage2 });
    // Acknowledged Friday 22 May (day 0): due on the 20th working day after it, Monday 22 June (25 May skipped).
    expect(page.case).toMatchObject({ status: 'acknowledged', acknowledgedOn: '2026-05-22', dueOn: '2026-06-22', deadlineStatus: 'due' });
  });

  it('is extended by up to 20 more working days at Stage 2', async () => {
    at('2026-06-01');
    const before = await snapshot(ids.codeStage2!);
    expect(
      await refusal(
        (await officer()).staff.case.extend({ caseId: ids.codeStage2!, limit: 41, agreedOn: '2026-06-01', reason: 'Independent review' }),
      ),
    ).toMatchObject({
      messageKey: 'refusal.extensionTooLong',
      params: { max: 40 },
    });
    expect(await snapshot(ids.codeStage2!)).toEqual(before);
    await (await officer()).staff.case.extend({ caseId: ids.codeStage2!, agreedOn: '2026-06-01', reason: 'Independent review' });
    // 40 working days from the acknowledgement on 22 May: Monday 20 July.
    expect((await snapshot(ids.codeStage2!)).row.due_on).toBe('2026-07-20');
  });

  it('is not answered by the Stage 1 responder, who can neither take it nor answer it', async () => {
    at('2026-06-10');
    const before = await snapshot(ids.codeStage2!);
    // The service manager reaches the case (its division is theirs) but answered Stage 1.
    const asManager = await manager();
    const points = (await asManager.staff.case.get({ caseId: ids.codeStage2! })).points;
    expect(await refusal(asManager.staff.case.respond({ caseId: ids.codeStage2! }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.sameResponder',
    });
    expect(
      await refusal((await officer()).staff.triage.assign({ caseId: ids.codeStage2!, officerId: council.users.service_manager })),
    ).toMatchObject({
      status: 422,
      messageKey: 'refusal.sameResponder',
    });
    expect(await snapshot(ids.codeStage2!)).toEqual(before);

    await (
      await officer()
    ).staff.escalation.appoint({ caseId: ids.codeStage2!, role: 'investigating_officer', userIds: [council.extra['SEND Reviewer']!.id] });
    await (
      await reviewer()
    ).staff.case.savePoints({ caseId: ids.codeStage2!, points: points.map((p) => ({ id: p.id, summary: p.summary, finding: 'upheld' })) });
    // With every point's finding saved, the Stage 1 responder is still the wrong person to answer.
    expect(await refusal(asManager.staff.case.respond({ caseId: ids.codeStage2! }))).toMatchObject({ messageKey: 'refusal.sameResponder' });
    await (await reviewer()).staff.case.respond({ caseId: ids.codeStage2! });
    const page = await (await officer()).staff.case.get({ caseId: ids.codeStage2! });
    expect(page.case).toMatchObject({
      status: 'responded',
      outcome: 'upheld',
      respondedOn: '2026-06-10',
      ownerUserId: council.extra['SEND Reviewer']!.id,
    });
    expect(page.state.responderId).toBe(council.extra['SEND Reviewer']!.id);
    expect(page.deadlines.current.rag).toBe('met');
  });
});

describe('the day the Code starts', () => {
  it('applies the Code to a complaint received on 1 April 2026, and not to one received the day before', async () => {
    at('2026-04-01');
    const lastDay = await newSendComplaint('2026-03-31', 'Received on the last day of the earlier policy');
    const firstDay = await newSendComplaint('2026-04-01', 'Received on the first day of the Code');
    // Received Tuesday 31 March: acknowledgement by the 3rd working day and response by the 10th from receipt,
    // skipping Good Friday (3 April) and Easter Monday (6 April): 7 and 16 April.
    expect((await snapshot(lastDay)).row).toMatchObject({
      acknowledgement_due_on: '2026-04-07',
      due_on: '2026-04-16',
      deadline_status: 'due',
    });
    // Received Wednesday 1 April: acknowledgement by the 5th working day (10 April, Easter skipped); the response
    // awaits it, at the latest 10 working days after 10 April: 24 April.
    expect((await snapshot(firstDay)).row).toMatchObject({
      acknowledgement_due_on: '2026-04-10',
      due_on: '2026-04-24',
      deadline_status: 'awaiting',
    });
  });
});
