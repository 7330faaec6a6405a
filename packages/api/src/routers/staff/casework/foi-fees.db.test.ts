import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCallers, refusal, setUpCouncil, type TestCouncil } from './test-kit';

/**
 * An FOI request whose fees notice pauses the clock until the fee is paid
 * (FOIA s.10(2): the days from the notice to the payment are disregarded),
 * counted on the FOI calendar (s.10(6): bank holidays anywhere in the UK);
 * and enquiries answered against their 10 working days.
 */
let database: TestDatabase;
let council: TestCouncil;
let clock = new Date('2025-06-02T09:00:00Z');
const at = (date: string) => {
  clock = new Date(`${date}T09:00:00Z`);
};
let callers: ReturnType<typeof makeCallers>;
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'foi-fees', clock);
  callers = makeCallers(database, () => clock);
});
afterAll(() => database.destroy());

const officer = () => callers.asUser(council, council.users.complaints_officer);

/** The case's row, its history and its letters: a refused call must leave all three as they were. */
async function snapshot(caseId: string) {
  const row = await database.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const events = await database.db.selectFrom('case_events').select('type').where('case_id', '=', caseId).execute();
  const letters = await database.db.selectFrom('letters').select('id').where('case_id', '=', caseId).execute();
  return { row, events: events.length, letters: letters.length };
}

describe('an FOI request with a fees notice', () => {
  it('is due 20 working days after receipt, and refuses a payment before any fees notice', async () => {
    const created = await (
      await officer()
    ).staff.case.create({
      type: 'foi_request',
      channel: 'email',
      receivedOn: '2025-06-02',
      summary: 'Every placement contract since 2015',
      details: 'Please send copies of every placement contract since 2015.',
      name: 'Sam Requester',
      email: 'sam@example.com',
    });
    ids.request = created.caseId;
    const before = await snapshot(ids.request);
    // Received Monday 2 June (day 0): the 20th working day is Monday 30 June.
    expect(before.row).toMatchObject({ due_on: '2025-06-30', deadline_status: 'due' });
    expect(await refusal((await officer()).staff.foi.recordFeePaid({ caseId: ids.request }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.noFeeNoticePending',
    });
    expect(await snapshot(ids.request)).toEqual(before);
  });

  it('pauses the clock when the fees notice is sent, with the working days left', async () => {
    at('2025-06-05');
    const before = await snapshot(ids.request!);
    await (
      await officer()
    ).staff.foi.issueFeeNotice({ caseId: ids.request!, letter: { templateId: 'default-fee_notice', language: 'en' } });
    const page = await (await officer()).staff.case.get({ caseId: ids.request! });
    expect(page.case).toMatchObject({ status: 'received', dueOn: null, deadlineStatus: 'paused' });
    expect(page.state.feeNotices).toEqual([{ issuedOn: '2025-06-05', paidOn: null }]);
    expect(page.deadlines.current).toMatchObject({ kind: 'response', status: 'paused', dueOn: null, rag: 'paused' });
    // 3 and 4 June were counted; 18 of the 20 working days are left.
    expect(page.deadlines.current.explanation.join(' ')).toContain('Working days left when it restarts: 18.');
    expect(
      page.timeline
        .slice(0, page.timeline.length - before.events)
        .map((e) => [e.type, e.payload])
        .reverse(),
    ).toEqual([
      ['fee_notice_issued', { on: '2025-06-05' }],
      ['letter_sent', expect.anything()],
    ]);
    expect(page.letters[0]).toMatchObject({ kind: 'fee_notice', sentOn: '2025-06-05' });
  });

  it('refuses a second notice while one is unpaid, and a payment dated before the notice, changing nothing', async () => {
    at('2025-06-12');
    const before = await snapshot(ids.request!);
    expect(await refusal((await officer()).staff.foi.issueFeeNotice({ caseId: ids.request! }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.feeNoticePending',
      params: { date: '2025-06-05' },
    });
    expect(await refusal((await officer()).staff.foi.recordFeePaid({ caseId: ids.request!, on: '2025-06-04' }))).toMatchObject({
      messageKey: 'refusal.dateBefore',
      params: { date: '2025-06-04', earlierOn: '2025-06-05' },
    });
    expect(await refusal((await officer()).staff.foi.recordFeePaid({ caseId: ids.request!, on: '2025-06-13' }))).toMatchObject({
      messageKey: 'refusal.dateInFuture',
    });
    expect(await snapshot(ids.request!)).toEqual(before);
  });

  it('runs the clock again when the fee is paid: the days of the notice up to the payment are not counted', async () => {
    at('2025-06-19');
    const before = await snapshot(ids.request!);
    await (await officer()).staff.foi.recordFeePaid({ caseId: ids.request! });
    const page = await (await officer()).staff.case.get({ caseId: ids.request! });
    // 2 working days counted before the notice (3, 4 June); 5 to 19 June disregarded (s.10(2)); the other 18
    // from Friday 20 June on the FOI calendar, which skips 14 July (Battle of the Boyne, Northern Ireland):
    // Wednesday 16 July (on the council's England and Wales calendar it would be 15 July).
    expect(page.case).toMatchObject({ dueOn: '2025-07-16', deadlineStatus: 'due' });
    expect(page.state.feeNotices).toEqual([{ issuedOn: '2025-06-05', paidOn: '2025-06-19' }]);
    const explanation = page.deadlines.current.explanation.join(' ');
    expect(explanation).toContain('Not counted: 5 June 2025 to 19 June 2025, while a fee was unpaid');
    expect(explanation).toContain('Battle of the Boyne');
    expect(page.deadlines.current.rag).toBe('green');
    expect(page.timeline[0]).toMatchObject({ type: 'fee_paid', payload: { on: '2025-06-19' } });
    expect((await snapshot(ids.request!)).events).toBe(before.events + 1);
    expect(await refusal((await officer()).staff.foi.recordFeePaid({ caseId: ids.request! }))).toMatchObject({
      messageKey: 'refusal.noFeeNoticePending',
    });
  });

  it('is answered on time on its new due date', async () => {
    at('2025-07-16');
    await (await officer()).staff.foi.respond({ caseId: ids.request!, outcome: 'provided' });
    const page = await (await officer()).staff.case.get({ caseId: ids.request! });
    expect(page.case).toMatchObject({ status: 'responded', outcome: 'provided', respondedOn: '2025-07-16' });
    expect(page.deadlines.current.rag).toBe('met');
  });

  it('is a step of FOI requests only: a fees notice on an enquiry is refused', async () => {
    at('2025-06-02');
    const { caseId } = await (
      await officer()
    ).staff.case.create({
      type: 'general_enquiry',
      channel: 'email',
      receivedOn: '2025-06-02',
      summary: 'Opening hours',
      details: 'When are you open?',
      name: 'Jo Public',
    });
    const before = await snapshot(caseId);
    expect(await refusal((await officer()).staff.foi.issueFeeNotice({ caseId }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.onlyFoiRequest',
    });
    expect(await snapshot(caseId)).toEqual(before);
  });
});

describe('an enquiry answered', () => {
  async function newEnquiry(type: 'mp_enquiry' | 'member_enquiry', name: string) {
    const { caseId } = await (
      await officer()
    ).staff.case.create({
      type,
      framework: 'corporate',
      channel: type === 'member_enquiry' ? 'member' : 'email',
      receivedOn: '2025-06-02',
      summary: 'School transport for a constituent',
      details: 'A constituent asks why transport was withdrawn.',
      name,
    });
    return caseId;
  }

  it('on the 10th working day is on time, and then closed', async () => {
    at('2025-06-02');
    ids.mp = await newEnquiry('mp_enquiry', 'A. Member MP');
    let page = await (await officer()).staff.case.get({ caseId: ids.mp });
    // Received Monday 2 June (day 0): due on the 10th working day, Monday 16 June; no acknowledgement clock.
    expect(page.case).toMatchObject({ dueOn: '2025-06-16', acknowledgementDueOn: null, status: 'received' });
    at('2025-06-16');
    const before = await snapshot(ids.mp);
    await (await officer()).staff.case.respond({ caseId: ids.mp });
    page = await (await officer()).staff.case.get({ caseId: ids.mp });
    expect(page.case).toMatchObject({ status: 'responded', respondedOn: '2025-06-16', outcome: null });
    expect(page.deadlines.current).toMatchObject({ dueOn: '2025-06-16', rag: 'met' });
    expect(
      page.timeline
        .slice(0, page.timeline.length - before.events)
        .map((e) => e.type)
        .reverse(),
    ).toEqual(['responded', 'status_changed']);
    // An enquiry has one step: there is no next stage to ask for.
    expect(page.nextStageBy).toBeNull();
    const answered = await snapshot(ids.mp);
    expect(await refusal((await officer()).staff.escalation.request({ caseId: ids.mp }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.notForType',
    });
    expect(await snapshot(ids.mp)).toEqual(answered);
    await (await officer()).staff.case.close({ caseId: ids.mp });
    const log = await (await officer()).staff.logs.enquiries({});
    expect(log.rows.find((r) => r.id === ids.mp)).toMatchObject({
      status: 'closed',
      dueOn: '2025-06-16',
      respondedOn: '2025-06-16',
      rag: 'met',
    });
  });

  it('a day after the 10th working day is late', async () => {
    at('2025-06-02');
    const caseId = await newEnquiry('member_enquiry', 'Cllr Jones');
    at('2025-06-17');
    await (await officer()).staff.case.respond({ caseId });
    const page = await (await officer()).staff.case.get({ caseId });
    expect(page.case).toMatchObject({ status: 'responded', respondedOn: '2025-06-17', dueOn: '2025-06-16' });
    expect(page.deadlines.current.rag).toBe('missed');
    const log = await (await officer()).staff.logs.enquiries({});
    expect(log.rows.find((r) => r.id === caseId)).toMatchObject({ type: 'member_enquiry', rag: 'missed' });
  });
});
