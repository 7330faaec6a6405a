import { createCouncil, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerFactory, latestMessage, recordStaffResponse, refusal, snapshot, type Clock } from './test-support';

let database: TestDatabase;
let councilId: string;
const clock: Clock = { now: new Date('2026-11-24T10:00:00Z') };
let caller: ReturnType<typeof callerFactory>;
const PASSWORD = 'a long advocate password';

beforeAll(async () => {
  database = await createTestDatabase();
  councilId = (await createCouncil(database, { slug: 'portal-advocates', hostnames: ['portal.example'], referencePrefix: 'NYA' })).id;
  caller = callerFactory(database, clock);
});
afterAll(() => database.destroy());

const at = (iso: string) => {
  clock.now = new Date(iso);
};

describe('advocate accounts', () => {
  it('public.advocate.register makes an account (argon2id) and signs in; the same email cannot register twice', async () => {
    const { token } = await (await caller()).public.advocate.register({ fullName: 'Sam Advocate', organisation: 'NYAS', email: 'Sam@NYAS.example', password: PASSWORD, confirmPassword: PASSWORD });
    expect(await (await caller({ token })).auth.whoami()).toMatchObject({ kind: 'advocate', displayName: 'Sam Advocate' });
    const user = await database.db.selectFrom('users').select(['kind', 'email', 'organisation', 'password_hash']).where('email', '=', 'sam@nyas.example').executeTakeFirstOrThrow();
    expect(user).toMatchObject({ kind: 'advocate', organisation: 'NYAS' });
    expect(user.password_hash).toMatch(/^\$argon2id\$/);
    const before = await snapshot(database);
    const again = await refusal((await caller()).public.advocate.register({ fullName: 'Sam', organisation: 'NYAS', email: 'sam@nyas.example', password: PASSWORD, confirmPassword: PASSWORD }));
    expect(again.fieldErrors).toEqual({ email: 'portal.advocate.errors.emailTaken' });
    const bad = await refusal((await caller()).public.advocate.register({ fullName: '', organisation: '', email: 'x', password: 'short', confirmPassword: 'other' }));
    expect(bad.fieldErrors).toEqual({
      fullName: 'errors.name.required',
      organisation: 'portal.advocate.errors.organisationMissing',
      email: 'errors.email.invalid',
      password: 'portal.advocate.errors.passwordTooShort',
      confirmPassword: 'portal.advocate.errors.passwordsDiffer',
    });
    expect(await snapshot(database)).toEqual(before);
  });

  it('public.advocate.signIn: the same answer for an unknown email and a wrong password; five wrong lock the account', async () => {
    await (await caller()).public.advocate.register({ fullName: 'Lee', organisation: 'Coram Voice', email: 'lee@coram.example', password: PASSWORD, confirmPassword: PASSWORD });
    const unknown = await refusal((await caller()).public.advocate.signIn({ email: 'nobody@coram.example', password: PASSWORD }));
    const wrong = await refusal((await caller()).public.advocate.signIn({ email: 'lee@coram.example', password: 'not it' }));
    expect(unknown).toEqual(wrong);
    expect(wrong).toMatchObject({ status: 400, messageKey: 'portal.advocate.errors.wrong' });
    expect((await refusal((await caller()).public.advocate.signIn({ email: '', password: '' }))).fieldErrors).toEqual({
      email: 'errors.email.required',
      password: 'portal.advocate.errors.passwordMissing',
    });
    for (let i = 0; i < 4; i += 1) await refusal((await caller()).public.advocate.signIn({ email: 'lee@coram.example', password: 'not it' }));
    expect(await refusal((await caller()).public.advocate.signIn({ email: 'lee@coram.example', password: PASSWORD }))).toMatchObject({ status: 429, messageKey: 'portal.advocate.errors.locked' });
    at('2026-11-24T10:16:00Z');
    expect((await (await caller()).public.advocate.signIn({ email: 'lee@coram.example', password: PASSWORD })).token).toBeTruthy();
  });

  it('public.advocate.requestLink and openLink: a sign-in link by email, once, for 20 minutes; nothing for an unknown email', async () => {
    at('2026-11-24T11:00:00Z');
    const before = await snapshot(database);
    expect(await (await caller()).public.advocate.requestLink({ email: 'nobody@nyas.example' })).toEqual({ sent: true });
    expect(await snapshot(database)).toEqual(before);
    expect((await refusal((await caller()).public.advocate.requestLink({ email: 'not an email' }))).fieldErrors).toEqual({ email: 'errors.email.invalid' });
    await (await caller()).public.advocate.requestLink({ email: 'sam@nyas.example' });
    const message = await latestMessage(database, 'advocate_link', 'sam@nyas.example');
    const secret = String(message?.payload.link).split('/advocate/link/')[1]!;
    const { token } = await (await caller()).public.advocate.openLink({ token: secret });
    expect(await (await caller({ token })).auth.whoami()).toMatchObject({ kind: 'advocate' });
    expect(await refusal((await caller()).public.advocate.openLink({ token: secret }))).toMatchObject({ status: 404, messageKey: 'portal.advocate.errors.linkExpired' });
    await (await caller()).public.advocate.requestLink({ email: 'sam@nyas.example' });
    const late = String((await latestMessage(database, 'advocate_link', 'sam@nyas.example'))?.payload.link).split('/advocate/link/')[1]!;
    at('2026-11-24T11:21:00Z');
    expect((await refusal((await caller()).public.advocate.openLink({ token: late }))).status).toBe(404);
  });

  it('public.advocate.cases needs an advocate', async () => {
    expect(await refusal((await caller()).public.advocate.cases())).toMatchObject({ status: 401, messageKey: 'portal.advocate.errors.signInFirst' });
  });
});

describe('done when: an advocate raises a complaint for a young person and follows it to a response', () => {
  it('submits with the young person’s consent recorded, lists it with status and due date, and sees the response', async () => {
    at('2026-11-25T09:00:00Z');
    const { token } = await (await caller()).public.advocate.signIn({ email: 'sam@nyas.example', password: PASSWORD });
    const api = await caller({ token });
    const pages: Array<[string, Record<string, unknown>]> = [
      ['consent', { youngPersonConsent: 'given' }],
      ['child', { child: { fullName: 'Jo Young', dateOfBirth: { day: '1', month: '5', year: '2012' } } }],
      ['situation', { child: { situation: 'looked_after' } }],
      ['service', { service: 'not_sure' }],
      ['what-happened', { whatHappened: 'Jo was moved to a new placement without being asked.' }],
      ['when', { matterOn: { day: '10', month: '11', year: '2026' } }],
      ['proceedings', { courtOrTribunalProceedings: 'no' }],
      ['outcome', { desiredOutcome: 'Jo wants to be asked before any move.' }],
      ['language', { contact: { language: 'en' } }],
      ['adjustments', { needsAdjustments: 'no' }],
      ['files', {}],
    ];
    let draft: string | null = null;
    for (const [step, values] of pages) draft = (await api.public.draft.save({ journey: 'advocate-complaint', token: draft, step, values, language: 'en' })).token;
    // Someone else's browser cannot use the advocate's draft.
    expect(await (await caller()).public.draft.get({ token: draft!, journey: 'advocate-complaint' })).toBeNull();
    const confirmation = await api.public.draft.submit({ journey: 'advocate-complaint', token: draft! });
    expect(confirmation).toMatchObject({ caseType: 'children_act_complaint', response: { status: 'due', dueOn: '2026-12-09' }, contactBy: 'email' });
    const row = await database.db.selectFrom('cases').select(['id', 'advocate_supported']).where('reference', '=', confirmation.reference).executeTakeFirstOrThrow();
    expect(row.advocate_supported).toBe(true);
    const advocatePerson = await database.db.selectFrom('case_people').select(['name', 'email', 'relationship', 'consent_recorded_at', 'user_id']).where('case_id', '=', row.id).where('role', '=', 'advocate').executeTakeFirstOrThrow();
    expect(advocatePerson).toMatchObject({ name: 'Sam Advocate', email: 'sam@nyas.example', relationship: 'NYAS' });
    expect(advocatePerson.consent_recorded_at).toEqual(new Date('2026-11-25T09:00:00Z'));
    const received = await database.db.selectFrom('case_events').select(['actor_label', 'actor_user_id']).where('case_id', '=', row.id).executeTakeFirstOrThrow();
    expect(received).toEqual({ actor_label: 'advocate', actor_user_id: advocatePerson.user_id });

    const listed = await api.public.advocate.cases();
    expect(listed.advocate).toEqual({ displayName: 'Sam Advocate', organisation: 'NYAS', email: 'sam@nyas.example' });
    expect(listed.cases).toEqual([
      expect.objectContaining({ reference: confirmation.reference, youngPerson: 'Jo Young', status: 'received', response: { status: 'due', dueOn: '2026-12-09' } }),
    ]);

    await recordStaffResponse(database, councilId, confirmation.reference, new Date('2026-12-07T12:00:00Z'));
    at('2026-12-08T09:00:00Z');
    const again = await caller({ token: (await (await caller()).public.advocate.signIn({ email: 'sam@nyas.example', password: PASSWORD })).token });
    expect((await again.public.advocate.cases()).cases[0]).toMatchObject({ status: 'responded', respondedOn: '2026-12-07' });
    const view = await again.public.track.view({ reference: confirmation.reference });
    expect(view).toMatchObject({ status: 'responded', outcome: 'partly_upheld', viewer: 'advocate' });
    expect(view.letters.map((l) => l.template)).toEqual(['acknowledgement', 'response_sent']);
    // Another advocate sees nothing of it.
    const other = await caller({ token: (await (await caller()).public.advocate.signIn({ email: 'lee@coram.example', password: PASSWORD })).token });
    expect((await other.public.advocate.cases()).cases).toEqual([]);
    expect((await refusal(other.public.track.view({ reference: confirmation.reference }))).status).toBe(404);
  });
});

describe('done when: a young person raises a complaint and follows it to a response', () => {
  it('through the young person’s pages, then the link in the email', async () => {
    at('2026-11-26T16:00:00Z');
    const pages: Array<[string, Record<string, unknown>]> = [
      ['advocate', { wantsAdvocate: 'no' }],
      ['name', { firstName: 'Jo', age: '12' }],
      ['situation', { situation: 'looked_after' }],
      ['what-happened', { whatHappened: 'My social worker keeps changing and nobody tells me.' }],
      ['what-would-help', { whatWouldHelp: 'To know who my social worker is.' }],
      ['contact', { email: 'jo@example.com', language: 'cy' }],
    ];
    let token: string | null = null;
    for (const [step, values] of pages) token = (await (await caller()).public.draft.save({ journey: 'young-person', token, step, values, language: 'cy' })).token;
    const confirmation = await (await caller()).public.draft.submit({ journey: 'young-person', token: token! });
    expect(confirmation).toMatchObject({ caseType: 'children_act_complaint', nextSteps: 'eligibility.next.youngPerson' });
    const acknowledgement = await latestMessage(database, 'acknowledgement', 'jo@example.com');
    expect(acknowledgement?.language).toBe('cy');
    await recordStaffResponse(database, councilId, confirmation.reference, new Date('2026-12-04T12:00:00Z'));
    at('2026-12-05T10:00:00Z');
    const secret = String(acknowledgement?.payload.trackUrl).split('/track/link/')[1]!;
    const session = await (await caller()).public.track.openLink({ token: secret });
    const view = await (await caller({ token: session.token, language: 'cy' })).public.track.view();
    expect(view).toMatchObject({ reference: confirmation.reference, status: 'responded', outcome: 'partly_upheld' });
  });
});
