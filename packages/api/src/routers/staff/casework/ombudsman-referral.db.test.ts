import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { domainMessages } from '@heard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCallers, refusal, setUpCouncil, type TestCouncil } from './test-kit';

/**
 * Complainants may skip to the Ombudsman, and the LGSCO sends premature
 * referrals back (rules.md "Complaint stages"): a stage sent back may be
 * referred again, but not while a referral is with the Ombudsman, nor after
 * the Ombudsman took one on. A refusal says why and changes nothing.
 */
let database: TestDatabase;
let council: TestCouncil;
let clock = new Date('2025-06-02T09:00:00Z');
const at = (date: string) => {
  clock = new Date(`${date}T09:00:00Z`);
};
let callers: ReturnType<typeof makeCallers>;
let stage1: string;
const ombudsmanCases: string[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'ombudsman', clock);
  callers = makeCallers(database, () => clock);
  const created = await (
    await officer()
  ).staff.case.create({
    type: 'corporate_complaint',
    channel: 'email',
    receivedOn: '2025-06-02',
    summary: 'School transport',
    details: 'My son has had no school transport since the start of term.',
    name: 'Jo Parent',
    email: 'jo@example.com',
  });
  stage1 = created.caseId;
});
afterAll(() => database.destroy());

const officer = () => callers.asUser(council, council.users.complaints_officer);

/** What a refused referral must leave alone: the stage, its history, and the council's cases. */
async function snapshot() {
  const cases = await database.db
    .selectFrom('cases')
    .select(['id', 'status', 'lifecycle', 'updated_at'])
    .where('council_id', '=', council.id)
    .orderBy('id')
    .execute();
  const events = await database.db.selectFrom('case_events').select('id').where('council_id', '=', council.id).execute();
  return { cases, events: events.length };
}

describe('referring a complaint to the Ombudsman again', () => {
  it('refuses a second referral while the first is with the Ombudsman, in English and Welsh, and opens no case', async () => {
    at('2025-06-10');
    const first = await (await officer()).staff.escalation.referToOmbudsman({ caseId: stage1, ombudsmanReference: 'LGSCO 25 000 001' });
    ombudsmanCases.push(first.ombudsmanCase!.id);
    at('2025-06-12');
    const before = await snapshot();
    const refused = await refusal((await officer()).staff.escalation.referToOmbudsman({ caseId: stage1 }));
    expect(refused).toMatchObject({ status: 422, messageKey: 'refusal.ombudsmanReferralPending', params: { date: '2025-06-10' } });
    expect(domainMessages.en[refused.messageKey as keyof typeof domainMessages.en]).toContain('has not decided on it yet');
    expect(domainMessages.cy[refused.messageKey as keyof typeof domainMessages.cy]).toContain(
      'nid yw’r Ombwdsmon wedi penderfynu arni eto',
    );
    expect(await snapshot()).toEqual(before);
  });

  it('refers the stage again once the Ombudsman sent the first referral back as premature', async () => {
    at('2025-06-20');
    await (await officer()).staff.escalation.ombudsmanDecision({ caseId: ombudsmanCases[0]!, decision: 'premature' });
    at('2025-07-01');
    // Not dated before the referral came back.
    expect(await refusal((await officer()).staff.escalation.referToOmbudsman({ caseId: stage1, on: '2025-06-19' }))).toMatchObject({
      messageKey: 'refusal.dateBefore',
      params: { earlierOn: '2025-06-20' },
    });
    const again = await (await officer()).staff.escalation.referToOmbudsman({ caseId: stage1, ombudsmanReference: 'LGSCO 25 000 002' });
    ombudsmanCases.push(again.ombudsmanCase!.id);
    expect(again.ombudsmanCase!.id).not.toBe(ombudsmanCases[0]);
    const second = await (await officer()).staff.case.get({ caseId: again.ombudsmanCase!.id });
    expect(second.case).toMatchObject({
      stage: 'ombudsman',
      status: 'received',
      receivedOn: '2025-07-01',
      parentCaseId: stage1,
      ombudsmanReference: 'LGSCO 25 000 002',
    });
    const page = await (await officer()).staff.case.get({ caseId: stage1 });
    expect(page.state.referredToOmbudsmanOn).toBe('2025-07-01');
    expect(page.links.filter((l) => l.kind === 'child').map((l) => [l.stage, l.status])).toEqual([
      ['ombudsman', 'closed'],
      ['ombudsman', 'received'],
    ]);
    expect(page.timeline.filter((e) => e.type === 'referred_to_ombudsman').map((e) => e.payload.on)).toEqual(['2025-07-01', '2025-06-10']);
  });

  it('refuses another referral once the Ombudsman decided a referral otherwise than premature', async () => {
    at('2025-07-15');
    await (await officer()).staff.escalation.ombudsmanDecision({ caseId: ombudsmanCases[1]!, decision: 'not_investigated' });
    at('2025-07-16');
    const before = await snapshot();
    expect(await refusal((await officer()).staff.escalation.referToOmbudsman({ caseId: stage1 }))).toMatchObject({
      status: 422,
      messageKey: 'refusal.alreadyReferredToOmbudsman',
      params: { date: '2025-07-01' },
    });
    expect(await snapshot()).toEqual(before);
  });
});
