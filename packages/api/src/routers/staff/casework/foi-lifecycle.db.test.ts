import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, makeCallers, refusal, setUpCouncil, type TestCouncil } from './test-kit';

/**
 * An FOI request through clarification (the clock stops, then restarts),
 * a public interest extension, a partial refusal citing an exemption, the
 * disclosure log, an internal review by someone else, and an ICO appeal; and
 * an MP's enquiry and a compliment beside it.
 */
let database: TestDatabase;
let council: TestCouncil;
let clock = new Date('2025-06-02T09:00:00Z');
const at = (date: string) => {
  clock = new Date(`${date}T09:00:00Z`);
};
let callers: ReturnType<typeof makeCallers>;
let reviewer: { id: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'foi', clock);
  reviewer = await addStaff(database, council, 'Review Officer', 'complaints_officer', clock);
  callers = makeCallers(database, () => clock);
});
afterAll(() => database.destroy());

const officer = () => callers.asUser(council, council.users.complaints_officer);

describe('an FOI request', () => {
  it('is due 20 working days after receipt on the FOI calendar', async () => {
    const created = await (await officer()).staff.case.create({
      type: 'foi_request',
      channel: 'email',
      receivedOn: '2025-06-02',
      summary: 'Agency staff spend',
      details: 'Please send the amount spent on agency social workers in 2024-25.',
      name: 'Sam Requester',
      email: 'sam@example.com',
    });
    ids.request = created.caseId;
    const page = await (await officer()).staff.case.get({ caseId: ids.request });
    expect(page.case).toMatchObject({ stage: 'request', framework: 'foi', dueOn: '2025-06-30', acknowledgementDueOn: null });
    expect(page.people[0]?.role).toBe('requester');
  });

  it('stops the clock while a clarification is awaited and restarts it when it arrives', async () => {
    at('2025-06-03');
    await (await officer()).staff.foi.requestClarification({ caseId: ids.request!, letter: { templateId: 'default-clarification', language: 'en' } });
    let page = await (await officer()).staff.case.get({ caseId: ids.request! });
    expect(page.case).toMatchObject({ dueOn: null, deadlineStatus: 'awaiting' });
    expect(page.deadlines.current.rag).toBe('awaiting');
    expect(await refusal((await officer()).staff.foi.requestClarification({ caseId: ids.request! }))).toMatchObject({ messageKey: 'refusal.clarificationPending', params: { date: '2025-06-03' } });
    at('2025-06-10');
    await (await officer()).staff.foi.receiveClarification({ caseId: ids.request! });
    page = await (await officer()).staff.case.get({ caseId: ids.request! });
    // Day 0 is the day the clarification arrived.
    expect(page.case).toMatchObject({ dueOn: '2025-07-08', deadlineStatus: 'due' });
  });

  it('takes a public interest extension of up to 20 more working days, agreed by the deadline', async () => {
    at('2025-07-01');
    expect(await refusal((await officer()).staff.foi.extend({ caseId: ids.request!, limit: 41, agreedOn: '2025-07-01', reason: 'Public interest test' }))).toMatchObject({
      messageKey: 'refusal.extensionTooLong',
      params: { max: 40 },
    });
    await (await officer()).staff.foi.extend({ caseId: ids.request!, limit: 40, agreedOn: '2025-07-01', reason: 'Public interest test (s.36)' });
    const page = await (await officer()).staff.case.get({ caseId: ids.request! });
    // 40 working days from the clarification, skipping 14 July (Northern Ireland) and 4 August (Scotland).
    expect(page.case.dueOn).toBe('2025-08-07');
    expect(page.deadlines.current.explanation.join(' ')).toMatch(/40/);
  });

  it('is answered citing the exemptions of what is withheld, and published without personal data', async () => {
    at('2025-07-21');
    const noExemption = await refusal((await officer()).staff.foi.respond({ caseId: ids.request!, outcome: 'partly_provided' }));
    expect(noExemption).toMatchObject({ status: 400, fieldErrors: { exemptions: 'casework.errors.exemptionRequired' } });
    await (await officer()).staff.foi.respond({ caseId: ids.request!, outcome: 'partly_provided', exemptions: ['s40'] });
    const page = await (await officer()).staff.case.get({ caseId: ids.request! });
    expect(page.case).toMatchObject({ status: 'responded', outcome: 'partly_provided', foiExemptions: ['s40'], respondedOn: '2025-07-21' });
    const personal = await refusal((await officer()).staff.foi.publish({ caseId: ids.request!, title: 'Agency spend', summary: 'Sent to Sam Requester at sam@example.com' }));
    expect(personal).toMatchObject({ status: 400, fieldErrors: { summary: 'casework.errors.personalData' } });
    await (await officer()).staff.foi.publish({ caseId: ids.request!, title: 'Agency social worker spend 2024-25', summary: 'Total spend provided; names of agencies withheld.' });
    const log = await database.withCouncil(council.id, (tx) => tx.selectFrom('disclosure_log_entries').select(['title', 'outcome', 'published_on']).execute());
    expect(log).toEqual([{ title: 'Agency social worker spend 2024-25', outcome: 'partly_provided', published_on: '2025-07-21' }]);
  });

  it('goes to an internal review, answered by someone not involved in the request', async () => {
    at('2025-08-01');
    const review = await (await officer()).staff.escalation.request({ caseId: ids.request! });
    ids.review = review.nextStage!.id;
    let page = await (await officer()).staff.case.get({ caseId: ids.review });
    expect(page.case).toMatchObject({ stage: 'internal_review', dueOn: '2025-09-02' });
    at('2025-08-15');
    expect(await refusal((await officer()).staff.foi.respond({ caseId: ids.review, outcome: 'provided' }))).toMatchObject({ messageKey: 'refusal.sameResponder' });
    await (await callers.asUser(council, reviewer.id)).staff.foi.respond({ caseId: ids.review, outcome: 'provided' });
    page = await (await officer()).staff.case.get({ caseId: ids.review });
    expect(page.case).toMatchObject({ status: 'responded', outcome: 'provided' });
  });

  it('records an appeal to the Information Commissioner', async () => {
    at('2025-09-01');
    const appeal = await (await officer()).staff.escalation.request({ caseId: ids.review! });
    const page = await (await officer()).staff.case.get({ caseId: appeal.nextStage!.id });
    expect(page.case).toMatchObject({ stage: 'information_commissioner', deadlineStatus: 'no_deadline', parentCaseId: ids.review });
  });
});

describe('enquiries and compliments', () => {
  it("logs an MP's enquiry with its 10 working day deadline", async () => {
    at('2025-06-02');
    const created = await (await officer()).staff.case.create({
      type: 'mp_enquiry',
      framework: 'corporate',
      channel: 'email',
      receivedOn: '2025-06-02',
      summary: 'School transport',
      details: 'Constituent asks about school transport.',
      name: 'A. Member MP',
    });
    const log = await (await officer()).staff.logs.enquiries({});
    expect(log.rows.find((r) => r.id === created.caseId)).toMatchObject({ type: 'mp_enquiry', dueOn: '2025-06-16' });
    const noFramework = await refusal(
      (await officer()).staff.case.create({ type: 'member_enquiry', channel: 'member', receivedOn: '2025-06-02', summary: 'x', details: 'y', name: 'Cllr Z' }),
    );
    expect(noFramework).toMatchObject({ status: 400, fieldErrors: { framework: 'casework.errors.frameworkRequired' } });
  });

  it('logs a compliment with its service and whether it may be shared, and closes it without a response', async () => {
    const created = await (await officer()).staff.case.create({
      type: 'compliment',
      framework: 'statutory',
      channel: 'letter',
      receivedOn: '2025-06-02',
      summary: 'Thanks to the fostering team',
      details: 'The fostering team were wonderful.',
      name: 'Jo Carer',
    });
    await (await officer()).staff.triage.classify({ caseId: created.caseId, type: 'compliment', framework: 'statutory', serviceId: council.services.fostering, themeIds: [] });
    await (await officer()).staff.case.setMayShare({ caseId: created.caseId, mayShare: true });
    await (await officer()).staff.case.close({ caseId: created.caseId });
    const log = await (await officer()).staff.logs.compliments({});
    expect(log.rows.find((r) => r.id === created.caseId)).toMatchObject({ status: 'closed', serviceName: 'Fostering', divisionName: "Children's Social Care", mayShare: true });
  });

  it('keeps the advocacy referrals log', async () => {
    const saved = await (await officer()).staff.advocacy.save({ referredOn: '2025-06-02', source: 'social_worker', organisation: 'NYAS', youngPersonName: 'Young Person', accepted: true });
    const future = await refusal((await officer()).staff.advocacy.save({ referredOn: '2099-01-01', source: 'self', organisation: 'NYAS', youngPersonName: 'Y' }));
    expect(future).toMatchObject({ status: 400, fieldErrors: { referredOn: 'errors.date.inFuture' } });
    const list = await (await callers.asUser(council, council.users.management_viewer)).staff.advocacy.list();
    expect(list).toEqual([expect.objectContaining({ id: saved.referralId, organisation: 'NYAS', source: 'social_worker', accepted: true })]);
  });
});
