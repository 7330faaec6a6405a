import { createHash } from 'node:crypto';
import { createCase, createTestDatabase, type TestDatabase } from '@heard/db/testing';
import { strFromU8, unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROLES, makeCallers, refusal, setUpCouncil, type TestCouncil } from '../casework/test-kit';

/**
 * Subject access: the zip holds exactly one person's records (their rows,
 * their cases, the messages to them, their documents' bytes) and nothing of
 * another person on the same council, another person on the same case, or
 * the same email address at another council; every search and export is
 * audited; other roles are refused and nothing is written.
 */
let database: TestDatabase;
let council: TestCouncil;
let other: TestCouncil;
let callers: ReturnType<typeof makeCallers>;
const clock = new Date('2025-07-09T10:00:00Z');

const SAM = { email: 'sam.subject@example.com', phone: '07700 900982' };
const ids = {} as Record<'complaint' | 'foi' | 'patCase' | 'otherCouncilCase', { id: string; reference: string }>;

async function addPerson(
  councilId: string,
  caseId: string,
  values: { role: string; name: string; email?: string; phone?: string; dateOfBirth?: string; language?: 'en' | 'cy' },
) {
  await database.db
    .insertInto('case_people')
    .values({
      council_id: councilId,
      case_id: caseId,
      role: values.role as never,
      name: values.name,
      email: values.email ?? null,
      phone: values.phone ?? null,
      date_of_birth: values.dateOfBirth ?? null,
      language: values.language ?? null,
    })
    .execute();
}

async function addMessage(
  councilId: string,
  caseId: string | null,
  recipient: string,
  template: string,
  channel: 'email' | 'sms' = 'email',
) {
  await database.db
    .insertInto('outbox_messages')
    .values({
      council_id: councilId,
      case_id: caseId,
      channel,
      recipient,
      template,
      language: 'cy',
      payload: JSON.stringify({}),
      idempotency_key: `sar:${template}:${recipient}:${caseId ?? 'none'}`,
      subject: `Subject for ${recipient}`,
      body: `Body for ${recipient}`,
    } as never)
    .execute();
}

async function addDocument(councilId: string, owner: { caseId?: string; draftId?: string }, fileName: string, text: string) {
  const content = new TextEncoder().encode(text);
  const row = await database.db
    .insertInto('attachments')
    .values({
      council_id: councilId,
      case_id: owner.caseId ?? null,
      draft_id: owner.draftId ?? null,
      file_name: fileName,
      content_type: 'text/plain',
      size_bytes: content.length,
      sha256: createHash('sha256').update(content).digest('hex'),
      source: 'submission',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await database.db.insertInto('attachment_contents').values({ attachment_id: row.id, council_id: councilId, content }).execute();
}

async function addEvent(councilId: string, caseId: string, type: string) {
  await database.db
    .insertInto('case_events')
    .values({ council_id: councilId, case_id: caseId, type, payload: JSON.stringify({ note: type }), actor_label: 'staff' })
    .execute();
}

beforeAll(async () => {
  database = await createTestDatabase();
  council = await setUpCouncil(database, 'sar', clock);
  other = await setUpCouncil(database, 'sar-other', clock);
  callers = makeCallers(database, () => clock);

  // Sam's complaint about their child Alex: Sam, Alex (another person), history, a letter, a point, a remedy, a document.
  ids.complaint = await createCase(database, council.id, {
    reference: 'CYP-25-SAM01',
    type: 'children_act_complaint',
    received_on: '2025-05-01',
    language: 'cy',
    details: 'Visits were cancelled.',
  });
  await addPerson(council.id, ids.complaint.id, {
    role: 'complainant',
    name: 'Sam Subject',
    email: 'Sam.Subject@example.com',
    phone: '+44 7700 900982',
    language: 'cy',
  });
  await addPerson(council.id, ids.complaint.id, { role: 'child', name: 'Alex  Subject', dateOfBirth: '2015-04-03' });
  await addEvent(council.id, ids.complaint.id, 'received');
  await addEvent(council.id, ids.complaint.id, 'acknowledged');
  await database.db
    .insertInto('letters')
    .values({
      council_id: council.id,
      case_id: ids.complaint.id,
      kind: 'acknowledgement',
      language: 'cy',
      subject: 'Llythyr',
      body: 'Annwyl Sam',
      sent_on: '2025-05-02',
    })
    .execute();
  await database.db
    .insertInto('complaint_points')
    .values({ council_id: council.id, case_id: ids.complaint.id, position: 1, summary: 'Visits cancelled', finding: 'upheld' })
    .execute();
  await database.db
    .insertInto('remedies')
    .values({ council_id: council.id, case_id: ids.complaint.id, kind: 'apology', description: 'A written apology' })
    .execute();
  await addDocument(council.id, { caseId: ids.complaint.id }, 'visit plan.txt', 'Sam’s visit plan');
  await addMessage(council.id, ids.complaint.id, SAM.email, 'acknowledgement');
  // A reminder to the case owner about Sam's case is staff mail, not Sam's.
  await addMessage(council.id, ids.complaint.id, `complaints_officer@${council.host}`, 'reminder');

  // Sam's FOI request (email only), and a text message with a code to Sam's phone.
  ids.foi = await createCase(database, council.id, { reference: 'CYP-25-SAM02', type: 'foi_request', received_on: '2025-06-01' });
  await addPerson(council.id, ids.foi.id, { role: 'requester', name: 'Sam Subject', email: SAM.email });
  await addEvent(council.id, ids.foi.id, 'received');
  await addMessage(council.id, ids.foi.id, '07700900982', 'tracking_code', 'sms');
  // A come-back link to a form Sam started and did not send, with a file on it.
  const draft = await database.db
    .insertInto('drafts')
    .values({
      council_id: council.id,
      journey: 'complaint',
      token_hash: 'sar-draft-token-hash',
      answers: JSON.stringify({ contact: { contact: { fullName: 'Sam Subject', email: SAM.email } } }),
      idempotency_key: 'sar-draft',
      expires_at: new Date('2025-08-01T00:00:00Z'),
    } as never)
    .returning('id')
    .executeTakeFirstOrThrow();
  await addDocument(council.id, { draftId: draft.id }, '../../etc/draft notes.txt', 'Sam’s draft notes');
  await addMessage(council.id, null, SAM.email, 'draft_link');

  // Another person at the same council.
  ids.patCase = await createCase(database, council.id, {
    reference: 'CYP-25-PAT01',
    received_on: '2025-05-15',
    details: 'Pat’s complaint',
  });
  await addPerson(council.id, ids.patCase.id, {
    role: 'complainant',
    name: 'Pat Other',
    email: 'pat.other@example.com',
    phone: '07700 900123',
  });
  await addEvent(council.id, ids.patCase.id, 'received');
  await addDocument(council.id, { caseId: ids.patCase.id }, 'pat.txt', 'Pat’s document');
  await addMessage(council.id, ids.patCase.id, 'pat.other@example.com', 'acknowledgement');

  // The same email address at another council.
  ids.otherCouncilCase = await createCase(database, other.id, {
    reference: 'OTH-25-SAM01',
    received_on: '2025-05-20',
    details: 'Elsewhere',
  });
  await addPerson(other.id, ids.otherCouncilCase.id, { role: 'complainant', name: 'Sam Subject', email: SAM.email });
  await addDocument(other.id, { caseId: ids.otherCouncilCase.id }, 'elsewhere.txt', 'Another council’s document');
  await addMessage(other.id, ids.otherCouncilCase.id, SAM.email, 'acknowledgement');
});
afterAll(() => database?.destroy());

function unzip(base64: string): Record<string, string> {
  const files = unzipSync(new Uint8Array(Buffer.from(base64, 'base64')));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

async function auditRows(councilId: string) {
  return database.db
    .selectFrom('audit_log')
    .select(['action', 'case_id', 'detail', 'actor_user_id'])
    .where('council_id', '=', councilId)
    .where('detail', 'like', 'staff.subjectAccess.%')
    .orderBy('id')
    .execute();
}

describe('staff.subjectAccess.export', () => {
  it('zips exactly Sam’s records, with a README in Sam’s language (Welsh) and the documents’ own bytes', async () => {
    const caller = await callers.asUser(council, council.users.complaints_officer);
    const result = await caller.staff.subjectAccess.export({ email: SAM.email });
    expect(result).toMatchObject({
      fileName: 'subject-access-sar-2025-07-09.zip',
      contentType: 'application/zip',
      cases: 2,
      language: 'cy',
    });
    const files = unzip(result.base64);
    expect(Object.keys(files).sort()).toEqual([
      'README.txt',
      'about-you.json',
      'cases/CYP-25-SAM01/case.json',
      'cases/CYP-25-SAM01/documents/01-visit plan.txt',
      'cases/CYP-25-SAM01/history.json',
      'cases/CYP-25-SAM01/letters.json',
      'cases/CYP-25-SAM01/messages.json',
      'cases/CYP-25-SAM02/case.json',
      'cases/CYP-25-SAM02/history.json',
      'cases/CYP-25-SAM02/letters.json',
      'cases/CYP-25-SAM02/messages.json',
      'forms-not-sent.json',
      'forms-not-sent/documents/01-draft notes.txt',
      'messages.json',
    ]);
    expect(files['README.txt']).toContain('yr wybodaeth sydd gennym amdanoch chi');
    expect(files['README.txt']).toContain('Daethom o hyd i 2 achos gyda gwybodaeth amdanoch chi: CYP-25-SAM01, CYP-25-SAM02.');
    expect(files['README.txt']).toContain('9 Gorffennaf 2025');
    expect(files['cases/CYP-25-SAM01/documents/01-visit plan.txt']).toBe('Sam’s visit plan');
    expect(files['forms-not-sent/documents/01-draft notes.txt']).toBe('Sam’s draft notes');

    const aboutYou = JSON.parse(files['about-you.json']!) as { yourDetails: Array<{ caseReference: string; name: string; role: string }> };
    expect(aboutYou.yourDetails.map((p) => [p.caseReference, p.role, p.name])).toEqual([
      ['CYP-25-SAM01', 'complainant', 'Sam Subject'],
      ['CYP-25-SAM02', 'requester', 'Sam Subject'],
    ]);
    const complaint = JSON.parse(files['cases/CYP-25-SAM01/case.json']!) as {
      case: { reference: string; details: string };
      complaintPoints: unknown[];
      remedies: unknown[];
      yourDetails: unknown[];
    };
    expect(complaint.case).toMatchObject({ reference: 'CYP-25-SAM01', details: 'Visits were cancelled.' });
    expect(complaint.complaintPoints).toHaveLength(1);
    expect(complaint.remedies).toHaveLength(1);
    expect(complaint.yourDetails).toHaveLength(1);
    expect((JSON.parse(files['cases/CYP-25-SAM01/history.json']!) as Array<{ type: string }>).map((e) => e.type)).toEqual([
      'received',
      'acknowledged',
    ]);
    expect((JSON.parse(files['cases/CYP-25-SAM01/messages.json']!) as Array<{ template: string }>).map((m) => m.template)).toEqual([
      'acknowledgement',
    ]);
    expect((JSON.parse(files['cases/CYP-25-SAM01/letters.json']!) as Array<{ body: string }>).map((l) => l.body)).toEqual(['Annwyl Sam']);
    // The text message went to Sam's number, which the FOI request does not hold: it is listed on its own.
    expect((JSON.parse(files['messages.json']!) as Array<{ template: string }>).map((m) => m.template)).toEqual(['draft_link']);
    expect(JSON.parse(files['forms-not-sent.json']!) as Array<{ journey: string; token_hash?: string }>).toEqual([
      expect.objectContaining({ journey: 'complaint' }),
    ]);

    const everything = Object.values(files).join('\n');
    for (const foreign of [
      'pat.other',
      'Pat Other',
      'Pat’s',
      'Another council’s document',
      'OTH-25',
      'Elsewhere',
      'Alex',
      'complaints_officer@',
      'sar-draft-token-hash',
    ]) {
      expect(everything, foreign).not.toContain(foreign);
    }
  });

  it('finds a person by phone number however it was written, and a child by name and date of birth', async () => {
    const caller = await callers.asUser(council, council.users.administrator);
    const byPhone = unzip((await caller.staff.subjectAccess.export({ phone: '07700900982' })).base64);
    expect(Object.keys(byPhone).filter((name) => name.endsWith('case.json'))).toEqual(['cases/CYP-25-SAM01/case.json']);
    // Messages go to the addresses and numbers on Sam's own rows: the code by text, and the come-back link to Sam's email.
    expect(
      (JSON.parse(byPhone['messages.json']!) as Array<{ template: string; channel: string }>).map((m) => [m.template, m.channel]),
    ).toEqual([
      ['tracking_code', 'sms'],
      ['draft_link', 'email'],
    ]);

    const child = await caller.staff.subjectAccess.export({ name: 'alex subject', dateOfBirth: '2015-04-03' });
    expect(child.language).toBe('cy');
    const files = unzip(child.base64);
    const aboutYou = JSON.parse(files['about-you.json']!) as { yourDetails: Array<{ name: string; role: string }> };
    expect(aboutYou.yourDetails.map((p) => [p.role, p.name])).toEqual([['child', 'Alex  Subject']]);
    expect(Object.values(files).join('\n')).not.toContain('sam.subject@example.com');
    // The same name with another date of birth is someone else.
    const nobody = await caller.staff.subjectAccess.search({ name: 'Alex Subject', dateOfBirth: '2015-04-04' });
    expect(nobody.cases).toEqual([]);
  });

  it('at another council, finds only that council’s records for the same email address', async () => {
    const caller = await callers.asUser(other, other.users.complaints_officer);
    const files = unzip((await caller.staff.subjectAccess.export({ email: SAM.email })).base64);
    expect(
      Object.keys(files)
        .filter((name) => name.startsWith('cases/'))
        .sort(),
    ).toEqual([
      'cases/OTH-25-SAM01/case.json',
      'cases/OTH-25-SAM01/documents/01-elsewhere.txt',
      'cases/OTH-25-SAM01/history.json',
      'cases/OTH-25-SAM01/letters.json',
      'cases/OTH-25-SAM01/messages.json',
    ]);
    expect(Object.values(files).join('\n')).not.toContain('CYP-25-SAM');
  });

  it('audits the export and each case in it, as an export, in the council’s own log', async () => {
    const before = (await auditRows(council.id)).length;
    const otherBefore = (await auditRows(other.id)).length;
    const officer = council.users.complaints_officer;
    await (await callers.asUser(council, officer)).staff.subjectAccess.export({ email: SAM.email, phone: SAM.phone });
    const rows = (await auditRows(council.id)).slice(before);
    expect(rows).toEqual([
      { action: 'export', case_id: null, detail: 'staff.subjectAccess.export (email, phone)', actor_user_id: officer },
      { action: 'export', case_id: ids.complaint.id, detail: 'staff.subjectAccess.export', actor_user_id: officer },
      { action: 'export', case_id: ids.foi.id, detail: 'staff.subjectAccess.export', actor_user_id: officer },
    ]);
    expect((await auditRows(other.id)).length).toBe(otherBefore);
  });

  it('says when nothing is held, in the README', async () => {
    const caller = await callers.asUser(council, council.users.complaints_officer);
    const result = await caller.staff.subjectAccess.export({ email: 'nobody@example.com' });
    const files = unzip(result.base64);
    expect(result).toMatchObject({ cases: 0, language: 'en' });
    expect(files['README.txt']).toContain('We found no cases with information about you.');
    expect(JSON.parse(files['about-you.json']!)).toEqual({ yourDetails: [], accounts: [] });
  });
});

describe('staff.subjectAccess.search', () => {
  it('lists the person’s details, cases and counts, and audits the search and each case as reads', async () => {
    const before = (await auditRows(council.id)).length;
    const caller = await callers.asUser(council, council.users.complaints_officer);
    const found = await caller.staff.subjectAccess.search({ email: 'SAM.SUBJECT@example.com' });
    expect(found.people).toEqual([
      {
        caseReference: 'CYP-25-SAM01',
        role: 'complainant',
        name: 'Sam Subject',
        email: 'Sam.Subject@example.com',
        phone: '+44 7700 900982',
        dateOfBirth: null,
      },
      { caseReference: 'CYP-25-SAM02', role: 'requester', name: 'Sam Subject', email: SAM.email, phone: null, dateOfBirth: null },
    ]);
    expect(found.cases).toEqual([
      {
        id: ids.complaint.id,
        reference: 'CYP-25-SAM01',
        type: 'children_act_complaint',
        status: 'received',
        receivedOn: '2025-05-01',
        events: 2,
        messages: 1,
        letters: 1,
        documents: 1,
      },
      {
        id: ids.foi.id,
        reference: 'CYP-25-SAM02',
        type: 'foi_request',
        status: 'received',
        receivedOn: '2025-06-01',
        events: 1,
        messages: 1,
        letters: 0,
        documents: 0,
      },
    ]);
    expect(found).toMatchObject({ language: 'cy', otherMessages: 1, drafts: 1, accounts: 0, documents: 2 });
    const rows = (await auditRows(council.id)).slice(before);
    expect(rows.map((r) => [r.action, r.case_id, r.detail])).toEqual([
      ['read', null, 'staff.subjectAccess.search (email)'],
      ['read', ids.complaint.id, 'staff.subjectAccess.search'],
      ['read', ids.foi.id, 'staff.subjectAccess.search'],
    ]);
  });

  it('refuses bad input with a message on the field, and writes nothing', async () => {
    const caller = await callers.asUser(council, council.users.complaints_officer);
    const before = (await auditRows(council.id)).length;
    expect(await refusal(caller.staff.subjectAccess.search({}))).toMatchObject({
      status: 400,
      fieldErrors: { email: 'messages.subjectAccess.errors.nothing' },
    });
    expect(await refusal(caller.staff.subjectAccess.export({ email: 'not an email' }))).toMatchObject({
      status: 400,
      fieldErrors: { email: 'errors.email.invalid' },
    });
    expect(await refusal(caller.staff.subjectAccess.export({ name: 'Alex Subject' }))).toMatchObject({
      status: 400,
      fieldErrors: { dateOfBirth: 'messages.subjectAccess.errors.dateOfBirthForName' },
    });
    expect(await refusal(caller.staff.subjectAccess.export({ name: 'Alex Subject', dateOfBirth: '2025-07-10' }))).toMatchObject({
      status: 400,
      messageKey: 'errors.input',
      fieldErrors: { dateOfBirth: 'errors.date.inFuture' },
    });
    expect(await refusal(caller.staff.subjectAccess.export({ phone: '12345' }))).toMatchObject({
      status: 400,
      fieldErrors: { phone: 'errors.phone.invalid' },
    });
    expect((await auditRows(council.id)).length).toBe(before);
  });

  it('is refused to every role but complaints officers and administrators, with nothing written', async () => {
    const before = (await auditRows(council.id)).length;
    for (const role of ALL_ROLES) {
      const caller = await callers.asUser(council, council.users[role]);
      if (role === 'complaints_officer' || role === 'administrator') continue;
      expect((await refusal(caller.staff.subjectAccess.search({ email: SAM.email }))).status, role).toBe(403);
      expect((await refusal(caller.staff.subjectAccess.export({ email: SAM.email }))).status, role).toBe(403);
    }
    expect((await auditRows(council.id)).length).toBe(before);
    expect((await refusal((await callers.as(council, null)).staff.subjectAccess.export({ email: SAM.email }))).status).toBe(401);
  });
});
