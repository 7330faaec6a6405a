import { createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeCallers, refusal, setUpCouncil, type TestCouncil } from '../casework/test-kit';

/**
 * Advocacy referrals (rules.md "Advocacy"): kept in their log, and, when
 * linked to a case, shown in that case's history.
 */
let database: TestDatabase;
let council: TestCouncil;
const clock = new Date('2025-06-10T09:00:00Z');
let callers: ReturnType<typeof makeCallers>;
let caseId: string;
let reference: string;

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'advocacy', clock);
  callers = makeCallers(database, () => clock);
  const created = await (
    await officer()
  ).staff.case.create({
    type: 'children_act_complaint',
    channel: 'phone',
    receivedOn: '2025-06-09',
    summary: 'Contact with my brother',
    details: 'I have not seen my brother since I moved placement.',
    name: 'Young Person',
    email: 'yp@example.com',
  });
  caseId = created.caseId;
  reference = created.reference;
});
afterAll(() => database.destroy());

const officer = () => callers.asUser(council, council.users.complaints_officer);

async function advocacyEvents(id: string) {
  return database.db
    .selectFrom('case_events')
    .select(['type', 'payload', 'actor_user_id'])
    .where('case_id', '=', id)
    .where('type', 'like', 'advocacy_%')
    .orderBy('id')
    .execute();
}

describe('an advocacy referral', () => {
  it('linked to a case is shown in the case’s history, without the young person’s name', async () => {
    const { referralId } = await (
      await officer()
    ).staff.advocacy.save({
      caseReference: reference.toLowerCase(),
      referredOn: '2025-06-10',
      source: 'social_worker',
      organisation: 'NYAS',
      advocateName: 'Sam Advocate',
      youngPersonName: 'Young Person',
      accepted: true,
    });
    const page = await (await officer()).staff.case.get({ caseId });
    const entry = page.timeline.find((e) => e.type === 'advocacy_referral_added');
    expect(entry).toMatchObject({
      actorUserId: council.users.complaints_officer,
      payload: { referralId, referredOn: '2025-06-10', source: 'social_worker', subject: 'NYAS', accepted: true },
    });
    expect(JSON.stringify(entry?.payload)).not.toContain('Young Person');
    // Updated later (the outcome recorded): the history says so too.
    await (
      await officer()
    ).staff.advocacy.save({
      referralId,
      caseReference: reference,
      referredOn: '2025-06-10',
      source: 'social_worker',
      organisation: 'NYAS',
      youngPersonName: 'Young Person',
      accepted: true,
      outcome: 'Supported the young person to make the complaint',
    });
    expect((await advocacyEvents(caseId)).map((e) => e.type)).toEqual(['advocacy_referral_added', 'advocacy_referral_updated']);
  });

  it('accepted, marks the complaint as made with an advocate’s support, which the annual report counts; not accepted, it does not', async () => {
    const supported = async (id: string) =>
      (await database.db.selectFrom('cases').select('advocate_supported').where('id', '=', id).executeTakeFirstOrThrow()).advocate_supported;
    const complaint = await (
      await officer()
    ).staff.case.create({
      type: 'children_act_complaint',
      channel: 'letter',
      receivedOn: '2025-06-10',
      summary: 'My care plan',
      details: 'Nobody asked me about my care plan.',
      name: 'Another Young Person',
      email: 'ayp@example.com',
    });
    const referral = {
      caseReference: complaint.reference,
      referredOn: '2025-06-10',
      source: 'iro' as const,
      organisation: 'NYAS',
      youngPersonName: 'Another Young Person',
    };
    const { referralId } = await (await officer()).staff.advocacy.save({ ...referral, accepted: null });
    expect(await supported(complaint.caseId)).toBe(false);
    await (await officer()).staff.advocacy.save({ ...referral, referralId, accepted: false });
    expect(await supported(complaint.caseId)).toBe(false);
    await (await officer()).staff.advocacy.save({ ...referral, referralId, accepted: true });
    expect(await supported(complaint.caseId)).toBe(true);
    const { report } = await (await officer()).staff.report.annual({ year: 2025, asOf: '2025-06-30' });
    const advocacy = report.tables.find((t) => t.id === 'advocacy')!;
    // This complaint, and the first test's (its referral was accepted too).
    expect(advocacy.rows).toEqual([['Young people supported by an advocate to make a complaint', '2']]);
  });

  it('not linked to a case is kept in the log, and no case’s history changes', async () => {
    const before = await database.db.selectFrom('case_events').select('id').where('council_id', '=', council.id).execute();
    const { referralId } = await (
      await officer()
    ).staff.advocacy.save({ referredOn: '2025-06-10', source: 'self', organisation: 'NYAS', youngPersonName: 'Another Young Person' });
    const log = await (await officer()).staff.advocacy.list();
    expect(log.find((r) => r.id === referralId)).toMatchObject({
      caseId: null,
      organisation: 'NYAS',
      youngPersonName: 'Another Young Person',
    });
    expect(await database.db.selectFrom('case_events').select('id').where('council_id', '=', council.id).execute()).toHaveLength(
      before.length,
    );
  });

  it('for a case that is not found is refused, and nothing is written', async () => {
    const before = await database.db.selectFrom('advocacy_referrals').select('id').where('council_id', '=', council.id).execute();
    const refused = await refusal(
      (await officer()).staff.advocacy.save({
        caseReference: 'CYP-25-ZZZZZ',
        referredOn: '2025-06-10',
        source: 'iro',
        organisation: 'NYAS',
        youngPersonName: 'Y',
      }),
    );
    expect(refused).toMatchObject({ status: 400, fieldErrors: { caseReference: 'casework.errors.caseNotFound' } });
    expect(await database.db.selectFrom('advocacy_referrals').select('id').where('council_id', '=', council.id).execute()).toHaveLength(
      before.length,
    );
  });
});
