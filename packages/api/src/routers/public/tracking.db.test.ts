import { createCouncil, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { generateReference } from '@heard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCK_MINUTES, MAX_WRONG_CODES } from './track/verify-code';
import { callerFactory, latestMessage, recordStaffResponse, refusal, snapshot, type Clock } from './test-support';

let database: TestDatabase;
let councilId: string;
const clock: Clock = { now: new Date('2026-11-24T10:00:00Z') };
let caller: ReturnType<typeof callerFactory>;
let fostering: string;

beforeAll(async () => {
  database = await createTestDatabase();
  councilId = (await createCouncil(database, { slug: 'portal-tracking', hostnames: ['portal.example'], referencePrefix: 'CYP' })).id;
  fostering = (await database.db.insertInto('services').values({ council_id: councilId, name: 'Fostering', framework: 'statutory' }).returning('id').executeTakeFirstOrThrow()).id;
  caller = callerFactory(database, clock);
});
afterAll(() => database.destroy());

const at = (iso: string) => {
  clock.now = new Date(iso);
};
let keys = 0;
const key = () => `tracking-test-key-${(keys += 1)}-000000`;

async function parentComplaint(email: string) {
  return (await caller()).public.complaint.submit({
    journey: 'complaint',
    idempotencyKey: key(),
    role: 'parent',
    contact: { fullName: 'Sam Jones', email, phone: '07700900123', contactPreference: 'email', language: 'en' },
    child: { fullName: 'Alex Jones', situation: 'looked_after' },
    serviceArea: 'not_sure',
    serviceId: fostering,
    whatHappened: 'Contact visits were cancelled three times.',
    matterOn: '2026-11-02',
    desiredOutcome: 'A visit plan we can rely on.',
    courtOrTribunalProceedings: 'no',
  });
}

/** Asks for a code and reads it from the outbox, as the person reads their email. */
async function codeFor(reference: string, email: string): Promise<string> {
  expect(await (await caller()).public.track.requestCode({ reference, email })).toEqual({ sent: true });
  const message = await latestMessage(database, 'tracking_code', email);
  expect(message?.payload.reference).toBe(reference);
  return String(message?.payload.code);
}

describe('tracking by code', () => {
  it('sends a code only to the email or phone given with the case, and says the same either way', async () => {
    at('2026-11-24T10:00:00Z');
    const { reference } = await parentComplaint('owner@example.com');
    const before = await snapshot(database);
    expect(await (await caller()).public.track.requestCode({ reference, email: 'stranger@example.com' })).toEqual({ sent: true });
    expect(await (await caller()).public.track.requestCode({ reference: generateReference({ year: 2026, random: () => 0.1 }), email: 'owner@example.com' })).toEqual({ sent: true });
    expect(await snapshot(database)).toEqual(before);
    // By text message, to the number given.
    expect(await (await caller()).public.track.requestCode({ reference, phone: '+44 7700 900123' })).toEqual({ sent: true });
    expect((await latestMessage(database, 'tracking_code', '07700900123'))?.channel).toBe('sms');
  });

  it('refuses a malformed reference or code with a clear message and changes nothing', async () => {
    const before = await snapshot(database);
    expect((await refusal((await caller()).public.track.requestCode({ reference: 'hello', email: 'a@example.com' }))).fieldErrors).toEqual({ reference: 'errors.reference.invalid' });
    const reference = generateReference({ year: 2026, random: () => 0.3 });
    expect((await refusal((await caller()).public.track.requestCode({ reference }))).fieldErrors).toMatchObject({ email: 'errors.contact.required' });
    expect((await refusal((await caller()).public.track.verifyCode({ reference, code: '12' }))).fieldErrors).toMatchObject({ code: 'portal.track.errors.codeFormat' });
    expect(await snapshot(database)).toEqual(before);
  });

  it('opens the case with the right code, once, and shows it: status, stage, due date explained, letters, actions', async () => {
    at('2026-11-24T11:00:00Z');
    const { reference } = await parentComplaint('viewer@example.com');
    const code = await codeFor(reference, 'viewer@example.com');
    const { token } = await (await caller()).public.track.verifyCode({ reference, code: `${code.slice(0, 3)} ${code.slice(3)}` });
    const view = await (await caller({ token })).public.track.view();
    expect(view).toMatchObject({
      reference,
      caseType: 'children_act_complaint',
      stage: '1',
      status: 'received',
      response: { status: 'due', dueOn: '2026-12-08' },
      letters: [{ template: 'acknowledgement', channel: 'email' }],
      actions: { addInformation: true, withdraw: true, nextStage: null, ombudsman: true },
      viewer: 'citizen',
    });
    expect(view.response.explanation.at(-1)).toEqual({ key: 'deadline.result', params: { date: 'Tuesday 8 December 2026' } });
    const welsh = await (await caller({ token, language: 'cy' })).public.track.view();
    expect(welsh.response.explanation.at(-1)?.params.date).toBe('Dydd Mawrth 8 Rhagfyr 2026');
    // The code worked once.
    expect((await refusal((await caller()).public.track.verifyCode({ reference, code }))).messageKey).toBe('portal.track.errors.codeWrong');
    const audits = await database.db.selectFrom('audit_log').select(['action', 'actor_label', 'detail']).where('detail', '=', 'public.track.view').execute();
    expect(audits).toEqual([
      { action: 'read', actor_label: 'citizen', detail: 'public.track.view' },
      { action: 'read', actor_label: 'citizen', detail: 'public.track.view' },
    ]);
    // Nothing without a session.
    expect((await refusal((await caller()).public.track.view())).status).toBe(401);
  });

  it(`locks the reference for ${LOCK_MINUTES} minutes after ${MAX_WRONG_CODES} wrong codes, even the right one`, async () => {
    at('2026-11-24T12:00:00Z');
    const { reference } = await parentComplaint('locked@example.com');
    const code = await codeFor(reference, 'locked@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    for (let i = 1; i < MAX_WRONG_CODES; i += 1) {
      expect(await refusal((await caller()).public.track.verifyCode({ reference, code: wrong }))).toMatchObject({ status: 400, fieldErrors: { code: 'portal.track.errors.codeWrong' } });
    }
    expect(await refusal((await caller()).public.track.verifyCode({ reference, code: wrong }))).toMatchObject({ status: 429, messageKey: 'portal.track.errors.locked', params: { minutes: 15 } });
    expect(await refusal((await caller()).public.track.verifyCode({ reference, code }))).toMatchObject({ status: 429, messageKey: 'portal.track.errors.locked' });
    at('2026-11-24T12:14:00Z');
    expect(await refusal((await caller()).public.track.verifyCode({ reference, code }))).toMatchObject({ status: 429, params: { minutes: 1 } });
    // After the lock the old code is dead (the lock ended it); a new one works.
    at('2026-11-24T12:16:00Z');
    expect((await refusal((await caller()).public.track.verifyCode({ reference, code }))).messageKey).toBe('portal.track.errors.codeWrong');
    const fresh = await codeFor(reference, 'locked@example.com');
    expect((await (await caller()).public.track.verifyCode({ reference, code: fresh })).token).toBeTruthy();
    const failures = await database.db.selectFrom('audit_log').select('detail').where('action', '=', 'sign_in_failed').where('detail', 'like', 'tracking code%').execute();
    expect(failures.map((f) => f.detail)).toContain('tracking code: locked');
  });
});

describe('tracking by the link in our emails', () => {
  it('opens the same case page, and an unknown link opens nothing', async () => {
    at('2026-11-24T13:00:00Z');
    const { reference } = await parentComplaint('link@example.com');
    const acknowledgement = await latestMessage(database, 'acknowledgement', 'link@example.com');
    const secret = String(acknowledgement?.payload.trackUrl).split('/track/link/')[1]!;
    const { token } = await (await caller()).public.track.openLink({ token: secret });
    expect((await (await caller({ token })).public.track.view()).reference).toBe(reference);
    expect(await refusal((await caller()).public.track.openLink({ token: 'z'.repeat(43) }))).toMatchObject({ status: 404, messageKey: 'portal.track.errors.linkExpired' });
    at('2027-01-01T13:00:00Z');
    expect((await refusal((await caller()).public.track.openLink({ token: secret }))).status).toBe(404);
  });
});

describe('actions on a tracked case', () => {
  async function signedIn(email: string) {
    const { reference } = await parentComplaint(email);
    const { token } = await (await caller()).public.track.verifyCode({ reference, code: await codeFor(reference, email) });
    return { reference, token };
  }

  it('public.track.addInformation adds a note and files to the history, and refuses an empty note or a bad file', async () => {
    at('2026-11-25T09:00:00Z');
    const { token } = await signedIn('adds@example.com');
    const api = await caller({ token });
    const before = await snapshot(database);
    expect((await refusal(api.public.track.addInformation({ message: ' ' }))).fieldErrors).toEqual({ message: 'portal.track.errors.informationMissing' });
    expect((await refusal(api.public.track.addInformation({ message: 'See attached', files: [{ fileName: 'x.exe', content: new Uint8Array([0x4d, 0x5a, 0, 1]) }] }))).fieldErrors).toEqual({
      file: 'portal.errors.file.type',
    });
    expect(await snapshot(database)).toEqual(before);
    await api.public.track.addInformation({ message: 'The visit on 16 November was also cancelled.', files: [{ fileName: 'diary.txt', content: new TextEncoder().encode('16 Nov: no visit') }] });
    const view = await api.public.track.view();
    expect(view.information).toEqual([{ on: '2026-11-25', message: 'The visit on 16 November was also cancelled.', files: ['diary.txt'] }]);
    expect(view.letters.map((l) => l.template)).toEqual(['acknowledgement']);
  });

  it('public.track.withdraw closes the case through the lifecycle, once', async () => {
    at('2026-11-25T10:00:00Z');
    const { token, reference } = await signedIn('withdraws@example.com');
    const api = await caller({ token });
    expect(await api.public.track.withdraw({ reason: 'Sorted out with the social worker.' })).toEqual({ status: 'withdrawn' });
    const row = await database.db.selectFrom('cases').select(['status', 'closed_on', 'outcome']).where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'withdrawn', closed_on: '2026-11-25', outcome: 'withdrawn' });
    const view = await api.public.track.view();
    expect(view.actions).toMatchObject({ withdraw: false, addInformation: false });
    expect(await refusal(api.public.track.withdraw({}))).toMatchObject({ status: 422, messageKey: 'refusal.notAllowedInStatus' });
  });

  it('public.track.escalate is refused before a response, then opens Stage 2 within the window, and not after it', async () => {
    at('2026-11-25T11:00:00Z');
    const { token, reference } = await signedIn('escalates@example.com');
    const api = await caller({ token });
    expect(await refusal(api.public.track.escalate({ whyStillUnhappy: 'No answer yet' }))).toMatchObject({ status: 422, messageKey: 'refusal.nextStageBeforeResponse' });
    expect((await refusal(api.public.track.escalate({ whyStillUnhappy: '' }))).fieldErrors).toEqual({ whyStillUnhappy: 'errors.reason.required' });
    await recordStaffResponse(database, councilId, reference, new Date('2026-12-01T15:00:00Z'));
    at('2026-12-02T09:00:00Z');
    // The tracking session has run out overnight (an hour at most): a new code opens the case again.
    expect((await refusal(api.public.track.view())).status).toBe(401);
    const again = await caller({ token: (await (await caller()).public.track.verifyCode({ reference, code: await codeFor(reference, 'escalates@example.com') })).token });
    const responded = await again.public.track.view();
    // 20 working days from the response on 1 December, skipping Christmas Day and the Boxing Day substitute (28 December).
    expect(responded.actions.nextStage).toEqual({ stage: '2', closesOn: '2026-12-31' });
    void token;
    const api2 = again;
    const next = await api2.public.track.escalate({ whyStillUnhappy: 'The plan still does not happen.' });
    expect(next.stage).toBe('2');
    const view = await api2.public.track.view();
    expect(view.nextStage).toMatchObject({ reference: next.reference, stage: '2', status: 'received' });
    expect(view.actions.nextStage).toBeNull();
    const stage2 = await database.db.selectFrom('cases').select(['id', 'type', 'stage', 'parent_case_id', 'details', 'lifecycle', 'deadline_status']).where('reference', '=', next.reference).executeTakeFirstOrThrow();
    // Recorded as the back-office records a next stage: the first stage's policy date, the request awaiting its decision.
    expect(stage2).toMatchObject({
      type: 'children_act_complaint',
      stage: '2',
      details: 'The plan still does not happen.',
      lifecycle: { policyDate: '2026-11-25', request: { requestedOn: '2026-12-02', decision: null } },
    });
    const opened = await database.db.selectFrom('case_events').select(['type', 'payload']).where('case_id', '=', stage2.id).execute();
    expect(opened).toEqual([{ type: 'stage_opened', payload: expect.objectContaining({ reason: 'The plan still does not happen.', channel: 'portal' }) }]);
    const stage1 = await database.db.selectFrom('cases').select('lifecycle').where('reference', '=', reference).executeTakeFirstOrThrow();
    expect(stage1.lifecycle).toMatchObject({ escalation: { stage: '2', requestedOn: '2026-12-02' } });
    expect((await latestMessage(database, 'escalation_received', 'escalates@example.com'))?.payload.reference).toBe(next.reference);
    // The person can open the new stage's page too.
    expect((await api2.public.track.view({ reference: next.reference })).previousStage?.reference).toBe(reference);
  });

  it('says when the window to ask for the next stage closed', async () => {
    at('2026-11-26T09:00:00Z');
    const { token, reference } = await signedIn('late@example.com');
    await recordStaffResponse(database, councilId, reference, new Date('2026-12-01T15:00:00Z'));
    at('2027-02-01T09:00:00Z');
    const api = await caller({ token: (await (await caller()).public.track.verifyCode({ reference, code: await codeFor(reference, 'late@example.com') })).token });
    const view = await api.public.track.view();
    expect(view.actions).toMatchObject({ nextStage: null, nextStageClosedOn: '2026-12-31' });
    expect(await refusal(api.public.track.escalate({ whyStillUnhappy: 'Too late?' }))).toMatchObject({ status: 422, messageKey: 'refusal.escalationWindowClosed', params: { closesOn: '2026-12-31' } });
    void token;
  });

  it('a citizen session opens only its own case', async () => {
    at('2026-11-27T09:00:00Z');
    const mine = await signedIn('mine@example.com');
    const theirs = await parentComplaint('theirs@example.com');
    expect(await refusal((await caller({ token: mine.token })).public.track.view({ reference: theirs.reference }))).toMatchObject({ status: 404 });
    expect(await refusal((await caller({ token: mine.token })).public.track.withdraw({ reference: theirs.reference }))).toMatchObject({ status: 404 });
  });
});

describe('done when: a parent raises a complaint and follows it to a response recorded by staff', () => {
  it('through the pages’ draft, the confirmation, a code, the response and its letter', async () => {
    at('2026-11-30T09:30:00Z');
    const pages: Array<[string, Record<string, unknown>]> = [
      ['who', { role: 'parent' }],
      ['child', { child: { fullName: 'Alex Jones' } }],
      ['situation', { child: { situation: 'child_in_need' } }],
      ['service', { service: fostering }],
      ['what-happened', { whatHappened: 'Nobody came to the review meeting.' }],
      ['when', { matterOn: { day: '20', month: '11', year: '2026' } }],
      ['proceedings', { courtOrTribunalProceedings: 'no' }],
      ['outcome', { desiredOutcome: 'A new meeting.' }],
      ['contact', { contact: { fullName: 'Sam Jones', email: 'parent@example.com', contactPreference: 'email', language: 'en' } }],
      ['adjustments', { needsAdjustments: 'no' }],
      ['files', {}],
    ];
    let token: string | null = null;
    for (const [step, values] of pages) token = (await (await caller()).public.draft.save({ journey: 'complaint', token, step, values, language: 'en' })).token;
    const confirmation = await (await caller()).public.draft.submit({ journey: 'complaint', token: token! });
    await recordStaffResponse(database, councilId, confirmation.reference, new Date('2026-12-03T16:00:00Z'));
    at('2026-12-04T09:00:00Z');
    const session = await (await caller()).public.track.verifyCode({ reference: confirmation.reference, code: await codeFor(confirmation.reference, 'parent@example.com') });
    const view = await (await caller({ token: session.token })).public.track.view();
    expect(view).toMatchObject({ status: 'responded', respondedOn: '2026-12-03', outcome: 'partly_upheld', response: { status: 'due' } });
    expect(view.letters.map((l) => l.template)).toEqual(['acknowledgement', 'response_sent']);
    expect(view.actions.nextStage?.stage).toBe('2');
  });
});
