import { createCouncil, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { generateReference } from '@heard/domain';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { takeToken } from './lib/rate-limit';
import { callerFactory, latestMessage, refusal, snapshot, type Clock } from './test-support';

let database: TestDatabase;
let councilId: string;
const clock: Clock = { now: new Date('2026-11-24T10:00:00Z') };
let caller: ReturnType<typeof callerFactory>;
let services: Record<string, string>;

beforeAll(async () => {
  database = await createTestDatabase();
  const council = await createCouncil(database, { slug: 'portal-journeys', hostnames: ['portal.example'], referencePrefix: 'CYP' });
  councilId = council.id;
  const division = await database.db.insertInto('divisions').values({ council_id: councilId, name: "Children's Social Care" }).returning('id').executeTakeFirstOrThrow();
  for (const [name, framework] of [
    ['Fostering', 'statutory'],
    ['School Admissions & Transport', 'corporate'],
    ['Retired service', 'corporate'],
  ] as const) {
    await database.db.insertInto('services').values({ council_id: councilId, division_id: division.id, name, framework, active: name !== 'Retired service' }).execute();
  }
  caller = callerFactory(database, clock);
  const listed = await (await caller()).public.services.list();
  services = Object.fromEntries(listed.map((s) => [s.name, s.id]));
});
afterAll(() => database.destroy());

const contact = { fullName: 'Sam Jones', email: 'sam@example.com', contactPreference: 'email', language: 'en' } as const;

/** A parent's complaint, page by page, as the portal saves it. */
function parentPages(service: string) {
  return [
    ['who', { role: 'parent' }],
    ['child', { child: { fullName: 'Alex Jones', dateOfBirth: { day: '3', month: '4', year: '2015' } } }],
    ['situation', { child: { situation: 'looked_after' } }],
    ['service', { service }],
    ['what-happened', { whatHappened: 'Contact visits were cancelled three times.' }],
    ['when', { matterOn: { day: '2', month: '11', year: '2026' } }],
    ['proceedings', { courtOrTribunalProceedings: 'no' }],
    ['outcome', { desiredOutcome: 'A visit plan we can rely on.' }],
    ['contact', { contact: { ...contact, phone: '', address: { line1: '', postcode: '' } } }],
    ['adjustments', { needsAdjustments: 'yes', reasonableAdjustments: 'Please phone after 4pm.' }],
    ['files', {}],
  ] as const;
}

async function fillDraft(journey: 'complaint', pages: ReturnType<typeof parentPages>, ip = '192.0.2.10') {
  let token: string | null = null;
  let next: string | null = null;
  for (const [step, values] of pages) {
    const saved = await (await caller({ ip })).public.draft.save({ journey, token, step, values: values as Record<string, unknown>, language: 'en' });
    token = saved.token;
    next = saved.next;
  }
  return { token: token as string, next };
}

describe('public.services.list', () => {
  it('lists the council’s active services A to Z, from its reference data', async () => {
    const listed = await (await caller()).public.services.list();
    expect(listed.map((s) => s.name)).toEqual(['Fostering', 'School Admissions & Transport']);
  });
});

describe('public.draft.save and public.draft.get', () => {
  it('starts a draft on the first page, keeps each page, and says which page is next', async () => {
    const first = await (await caller()).public.draft.save({ journey: 'complaint', token: null, step: 'who', values: { role: 'advocate' }, language: 'cy' });
    expect(first).toMatchObject({ next: 'consent', pending: 'consent' });
    expect(first.token.length).toBeGreaterThan(30);
    const second = await (await caller()).public.draft.save({ journey: 'complaint', token: first.token, step: 'consent', values: { youngPersonConsent: 'given' }, language: 'cy' });
    expect(second).toEqual({ token: first.token, next: 'advocate', pending: 'advocate' });
    const draft = await (await caller()).public.draft.get({ token: first.token, journey: 'complaint' });
    expect(draft).toMatchObject({ journey: 'complaint', answers: { who: { role: 'advocate' }, consent: { youngPersonConsent: 'given' } }, progress: { next: 'advocate' }, confirmation: null });
    // The same token does not open another journey, and an unknown token opens nothing.
    expect(await (await caller()).public.draft.get({ token: first.token, journey: 'foi' })).toBeNull();
    expect(await (await caller()).public.draft.get({ token: 'x'.repeat(43) })).toBeNull();
  });

  it('refuses bad answers with a message per field, and saves nothing', async () => {
    const before = await snapshot(database);
    const empty = await refusal((await caller()).public.draft.save({ journey: 'complaint', token: null, step: 'who', values: {}, language: 'en' }));
    expect(empty).toMatchObject({ status: 400, messageKey: 'errors.input', fieldErrors: { role: 'errors.role.required' } });
    const date = await refusal((await caller()).public.draft.save({ journey: 'complaint', token: null, step: 'when', values: { matterOn: { day: '30', month: '2', year: '2026' } }, language: 'en' }));
    expect(date.fieldErrors).toEqual({ matterOn: 'errors.date.invalid' });
    const future = await refusal((await caller()).public.draft.save({ journey: 'complaint', token: null, step: 'when', values: { matterOn: { day: '1', month: '1', year: '2027' } }, language: 'en' }));
    expect(future.fieldErrors).toEqual({ matterOn: 'errors.date.inFuture' });
    const long = await refusal((await caller()).public.draft.save({ journey: 'complaint', token: null, step: 'what-happened', values: { whatHappened: 'x'.repeat(5001) }, language: 'en' }));
    expect(long.fieldErrors).toEqual({ whatHappened: 'errors.whatHappened.tooLong' });
    const email = await refusal((await caller()).public.draft.save({ journey: 'foi', token: null, step: 'contact', values: { fullName: 'Pat', email: 'pat@', language: 'en' }, language: 'en' }));
    expect(email.fieldErrors).toEqual({ email: 'errors.email.invalid' });
    const service = await refusal((await caller()).public.draft.save({ journey: 'complaint', token: null, step: 'service', values: { service: '6f1c2f7e-2b1a-4c1e-9d7a-3b2f1e0c9a11' }, language: 'en' }));
    expect(service.fieldErrors).toEqual({ service: 'errors.choice.invalid' });
    const unknownStep = await refusal((await caller()).public.draft.save({ journey: 'complaint', token: null, step: 'nope', values: {}, language: 'en' }));
    expect(unknownStep.status).toBe(404);
    const unknownJourney = await refusal((await caller()).public.draft.save({ journey: 'complain' as 'complaint', token: null, step: 'who', values: {}, language: 'en' }));
    expect(unknownJourney.status).toBe(400);
    expect(await snapshot(database)).toEqual(before);
  });

  it('keeps the advocate’s journey for a signed-in advocate only', async () => {
    const described = await refusal((await caller()).public.draft.save({ journey: 'advocate-complaint', token: null, step: 'consent', values: { youngPersonConsent: 'given' }, language: 'en' }));
    expect(described).toMatchObject({ status: 401, messageKey: 'portal.advocate.errors.signInFirst' });
  });
});

describe('public.draft.submit', () => {
  it('makes a Children Act complaint from a parent’s answers: one transaction with its event, people, key and acknowledgement', async () => {
    const { token, next } = await fillDraft('complaint', parentPages(services.Fostering!));
    expect(next).toBeNull();
    const confirmation = await (await caller()).public.draft.submit({ journey: 'complaint', token });
    expect(confirmation).toMatchObject({
      caseType: 'children_act_complaint',
      stage: '1',
      receivedOn: '2026-11-24',
      // 10 working days under the Children Act procedure: 8 December 2026.
      response: { status: 'due', dueOn: '2026-12-08' },
      nextSteps: 'eligibility.next.statutory',
      contactBy: 'email',
    });
    expect(confirmation.reference).toMatch(/^CYP-26-[2-9A-Z]{5}$/);
    const row = await database.db.selectFrom('cases').selectAll().where('reference', '=', confirmation.reference).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ type: 'children_act_complaint', framework: 'statutory', status: 'received', due_on: '2026-12-08', service_id: services.Fostering, channel: 'portal' });
    expect(row.flags).toMatchObject({ desiredOutcome: 'A visit plan we can rely on.', eligibility: { basis: 'service_reference_data', mayComplain: 'yes', flags: [] } });
    const people = await database.db.selectFrom('case_people').select(['role', 'name', 'date_of_birth', 'adjustments']).where('case_id', '=', row.id).orderBy('role').execute();
    expect(people).toEqual([
      { role: 'child', name: 'Alex Jones', date_of_birth: '2015-04-03', adjustments: null },
      { role: 'complainant', name: 'Sam Jones', date_of_birth: null, adjustments: 'Please phone after 4pm.' },
    ]);
    const events = await database.db.selectFrom('case_events').select('type').where('case_id', '=', row.id).execute();
    expect(events.map((e) => e.type)).toEqual(['received']);
    const acknowledgement = await latestMessage(database, 'acknowledgement', 'sam@example.com');
    expect(acknowledgement?.case_id).toBe(row.id);
    expect(acknowledgement?.payload).toMatchObject({ reference: confirmation.reference, caseType: 'children_act_complaint', receivedOn: '2026-11-24', dueOn: '2026-12-08' });
    expect(String(acknowledgement?.payload.trackUrl)).toMatch(/^https:\/\/portal\.example\/track\/link\/[A-Za-z0-9_-]{43}$/);
    const audit = await database.db.selectFrom('audit_log').select(['action', 'detail', 'actor_label']).where('case_id', '=', row.id).execute();
    expect(audit).toEqual([{ action: 'change', detail: 'public.draft.submit', actor_label: 'public' }]);
    // The confirmation page can be loaded again, from the draft.
    expect((await (await caller()).public.draft.get({ token, journey: 'complaint' }))?.confirmation?.reference).toBe(confirmation.reference);
  });

  it('makes one case of a double submit, at once or again later, with one acknowledgement', async () => {
    const { token } = await fillDraft('complaint', parentPages(services['School Admissions & Transport']!));
    const before = await snapshot(database);
    const together = await Promise.all([1, 2, 3].map(async () => (await caller()).public.draft.submit({ journey: 'complaint', token })));
    const again = await (await caller()).public.draft.submit({ journey: 'complaint', token });
    expect(new Set([...together, again].map((c) => c.reference)).size).toBe(1);
    const after = await snapshot(database);
    expect(after.cases).toBe(before.cases! + 1);
    expect(after.outbox_messages).toBe(before.outbox_messages! + 1);
    // A corporate complaint under the Complaint Handling Code: the reply is due 10 working days after the acknowledgement.
    expect(again).toMatchObject({ caseType: 'corporate_complaint', acknowledgementDueOn: '2026-12-01', response: { status: 'provisional', dueOn: '2026-12-15' } });
    const saveAfter = await refusal((await caller()).public.draft.save({ journey: 'complaint', token, step: 'who', values: { role: 'parent' }, language: 'en' }));
    expect(saveAfter).toMatchObject({ status: 409, messageKey: 'portal.errors.alreadySent' });
  });

  it('refuses an incomplete journey, and a lost draft, writing nothing', async () => {
    const { token } = await fillDraft('complaint', parentPages(services.Fostering!).slice(0, 3) as unknown as ReturnType<typeof parentPages>);
    const before = await snapshot(database);
    const incomplete = await refusal((await caller()).public.draft.submit({ journey: 'complaint', token }));
    expect(incomplete).toMatchObject({ status: 400, messageKey: 'portal.errors.incomplete' });
    expect(Object.keys(incomplete.fieldErrors)).toEqual(expect.arrayContaining(['whatHappened', 'desiredOutcome']));
    const lost = await refusal((await caller()).public.draft.submit({ journey: 'complaint', token: 'y'.repeat(43) }));
    expect(lost).toMatchObject({ status: 404, messageKey: 'portal.errors.draftExpired' });
    expect(await snapshot(database)).toEqual(before);
  });
});

describe('submitting whole journeys', () => {
  const key = (name: string) => `test-key-${name}-0000000000`;

  it('public.complaint.submit flags an old matter and another organisation for staff, and refuses nothing at the door', async () => {
    const confirmation = await (await caller()).public.complaint.submit({
      journey: 'complaint',
      idempotencyKey: key('historic'),
      role: 'relative',
      youngPersonConsent: 'not_asked',
      contact,
      child: { situation: 'not_sure' },
      serviceArea: 'not_council',
      whatHappened: 'The school excluded my grandson in 2024.',
      matterOn: '2024-09-01',
      desiredOutcome: 'An apology.',
      courtOrTribunalProceedings: 'not_sure',
    });
    expect(confirmation).toMatchObject({ caseType: 'corporate_complaint', nextSteps: 'eligibility.next.otherOrganisation' });
    const row = await database.db.selectFrom('cases').select('flags').where('reference', '=', confirmation.reference).executeTakeFirstOrThrow();
    const flags = (row.flags.eligibility as { flags: Array<{ code: string }> }).flags.map((f) => f.code);
    expect(flags).toEqual(expect.arrayContaining(['no_consent', 'historic', 'other_authority_or_agency']));
  });

  it('public.complaint.submit rejects bad input with a clear message per field and writes nothing', async () => {
    const before = await snapshot(database);
    const bad = await refusal(
      (await caller()).public.complaint.submit({
        journey: 'complaint',
        idempotencyKey: key('bad'),
        role: 'parent',
        contact: { ...contact, email: 'not-an-email' },
        child: { situation: 'none' },
        serviceArea: 'send',
        whatHappened: ' ',
        desiredOutcome: 'x',
        courtOrTribunalProceedings: 'no',
      } as never),
    );
    expect(bad).toMatchObject({ status: 400, messageKey: 'errors.input' });
    expect(bad.fieldErrors).toMatchObject({ 'contact.email': 'errors.email.invalid', whatHappened: 'errors.whatHappened.required' });
    const shortKey = await refusal((await caller()).public.foi.submit({ journey: 'foi_request', idempotencyKey: 'short', fullName: 'Pat', email: 'pat@example.com', request: 'x', preferredFormat: 'electronic', language: 'en' }));
    expect(shortKey.fieldErrors).toEqual({ idempotencyKey: 'portal.errors.idempotencyKey' });
    const unknownService = await refusal(
      (await caller()).public.compliment.submit({
        journey: 'compliment',
        idempotencyKey: key('unknown-service'),
        serviceArea: 'send',
        serviceId: '6f1c2f7e-2b1a-4c1e-9d7a-3b2f1e0c9a11',
        message: 'Thanks',
        wantsReply: false,
        mayShare: 'no',
        language: 'en',
      }),
    );
    expect(unknownService.fieldErrors).toEqual({ serviceId: 'errors.id.invalid' });
    expect(await snapshot(database)).toEqual(before);
  });

  it('public.foi.submit gives the due date on the FOI calendar: 20 working days, skipping St Andrew’s Day', async () => {
    const confirmation = await (await caller()).public.foi.submit({
      journey: 'foi_request',
      idempotencyKey: key('foi'),
      fullName: 'Pat Smith',
      email: 'pat@example.com',
      request: 'How many EHC plans were finalised within 20 weeks in 2025?',
      preferredFormat: 'electronic',
      language: 'cy',
    });
    // 30 November 2026 is a bank holiday in Scotland, so not a working day under FOIA s.10(6).
    expect(confirmation).toMatchObject({ caseType: 'foi_request', stage: 'request', response: { status: 'due', dueOn: '2026-12-23' } });
    const message = await latestMessage(database, 'acknowledgement', 'pat@example.com');
    expect(message?.language).toBe('cy');
  });

  it('public.enquiry.submit from an MP’s office names the resident and is due in 10 working days', async () => {
    const enquiry = { journey: 'enquiry', route: 'mp', enquirer: { ...contact, fullName: 'Office of J Bloggs MP' }, office: 'MP for Anytown', serviceArea: 'send', question: 'When will the EHCP be finalised?' } as const;
    const missing = await refusal((await caller()).public.enquiry.submit({ ...enquiry, idempotencyKey: key('mp-missing') }));
    expect(missing.fieldErrors).toEqual({ 'onBehalfOf.fullName': 'errors.behalfOf.required' });
    const confirmation = await (await caller()).public.enquiry.submit({ ...enquiry, idempotencyKey: key('mp'), onBehalfOf: { fullName: 'Ms R Resident' } });
    expect(confirmation).toMatchObject({ caseType: 'mp_enquiry', response: { status: 'due', dueOn: '2026-12-08' } });
    const row = await database.db.selectFrom('cases').select('id').where('reference', '=', confirmation.reference).executeTakeFirstOrThrow();
    const people = await database.db.selectFrom('case_people').select(['role', 'name', 'relationship']).where('case_id', '=', row.id).orderBy('role').execute();
    expect(people).toEqual([
      { role: 'complainant', name: 'Ms R Resident', relationship: 'resident' },
      { role: 'member', name: 'Office of J Bloggs MP', relationship: 'MP for Anytown' },
    ]);
  });

  it('public.compliment.submit keeps whether it may be shared; no reply is due', async () => {
    const confirmation = await (await caller()).public.compliment.submit({
      journey: 'compliment',
      idempotencyKey: key('compliment'),
      serviceArea: 'not_sure',
      serviceId: services.Fostering,
      aboutWhom: 'Jo, our social worker',
      message: 'Jo went above and beyond for our family.',
      wantsReply: false,
      mayShare: 'yes',
      language: 'en',
    });
    expect(confirmation).toMatchObject({ caseType: 'compliment', response: { status: 'none' }, contactBy: 'none' });
    const row = await database.db.selectFrom('cases').select(['framework', 'flags']).where('reference', '=', confirmation.reference).executeTakeFirstOrThrow();
    expect(row.framework).toBe('statutory');
    expect(row.flags).toMatchObject({ mayShare: true, aboutWhom: 'Jo, our social worker' });
  });

  it('public.youngPerson.submit records a request for an advocate to call, and offers an advocate', async () => {
    const confirmation = await (await caller()).public.youngPerson.submit({
      journey: 'young_person_complaint',
      idempotencyKey: key('young'),
      firstName: 'Jo',
      age: 11,
      situation: 'looked_after',
      wantsAdvocate: 'yes',
      advocatePhone: '07700 900982',
      whatHappened: 'I was moved to a new home without being asked.',
      whatWouldHelp: 'To be asked next time.',
      phone: '07700900982',
      language: 'en',
    });
    expect(confirmation).toMatchObject({ caseType: 'children_act_complaint', nextSteps: 'eligibility.next.youngPerson', contactBy: 'phone', advocateCallRequested: true });
    const row = await database.db.selectFrom('cases').select(['id', 'flags']).where('reference', '=', confirmation.reference).executeTakeFirstOrThrow();
    expect(row.flags).toMatchObject({ advocateCall: { phone: '07700900982' }, eligibility: { offerAdvocate: true } });
    const events = await database.db.selectFrom('case_events').select('type').where('case_id', '=', row.id).orderBy('id').execute();
    expect(events.map((e) => e.type)).toEqual(['received', 'advocate_call_requested']);
    // A text message only ever carries a code: the case's details go by email, or by phone call.
    expect(await latestMessage(database, 'acknowledgement', '07700900982')).toBeUndefined();
  });
});

describe('public.attachment.upload and remove', () => {
  const pdf = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<<>>\nendobj\n');

  it('keeps files checked by content, refuses the rest with a clear message, and moves them to the case on submit', async () => {
    const { token } = await fillDraft('complaint', parentPages(services.Fostering!));
    const api = await caller();
    const stored = await api.public.attachment.upload({ journey: 'complaint', token, fileName: 'C:\\Users\\sam\\letter.pdf', content: pdf });
    expect(stored).toMatchObject({ fileName: 'letter.pdf', sizeBytes: pdf.byteLength });
    const before = await snapshot(database);
    const exe = await refusal(api.public.attachment.upload({ journey: 'complaint', token, fileName: 'photo.jpg', content: new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03]) }));
    expect(exe).toMatchObject({ status: 400, fieldErrors: { file: 'portal.errors.file.type' } });
    const empty = await refusal(api.public.attachment.upload({ journey: 'complaint', token, fileName: 'empty.txt', content: new Uint8Array() }));
    expect(empty.fieldErrors).toEqual({ file: 'portal.errors.file.empty' });
    const big = new Uint8Array(10 * 1024 * 1024 + 1).fill(0x41);
    const tooBig = await refusal(api.public.attachment.upload({ journey: 'complaint', token, fileName: 'big.txt', content: big }));
    expect(tooBig.fieldErrors).toEqual({ file: 'portal.errors.file.tooBig' });
    expect(await snapshot(database)).toEqual(before);
    const spare = await api.public.attachment.upload({ journey: 'complaint', token, fileName: 'notes.txt', content: new TextEncoder().encode('Dates of the cancelled visits: 2, 9 and 16 November') });
    await api.public.attachment.remove({ journey: 'complaint', token, id: spare.id });
    expect((await refusal(api.public.attachment.remove({ journey: 'complaint', token, id: spare.id }))).status).toBe(404);
    const confirmation = await api.public.draft.submit({ journey: 'complaint', token });
    const row = await database.db.selectFrom('cases').select('id').where('reference', '=', confirmation.reference).executeTakeFirstOrThrow();
    const files = await database.db.selectFrom('attachments').select(['file_name', 'content_type']).where('case_id', '=', row.id).execute();
    expect(files).toEqual([{ file_name: 'letter.pdf', content_type: 'application/pdf' }]);
    expect((await refusal(api.public.attachment.upload({ journey: 'complaint', token, fileName: 'late.pdf', content: pdf }))).messageKey).toBe('portal.errors.alreadySent');
  });
});

describe('public.draft.sendLink', () => {
  it('emails a link that reopens the draft, and refuses a bad address', async () => {
    const saved = await (await caller()).public.draft.save({ journey: 'foi', token: null, step: 'request', values: { request: 'Budgets for 2026' }, language: 'en' });
    const before = await snapshot(database);
    const bad = await refusal((await caller()).public.draft.sendLink({ journey: 'foi', token: saved.token, email: 'nobody', language: 'en' }));
    expect(bad.fieldErrors).toEqual({ email: 'errors.email.invalid' });
    expect(await snapshot(database)).toEqual(before);
    await (await caller()).public.draft.sendLink({ journey: 'foi', token: saved.token, email: 'later@example.com', language: 'en' });
    const message = await latestMessage(database, 'draft_link', 'later@example.com');
    expect(message?.payload.url).toBe(`https://portal.example/resume/${saved.token}`);
    expect(message?.case_id).toBeNull();
  });
});

describe('rate limits', () => {
  it('an address that submits too often is told to wait, and others are not affected', async () => {
    const fake = {} as TestDatabase;
    const now = new Date('2026-11-24T10:00:00Z');
    for (let i = 0; i < 60; i += 1) takeToken(fake, 'submit', '198.51.100.7', now);
    expect(() => takeToken(fake, 'submit', '198.51.100.7', now)).toThrow(expect.objectContaining({ messageKey: 'portal.errors.tooMany', params: { minutes: 1 } }));
    expect(() => takeToken(fake, 'submit', '198.51.100.8', now)).not.toThrow();
    // Ten seconds later one more submission is allowed.
    expect(() => takeToken(fake, 'submit', '198.51.100.7', new Date(now.getTime() + 10_000))).not.toThrow();
  });

  it('code requests from one address are limited through the API', async () => {
    const api = await caller({ ip: '203.0.113.99' });
    const reference = generateReference({ year: 2026, random: () => 0.5 });
    for (let i = 0; i < 20; i += 1) expect(await api.public.track.requestCode({ reference, email: 'x@example.com' })).toEqual({ sent: true });
    const limited = await refusal(api.public.track.requestCode({ reference, email: 'x@example.com' }));
    expect(limited).toMatchObject({ status: 429, messageKey: 'portal.errors.tooMany' });
  });
});

describe('public.dev.mailbox', () => {
  it('is not found unless HEARD_DEV_MAILBOX=1, and then lists the outbox, codes included', async () => {
    const previous = process.env.HEARD_DEV_MAILBOX;
    try {
      delete process.env.HEARD_DEV_MAILBOX;
      expect((await refusal((await caller()).public.dev.mailbox())).status).toBe(404);
      process.env.HEARD_DEV_MAILBOX = '1';
      const messages = await (await caller()).public.dev.mailbox();
      expect(messages.length).toBeGreaterThan(0);
      expect(messages[0]).toHaveProperty('payload');
    } finally {
      if (previous === undefined) delete process.env.HEARD_DEV_MAILBOX;
      else process.env.HEARD_DEV_MAILBOX = previous;
    }
  });
});
