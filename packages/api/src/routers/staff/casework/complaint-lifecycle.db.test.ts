import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addStaff, makeCallers, refusal, setUpCouncil, type TestCouncil } from './test-kit';

/**
 * A Children Act complaint through every step of rules.md, done by the role
 * that does it: entered and triaged by the complaints team, answered with a
 * finding per point by the service manager, escalated, investigated at Stage
 * 2 by the investigating officer, heard by a review panel at Stage 3, and
 * taken to the Ombudsman; with the deadlines checked at each step.
 */
let database: TestDatabase;
let council: TestCouncil;
let clock = new Date('2025-06-02T09:00:00Z');
const at = (date: string) => {
  clock = new Date(`${date}T09:00:00Z`);
};
let callers: ReturnType<typeof makeCallers>;
let manager: { id: string; token: string };
const ids: Record<string, string> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'lifecycle', clock);
  manager = await addStaff(database, council, 'CSC Manager', 'service_manager', clock);
  await database.db.updateTable('user_roles').set({ division_id: council.divisions.socialCare }).where('user_id', '=', manager.id).execute();
  callers = makeCallers(database, () => clock);
});
afterAll(() => database.destroy());

const officer = () => callers.asUser(council, council.users.complaints_officer);
const asManager = () => callers.asUser(council, manager.id);
const investigator = () => callers.asUser(council, council.users.investigating_officer);
const panel = () => callers.asUser(council, council.users.panel_member);

async function eventCount(caseId: string) {
  const row = await database.db.selectFrom('case_events').select((eb) => eb.fn.countAll<number>().as('n')).where('case_id', '=', caseId).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('a Children Act complaint from receipt to the Ombudsman', () => {
  it('is entered by the complaints team from a phone call and waits in the triage queue with its deadlines', async () => {
    const created = await (await officer()).staff.case.create({
      type: 'children_act_complaint',
      channel: 'phone',
      receivedOn: '2025-06-02',
      summary: 'Foster placement support',
      details: 'My foster placement has had no visit from the supervising social worker for three months.',
      name: 'Alex Carer',
      email: 'alex@example.com',
      contactPreference: 'email',
    });
    ids.stage1 = created.caseId;
    expect(created.reference).toMatch(/^CYP-25-[2-9A-Z]{5}$/);
    const queue = await (await officer()).staff.triage.queue({});
    expect(queue.rows.map((r) => r.id)).toContain(ids.stage1);
    const page = await (await officer()).staff.case.get({ caseId: ids.stage1 });
    // Received on Monday 2 June (day 0): acknowledgement in 3 working days, response in 10.
    expect(page.case).toMatchObject({ status: 'received', acknowledgementDueOn: '2025-06-05', dueOn: '2025-06-16', channel: 'phone' });
    expect(page.deadlines.current).toMatchObject({ kind: 'response', dueOn: '2025-06-16', rag: 'green' });
    expect(page.deadlines.current.explanation.join(' ')).toContain('16 June 2025');
    expect(page.people[0]).toMatchObject({ role: 'complainant', name: 'Alex Carer', contactPreference: 'email' });
  });

  it('is classified, routed and acknowledged from a template; the letter is recorded as previewed', async () => {
    await (await officer()).staff.triage.classify({
      caseId: ids.stage1!,
      type: 'children_act_complaint',
      framework: 'statutory',
      divisionId: council.divisions.socialCare,
      serviceId: council.services.fostering,
      themeIds: [council.themes.communication],
      localityId: council.locality,
    });
    at('2025-06-03');
    const preview = await (await officer()).staff.case.letterPreview({ caseId: ids.stage1!, templateId: 'default-acknowledgement', language: 'cy' });
    expect(preview.body).toContain('Alex Carer');
    expect(preview.body).toContain('16 Mehefin 2025');
    await (await officer()).staff.triage.acknowledge({ caseId: ids.stage1!, letter: { templateId: 'default-acknowledgement', language: 'cy' } });
    await (await officer()).staff.triage.assign({ caseId: ids.stage1!, officerId: manager.id });
    const page = await (await officer()).staff.case.get({ caseId: ids.stage1! });
    expect(page.case).toMatchObject({ status: 'in_progress', acknowledgedOn: '2025-06-03', ownerUserId: manager.id });
    expect(page.case.division?.name).toBe("Children's Social Care");
    expect(page.letters).toHaveLength(1);
    expect(page.letters[0]).toMatchObject({ kind: 'acknowledgement', language: 'cy', body: preview.body, sentOn: '2025-06-03' });
    expect(page.timeline.map((e) => e.type)).toEqual(expect.arrayContaining(['received', 'classified', 'acknowledged', 'letter_sent', 'assigned', 'status_changed']));
  });

  it('refuses a response without a finding on every point, and changes nothing', async () => {
    await (await officer()).staff.case.savePoints({
      caseId: ids.stage1!,
      points: [{ summary: 'No supervising visits for three months' }, { summary: 'Calls not returned' }],
    });
    const before = await eventCount(ids.stage1!);
    const refused = await refusal((await asManager()).staff.case.respond({ caseId: ids.stage1! }));
    expect(refused).toMatchObject({ status: 422, messageKey: 'refusal.findingsRequired' });
    expect(await eventCount(ids.stage1!)).toBe(before);
    expect((await (await officer()).staff.case.get({ caseId: ids.stage1! })).case.status).toBe('in_progress');
  });

  it('is answered by the service manager with a finding per point; the outcome is derived', async () => {
    const page = await (await asManager()).staff.case.get({ caseId: ids.stage1! });
    expect(page.can).toMatchObject({ respond: true, triage: false, escalate: false });
    await (await asManager()).staff.case.savePoints({
      caseId: ids.stage1!,
      points: page.points.map((p, i) => ({ id: p.id, summary: p.summary, finding: i === 0 ? 'upheld' : 'not_upheld' })),
    });
    await (await asManager()).staff.case.addRemedy({ caseId: ids.stage1!, remedy: { type: 'apology', amountPounds: null, detail: 'Written apology' } });
    // A remedy with no detail goes through the lifecycle too.
    await (await asManager()).staff.case.addRemedy({ caseId: ids.stage1!, remedy: { type: 'staff_training', amountPounds: null } });
    at('2025-06-13');
    // The letter is previewed as the case will be once answered: the derived outcome, the window for Stage 2.
    const preview = await (await asManager()).staff.case.letterPreview({ caseId: ids.stage1!, templateId: 'default-response', language: 'en' });
    expect(preview.body).toContain('Overall, your complaint is: Partly upheld.');
    expect(preview.body).toContain('ask for the next stage by 11 July 2025');
    await (await asManager()).staff.case.respond({ caseId: ids.stage1!, letter: { templateId: 'default-response', language: 'en' } });
    const after = await (await asManager()).staff.case.get({ caseId: ids.stage1! });
    expect(after.case).toMatchObject({ status: 'responded', respondedOn: '2025-06-13', outcome: 'partly_upheld' });
    expect(after.deadlines.current.rag).toBe('met');
    // The next stage can be asked for within 20 working days of the response.
    expect(after.nextStageBy).toBe('2025-07-11');
    expect(after.letters[0]?.body).toContain('1. No supervising visits for three months: Upheld');
    expect(after.letters[0]?.body).toBe(preview.body);
  });

  it('refuses a late request for Stage 2 without a reason, then records it with one', async () => {
    at('2025-07-14');
    const late = await refusal((await officer()).staff.escalation.request({ caseId: ids.stage1!, on: '2025-07-14' }));
    expect(late).toMatchObject({ status: 422, messageKey: 'refusal.escalationWindowClosed', params: { closesOn: '2025-07-11' } });
    const result = await (await officer()).staff.escalation.request({ caseId: ids.stage1!, on: '2025-07-14', lateReason: 'The complainant was in hospital' });
    ids.stage2 = result.nextStage!.id;
    const stage2 = await (await officer()).staff.case.get({ caseId: ids.stage2 });
    expect(stage2.case).toMatchObject({ stage: '2', status: 'received', parentCaseId: ids.stage1, deadlineStatus: 'awaiting_agreed_statement', dueOn: null });
    expect(stage2.state.request).toMatchObject({ requestedOn: '2025-07-14', decision: null, lateReason: 'The complainant was in hospital' });
    expect(stage2.deadlines.current.rag).toBe('awaiting_agreed_statement');
    expect(stage2.points.map((p) => p.summary)).toEqual(['No supervising visits for three months', 'Calls not returned']);
    expect(stage2.people[0]?.name).toBe('Alex Carer');
    // Asked twice: refused.
    expect(await refusal((await officer()).staff.escalation.request({ caseId: ids.stage1!, lateReason: 'again' }))).toMatchObject({ messageKey: 'refusal.alreadyEscalated' });
  });

  it('is investigated at Stage 2 by the investigating officer, from the agreed statement', async () => {
    // Nobody is investigated before the request is accepted.
    expect(await refusal((await officer()).staff.escalation.appoint({ caseId: ids.stage2!, role: 'investigating_officer', userIds: [council.users.investigating_officer] }))).toMatchObject({
      messageKey: 'refusal.requestNotAccepted',
    });
    expect(await refusal((await investigator()).staff.case.get({ caseId: ids.stage2! }))).toMatchObject({ status: 404 });
    await (await officer()).staff.escalation.decide({ caseId: ids.stage2!, decision: 'accepted' });
    await (await officer()).staff.escalation.appoint({ caseId: ids.stage2!, role: 'investigating_officer', userIds: [council.users.investigating_officer] });
    await (await officer()).staff.escalation.appoint({ caseId: ids.stage2!, role: 'independent_person', userIds: [council.users.independent_person] });
    at('2025-07-21');
    await (await investigator()).staff.escalation.agreeStatement({ caseId: ids.stage2!, on: '2025-07-21' });
    const page = await (await investigator()).staff.case.get({ caseId: ids.stage2! });
    // 25 working days from the agreed statement (21 July): 25 August is a bank holiday, so 26 August.
    expect(page.case).toMatchObject({ status: 'in_progress', dueOn: '2025-08-26', deadlineStatus: 'due' });
    expect(page.assignments.map((a) => a.role).sort()).toEqual(['independent_person', 'investigating_officer']);
    // The Stage 1 case is not theirs.
    expect(await refusal((await investigator()).staff.case.get({ caseId: ids.stage1! }))).toMatchObject({ status: 404 });
    // The independent person reads the case and adds their report to the timeline, but cannot answer it.
    const independent = await callers.asUser(council, council.users.independent_person);
    await independent.staff.case.addNote({ caseId: ids.stage2!, kind: 'document', subject: 'Independent person report', text: 'I agree with the findings.' });
    expect(await refusal(independent.staff.case.respond({ caseId: ids.stage2! }))).toMatchObject({ status: 403 });

    at('2025-08-20');
    await (await investigator()).staff.case.savePoints({
      caseId: ids.stage2!,
      points: page.points.map((p) => ({ id: p.id, summary: p.summary, finding: 'upheld' })),
    });
    await (await investigator()).staff.case.respond({ caseId: ids.stage2! });
    const answered = await (await investigator()).staff.case.get({ caseId: ids.stage2! });
    expect(answered.case).toMatchObject({ status: 'responded', outcome: 'upheld', respondedOn: '2025-08-20' });
    expect(answered.deadlines.current.rag).toBe('met');
  });

  it('goes to a Stage 3 review panel with its three deadlines', async () => {
    at('2025-08-27');
    const result = await (await officer()).staff.escalation.request({ caseId: ids.stage2! });
    ids.stage3 = result.nextStage!.id;
    await (await officer()).staff.escalation.decide({ caseId: ids.stage3, decision: 'accepted' });
    await (await officer()).staff.escalation.appoint({ caseId: ids.stage3, role: 'panel_member', userIds: [council.users.panel_member] });
    let page = await (await panel()).staff.case.get({ caseId: ids.stage3 });
    // The panel within 30 working days of the request (27 August).
    expect(page.deadlines.all.map((d) => [d.kind, d.status, d.dueOn])).toEqual([
      ['acknowledgement', 'due', '2025-09-01'],
      ['panel', 'due', '2025-10-08'],
      ['panel_findings', 'awaiting', null],
      ['response', 'awaiting', null],
    ]);
    expect(page.case.dueOn).toBe('2025-10-08');
    const tooLate = await refusal((await officer()).staff.escalation.schedulePanel({ caseId: ids.stage3, plannedOn: '2025-10-09' }));
    expect(tooLate).toMatchObject({ status: 400, fieldErrors: { plannedOn: 'casework.errors.panelAfterDeadline' }, params: { dueOn: '2025-10-08' } });
    await (await officer()).staff.escalation.schedulePanel({ caseId: ids.stage3, plannedOn: '2025-09-24' });
    // The panel member records the panel, then its findings; the complaints team sends the response.
    expect(await refusal((await panel()).staff.escalation.recordPanel({ caseId: ids.stage3, on: '2025-09-24' }))).toMatchObject({ messageKey: 'refusal.dateInFuture' });
    at('2025-09-24');
    await (await panel()).staff.escalation.recordPanel({ caseId: ids.stage3 });
    page = await (await panel()).staff.case.get({ caseId: ids.stage3 });
    expect(page.case).toMatchObject({ dueOn: '2025-10-01', panelScheduledOn: '2025-09-24' });
    at('2025-09-30');
    await (await panel()).staff.escalation.recordPanelFindings({ caseId: ids.stage3 });
    page = await (await officer()).staff.case.get({ caseId: ids.stage3 });
    expect(page.deadlines.all.find((d) => d.kind === 'response')).toMatchObject({ status: 'due', dueOn: '2025-10-21' });
    expect(page.case.dueOn).toBe('2025-10-21');
    await (await officer()).staff.case.savePoints({ caseId: ids.stage3, points: page.points.map((p) => ({ id: p.id, summary: p.summary, finding: 'upheld' })) });
    at('2025-10-10');
    await (await officer()).staff.case.respond({ caseId: ids.stage3 });
    expect((await (await officer()).staff.case.get({ caseId: ids.stage3 })).case).toMatchObject({ status: 'responded', outcome: 'upheld' });
  });

  it('goes to the Ombudsman, whose decision and remedies are recorded with the date complied', async () => {
    at('2025-11-03');
    const referred = await (await officer()).staff.escalation.referToOmbudsman({ caseId: ids.stage3!, ombudsmanReference: 'LGSCO 25 001 234' });
    ids.ombudsman = referred.ombudsmanCase!.id;
    await (await officer()).staff.escalation.ombudsmanDecision({ caseId: ids.ombudsman, decision: 'to_be_investigated' });
    const noAmount = await refusal(
      (await officer()).staff.escalation.ombudsmanOutcome({ caseId: ids.ombudsman, outcome: 'fault_causing_injustice', remedies: [{ type: 'financial', amountPounds: null }] }),
    );
    expect(noAmount).toMatchObject({ status: 400, fieldErrors: { 'remedies.0.amountPounds': 'casework.errors.amountRequired' } });
    at('2026-01-15');
    await (await officer()).staff.escalation.ombudsmanOutcome({
      caseId: ids.ombudsman,
      outcome: 'fault_causing_injustice',
      complianceDueOn: '2026-02-15',
      remedies: [
        { type: 'apology', amountPounds: null },
        { type: 'financial', amountPounds: 250, detail: 'For time and trouble' },
      ],
    });
    let page = await (await officer()).staff.case.get({ caseId: ids.ombudsman });
    expect(page.case).toMatchObject({ stage: 'ombudsman', status: 'responded', outcome: 'fault_causing_injustice', decision: 'to_be_investigated', complianceDueOn: '2026-02-15', ombudsmanReference: 'LGSCO 25 001 234' });
    expect(page.remedies.map((r) => [r.type, r.amountPounds])).toEqual([
      ['apology', null],
      ['financial', 250],
    ]);
    at('2026-02-02');
    await (await officer()).staff.case.setRemedyComplied({ caseId: ids.ombudsman, remedyId: page.remedies[1]!.id, compliedOn: '2026-02-02' });
    page = await (await officer()).staff.case.get({ caseId: ids.ombudsman });
    expect(page.remedies[1]?.compliedOn).toBe('2026-02-02');
    // The stages are linked both ways.
    const stage1 = await (await officer()).staff.case.get({ caseId: ids.stage1! });
    expect(stage1.links.map((l) => [l.kind, l.stage])).toEqual([['child', '2']]);
    expect(page.links.map((l) => [l.kind, l.stage])).toEqual([['parent', '3']]);
  });

  it('keeps the complete history: every read and change is audited, and administrators can see it', async () => {
    const history = await (await callers.asUser(council, council.users.administrator)).staff.case.accessHistory({ caseId: ids.stage1! });
    const details = history.entries.map((e) => `${e.action}:${e.detail}:${e.actorName}`);
    expect(details).toEqual(expect.arrayContaining(['read:staff.case.get:Test complaints_officer', 'read:staff.case.get:CSC Manager', 'change:staff.case.respond:CSC Manager', 'change:staff.triage.acknowledge:Test complaints_officer']));
    expect(history.entries.every((e) => e.ip === '192.0.2.10')).toBe(true);
    expect(await refusal((await officer()).staff.case.accessHistory({ caseId: ids.stage1! }))).toMatchObject({ status: 403 });
  });
});
