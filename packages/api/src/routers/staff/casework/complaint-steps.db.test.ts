import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { OUT_OF_REMIT_REASONS } from '@heard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, makeCallers, refusal, setUpCouncil, type TestCouncil } from './test-kit';

/**
 * The side steps of a Children Act complaint that the full lifecycle does not
 * take, each through the real procedures: out of remit (every reason,
 * signposted), an extension of Stage 1, hold and resume, withdrawal and
 * closing; the decisions on a Stage 2 request other than "accepted"; and
 * the triage tools that work on several cases (bulk assign, linking).
 * Every refusal is checked to change nothing.
 */
let database: TestDatabase;
let council: TestCouncil;
let clock = new Date('2025-06-02T09:00:00Z');
const at = (date: string) => {
  clock = new Date(`${date}T09:00:00Z`);
};
let callers: ReturnType<typeof makeCallers>;
let manager: { id: string; token: string };

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'steps', clock);
  manager = await addStaff(database, council, 'CSC Manager', 'service_manager', clock);
  await database.db
    .updateTable('user_roles')
    .set({ division_id: council.divisions.socialCare })
    .where('user_id', '=', manager.id)
    .execute();
  callers = makeCallers(database, () => clock);
});
afterAll(() => database.destroy());

const officer = () => callers.asUser(council, council.users.complaints_officer);

/** A Children Act complaint entered by the complaints team, received on Monday 2 June 2025 unless said otherwise. */
async function newComplaint(summary: string, receivedOn = '2025-06-02') {
  const created = await (
    await officer()
  ).staff.case.create({
    type: 'children_act_complaint',
    channel: 'phone',
    receivedOn,
    summary,
    details: `${summary}: as told to the complaints team on the phone.`,
    name: 'Alex Carer',
  });
  return created;
}

/** A Stage 1 complaint answered (not upheld) on 2 June 2025 and its Stage 2 asked for the same day: the Stage 2 case's id. */
async function stage2Request(summary: string) {
  const { caseId } = await newComplaint(summary);
  await (await officer()).staff.case.savePoints({ caseId, points: [{ summary, finding: 'not_upheld' }] });
  await (await officer()).staff.case.respond({ caseId, on: '2025-06-02' });
  const requested = await (await officer()).staff.escalation.request({ caseId, on: '2025-06-02' });
  return requested.nextStage!.id;
}

/** The case's row, its history and its letters: a refused call must leave all three as they were. */
async function snapshot(caseId: string) {
  const row = await database.db.selectFrom('cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
  const events = await database.db.selectFrom('case_events').select('type').where('case_id', '=', caseId).execute();
  const letters = await database.db.selectFrom('letters').select('id').where('case_id', '=', caseId).execute();
  return { row, events: events.length, letters: letters.length };
}

async function page(caseId: string) {
  return (await officer()).staff.case.get({ caseId });
}

/** The events recorded since `before` events, oldest first (the timeline is newest first). */
async function eventsSince(caseId: string, before: number) {
  const timeline = (await page(caseId)).timeline;
  return timeline
    .slice(0, timeline.length - before)
    .reverse()
    .map((e) => ({ type: e.type, payload: e.payload }));
}

describe('a complaint out of remit', () => {
  it('is refused without signposting, and changes nothing', async () => {
    const { caseId } = await newComplaint('Care proceedings about my son');
    const before = await snapshot(caseId);
    const missing = await refusal((await officer()).staff.triage.outOfRemit({ caseId, reason: 'court_or_tribunal_proceedings' } as never));
    expect(missing).toMatchObject({ status: 400, fieldErrors: { signposting: 'errors.signposting.required' } });
    const blank = await refusal(
      (await officer()).staff.triage.outOfRemit({ caseId, reason: 'court_or_tribunal_proceedings', signposting: '   ' }),
    );
    expect(blank).toMatchObject({ status: 400, fieldErrors: { signposting: 'errors.signposting.required' } });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it('is declined because court proceedings are under way (regulation 8), signposted with a letter', async () => {
    const { caseId } = await newComplaint('Contact arrangements for my daughter');
    at('2025-06-04');
    const before = await snapshot(caseId);
    const signposting = 'The family court is deciding contact; please raise this with your solicitor or Cafcass.';
    await (
      await officer()
    ).staff.triage.outOfRemit({
      caseId,
      reason: 'court_or_tribunal_proceedings',
      signposting,
      letter: { templateId: 'default-signposting', language: 'en' },
    });
    const after = await page(caseId);
    expect(after.case).toMatchObject({
      status: 'out_of_remit',
      outcome: 'out_of_remit',
      outOfRemitReason: 'court_or_tribunal_proceedings',
      closedOn: '2025-06-04',
    });
    expect(after.state.outOfRemit).toEqual({ reason: 'court_or_tribunal_proceedings', signposting });
    expect(await eventsSince(caseId, before.events)).toEqual([
      { type: 'marked_out_of_remit', payload: { on: '2025-06-04', reason: 'court_or_tribunal_proceedings', signposting } },
      { type: 'status_changed', payload: { on: '2025-06-04', from: 'received', to: 'out_of_remit' } },
      expect.objectContaining({ type: 'letter_sent' }),
    ]);
    // Signposted, not dropped: the letter tells the person where to go.
    expect(after.letters).toHaveLength(1);
    expect(after.letters[0]).toMatchObject({ kind: 'signposting', sentOn: '2025-06-04' });
    expect(after.letters[0]?.body).toContain(signposting);
    // Declined once: it cannot be declined (or answered) again.
    const settled = await snapshot(caseId);
    expect(await refusal((await officer()).staff.triage.outOfRemit({ caseId, reason: 'historic', signposting: 'x' }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.notAllowedInStatus',
      params: { status: 'out_of_remit' },
    });
    expect(await refusal((await officer()).staff.case.respond({ caseId, closure: 'local_resolution' }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.notAllowedInStatus',
    });
    expect(await snapshot(caseId)).toEqual(settled);
    at('2025-06-02');
  });

  it('records each of the other reasons rules.md lists, with where the person was signposted', async () => {
    const others = OUT_OF_REMIT_REASONS.filter((r) => r !== 'court_or_tribunal_proceedings');
    expect(others).toEqual([
      'no_parental_responsibility_or_interest',
      'no_consent',
      'historic',
      'other_authority_or_agency',
      'not_this_directorate',
    ]);
    for (const reason of others) {
      const { caseId } = await newComplaint(`Out of remit: ${reason}`);
      const signposting = `Signposted for ${reason}`;
      await (await officer()).staff.triage.outOfRemit({ caseId, reason, signposting });
      const after = await page(caseId);
      expect(after.case, reason).toMatchObject({
        status: 'out_of_remit',
        outcome: 'out_of_remit',
        outOfRemitReason: reason,
        closedOn: '2025-06-02',
      });
      expect(after.state.outOfRemit, reason).toEqual({ reason, signposting });
      expect(after.timeline.find((e) => e.type === 'marked_out_of_remit')?.payload, reason).toEqual({
        on: '2025-06-02',
        reason,
        signposting,
      });
    }
  });

  it('is not a decision for an FOI request, which is refused with its reason', async () => {
    const { caseId } = await (
      await officer()
    ).staff.case.create({
      type: 'foi_request',
      channel: 'email',
      receivedOn: '2025-06-02',
      summary: 'Budgets',
      details: 'Budgets please.',
      name: 'Sam Requester',
    });
    const before = await snapshot(caseId);
    expect(
      await refusal((await officer()).staff.triage.outOfRemit({ caseId, reason: 'historic', signposting: 'Elsewhere' })),
    ).toMatchObject({ status: 422, messageKey: 'refusal.notForType' });
    expect(await snapshot(caseId)).toEqual(before);
  });
});

describe('an extension of a Stage 1 complaint', () => {
  let caseId: string;

  it('is refused beyond the statutory 20 working days, or without a reason, and changes nothing', async () => {
    ({ caseId } = await newComplaint('Complex complaint about three placements'));
    await (await officer()).staff.triage.acknowledge({ caseId, on: '2025-06-02' });
    at('2025-06-10');
    const before = await snapshot(caseId);
    // Received Monday 2 June (day 0): due on the 10th working day, Monday 16 June.
    expect(before.row.due_on).toBe('2025-06-16');
    const tooLong = await refusal((await officer()).staff.case.extend({ caseId, limit: 21, agreedOn: '2025-06-10', reason: 'Complex' }));
    expect(tooLong).toMatchObject({ status: 422, messageKey: 'refusal.extensionTooLong', params: { max: 20 } });
    const noReason = await refusal((await officer()).staff.case.extend({ caseId, agreedOn: '2025-06-10', reason: ' ' }));
    expect(noReason).toMatchObject({ status: 400, fieldErrors: { reason: 'errors.reason.required' } });
    const notYet = await refusal((await officer()).staff.case.extend({ caseId, agreedOn: '2025-06-11', reason: 'Complex' }));
    expect(notYet).toMatchObject({ status: 422, messageKey: 'refusal.dateInFuture' });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it('moves the deadline from 10 to 20 working days from the same start, with its reason, agreed date and letter', async () => {
    const before = await snapshot(caseId);
    await (
      await officer()
    ).staff.case.extend({
      caseId,
      agreedOn: '2025-06-10',
      reason: 'Three placements to review',
      letter: { templateId: 'default-extension', language: 'en' },
    });
    const after = await page(caseId);
    // 20 working days from receipt on 2 June (not from the agreement): Monday 30 June.
    expect(after.case).toMatchObject({ dueOn: '2025-06-30', deadlineStatus: 'due', status: 'acknowledged' });
    expect(after.state.extension).toEqual({ limit: 20, agreedOn: '2025-06-10', reason: 'Three placements to review' });
    expect(after.deadlines.current).toMatchObject({ kind: 'response', dueOn: '2025-06-30' });
    expect(after.deadlines.current.explanation.join(' ')).toContain('Three placements to review');
    expect(await eventsSince(caseId, before.events)).toEqual([
      {
        type: 'deadline_extended',
        payload: { agreedOn: '2025-06-10', limit: 20, reason: 'Three placements to review', dueOn: '2025-06-30' },
      },
      expect.objectContaining({ type: 'letter_sent' }),
    ]);
    expect(after.letters[0]).toMatchObject({ kind: 'extension', sentOn: '2025-06-10' });
    expect(after.letters[0]?.body).toContain('30 June 2025');
  });

  it('cannot be extended a second time: the limit is already the longest allowed', async () => {
    at('2025-06-20');
    const before = await snapshot(caseId);
    expect(await refusal((await officer()).staff.case.extend({ caseId, agreedOn: '2025-06-20', reason: 'Still complex' }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.extensionNotLonger',
      params: { limit: 20 },
    });
    expect(
      await refusal((await officer()).staff.case.extend({ caseId, limit: 25, agreedOn: '2025-06-20', reason: 'Still complex' })),
    ).toMatchObject({
      messageKey: 'refusal.extensionTooLong',
      params: { max: 20 },
    });
    expect(await snapshot(caseId)).toEqual(before);
  });

  it('must be agreed by the deadline: agreed the day after, it is refused', async () => {
    const late = await newComplaint('Answered late');
    at('2025-06-17');
    const before = await snapshot(late.caseId);
    const refused = await refusal((await officer()).staff.case.extend({ caseId: late.caseId, agreedOn: '2025-06-17', reason: 'Complex' }));
    expect(refused).toMatchObject({ status: 422, messageKey: 'refusal.extensionAfterDeadline', params: { dueOn: '2025-06-16' } });
    expect(await snapshot(late.caseId)).toEqual(before);
  });

  it('is not allowed for an enquiry, whose 10 working days cannot be extended', async () => {
    at('2025-06-04');
    const { caseId: enquiry } = await (
      await officer()
    ).staff.case.create({
      type: 'mp_enquiry',
      framework: 'statutory',
      channel: 'email',
      receivedOn: '2025-06-02',
      summary: 'Constituent asks about a placement',
      details: 'Details',
      name: 'A. Member MP',
    });
    const before = await snapshot(enquiry);
    expect(
      await refusal((await officer()).staff.case.extend({ caseId: enquiry, agreedOn: '2025-06-04', reason: 'Complex' })),
    ).toMatchObject({
      status: 422,
      messageKey: 'refusal.extensionNotAllowed',
    });
    expect(await snapshot(enquiry)).toEqual(before);
  });
});

describe('hold, resume, withdrawal and closing', () => {
  let held: string;

  it('puts a complaint on hold with why; the due date stands (rules.md pauses only FOI clocks)', async () => {
    ({ caseId: held } = await newComplaint('Awaiting a court hearing'));
    at('2025-06-03');
    await (await officer()).staff.triage.acknowledge({ caseId: held });
    at('2025-06-05');
    const noReason = await refusal((await officer()).staff.case.hold({ caseId: held, reason: '' }));
    expect(noReason).toMatchObject({ status: 400, fieldErrors: { reason: 'errors.reason.required' } });
    const before = await snapshot(held);
    await (await officer()).staff.case.hold({ caseId: held, reason: 'The complainant asked us to wait for a hearing' });
    const after = await page(held);
    // Received Monday 2 June: due on the 10th working day, 16 June, on hold or not.
    expect(after.case).toMatchObject({ status: 'on_hold', dueOn: '2025-06-16', deadlineStatus: 'due', acknowledgedOn: '2025-06-03' });
    expect(after.state.hold).toEqual({
      since: '2025-06-05',
      reason: 'The complainant asked us to wait for a hearing',
      resumeTo: 'acknowledged',
    });
    expect(await eventsSince(held, before.events)).toEqual([
      { type: 'put_on_hold', payload: { on: '2025-06-05', reason: 'The complainant asked us to wait for a hearing' } },
      { type: 'status_changed', payload: { on: '2025-06-05', from: 'acknowledged', to: 'on_hold' } },
    ]);
  });

  it('refuses to answer, hold again, or resume before the hold began, changing nothing', async () => {
    const before = await snapshot(held);
    expect(await refusal((await officer()).staff.case.respond({ caseId: held, closure: 'local_resolution' }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.notAllowedInStatus',
      params: { status: 'on_hold' },
    });
    expect(await refusal((await officer()).staff.case.hold({ caseId: held, reason: 'Again' }))).toMatchObject({
      messageKey: 'refusal.notAllowedInStatus',
      params: { status: 'on_hold' },
    });
    expect(await refusal((await officer()).staff.case.resume({ caseId: held, on: '2025-06-04' }))).toMatchObject({
      messageKey: 'refusal.dateBefore',
      params: { date: '2025-06-04', earlierOn: '2025-06-05' },
    });
    expect(await snapshot(held)).toEqual(before);
  });

  it('resumes back to where it was, with the same due date', async () => {
    at('2025-06-10');
    const before = await snapshot(held);
    await (await officer()).staff.case.resume({ caseId: held });
    const after = await page(held);
    expect(after.case).toMatchObject({ status: 'acknowledged', dueOn: '2025-06-16', deadlineStatus: 'due' });
    expect(after.state.hold).toBeNull();
    expect(await eventsSince(held, before.events)).toEqual([
      { type: 'resumed', payload: { on: '2025-06-10' } },
      { type: 'status_changed', payload: { on: '2025-06-10', from: 'on_hold', to: 'acknowledged' } },
    ]);
    const resumed = await snapshot(held);
    expect(await refusal((await officer()).staff.case.resume({ caseId: held }))).toMatchObject({
      messageKey: 'refusal.notAllowedInStatus',
      params: { status: 'acknowledged' },
    });
    expect(await snapshot(held)).toEqual(resumed);
  });

  it('is withdrawn by the complaints team for the complainant, with the reason; then nothing more is done on it', async () => {
    at('2025-06-11');
    const before = await snapshot(held);
    await (await officer()).staff.case.withdraw({ caseId: held, reason: 'Resolved at the hearing' });
    const after = await page(held);
    expect(after.case).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn', closedOn: '2025-06-11' });
    expect(after.state.withdrawalReason).toBe('Resolved at the hearing');
    expect(await eventsSince(held, before.events)).toEqual([
      { type: 'withdrawn', payload: { on: '2025-06-11', reason: 'Resolved at the hearing' } },
      { type: 'status_changed', payload: { on: '2025-06-11', from: 'acknowledged', to: 'withdrawn' } },
    ]);
    const withdrawn = await snapshot(held);
    expect(await refusal((await officer()).staff.case.withdraw({ caseId: held }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.notAllowedInStatus',
      params: { status: 'withdrawn' },
    });
    expect(await refusal((await officer()).staff.case.close({ caseId: held }))).toMatchObject({
      messageKey: 'refusal.notAllowedInStatus',
      params: { status: 'withdrawn' },
    });
    expect(await snapshot(held)).toEqual(withdrawn);
  });

  it('can be withdrawn while on hold too', async () => {
    const { caseId } = await newComplaint('Withdrawn while waiting');
    await (await officer()).staff.case.hold({ caseId, reason: 'Waiting for the family' });
    await (await officer()).staff.case.withdraw({ caseId });
    const after = await page(caseId);
    expect(after.case).toMatchObject({ status: 'withdrawn', outcome: 'withdrawn', closedOn: '2025-06-11' });
    expect(after.state).toMatchObject({ hold: null, withdrawalReason: null });
  });

  it('is closed only after its response, on or after the response date', async () => {
    const { caseId } = await newComplaint('Resolved by a call');
    let before = await snapshot(caseId);
    expect(await refusal((await officer()).staff.case.close({ caseId }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.closeNeedsResponse',
    });
    expect(await snapshot(caseId)).toEqual(before);
    await (await officer()).staff.case.respond({ caseId, closure: 'local_resolution' });
    before = await snapshot(caseId);
    expect(before.row).toMatchObject({ status: 'responded', outcome: 'local_resolution', responded_on: '2025-06-11' });
    expect(await refusal((await officer()).staff.case.close({ caseId, on: '2025-06-10' }))).toMatchObject({
      messageKey: 'refusal.dateBefore',
      params: { date: '2025-06-10', earlierOn: '2025-06-11' },
    });
    expect(await snapshot(caseId)).toEqual(before);
    at('2025-06-12');
    await (await officer()).staff.case.close({ caseId });
    const after = await page(caseId);
    expect(after.case).toMatchObject({ status: 'closed', closedOn: '2025-06-12', outcome: 'local_resolution', respondedOn: '2025-06-11' });
    expect(await eventsSince(caseId, before.events)).toEqual([
      { type: 'closed', payload: { on: '2025-06-12' } },
      { type: 'status_changed', payload: { on: '2025-06-12', from: 'responded', to: 'closed' } },
    ]);
    const closed = await snapshot(caseId);
    expect(await refusal((await officer()).staff.case.close({ caseId }))).toMatchObject({
      messageKey: 'refusal.notAllowedInStatus',
      params: { status: 'closed' },
    });
    expect(await snapshot(caseId)).toEqual(closed);
  });
});

describe('the decision on a Stage 2 request', () => {
  it('is investigated only once accepted: a pending request refuses an investigator, a statement and an answer', async () => {
    at('2025-06-03');
    const stage2 = await stage2Request('Pending request');
    const before = await snapshot(stage2);
    expect(before.row).toMatchObject({ stage: '2', status: 'received', decision: null, deadline_status: 'awaiting_agreed_statement' });
    const officerCaller = await officer();
    const notAccepted = { status: 422, messageKey: 'refusal.requestNotAccepted' };
    expect(
      await refusal(
        officerCaller.staff.escalation.appoint({
          caseId: stage2,
          role: 'investigating_officer',
          userIds: [council.users.investigating_officer],
        }),
      ),
    ).toMatchObject(notAccepted);
    expect(
      await refusal(officerCaller.staff.triage.assign({ caseId: stage2, officerId: council.users.investigating_officer })),
    ).toMatchObject(notAccepted);
    expect(await refusal(officerCaller.staff.escalation.agreeStatement({ caseId: stage2 }))).toMatchObject(notAccepted);
    expect(await refusal(officerCaller.staff.case.respond({ caseId: stage2 }))).toMatchObject(notAccepted);
    expect(await snapshot(stage2)).toEqual(before);
  });

  it('withdrawn: the Stage 2 case is withdrawn and closed, with the reason', async () => {
    const stage2 = await stage2Request('Withdrawn request');
    const before = await snapshot(stage2);
    await (
      await officer()
    ).staff.escalation.decide({ caseId: stage2, decision: 'withdrawn', reason: 'The complainant no longer wishes to pursue it' });
    const after = await page(stage2);
    expect(after.case).toMatchObject({ status: 'withdrawn', decision: 'withdrawn', closedOn: '2025-06-03' });
    expect(after.state.request).toMatchObject({
      decision: 'withdrawn',
      decidedOn: '2025-06-03',
      reason: 'The complainant no longer wishes to pursue it',
    });
    expect(after.state.withdrawalReason).toBe('The complainant no longer wishes to pursue it');
    expect(await eventsSince(stage2, before.events)).toEqual([
      {
        type: 'request_decided',
        payload: { on: '2025-06-03', decision: 'withdrawn', reason: 'The complainant no longer wishes to pursue it' },
      },
      { type: 'status_changed', payload: { on: '2025-06-03', from: 'received', to: 'withdrawn' } },
    ]);
    const decided = await snapshot(stage2);
    expect(await refusal((await officer()).staff.escalation.decide({ caseId: stage2, decision: 'accepted' }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.requestAlreadyDecided',
      params: { date: '2025-06-03' },
    });
    expect(
      await refusal(
        (await officer()).staff.escalation.appoint({
          caseId: stage2,
          role: 'investigating_officer',
          userIds: [council.users.investigating_officer],
        }),
      ),
    ).toMatchObject({
      messageKey: 'refusal.notAllowedInStatus',
      params: { status: 'withdrawn' },
    });
    expect(await snapshot(stage2)).toEqual(decided);
    expect(decided.row.owner_user_id).toBeNull();
  });

  it('resolved by alternative dispute resolution: closed without an investigation', async () => {
    const stage2 = await stage2Request('Mediated request');
    const before = await snapshot(stage2);
    await (await officer()).staff.escalation.decide({ caseId: stage2, decision: 'resolved_by_adr' });
    const after = await page(stage2);
    expect(after.case).toMatchObject({ status: 'closed', decision: 'resolved_by_adr', closedOn: '2025-06-03', respondedOn: null });
    expect(after.state.request).toMatchObject({ decision: 'resolved_by_adr', decidedOn: '2025-06-03', reason: null });
    expect(await eventsSince(stage2, before.events)).toEqual([
      { type: 'request_decided', payload: { on: '2025-06-03', decision: 'resolved_by_adr', reason: null } },
      { type: 'status_changed', payload: { on: '2025-06-03', from: 'received', to: 'closed' } },
    ]);
    const decided = await snapshot(stage2);
    expect(
      await refusal(
        (await officer()).staff.escalation.appoint({
          caseId: stage2,
          role: 'investigating_officer',
          userIds: [council.users.investigating_officer],
        }),
      ),
    ).toMatchObject({
      messageKey: 'refusal.notAllowedInStatus',
      params: { status: 'closed' },
    });
    expect(await snapshot(stage2)).toEqual(decided);
  });

  it('on hold (with why): nothing is investigated until it is resumed to pending and then accepted', async () => {
    const stage2 = await stage2Request('Request held');
    const noReason = await refusal((await officer()).staff.escalation.decide({ caseId: stage2, decision: 'on_hold' }));
    expect(noReason).toMatchObject({ status: 400, fieldErrors: { reason: 'errors.reason.required' } });
    let before = await snapshot(stage2);
    await (
      await officer()
    ).staff.escalation.decide({ caseId: stage2, decision: 'on_hold', reason: 'Waiting for the police investigation' });
    let after = await page(stage2);
    expect(after.case).toMatchObject({ status: 'on_hold', decision: 'on_hold', closedOn: null });
    expect(after.state.hold).toEqual({ since: '2025-06-03', reason: 'Waiting for the police investigation', resumeTo: 'received' });
    expect(await eventsSince(stage2, before.events)).toEqual([
      { type: 'request_decided', payload: { on: '2025-06-03', decision: 'on_hold', reason: 'Waiting for the police investigation' } },
      { type: 'status_changed', payload: { on: '2025-06-03', from: 'received', to: 'on_hold' } },
    ]);
    before = await snapshot(stage2);
    expect(
      await refusal(
        (await officer()).staff.escalation.appoint({
          caseId: stage2,
          role: 'investigating_officer',
          userIds: [council.users.investigating_officer],
        }),
      ),
    ).toMatchObject({
      messageKey: 'refusal.notAllowedInStatus',
      params: { status: 'on_hold' },
    });
    expect(await snapshot(stage2)).toEqual(before);

    at('2025-06-09');
    await (await officer()).staff.case.resume({ caseId: stage2 });
    after = await page(stage2);
    // Back to pending: still not to be investigated.
    expect(after.case).toMatchObject({ status: 'received', decision: null });
    expect(after.state.request).toMatchObject({ decision: null, decidedOn: null });
    expect(
      await refusal(
        (await officer()).staff.escalation.appoint({
          caseId: stage2,
          role: 'investigating_officer',
          userIds: [council.users.investigating_officer],
        }),
      ),
    ).toMatchObject({
      messageKey: 'refusal.requestNotAccepted',
    });
    await (await officer()).staff.escalation.decide({ caseId: stage2, decision: 'accepted' });
    await (
      await officer()
    ).staff.escalation.appoint({ caseId: stage2, role: 'investigating_officer', userIds: [council.users.investigating_officer] });
    after = await page(stage2);
    expect(after.case).toMatchObject({ status: 'in_progress', decision: 'accepted', ownerUserId: council.users.investigating_officer });
  });
});

describe('triage across cases', () => {
  it('bulk assigns all or nothing: one case the lifecycle refuses leaves every case as it was', async () => {
    at('2025-06-12');
    const first = await newComplaint('Bulk one', '2025-06-12');
    const second = await newComplaint('Bulk two', '2025-06-12');
    const gone = await newComplaint('Bulk withdrawn', '2025-06-12');
    await (await officer()).staff.case.withdraw({ caseId: gone.caseId });
    const before = await Promise.all([first, second, gone].map((c) => snapshot(c.caseId)));
    const refused = await refusal(
      (await officer()).staff.triage.bulkAssign({ caseIds: [first.caseId, second.caseId, gone.caseId], officerId: manager.id }),
    );
    expect(refused).toMatchObject({
      status: 422,
      messageKey: 'casework.errors.bulkAssignRefused',
      params: { reference: gone.reference, reason: 'refusal.notAllowedInStatus' },
    });
    const unknown = await refusal((await officer()).staff.triage.bulkAssign({ caseIds: [first.caseId], officerId: council.id }));
    expect(unknown).toMatchObject({ status: 400, fieldErrors: { officerId: 'casework.errors.officerUnknown' } });
    expect(await Promise.all([first, second, gone].map((c) => snapshot(c.caseId)))).toEqual(before);
  });

  it('bulk assigns several cases to one officer: each is in progress, with its assignment in the history', async () => {
    const first = await newComplaint('Bulk three', '2025-06-12');
    const second = await newComplaint('Bulk four', '2025-06-12');
    const before = await Promise.all([first, second].map((c) => snapshot(c.caseId)));
    // The same case twice counts once.
    const result = await (
      await officer()
    ).staff.triage.bulkAssign({ caseIds: [first.caseId, second.caseId, first.caseId], officerId: manager.id });
    expect(result).toEqual({ assigned: 2 });
    for (const [i, { caseId }] of [first, second].entries()) {
      const after = await page(caseId);
      expect(after.case).toMatchObject({ status: 'in_progress', ownerUserId: manager.id });
      expect(await eventsSince(caseId, before[i]!.events)).toEqual([
        { type: 'assigned', payload: { on: '2025-06-12', officerId: manager.id, previousOfficerId: null } },
        { type: 'status_changed', payload: { on: '2025-06-12', from: 'received', to: 'in_progress' } },
      ]);
    }
    // The manager now reaches both cases (they own them).
    const asManager = await callers.asUser(council, manager.id);
    expect((await asManager.staff.case.get({ caseId: second.caseId })).case.ownerUserId).toBe(manager.id);
  });

  it('links two cases by reference, shown on both, and refuses a link to itself or to no case', async () => {
    const first = await newComplaint('Complaint about the school run', '2025-06-12');
    const second = await newComplaint('Same family, different service', '2025-06-12');
    const before = await snapshot(first.caseId);
    // Typed as staff do, lower case with spaces.
    await (
      await officer()
    ).staff.triage.link({ caseId: first.caseId, reference: second.reference.toLowerCase().replace(/-/g, ' '), kind: 'same_person' });
    const one = await page(first.caseId);
    const two = await page(second.caseId);
    expect(one.links).toEqual([expect.objectContaining({ caseId: second.caseId, reference: second.reference, kind: 'same_person' })]);
    expect(two.links).toEqual([expect.objectContaining({ caseId: first.caseId, reference: first.reference, kind: 'same_person' })]);
    expect(await eventsSince(first.caseId, before.events)).toEqual([
      { type: 'linked', payload: { caseId: second.caseId, kind: 'same_person' } },
    ]);

    const linked = await snapshot(first.caseId);
    const links = await database.db.selectFrom('case_links').select('id').execute();
    expect(
      await refusal((await officer()).staff.triage.link({ caseId: first.caseId, reference: first.reference, kind: 'duplicate' })),
    ).toMatchObject({
      status: 400,
      fieldErrors: { reference: 'casework.errors.linkSelf' },
    });
    expect(
      await refusal((await officer()).staff.triage.link({ caseId: first.caseId, reference: 'CYP-25-NOPE2', kind: 'related' })),
    ).toMatchObject({
      status: 400,
      fieldErrors: { reference: 'casework.errors.caseNotFound' },
    });
    expect(await snapshot(first.caseId)).toEqual(linked);
    expect(await database.db.selectFrom('case_links').select('id').execute()).toEqual(links);
  });
});
